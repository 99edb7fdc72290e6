import type { TRPCError } from '@trpc/server';
import type { Prisma, TransactionClient } from '@kc/db';
import type { TransitionRefusalCode } from '@kc/domain';
import { applicantMessage } from '@kc/domain';
import { appError } from '../errors';
import { notify, notifyOrganisation } from '../notifications/write';

export interface StatusChange {
  to: string;
  /** ApplicationAction code (or 'save-draft' …) for the timeline. */
  action: string;
  actor: { userId: string; role: string };
  /** When it happened: the injected clock's time (`ctx.now()`), never the database's. */
  at: Date;
  comment?: string | null | undefined;
  /** Other columns changed with the status (amounts, dates). */
  data?: Prisma.ApplicationUncheckedUpdateManyInput;
  details?: Record<string, unknown>;
}

/**
 * Moves an application to its next status and writes the timeline event, in the caller's
 * transaction. The update is conditional on the version the caller read, so a change someone else
 * made in between fails with STALE_VERSION instead of being overwritten. When someone other than
 * the applicant acts, the applicant gets a message (消息中心) in the same transaction; so does
 * their own submission (a receipt with the application number).
 */
export async function changeStatus(
  tx: Pick<
    TransactionClient,
    'application' | 'applicationEvent' | 'notification' | 'organisationMember'
  >,
  row: { id: string; status: string; version: number },
  change: StatusChange,
): Promise<void> {
  const updated = await tx.application.updateMany({
    where: { id: row.id, version: row.version },
    data: { ...change.data, status: change.to, version: { increment: 1 }, updatedAt: change.at },
  });
  if (updated.count !== 1) throw appError('STALE_VERSION');
  await tx.applicationEvent.create({
    data: {
      applicationId: row.id,
      actorUserId: change.actor.userId,
      actorRole: change.actor.role,
      action: change.action,
      fromStatus: row.status,
      toStatus: change.to,
      at: change.at,
      comment: change.comment?.trim() || null,
      details: (change.details ?? {}) as Prisma.InputJsonValue,
    },
  });
  // The applicant hears of what others do, and gets a receipt for their own submission;
  // `applicantMessage` has no message for their other own steps.
  if (change.actor.role === 'applicant' && change.action !== 'submit') return;
  const app = await tx.application.findUniqueOrThrow({
    where: { id: row.id },
    select: {
      applicantUserId: true,
      organisationId: true,
      number: true,
      ruleId: true,
      approvedAmountFen: true,
    },
  });
  const message = applicantMessage(change.action, {
    number: app.number,
    ruleId: app.ruleId,
    comment: change.comment,
    amountFen: app.approvedAmountFen,
  });
  if (!message) return;
  const note = { at: change.at, ...message, link: { page: 'application' as const, id: row.id } };
  // An organisation's application is the organisation's: every active member hears of it.
  if (app.organisationId) await notifyOrganisation(tx, app.organisationId, note);
  else await notify(tx, { userId: app.applicantUserId, ...note });
}

/** How the state machine's refusals reach the caller. Another area's application answers as missing. */
const REFUSAL_TO_ERROR = {
  UNKNOWN_ACTION: 'INVALID_INPUT',
  FINAL_STATUS: 'INVALID_TRANSITION',
  WRONG_STATUS: 'INVALID_TRANSITION',
  WRONG_ROLE: 'FORBIDDEN',
  NOT_OWNER: 'FORBIDDEN',
  NO_AREA: 'FORBIDDEN',
  OTHER_AREA: 'NOT_FOUND',
  COMMENT_REQUIRED: 'INVALID_INPUT',
  COMMENT_TOO_LONG: 'INVALID_INPUT',
} as const satisfies Record<TransitionRefusalCode, string>;

/** The error for a refused transition; batch operations name the application it concerns. */
export function transitionRefused(
  plan: { code: TransitionRefusalCode; message: string },
  applicationNumber?: string,
): TRPCError {
  const code = REFUSAL_TO_ERROR[plan.code];
  if (code === 'NOT_FOUND') return appError('NOT_FOUND');
  return appError(code, {
    message: applicationNumber ? `申请 ${applicationNumber}：${plan.message}` : plan.message,
    ...(plan.code.startsWith('COMMENT') ? { fieldErrors: { comment: [plan.message] } } : {}),
  });
}
