/**
 * Background jobs (pg-boss on the app's PostgreSQL or PGlite). One module per job:
 * subscribe-message (WeChat push of a stored message), dispatch (the outbox scan), reminders
 * (deadline scan and reminder), notice-ended (tells the bureau a notice may be closed), retention
 * (privacy/retention.ts: logs and archived applications past their 保存期限), data-export
 * (exports/build.ts: an officer's large list as .xlsx), policy-sandbox (policy/sandbox.ts: a
 * proposed version replayed over a period's applications).
 * Queues, their Chinese names, retries and schedules: queues.ts.
 */
import type { JobDeps } from './deps';
import { dispatchPending } from './dispatch';
import { notifyEndedNotices } from './notice-ended';
import { scanDeadlines, sendReminder } from './reminders';
import type { JobHandlers } from './runtime';
import { pushNotification } from './subscribe-message';
import { DEFAULT_RETENTION_CONFIG, runRetention } from '../privacy/retention';
import { runExport } from '../exports/build';
import { runSandboxJob } from '../policy/sandbox';

export { createJobQueue } from './runtime';
export type { FailedJob, JobHandlers, JobQueue, JobQueueOptions } from './runtime';
export { DEFAULT_JOBS_CONFIG } from './deps';
export type { JobDeps, JobsConfig } from './deps';
export { JOB_STATE_LABELS, JOB_TIMEZONE, QUEUES, QUEUE_NAMES, queueLabel } from './queues';
export type { QueueName } from './queues';
export { SUBSCRIBE_TEMPLATES } from './subscribe-templates';
export type { SubscribeTemplateKey } from './subscribe-templates';

export function jobHandlers(deps: JobDeps): JobHandlers {
  return {
    'subscribe-message': (data, meta) => pushNotification(deps, data, meta),
    'notification-dispatch': () => dispatchPending(deps),
    'deadline-scan': () => scanDeadlines(deps),
    'deadline-reminder': (data) => sendReminder(deps, data),
    'notice-ended-scan': () => notifyEndedNotices(deps),
    retention: () =>
      runRetention({
        db: deps.db,
        log: deps.log,
        now: deps.now,
        config: deps.config.retention ?? DEFAULT_RETENTION_CONFIG,
        files: deps.files,
      }),
    'data-export': (data, meta) => runExport(deps, data, meta),
    'policy-sandbox': (data) => runSandboxJob(deps, String(data.runId ?? '')),
  };
}

/** Starts a worker on a started queue: handlers and schedules. */
export async function startWorker(deps: JobDeps): Promise<void> {
  await deps.queue.work(jobHandlers(deps));
}
