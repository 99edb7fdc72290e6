import Fastify from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { AppRouter, ApiConfig, WeChatClient } from '@kc/api';
import { appRouter, createContext } from '@kc/api';
import type { Db } from '@kc/db';
import { registerCors } from './cors';
import type { AppLogger } from './logger';
import type { ServerFileDeps } from './routes/files';
import { fileRoutes, fileRoutesOptions, fileStoreOf } from './routes/files';
import { publicRoutes } from './routes/public';
import type { TestClock } from './routes/test-clock';
import { testClockRoutes } from './routes/test-clock';

export interface ServerDeps {
  db: Db;
  wechat: WeChatClient;
  config: ApiConfig;
  logger: AppLogger;
  corsOrigins: readonly string[];
  now?: () => Date;
  /**
   * Development and tests only (TEST_CLOCK=1): "now" is real time moved by whole days, set over
   * HTTP at /test/clock. Absent, that route does not exist.
   */
  testClock?: TestClock;
  /** Evidence uploads: storage folder, size limit, officer access (defaults in routes/files.ts). */
  files?: ServerFileDeps;
}

/**
 * The HTTP host: tRPC under /trpc, evidence files under /files, public pages under /public,
 * liveness under /healthz (and, with the test clock on, /test/clock). No business logic here.
 */
export async function buildServer(deps: ServerDeps) {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // tRPC batches can carry a full profile form. Evidence uploads (routes/files.ts) stream their
    // bodies and enforce their own limit (FILE_MAX_MB).
    bodyLimit: 1024 * 1024,
  });
  registerCors(app, deps.corsOrigins);

  const apiDeps = {
    db: deps.db,
    wechat: deps.wechat,
    config: deps.config,
    log: deps.logger,
    now: deps.testClock?.now ?? deps.now ?? (() => new Date()),
    // One store for the file routes (which write it) and the procedures that read it.
    fileStore: fileStoreOf(deps.files),
  };

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) =>
        createContext(apiDeps, {
          authorization: req.headers.authorization,
          ip: req.ip,
          userAgent: req.headers['user-agent'],
        }),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          deps.logger.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  await app.register(fileRoutes, fileRoutesOptions(apiDeps, deps.files));
  // Public pages (公示, 申兑指南): no session, the same clock as the procedures.
  await app.register(publicRoutes, { prefix: '/public', deps: apiDeps });
  if (deps.testClock) await app.register(testClockRoutes, { clock: deps.testClock });

  app.get('/healthz', async () => {
    await deps.db.prisma.$queryRaw`SELECT 1`;
    return { ok: true, database: deps.db.kind };
  });

  return app;
}
