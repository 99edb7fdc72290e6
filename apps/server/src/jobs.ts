import type { JobQueue, JobsConfig, WeChatClient } from '@kc/api';
import { createJobQueue, startWorker } from '@kc/api';
import type { Db } from '@kc/db';
import type { Env } from './env';
import type { AppLogger } from './logger';
import { fileStoreOf } from './routes/files';
import { fileSettingsFromEnv } from './settings';

/** The jobs' settings from the environment (JOBS_*, WECHAT_TEMPLATE_*). */
export function jobsConfigFromEnv(env: Env): JobsConfig {
  return {
    subscribeTemplates: {
      ...(env.WECHAT_TEMPLATE_PROGRESS ? { progress: env.WECHAT_TEMPLATE_PROGRESS } : {}),
      ...(env.WECHAT_TEMPLATE_REMINDER ? { reminder: env.WECHAT_TEMPLATE_REMINDER } : {}),
    },
    miniprogramState: env.WECHAT_MINIPROGRAM_STATE,
    reminderDays: env.JOBS_REMINDER_DAYS,
    retention: {
      auditRetentionMonths: env.AUDIT_RETENTION_MONTHS,
      applicationRetentionYears: env.APPLICATION_RETENTION_YEARS ?? null,
    },
  };
}

/** PGlite has one owner process, so the API runs the worker there whatever JOBS_WORKER says. */
export function runsWorker(env: Pick<Env, 'JOBS_WORKER'>, db: Pick<Db, 'kind'>): boolean {
  return db.kind === 'pglite' || env.JOBS_WORKER;
}

/**
 * Starts the job queue of this process: every process enqueues; a worker also runs the handlers,
 * the schedules and pg-boss's maintenance (which retries the jobs of a worker that died).
 */
export async function startJobs(options: {
  db: Db;
  env: Env;
  logger: AppLogger;
  now: () => Date;
  wechat: WeChatClient;
  worker: boolean;
}): Promise<JobQueue> {
  const { db, env, logger, now, wechat, worker } = options;
  const queue = createJobQueue(db, { log: logger, worker, poolMax: env.JOBS_POOL_MAX });
  await queue.start();
  if (worker) {
    await startWorker({
      db,
      wechat,
      log: logger,
      now,
      queue,
      config: jobsConfigFromEnv(env),
      // Exports are written where the file routes read (local folder or bucket, FILE_*).
      files: fileStoreOf({ settings: fileSettingsFromEnv(env) }),
    });
  }
  logger.info({ worker, database: db.kind }, worker ? 'job worker running' : 'job queue ready');
  return queue;
}
