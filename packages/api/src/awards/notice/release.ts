import type { TransactionClient } from '@kc/db';
import { formatYuan } from '@kc/domain';
import { lockBudget } from '../locks';
import type { OfficerCtx } from './common';

/**
 * Gives back what the approval took, under the programme budget's row lock (the application row
 * is already locked): the commitment and the quota place, journalled as a `release` of the same
 * approval round as the commit; and the once-only keys.
 */
export async function releaseAward(
  tx: TransactionClient,
  ctx: OfficerCtx,
  app: {
    applicationId: string;
    number: string;
    ruleId: string;
    year: number;
    approvedAmountFen: bigint | null;
  },
) {
  if (!(await lockBudget(tx, app.ruleId, app.year))) {
    throw new Error(`release: no budget row for ${app.ruleId}/${app.year} (${app.number})`);
  }
  const commit = await tx.ledgerEntry.findFirst({
    where: { applicationId: app.applicationId, kind: 'commit' },
    orderBy: { approvalRound: 'desc' },
  });
  // The ledger and the application must agree to the fen; if they do not, stop rather than guess.
  if (!commit || app.approvedAmountFen === null || commit.amountFen !== app.approvedAmountFen) {
    ctx.log.error(
      { application: app.number, commit: commit?.amountFen.toString() ?? null },
      'notice uphold: ledger commit and approved amount disagree',
    );
    throw new Error(`release: ledger and application disagree for ${app.number}`);
  }
  const amount = commit.amountFen;
  await tx.programmeBudget.update({
    where: { ruleId_year: { ruleId: app.ruleId, year: app.year } },
    data: {
      committedFen: { decrement: amount },
      approvedCount: { decrement: 1 },
      updatedAt: ctx.now(),
    },
  });
  await tx.ledgerEntry.create({
    data: {
      ruleId: app.ruleId,
      year: app.year,
      applicationId: app.applicationId,
      approvalRound: commit.approvalRound,
      kind: 'release',
      at: ctx.now(),
      amountFen: amount,
      actorUserId: ctx.caller.userId,
      note: `公示异议成立，撤回批准（${formatYuan(amount)}）`,
    },
  });
  const keys = await tx.awardOnceKey.deleteMany({ where: { applicationId: app.applicationId } });
  return {
    releasedFen: amount.toString(),
    approvalRound: commit.approvalRound,
    onceKeysReleased: keys.count,
  };
}
