import { z } from 'zod';
import type { Prisma } from '@kc/db';
import { plainString } from '@kc/domain';
import type { OfficerCtx } from './common';
import { ruleInfo } from './common';
import type { LedgerKind } from './statuses';
import { ledgerKindName } from './statuses';

/** 资金台账's filters: the page takes them with its page, the background export without. */
export const ledgerFilterSchema = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  ruleId: plainString().max(64).optional(),
});

/** What the ledger holds for a filter (page and export alike). */
export function ledgerWhere(f: z.infer<typeof ledgerFilterSchema>): Prisma.LedgerEntryWhereInput {
  return {
    ...(f.year ? { year: f.year } : {}),
    ...(f.ruleId ? { ruleId: f.ruleId } : {}),
  };
}

export interface LedgerFilter {
  year?: number | undefined;
  ruleId?: string | undefined;
  page: number;
  pageSize: number;
}

/** The budget journal in booking order, with totals per kind over the whole filter. */
export async function ledger(ctx: OfficerCtx, f: LedgerFilter) {
  const where = ledgerWhere(f);
  const prisma = ctx.db.prisma;
  const [total, sums, rows] = await Promise.all([
    prisma.ledgerEntry.count({ where }),
    prisma.ledgerEntry.groupBy({ by: ['kind'], where, _sum: { amountFen: true } }),
    prisma.ledgerEntry.findMany({
      where,
      include: {
        application: {
          select: {
            number: true,
            policySetId: true,
            organisation: { select: { name: true } },
            researcher: { select: { name: true } },
          },
        },
        disbursement: { select: { batch: { select: { id: true, number: true } } } },
      },
      orderBy: { id: 'asc' },
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
    }),
  ]);
  const sumOf = (kind: LedgerKind) => sums.find((s) => s.kind === kind)?._sum.amountFen ?? 0n;
  const commitFen = sumOf('commit');
  const releaseFen = sumOf('release');
  const paymentFen = sumOf('payment');
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    totals: {
      commitFen,
      releaseFen,
      paymentFen,
      /** approved and not yet paid (should equal the budgets' committed amounts) */
      outstandingFen: commitFen - releaseFen - paymentFen,
    },
    entries: rows.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind as LedgerKind,
      kindLabel: ledgerKindName(e.kind),
      amountFen: e.amountFen,
      ruleId: e.ruleId,
      ruleName: ruleInfo(e.application.policySetId, e.ruleId).ruleName,
      year: e.year,
      applicationId: e.applicationId,
      applicationNumber: e.application.number,
      organisationName: e.application.organisation?.name ?? e.application.researcher?.name ?? '',
      approvalRound: e.approvalRound,
      disbursementId: e.disbursementId,
      batchId: e.disbursement?.batch.id ?? null,
      batchNumber: e.disbursement?.batch.number ?? null,
      actorUserId: e.actorUserId,
      note: e.note,
    })),
  };
}
