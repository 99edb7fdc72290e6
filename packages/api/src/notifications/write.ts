import type { TransactionClient } from '@kc/db';
import { noteNotificationWritten } from '../jobs/outbox';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  /** The injected clock's time of the change it reports. */
  at: Date;
  link?:
    | {
        page:
          | 'application'
          | 'secondment'
          | 'need'
          /** 机构认证, 变更申请 and 认领申诉 (the id is the request's) */
          | 'org-verify'
          | 'org-change'
          | 'org-claim'
          /** 单位成员 and 科研人员单位关联 (the id is the organisation's) */
          | 'org-members'
          /** 收款账户 (the id is the new account's) */
          | 'org-bank'
          /** 免申即享 invitation (the id is the invitation's) */
          | 'exemption-invitation'
          /** officers: a 公示 batch (the admin's notice detail) */
          | 'notice-batch'
          /** a selection call, where the organisation's own submission to it is (the id is the call's) */
          | 'selection-call'
          /** a project of the organisation's (the id is the project's) */
          | 'project'
          /** a 创新联盟 the organisation leads (the id is the alliance's) */
          | 'alliance';
        id: string;
      }
    | undefined;
}

/**
 * Queues a message for an applicant in the caller's transaction, so the message exists exactly
 * when the change it reports does. Pushing it to WeChat (subscribe messages) happens later, from
 * the stored row, and never holds the transaction up.
 */
/**
 * The same message to every active member of an organisation (管理员 and 经办人): an
 * organisation's affairs are the organisation's, whoever of its people handled them.
 */
export async function notifyOrganisation(
  tx: Pick<TransactionClient, '$queryRaw'>,
  organisationId: string,
  message: Omit<NewNotification, 'userId'>,
): Promise<void> {
  // One statement for all the members, however many (no read of them first).
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO notification (id, user_id, kind, title, body, link_page, link_id, created_at)
    SELECT gen_random_uuid(), m.user_id, ${message.kind}, ${message.title}, ${message.body},
      ${message.link?.page ?? null}, ${message.link?.id ?? null}::uuid, ${message.at}::timestamptz
    FROM organisation_member m
    WHERE m.organisation_id = ${organisationId}::uuid AND m.status = 'active'
    ORDER BY m.joined_at, m.id
    RETURNING id::text AS id`;
  for (const { id } of rows) noteNotificationWritten(id);
}

export async function notify(
  tx: Pick<TransactionClient, 'notification'>,
  message: NewNotification,
): Promise<void> {
  const row = await tx.notification.create({
    data: {
      userId: message.userId,
      kind: message.kind,
      title: message.title,
      body: message.body,
      linkPage: message.link?.page ?? null,
      linkId: message.link?.id ?? null,
      createdAt: message.at,
    },
    select: { id: true },
  });
  noteNotificationWritten(row.id);
}
