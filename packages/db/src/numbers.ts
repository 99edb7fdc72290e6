/**
 * Human-readable reference numbers: SZKC-2026-000123 (applications), SZKC-GS-2026-001 (公示批次),
 * SZKC-BF-2026-001 (拨付批次), SZKC-FZ-2026-01 (科技副总批次).
 *
 * One `number_counter` row per (scope, year), bumped with INSERT … ON CONFLICT DO UPDATE …
 * RETURNING. The row lock makes concurrent callers wait for each other, so numbers never repeat;
 * a transaction that rolls back gives its number back (no gaps from failures, unlike a sequence).
 * The lock is held until the caller's transaction ends: take the number late in short
 * transactions. The unique index on each `number` column is the backstop.
 */
import type { Prisma, PrismaClient } from './generated/prisma/client';

export const NUMBER_FORMATS = {
  application: { prefix: 'SZKC', width: 6 },
  notice: { prefix: 'SZKC-GS', width: 3 },
  disbursement: { prefix: 'SZKC-BF', width: 3 },
  vpCall: { prefix: 'SZKC-FZ', width: 2 },
  /** 申报指南 (selection calls) and their 申报 (submissions), issue 14 */
  selectionCall: { prefix: 'SZKC-ZN', width: 2 },
  submission: { prefix: 'SZKC-SB', width: 5 },
  /** 需求榜 needs */
  need: { prefix: 'SZKC-XQ', width: 4 },
  /** 项目 (key technology projects) */
  project: { prefix: 'SZKC-XM', width: 4 },
  /** 创新联盟 (plan 四.4) */
  alliance: { prefix: 'SZKC-LM', width: 3 },
  /** 征求意见 (issue 15) */
  consultation: { prefix: 'SZKC-ZQ', width: 3 },
} as const;

export type NumberScope = keyof typeof NUMBER_FORMATS;

export function formatNumber(scope: NumberScope, year: number, value: number): string {
  const { prefix, width } = NUMBER_FORMATS[scope];
  return `${prefix}-${year}-${String(value).padStart(width, '0')}`;
}

/**
 * Whether `text` can be part of a number: `formatNumber` writes only A–Z, 0–9 and '-'. A search
 * text with any other character (a name in Chinese, lower case) is in no number, so a keyword
 * search can leave the number out rather than scan every number for it.
 */
export function mayOccurInNumber(text: string): boolean {
  return /^[A-Z0-9-]*$/.test(text);
}

/**
 * The next number of `scope` in `year` (e.g. the budget year, or the Shanghai calendar year of
 * creation). Use inside the transaction that inserts the row carrying the number.
 */
export async function nextNumber(
  client: PrismaClient | Prisma.TransactionClient,
  scope: NumberScope,
  year: number,
): Promise<string> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new RangeError(`Not a plausible year: ${year}`);
  const rows = await client.$queryRaw<{ last_value: number }[]>`
    INSERT INTO "number_counter" ("scope", "year", "last_value") VALUES (${scope}, ${year}, 1)
    ON CONFLICT ("scope", "year")
    DO UPDATE SET "last_value" = "number_counter"."last_value" + 1
    RETURNING "last_value"`;
  const value = rows[0]?.last_value;
  if (value === undefined) throw new Error('number_counter returned no row');
  return formatNumber(scope, year, Number(value));
}
