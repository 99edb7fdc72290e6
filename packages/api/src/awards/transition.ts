import type { TRPCError } from '@trpc/server';
import type { ApplicationEvent, Prisma, TransactionClient } from '@kc/db';
import type { TransitionRefusalCode } from '@kc/domain';
import { applicantMessage } from '@kc/domain';
import type { AuditEntry, AuditWho } from '../audit';
import { auditRecord } from '../audit';
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
  /**
   * The application's columns after the change, when the caller has them in memory (submit):
   * the applicant's message is then written without reading the row back.
   */
  after?: NoticeFacts;
  /** The change's audit record: written in the same statement as the timeline event. */
  audit?: { who: AuditWho; entry: AuditEntry };
}

/** What the applicant's message (消息中心) about a change is made of. */
interface NoticeFacts {
  applicantUserId: string;
  organisationId: string | null;
  number: string;
  ruleId: string;
  approvedAmountFen: bigint | null;
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
    'application' | 'applicationEvent' | 'notification' | 'organisationMember' | '$queryRaw'
  >,
  row: { id: string; status: string; version: number },
  change: StatusChange,
): Promise<ApplicationEvent> {
  const updated = await tx.application.updateMany({
    where: { id: row.id, version: row.version },
    data: { ...change.data, status: change.to, version: { increment: 1 }, updatedAt: change.at },
  });
  if (updated.count !== 1) throw appError('STALE_VERSION');
  const event = {
    applicationId: row.id,
    actorUserId: change.actor.userId,
    actorRole: change.actor.role,
    action: change.action,
    fromStatus: row.status,
    toStatus: change.to,
    at: change.at,
    comment: change.comment?.trim() || null,
    details: (change.details ?? {}) as Prisma.InputJsonValue,
  };
  const written = change.audit
    ? await insertEventWithAudit(tx, event, auditRecord(change.audit.who, change.audit.entry))
    : await tx.applicationEvent.create({ data: event });
  // The applicant hears of what others do, and gets a receipt for their own submission;
  // `applicantMessage` has no message for their other own steps.
  if (change.actor.role === 'applicant' && change.action !== 'submit') return written;
  const app =
    change.after ??
    (await tx.application.findUniqueOrThrow({
      where: { id: row.id },
      select: {
        applicantUserId: true,
        organisationId: true,
        number: true,
        ruleId: true,
        approvedAmountFen: true,
      },
    }));
  const message = applicantMessage(change.action, {
    number: app.number,
    ruleId: app.ruleId,
    comment: change.comment,
    amountFen: app.approvedAmountFen,
  });
  if (!message) return written;
  const note = { at: change.at, ...message, link: { page: 'application' as const, id: row.id } };
  // An organisation's application is the organisation's: every active member hears of it.
  if (app.organisationId) await notifyOrganisation(tx, app.organisationId, note);
  else await notify(tx, { userId: app.applicantUserId, ...note });
  return written;
}

/**
 * The timeline event and the audit record in one statement (one round trip instead of two):
 * both rows are written or neither. Returns the event as Prisma would.
 */
async function insertEventWithAudit(
  tx: Pick<TransactionClient, '$queryRaw'>,
  e: Omit<ApplicationEvent, 'id' | 'details'> & { details: Prisma.InputJsonValue },
  a: ReturnType<typeof auditRecord>,
): Promise<ApplicationEvent> {
  const rows = await tx.$queryRaw<ApplicationEvent[]>`
    WITH audit AS (
      INSERT INTO audit_log
        (at, actor_user_id, actor_role, action, object_type, object_id, area_code, details, ip)
      VALUES (${a.at}::timestamptz, ${a.actorUserId}::uuid, ${a.actorRole}, ${a.action},
        ${a.objectType}, ${a.objectId}, ${a.areaCode}, ${JSON.stringify(a.details)}::jsonb, ${a.ip})
    )
    INSERT INTO application_event
      (application_id, at, actor_user_id, actor_role, action, from_status, to_status, comment, details)
    VALUES (${e.applicationId}::uuid, ${e.at}::timestamptz, ${e.actorUserId}::uuid, ${e.actorRole},
      ${e.action}, ${e.fromStatus}, ${e.toStatus}, ${e.comment}, ${JSON.stringify(e.details)}::jsonb)
    RETURNING id, application_id AS "applicationId", at, actor_user_id AS "actorUserId",
      actor_role AS "actorRole", action, from_status AS "fromStatus", to_status AS "toStatus",
      comment, details`;
  const [event] = rows;
  if (!event) throw new Error('application_event insert returned no row');
  return event;
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
