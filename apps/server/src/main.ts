import { createWeChatClient } from '@kc/api';
import { createDb } from '@kc/db';
import { seedDemo } from '@kc/db/seed';
import { buildServer } from './app';
import { EnvError, readEnv } from './env';
import { createLogger } from './logger';
import { createTestClock } from './routes/test-clock';
import { apiConfigFromEnv, fileSettingsFromEnv } from './settings';

let env;
try {
  env = readEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(env.LOG_LEVEL);
const testClock = env.TEST_CLOCK ? createTestClock() : undefined;
const now = testClock?.now ?? (() => new Date());
const db = await createDb();
if (env.SEED_DEMO) await seedDemo(db.prisma, { now: now() });
const app = await buildServer({
  db,
  logger,
  config: apiConfigFromEnv(env),
  wechat: createWeChatClient({
    baseUrl: env.WECHAT_API_BASE,
    appId: env.WECHAT_APPID,
    secret: env.WECHAT_SECRET,
  }),
  corsOrigins: env.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean),
  files: { settings: fileSettingsFromEnv(env) },
  now,
  ...(testClock ? { testClock } : {}),
});
if (env.TEST_CLOCK)
  logger.warn('TEST_CLOCK is on: POST /test/clock moves the time this server goes by');

await app.listen({ host: env.HOST, port: env.PORT });
logger.info({ database: db.kind }, `API listening on http://${env.HOST}:${env.PORT}/trpc`);

/** Stop taking requests, let in-flight ones finish, then close the database. */
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  try {
    await app.close();
    await db.close();
  } finally {
    clearTimeout(force);
  }
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
