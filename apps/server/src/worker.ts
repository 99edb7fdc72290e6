import { createWeChatClient } from '@kc/api';
import { createDb } from '@kc/db';
import { readEnvOrExit } from './env';
import { startJobs } from './jobs';
import { createLogger } from './logger';
import { exitOnSignal } from './shutdown';

/**
 * A job worker on its own (PostgreSQL only): `pnpm --filter @kc/server worker`. A bureau may run
 * the API instances with JOBS_WORKER=0 and one or more of these; pg-boss hands each job to one
 * worker. Same environment as the API (DATABASE_URL, WECHAT_*, JOBS_*).
 */
const env = readEnvOrExit();
if (!env.DATABASE_URL) {
  console.error(
    'The job worker runs on its own only with PostgreSQL (DATABASE_URL). On the embedded ' +
      'database (PGlite) the API process runs the jobs itself: start the API only.',
  );
  process.exit(1);
}

const logger = createLogger(env.LOG_LEVEL);
const db = await createDb({
  poolMax: 2,
  onConnectionLost: (err) => logger.warn({ err }, 'database closed an idle connection'),
});
const wechat = createWeChatClient({
  baseUrl: env.WECHAT_API_BASE,
  appId: env.WECHAT_APPID,
  secret: env.WECHAT_SECRET,
});
const jobs = await startJobs({ db, env, logger, now: () => new Date(), wechat, worker: true });

/** SIGTERM: stop fetching, let running jobs finish (20 s), then close. */
exitOnSignal(logger, 'job worker shutting down', 30_000, async () => {
  await jobs.stop({ timeoutMs: 20_000 });
  await db.close();
});
