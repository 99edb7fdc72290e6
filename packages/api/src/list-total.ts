import type { Prisma } from '@kc/db';

/**
 * Lists count their rows exactly up to this many. Beyond it an exact count reads a whole index
 * (hundreds of ms at province scale, on every page) for a number an officer reads as "about":
 * such a list answers the planner's estimate instead and says so (`totalIsEstimate`; the admin
 * pager shows 约 N 条).
 */
export const EXACT_COUNT_MAX = 100_000;

export interface ListTotal {
  total: number;
  totalIsEstimate: boolean;
}

type PlanRow = { 'QUERY PLAN': string | [{ Plan: { 'Plan Rows': number } }] };

/** How many rows the planner expects `query` to return (EXPLAIN runs nothing; ANALYZE's statistics). */
export async function plannedRows(
  db: Prisma.TransactionClient,
  query: Prisma.Sql,
): Promise<number> {
  const [row] = await db.$queryRaw<PlanRow[]>`EXPLAIN (FORMAT JSON) ${query}`;
  const plan = row?.['QUERY PLAN'];
  const parsed =
    typeof plan === 'string' ? (JSON.parse(plan) as Exclude<PlanRow['QUERY PLAN'], string>) : plan;
  return Math.round(parsed?.[0]?.Plan['Plan Rows'] ?? 0);
}

/**
 * Statistics change only when (auto)ANALYZE runs: an estimate a minute old decides as well as a
 * fresh one, and saves every page a round trip before its count. Per database client.
 */
const ESTIMATE_TTL_MS = 60_000;
const estimates = new WeakMap<object, Map<string, { rows: number; until: number }>>();

async function cachedPlannedRows(db: Prisma.TransactionClient, query: Prisma.Sql) {
  const cache = estimates.get(db) ?? new Map<string, { rows: number; until: number }>();
  estimates.set(db, cache);
  const key = JSON.stringify([query.sql, query.values]);
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.rows;
  const rows = await plannedRows(db, query);
  cache.set(key, { rows, until: Date.now() + ESTIMATE_TTL_MS });
  return rows;
}

/**
 * A list's total: exact, unless `estimate` (the list's filter as SQL, given only where it is
 * simple enough to state: no filter but the caller's scope) is expected to hold more than `max`.
 */
export async function listTotal(
  db: Prisma.TransactionClient,
  exact: () => Promise<number>,
  estimate: Prisma.Sql | null,
  max = EXACT_COUNT_MAX,
): Promise<ListTotal> {
  if (estimate) {
    const rows = await cachedPlannedRows(db, estimate);
    if (rows > max) return { total: rows, totalIsEstimate: true };
  }
  return { total: await exact(), totalIsEstimate: false };
}
