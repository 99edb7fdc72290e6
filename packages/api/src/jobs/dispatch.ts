import type { JobDeps } from './deps';
import { enqueuePushes } from './outbox';

/** Messages older than this that were never pushed are left alone (they would be stale news). */
const LOOK_BACK_MS = 2 * 24 * 3600_000;
const BATCH = 500;

/**
 * The outbox scan (every 5 minutes): enqueues a push for each recent message whose push_status
 * is still empty, in case the enqueue after its commit was lost. Job ids are the messages' ids,
 * so messages already queued are not queued again.
 */
export async function dispatchPending(deps: JobDeps): Promise<{ enqueued: number }> {
  const rows = await deps.db.prisma.notification.findMany({
    where: { pushStatus: null, createdAt: { gte: new Date(deps.now().getTime() - LOOK_BACK_MS) } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: BATCH,
  });
  await enqueuePushes(
    deps.queue,
    rows.map((r) => r.id),
  );
  return { enqueued: rows.length };
}
