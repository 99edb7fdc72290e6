import PgBoss from 'pg-boss';
import type { Db } from '@kc/db';
import type { Logger } from '../logger';
import type { JobState, QueueDefinition, QueueName } from './queues';
import { JOB_TIMEZONE, QUEUES, QUEUE_NAMES } from './queues';

/**
 * The job queue: pg-boss in the schema `pgboss` of the app's own database (it creates and
 * migrates that schema itself at start; our Prisma migrations never touch it).
 *
 * - PostgreSQL: pg-boss opens its own small pool from the same URL.
 * - PGlite: one process owns the embedded database, so pg-boss runs inside it over PGlite's
 *   single connection (`db.queueConnection.executeSql`).
 *
 * Every process that enqueues starts a queue; only workers (`worker: true`) run handlers, the
 * cron schedules (Asia/Shanghai) and pg-boss's maintenance (expiry of jobs whose worker died,
 * archiving). Several workers may run at once: pg-boss hands each job to one of them.
 */
export interface JobQueueOptions {
  log: Logger;
  /** Run handlers, schedules and maintenance here. */
  worker?: boolean;
  /** How often an idle worker looks for jobs (default 2 s). */
  pollingIntervalSeconds?: number;
  /** PostgreSQL: the queue's own pool size (default 3). */
  poolMax?: number;
  /** Tests: every queue's first retry delay, in seconds (back-off doubles it each time). */
  retryDelaySeconds?: number;
  /** Tests: every queue's retry limit. */
  retryLimit?: number;
  /** Tests: every queue's expiry (a job active this long is taken as dead and retried). */
  expireInSeconds?: number;
  /** How often a worker runs pg-boss's maintenance, which expires dead jobs (default 120 s). */
  maintenanceIntervalSeconds?: number;
}

export interface JobMeta {
  id: string;
  retryCount: number;
  retryLimit: number;
}

export type JobHandler = (data: Record<string, unknown>, meta: JobMeta) => Promise<unknown>;
export type JobHandlers = Partial<Record<QueueName, JobHandler>>;

export interface SendOptions {
  /** A natural key as a UUID: a second send with the same id is dropped while the first is kept. */
  id?: string;
  singletonKey?: string;
}

export interface FailedJob {
  id: string;
  queue: string;
  data: Record<string, unknown>;
  error: string;
  attempts: number;
  createdAt: Date;
  failedAt: Date | null;
}

export interface JobQueue {
  readonly worker: boolean;
  start(): Promise<void>;
  /** Registers the handlers (workers only) and the schedules. */
  work(handlers: JobHandlers): Promise<void>;
  /** Stops fetching, lets running jobs finish for up to `timeoutMs`, then gives up on them. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  send(queue: QueueName, data: object, options?: SendOptions): Promise<string | null>;
  /** Whether a job with this id was ever queued (still queued, done, or archived). */
  known(queue: QueueName, id: string): Promise<boolean>;
  counts(): Promise<{ queue: string; state: JobState; count: number }[]>;
  failed(page: { queue?: string; offset: number; limit: number }): Promise<{
    total: number;
    items: FailedJob[];
  }>;
  /** Puts a failed job back in the queue; false when it is not (or no longer) failed. */
  retry(queue: string, id: string): Promise<boolean>;
  /**
   * Runs what is due in one queue here and now, without a worker: tests, and an operator's
   * one-off run. Returns how many jobs ran.
   */
  runOnce(queue: QueueName, handler: JobHandler): Promise<number>;
  /** Jobs waiting per queue (created + retry): the metric a scrape reads. */
  queueDepths(): Promise<Record<QueueName, number>>;
}

const SCHEMA = 'pgboss';

