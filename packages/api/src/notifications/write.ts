import type { TransactionClient } from '@kc/db';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  /** The injected clock's time of the change it reports. */
  at: Date;
  link?: { page: 'application' | 'secondment' | 'need'; id: string } | undefined;
}

/**
 * Queues a message for an applicant in the caller's transaction, so the message exists exactly
 * when the change it reports does. Pushing it to WeChat (subscribe messages) happens later, from
 * the stored row, and never holds the transaction up.
 */
export async function notify(
  tx: Pick<TransactionClient, 'notification'>,
  message: NewNotification,
): Promise<void> {
  await tx.notification.create({
    data: {
      userId: message.userId,
      kind: message.kind,
      title: message.title,
      body: message.body,
      linkPage: message.link?.page ?? null,
      linkId: message.link?.id ?? null,
      createdAt: message.at,
    },
  });
}
