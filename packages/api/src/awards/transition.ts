import type { Prisma, TransactionClient } from '@kc/db';
import { appError } from '../errors';

export interface StatusChange {
  to: string;
  /** ApplicationAction code (or 'save-draft' …) for the timeline. */
  action: string;
  actor: { userId: string; role: string };
  comment?: string | null | undefined;
  /** Other columns changed with the status (amounts, dates). */
  data?: Prisma.ApplicationUncheckedUpdateManyInput;
  details?: Record<string, unknown>;
}

/**
 * Moves an application to its next status and writes the timeline event, in the caller's
 * transaction. The update is conditional on the version the caller read, so a change someone else
 * made in between fails with STALE_VERSION instead of being overwritten.
 */
export async function changeStatus(
  tx: Pick<TransactionClient, 'application' | 'applicationEvent'>,
  row: { id: string; status: string; version: number },
  change: StatusChange,
): Promise<void> {
  const updated = await tx.application.updateMany({
    where: { id: row.id, version: row.version },
    data: { ...change.data, status: change.to, version: { increment: 1 } },
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
      comment: change.comment?.trim() || null,
      details: (change.details ?? {}) as Prisma.InputJsonValue,
    },
  });
}
