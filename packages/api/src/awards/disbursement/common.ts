import type { TransactionClient } from '@kc/db';
import type { ApplicationAction, ApplicationStatus } from '@kc/domain';
import { CONFLICT_OF_INTEREST_MESSAGE, planTransition, policyRule } from '@kc/domain';
import type { OfficerCaller } from '../../caller';
import type { Context } from '../../context';
import { appError } from '../../errors';
import { officerActor } from '../review-service';
import { transitionRefused } from '../transition';
import { policySetById } from '../../policy/catalogue';

export type OfficerCtx = Context & { caller: OfficerCaller };
export type Db = Pick<
  TransactionClient,
  'disbursementBatch' | 'user' | 'application' | 'ledgerEntry' | 'conflictOfInterest'
>;

/** The state machine's verdict on one application, or a refusal naming it. */
export function assertTransition(
  ctx: OfficerCtx,
  app: { number: string; status: string; areaCode: string | null },
  action: ApplicationAction,
) {
  const plan = planTransition({
    status: app.status as ApplicationStatus,
    action,
    actor: officerActor(ctx.caller),
    applicationAreaCode: app.areaCode,
  });
  if (!plan.ok) {
    throw transitionRefused(plan, app.number);
  }
  return plan;
}

export function ruleInfo(policySetId: string, ruleId: string) {
  const set = policySetById(policySetId);
  const rule = set ? policyRule(set, ruleId) : undefined;
  return { ruleName: rule?.name ?? ruleId, clause: rule?.clause ?? '' };
}

/** Locks the batch row for the rest of the transaction; false when there is no such batch. */
export async function lockBatch(tx: TransactionClient, batchId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM disbursement_batch WHERE id = ${batchId}::uuid FOR UPDATE`;
  return rows.length > 0;
}

/** 回避: the organisations among these that the officer declared a conflict of interest with. */
export async function refuseConflicts(
  db: Db,
  ctx: OfficerCtx,
  organisations: { id: string; name: string }[],
): Promise<void> {
  if (organisations.length === 0) return;
  const conflicts = await db.conflictOfInterest.findMany({
    where: {
      officerUserId: ctx.caller.userId,
      organisationId: { in: organisations.map((o) => o.id) },
    },
    select: { organisationId: true },
  });
  const first = conflicts[0];
  if (first) {
    const name = organisations.find((o) => o.id === first.organisationId)?.name ?? '';
    throw appError('CONFLICT_OF_INTEREST', {
      message: `${CONFLICT_OF_INTEREST_MESSAGE}（${name}）`,
    });
  }
}

/**
 * Four eyes (不相容岗位分离): whoever approved an award (actor of an `approve` timeline event of
 * it, in any approval round) neither confirms nor records the payment of a batch holding it. On
 * user ids, not roles: people change jobs, and a reviewer moved to the finance office must not
 * pay out what they decided. `step` names the refused step in the message (审核确认, 登记拨付).
 */
export async function refuseOwnApprovals(
  db: Pick<TransactionClient, 'applicationEvent'>,
  ctx: OfficerCtx,
  apps: { id: string; number: string }[],
  step: string,
): Promise<void> {
  const approved = await db.applicationEvent.findFirst({
    where: {
      applicationId: { in: apps.map((a) => a.id) },
      action: 'approve',
      actorUserId: ctx.caller.userId,
    },
    select: { applicationId: true },
  });
  if (approved) {
    const number = apps.find((a) => a.id === approved.applicationId)?.number ?? '';
    throw appError('SEPARATION_OF_DUTIES', {
      message: `申请 ${number} 由您批准，您不能${step}包含该申请的拨付批次，请由另一名财务人员${step}`,
    });
  }
}
