import type { TransactionClient } from '@kc/db';
import type { AwardHistory, Fen } from '@kc/domain';
import { AWARDED_STATUSES, fen } from '@kc/domain';

type Reader = Pick<TransactionClient, 'application' | 'programmeBudget'>;

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
export async function loadHistory(db: Reader, q: HistoryQuery): Promise<AwardHistory> {
  const awarded = { in: [...AWARDED_STATUSES] };
  const notSelf = q.excludeApplicationId ? { id: { not: q.excludeApplicationId } } : {};
  const owner = q.organisationId
    ? { organisationId: q.organisationId }
    : { researcherId: q.researcherId ?? '00000000-0000-0000-0000-000000000000' };
  const related = q.onceKeys?.length
    ? [owner, { onceKeys: { hasSome: [...q.onceKeys] } }]
    : [owner];
  const [prior, approvedThisYear, budget] = await Promise.all([
    db.application.findMany({
      where: { OR: related, ...notSelf, status: awarded },
      select: {
        id: true,
        ruleId: true,
        onceKeys: true,
        itemKey: true,
        approvedAmountFen: true,
        year: true,
      },
    }),
    db.application.count({
      where: { ruleId: q.ruleId, year: q.quotaYear, status: awarded, ...notSelf },
    }),
    q.withBudget
      ? db.programmeBudget.findUnique({
          where: { ruleId_year: { ruleId: q.ruleId, year: q.quotaYear } },
        })
      : null,
  ]);
  const history: AwardHistory = {
    priorAwards: prior.map((a) => ({
      ruleId: a.ruleId,
      applicationId: a.id,
      onceKeys: a.onceKeys,
      ...(a.itemKey ? { itemKey: a.itemKey } : {}),
      amount: fen(a.approvedAmountFen ?? 0n),
      year: a.year,
    })),
    approvedThisYear,
  };
  return budget ? { ...history, budgetRemaining: remainingOf(budget) } : history;
}

export function remainingOf(budget: {
  budgetFen: bigint;
  committedFen: bigint;
  paidFen: bigint;
}): Fen {
  return fen(budget.budgetFen - budget.committedFen - budget.paidFen);
}
