import type { ApplicationEvent, ReadRows } from '@kc/db';
import { Prisma } from '@kc/db';
import { applicantMessage } from '@kc/domain';
import type { AuditEntry, AuditWho } from '../audit';
import { auditRecord } from '../audit';
import { noteNotificationWritten } from '../jobs/outbox';

/** The columns a submission sets (with status, version and updatedAt). */
export interface SubmittedColumns {
  submittedAt: Date;
  policySetId: string;
  policyVersion: string;
  computedAmountFen: bigint;
  explanation: Prisma.InputJsonValue;
  onceKeys: string[];
  itemKey: string | null;
  year: number;
  areaCode: string | null;
  organisationId: string | null;
  researcherId: string | null;
}

export interface SubmissionWrite {
  row: { id: string; status: string; version: number; number: string; ruleId: string };
  /** Who submits (the timeline's actor). */
  actorUserId: string;
  /** Who drafted it: a researcher's receipt goes to them. */
  applicantUserId: string;
  to: string;
  at: Date;
  data: SubmittedColumns;
  details: Record<string, unknown>;
  audit: { who: AuditWho; entry: AuditEntry };
}

/**
 * A submission's writes in one statement, so it needs no transaction (issue 13): the status
 * change (conditional on the version read, as `changeStatus`), the timeline event, the audit
 * record and the receipt (消息中心) to every active member of the organisation, or to the
 * researcher. The inserts read the update's row, so they happen exactly when it does: both taps
 * of a double tap read the same version, the second update waits for the first's row lock, then
 * finds the version moved and matches nothing, and nothing else is written. Null when stale.
 */
export async function writeSubmission(
  read: ReadRows,
  w: SubmissionWrite,
): Promise<ApplicationEvent | null> {
  const d = w.data;
  const a = auditRecord(w.audit.who, w.audit.entry);
  const message = applicantMessage('submit', {
    number: w.row.number,
    ruleId: w.row.ruleId,
    comment: null,
    amountFen: null,
  });
  if (!message) throw new Error('no receipt message for submit');
  const rows = await read<ApplicationEvent & { notificationIds: string[] }>(Prisma.sql`
    WITH changed AS (
      UPDATE application SET
        submitted_at = ${d.submittedAt}::timestamptz, policy_set_id = ${d.policySetId},
        policy_version = ${d.policyVersion}, computed_amount_fen = ${d.computedAmountFen}::bigint,
        explanation = ${JSON.stringify(d.explanation)}::jsonb, once_keys = ${d.onceKeys}::text[],
        item_key = ${d.itemKey}, year = ${d.year}::int, area_code = ${d.areaCode},
        organisation_id = ${d.organisationId}::uuid, researcher_id = ${d.researcherId}::uuid,
        status = ${w.to}, version = version + 1, updated_at = ${w.at}::timestamptz
      WHERE id = ${w.row.id}::uuid AND version = ${w.row.version}::int
      RETURNING id
    ), audit AS (
      INSERT INTO audit_log
        (at, actor_user_id, actor_role, action, object_type, object_id, area_code, details, ip)
      SELECT ${a.at}::timestamptz, ${a.actorUserId}::uuid, ${a.actorRole}, ${a.action},
        ${a.objectType}, ${a.objectId}, ${a.areaCode}, ${JSON.stringify(a.details)}::jsonb, ${a.ip}
      FROM changed
    ), receipt AS (
      INSERT INTO notification (id, user_id, kind, title, body, link_page, link_id, created_at)
      SELECT gen_random_uuid(), r.user_id, ${message.kind}, ${message.title}, ${message.body},
        'application', ${w.row.id}::uuid, ${w.at}::timestamptz
      FROM changed, (
        -- An organisation's application is the organisation's: every active member hears of it.
        SELECT m.user_id, m.joined_at, m.id FROM organisation_member m
        WHERE m.organisation_id = ${d.organisationId}::uuid AND m.status = 'active'
        UNION ALL
        SELECT ${w.applicantUserId}::uuid, NULL, NULL WHERE ${d.organisationId}::uuid IS NULL
      ) r
      ORDER BY r.joined_at, r.id
      RETURNING id::text AS id
    ), event AS (
      INSERT INTO application_event
        (application_id, at, actor_user_id, actor_role, action, from_status, to_status, comment, details)
      SELECT changed.id, ${w.at}::timestamptz, ${w.actorUserId}::uuid, 'applicant', 'submit',
        ${w.row.status}, ${w.to}, NULL, ${JSON.stringify(w.details)}::jsonb
      FROM changed
      RETURNING id, application_id AS "applicationId", at, actor_user_id AS "actorUserId",
        actor_role AS "actorRole", action, from_status AS "fromStatus", to_status AS "toStatus",
        comment, details
    )
    SELECT event.*, ARRAY(SELECT id FROM receipt) AS "notificationIds" FROM event`);
  const [written] = rows;
  if (!written) return null;
  const { notificationIds, ...event } = written;
  for (const id of notificationIds) noteNotificationWritten(id);
  return event;
}
