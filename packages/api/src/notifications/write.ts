import type { TransactionClient } from '@kc/db';
import { noteNotificationWritten } from '../jobs/outbox';
import { BUREAU_ROLES, keyedId } from '../jobs/reminders';

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
          /**
           * a project (the id is the project's): the organisation's project in the mini-program,
           * the project's detail in the admin for officers
           */
          | 'project'
          /** a 创新联盟 the organisation leads (the id is the alliance's) */
          | 'alliance'
          /** 征求意见: a policy draft's consultation, with the caller's comments (the id is its) */
          | 'policy-consultation';
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

/**
 * The same message to every bureau officer able to act on it (局管理员 and 局审核员, not
 * disabled), for a step that waits on the bureau. `key` names the change told: each officer's
 * message id is made from it, so the change told again (a retry, a second path to the same state)
 * writes nothing more. Officers sign in with a password, not WeChat: nothing to push.
 */
export async function notifyBureauOfficers(
  tx: Pick<TransactionClient, 'user' | 'notification'>,
  key: string,
  message: Omit<NewNotification, 'userId'>,
): Promise<void> {
  const officers = await tx.user.findMany({
    where: { kind: 'OFFICER', disabled: false, role: { in: [...BUREAU_ROLES] } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  if (officers.length === 0) return;
  await tx.notification.createMany({
    data: officers.map((o) => ({
      id: keyedId(`${key}:${o.id}`),
      userId: o.id,
      kind: message.kind,
      title: message.title,
      body: message.body,
      linkPage: message.link?.page ?? null,
      linkId: message.link?.id ?? null,
      createdAt: message.at,
      pushStatus: 'skipped',
    })),
    skipDuplicates: true,
  });
}
