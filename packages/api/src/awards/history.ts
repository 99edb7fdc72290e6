import type { ReadRows } from '@kc/db';
import { Prisma } from '@kc/db';
import type { AwardHistory, Fen } from '@kc/domain';
import { AWARDED_STATUSES, fen } from '@kc/domain';

export interface HistoryQuery {
  organisationId: string | null;
  researcherId: string | null;
  ruleId: string;
  quotaYear: number;
  /** The application being evaluated: it is not its own precedent. */
  excludeApplicationId?: string | undefined;
  /**
   * Once-only keys the application would take. Some are not the applicant's alone (a selected
   * scenario case is paid once, whoever applies), so awards holding them count too.
   */
  onceKeys?: readonly string[] | undefined;
  /** Read the programme's yearly budget too (officers' evaluations only). */
  withBudget: boolean;
}

/**
 * What the engine needs to know about earlier awards: the applicant's standing awards (for
 * once-only keys, item caps and upgrades) and how many awards the rule already has this year.
 * Inside an approval transaction this is read after the programme's budget row is locked, so it
 * is exact; outside (preview, submit) it is a good-faith snapshot.
 */
/**
 * The awarded statuses written into the statement's text, not bound: the partial indexes the
 * history reads through (migration …_award_history_indexes) have this list as their predicate,
 * and a prepared statement's generic plan can use them only if its text implies it. The values
 * are the domain's own constants, never input.
 */
const AWARDED = Prisma.raw(
  AWARDED_STATUSES.map((status) => {
    if (!/^[a-z-]+$/.test(status)) throw new Error(`unexpected status ${status}`);
    return `'${status}'`;
  }).join(', '),
);

export async function loadHistory(read: ReadRows, q: HistoryQuery): Promise<AwardHistory> {
  const [row] = await read<{
    prior: PriorRow[];
    approvedThisYear: number;
    budgetRemaining: bigint | null;
  }>(historyStatement(q));
  if (!row) throw new Error('loadHistory returned no row');
  const history: AwardHistory = {
    priorAwards: row.prior.map((a) => ({
      ruleId: a.ruleId,
      applicationId: a.id,
      onceKeys: a.onceKeys,
      ...(a.itemKey ? { itemKey: a.itemKey } : {}),
      amount: fen(BigInt(a.approvedAmountFen ?? 0)),
      year: a.year,
    })),
    approvedThisYear: row.approvedThisYear,
  };
  return row.budgetRemaining === null
    ? history
    : { ...history, budgetRemaining: fen(BigInt(row.budgetRemaining)) };
}

/**
 * One statement (issue 13: every submission reads this): the prior awards, the year's count and,
 * for officers, what the budget has left. The prior awards are the owner's or share a once-only
 * key (`&&` with no keys is false).
 */
export function historyStatement(q: HistoryQuery): Prisma.Sql {
  const self = q.excludeApplicationId ?? null;
  const owner = q.organisationId
    ? Prisma.sql`a.organisation_id = ${q.organisationId}::uuid`
    : Prisma.sql`a.researcher_id = ${q.researcherId ?? '00000000-0000-0000-0000-000000000000'}::uuid`;
  return Prisma.sql`
    SELECT
      COALESCE((
        SELECT json_agg(json_build_object('id', a.id, 'ruleId', a.rule_id, 'onceKeys', a.once_keys,
          'itemKey', a.item_key, 'approvedAmountFen', a.approved_amount_fen::text, 'year', a.year))
        FROM application a
        WHERE (${owner} OR a.once_keys && ${[...(q.onceKeys ?? [])]}::text[])
          AND a.status IN (${AWARDED})
          AND (${self}::uuid IS NULL OR a.id <> ${self}::uuid)
      ), '[]') AS prior,
      (SELECT count(*)::int FROM application a
        WHERE a.rule_id = ${q.ruleId} AND a.year = ${q.quotaYear}::int
          AND a.status IN (${AWARDED})
          AND (${self}::uuid IS NULL OR a.id <> ${self}::uuid)) AS "approvedThisYear",
      (SELECT b.budget_fen - b.committed_fen - b.paid_fen FROM programme_budget b
        WHERE ${q.withBudget}::boolean AND b.rule_id = ${q.ruleId} AND b.year = ${q.quotaYear}::int
      ) AS "budgetRemaining"`;
}

/** A prior award as the statement gives it (the amount as text: fen exceed JSON's exact range). */
interface PriorRow {
  id: string;
  ruleId: string;
  onceKeys: string[];
  itemKey: string | null;
  approvedAmountFen: string | null;
  year: number;
}

export function remainingOf(budget: {
  budgetFen: bigint;
  committedFen: bigint;
  paidFen: bigint;
}): Fen {
  return fen(budget.budgetFen - budget.committedFen - budget.paidFen);
}
