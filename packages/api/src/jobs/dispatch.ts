import { enqueueExport } from '../exports/service';
import { enqueueSandbox } from '../policy/sandbox';
import type { JobDeps } from './deps';
import { enqueuePushes } from './outbox';

/** Messages older than this that were never pushed are left alone (they would be stale news). */
const LOOK_BACK_MS = 2 * 24 * 3600_000;
const BATCH = 500;
/** An export still 排队中 this long after it was asked for lost its send (it takes milliseconds). */
const EXPORT_GRACE_MS = 60_000;

/**
 * The outbox scan (every 5 minutes): enqueues a push for each recent message whose push_status
 * is still empty, and a build for each export and 政策沙盘 run still 排队中, in case the enqueue
 * after its commit was lost. Job ids are the rows' ids, so what is already queued is not queued again.
 */
export async function dispatchPending(
  deps: JobDeps,
): Promise<{ enqueued: number; exports: number; sandboxRuns: number }> {
  const now = deps.now().getTime();
  const lookBack = new Date(now - LOOK_BACK_MS);
  const exports = await deps.db.prisma.dataExport.findMany({
    where: { status: 'queued', createdAt: { gte: lookBack, lte: new Date(now - EXPORT_GRACE_MS) } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: BATCH,
  });
  for (const { id } of exports) await enqueueExport(deps.queue, id);
  // 政策沙盘 runs are their own outbox too: one still 排队中 lost its send.
  const sandboxRuns = await deps.db.prisma.policySandboxRun.findMany({
    where: { status: 'queued', createdAt: { gte: lookBack, lte: new Date(now - EXPORT_GRACE_MS) } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: BATCH,
  });
  for (const { id } of sandboxRuns) await enqueueSandbox(deps.queue, id);
  const rows = await deps.db.prisma.notification.findMany({
    where: { pushStatus: null, createdAt: { gte: lookBack } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: BATCH,
  });
  await enqueuePushes(
    deps.queue,
    rows.map((r) => r.id),
  );
  return { enqueued: rows.length, exports: exports.length, sandboxRuns: sandboxRuns.length };
}
