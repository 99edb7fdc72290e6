import { createWeChatClient, seedSelectionDemo } from '@kc/api';
import { createDb } from '@kc/db';
import { seedDemo } from '@kc/db/seed';
import { buildServer } from './app';
import { readEnvOrExit } from './env';
import { createLogger } from './logger';
import { exitOnSignal } from './shutdown';
import { createMetrics, listenForMetrics } from './metrics';
import { runsWorker, startJobs } from './jobs';
import { fileStoreOf } from './routes/files';
import { createTestClock } from './routes/test-clock';
import { apiConfigFromEnv, fileSettingsFromEnv, rateLimitsFromEnv } from './settings';

const env = readEnvOrExit();

const logger = createLogger(env.LOG_LEVEL);
const testClock = env.TEST_CLOCK ? createTestClock() : undefined;
const now = testClock?.now ?? (() => new Date());
const db = await createDb({
  onConnectionLost: (err) => logger.warn({ err }, 'database closed an idle connection'),
});
const config = apiConfigFromEnv(env);
// One file store for the file routes, the procedures and the demo's attachments and lists.
const files = { settings: fileSettingsFromEnv(env) };
const fileStore = fileStoreOf(files);
if (env.SEED_DEMO) {
  await seedDemo(db.prisma, { now: now() });
  // 需求榜, calls at every stage, panels, projects: made through the API (issue 14).
  await seedSelectionDemo({ db, now: now(), fileStore, config, log: logger });
}
// Only with METRICS_PORT: its own listener, loopback by default (metrics.ts says why).
const metrics = env.METRICS_PORT ? createMetrics({ db }) : undefined;
const wechat = createWeChatClient({
  baseUrl: env.WECHAT_API_BASE,
  appId: env.WECHAT_APPID,
  secret: env.WECHAT_SECRET,
});
// Every instance enqueues; JOBS_WORKER (always, on PGlite) also runs the jobs here.
const jobs = await startJobs({ db, env, logger, now, wechat, worker: runsWorker(env, db) });
metrics?.registerJobQueueDepth(() => jobs.queueDepths());
const app = await buildServer({
  db,
  logger,
  config,
  wechat,
  jobs,
  corsOrigins: env.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean),
  files: { ...files, store: fileStore },
  rateLimits: rateLimitsFromEnv(env),
  ...(env.TRUST_PROXY ? { trustProxy: env.TRUST_PROXY } : {}),
  now,
  ...(testClock ? { testClock } : {}),
  ...(metrics ? { metrics } : {}),
});
if (env.TEST_CLOCK)
  logger.warn('TEST_CLOCK is on: POST /test/clock moves the time this server goes by');

// Stop taking requests, let in-flight ones finish, then close the database. Registered before
// the port opens: a SIGTERM that comes as soon as /healthz answers must still shut down cleanly.
const listeners: { metrics?: Awaited<ReturnType<typeof listenForMetrics>> } = {};
exitOnSignal(logger, 'shutting down', 10_000, async () => {
  await app.close();
  await listeners.metrics?.close();
  // Running jobs get a few seconds; one cut short is retried after its expiry (queues.ts).
  await jobs.stop({ timeoutMs: 5_000 });
  await db.close();
});

await app.listen({ host: env.HOST, port: env.PORT });
logger.info({ database: db.kind }, `API listening on http://${env.HOST}:${env.PORT}/trpc`);
if (metrics && env.METRICS_PORT) {
  listeners.metrics = await listenForMetrics(metrics, {
    host: env.METRICS_HOST,
    port: env.METRICS_PORT,
  });
  logger.info(`metrics on ${listeners.metrics.url}`);
}