export function createJobQueue(db: Db, options: JobQueueOptions): JobQueue {
  const worker = options.worker ?? false;
  const connection = db.queueConnection;
  const boss = new PgBoss({
    ...(connection.kind === 'pglite'
      ? {
          db: {
            executeSql: (text: string, values: unknown[]) => connection.executeSql(text, values),
          },
        }
      : { connectionString: connection.url, max: options.poolMax ?? 3 }),
    schema: SCHEMA,
    application_name: worker ? 'kc-jobs-worker' : 'kc-jobs',
    supervise: worker,
    schedule: worker,
    ...(options.maintenanceIntervalSeconds
      ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }
      : {}),
    // Failed jobs stay in the queue table a month so administrators see them (后台任务);
    // archived ones are kept another month, which is also how long a job id stays a dedupe key.
    archiveFailedAfterSeconds: 30 * 24 * 3600,
    deleteAfterDays: 30,
  });
  boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
  const sql = () => boss.getDb();

  return {
    worker,
    async start() {
      await boss.start();
      for (const name of QUEUE_NAMES) {
        const q = QUEUES[name];
        const policy = {
          name,
          retryLimit: options.retryLimit ?? q.retryLimit,
          retryDelay: options.retryDelaySeconds ?? q.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: options.expireInSeconds ?? q.expireInSeconds,
        };
        await boss.createQueue(name, policy);
        await boss.updateQueue(name, policy);
      }
    },

    async work(handlers) {
      if (!worker) throw new Error('this job queue is not a worker');
      for (const name of QUEUE_NAMES) {
        const handler = handlers[name];
        if (!handler) continue;
        await boss.work<Record<string, unknown>>(
          name,
          {
            includeMetadata: true,
            batchSize: 1,
            pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
          },
          async (jobs) => {
            const job = jobs[0];
            if (!job) return;
            return handler(job.data ?? {}, {
              id: job.id,
              retryCount: job.retryCount,
              retryLimit: job.retryLimit,
            });
          },
        );
        const q: QueueDefinition = QUEUES[name];
        if (q.cron) await boss.schedule(name, q.cron, {}, { tz: JOB_TIMEZONE });
      }
    },

    async stop({ timeoutMs = 20_000 } = {}) {
      await boss.stop({ graceful: true, timeout: timeoutMs, wait: true, close: true });
    },

    send(queue, data, opts = {}) {
      return boss.send(queue, data, {
        ...(opts.id ? { id: opts.id } : {}),
        ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
      });
    },

    async known(queue, id) {
      return (await boss.getJobById(queue, id, { includeArchive: true })) !== null;
    },

    async counts() {
      const { rows } = await sql().executeSql(
        `SELECT name, state::text AS state, count(*) AS count FROM ${SCHEMA}.job GROUP BY name, state`,
        [],
      );
      return (rows as { name: string; state: JobState; count: string | number }[]).map((r) => ({
        queue: r.name,
        state: r.state,
        count: Number(r.count),
      }));
    },

    async failed({ queue, offset, limit }) {
      const where = `state = 'failed' AND ($1::text IS NULL OR name = $1)`;
      const [{ rows: total }, { rows }] = await Promise.all([
        sql().executeSql(`SELECT count(*) AS count FROM ${SCHEMA}.job WHERE ${where}`, [
          queue ?? null,
        ]),
        sql().executeSql(
          `SELECT id, name, data, output, retry_count, created_on, completed_on
             FROM ${SCHEMA}.job WHERE ${where}
            ORDER BY completed_on DESC NULLS LAST, id LIMIT $2 OFFSET $3`,
          [queue ?? null, limit, offset],
        ),
      ]);
      return {
        total: Number((total[0] as { count: string | number } | undefined)?.count ?? 0),
        items: (rows as FailedRow[]).map((r) => ({
          id: r.id,
          queue: r.name,
          data: r.data ?? {},
          error: errorText(r.output),
          attempts: Number(r.retry_count) + 1,
          createdAt: new Date(r.created_on),
          failedAt: r.completed_on ? new Date(r.completed_on) : null,
        })),
      };
    },

    async retry(queue, id) {
      const job = await boss.getJobById(queue, id);
      if (job?.state !== 'failed') return false;
      await boss.retry(queue, id);
      return true;
    },

    async runOnce(queue, handler) {
      const jobs = await boss.fetch<Record<string, unknown>>(queue, {
        batchSize: 100,
        includeMetadata: true,
      });
      for (const job of jobs) {
        try {
          const output = await handler(job.data ?? {}, {
            id: job.id,
            retryCount: job.retryCount,
            retryLimit: job.retryLimit,
          });
          await boss.complete(queue, job.id, output && typeof output === 'object' ? output : {});
        } catch (error) {
          await boss.fail(queue, job.id, { message: (error as Error).message });
        }
      }
      return jobs.length;
    },

    async queueDepths() {
      const depths = Object.fromEntries(QUEUE_NAMES.map((n) => [n, 0])) as Record<
        QueueName,
        number
      >;
      const { rows } = await sql().executeSql(
        `SELECT name, count(*) AS count FROM ${SCHEMA}.job
          WHERE state IN ('created', 'retry') GROUP BY name`,
        [],
      );
      for (const r of rows as { name: string; count: string | number }[]) {
        if (r.name in depths) depths[r.name as QueueName] = Number(r.count);
      }
      return depths;
    },
  };
}

interface FailedRow {
  id: string;
  name: string;
  data: Record<string, unknown> | null;
  output: unknown;
  retry_count: number | string;
  created_on: Date | string;
  completed_on: Date | string | null;
}

/** pg-boss stores a thrown error as its serialised form in `output`. */
function errorText(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output) {
    const message = (output as { message: unknown }).message;
    if (typeof message === 'string' && message) return message;
  }
  if (typeof output === 'string' && output) return output;
  return '未知错误';
}
