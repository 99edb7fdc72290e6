import Fastify from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { AppRouter, ApiConfig, JobQueue, WeChatClient } from '@kc/api';
import { SessionCache, appRouter, createContext, retryAfterOf } from '@kc/api';
import type { Db } from '@kc/db';
import { registerCors } from './cors';
import type { RateLimitSettings } from './rate-limit';
import { DEFAULT_RATE_LIMITS, registerRateLimits } from './rate-limit';
import type { ServerMetrics } from './metrics';
import { observeHttp } from './metrics';
import { registerApiHeaders } from './api-headers';
import { cacheHeadersOf, registerConditionalGet } from './http-cache';
import { RequestLog, noteCaller } from './request-log';
import { registerInputGuard } from './input-guard';
import type { AppLogger } from './logger';
import type { ServerFileDeps } from './routes/files';
import { fileRoutes, fileRoutesOptions, fileStoreOf } from './routes/files';
import { publicRoutes } from './routes/public';
import type { TestClock } from './routes/test-clock';
import { testClockRoutes } from './routes/test-clock';
import { registerTrpc } from './trpc-route';

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
  /** Prometheus metrics (createMetrics); served by main.ts on METRICS_PORT, not here. */
  metrics?: ServerMetrics;
  /** Proxy addresses allowed to set the client address (X-Forwarded-For); TRUST_PROXY. */
  trustProxy?: string;
  /** Request rate limits (rate-limit.ts), shared by all instances through the database. */
  rateLimits?: RateLimitSettings;
  /** The job queue (jobs.ts): pushes after commit, the admin's 后台任务. */
  jobs?: JobQueue;
}

/**
 * The HTTP host: tRPC under /trpc, evidence files under /files, public pages under /public,
 * liveness under /healthz, readiness under /readyz (and, with the test clock on, /test/clock).
 * No business logic here.
 */
export async function buildServer(deps: ServerDeps) {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // tRPC batches can carry a full profile form. Evidence uploads (routes/files.ts) stream their
    // bodies and enforce their own limit (FILE_MAX_MB).
    bodyLimit: 1024 * 1024,
    // A batched GET names every procedure in its path (/trpc/a.b,c.d,…): a page refetching five
    // queries at once passed Fastify's default of 100 characters and was refused (414), so the
    // page kept stale data. 5,000 is what tRPC's Fastify adapter recommends.
    routerOptions: { maxParamLength: 5000 },
    // req.ip feeds the audit log and rate limits: only the configured proxy may set it.
    trustProxy: deps.trustProxy ?? false,
    // One line per request (request-log.ts).
    logController: new RequestLog(),
  });
  registerCors(app, deps.corsOrigins);
  if (deps.metrics) observeHttp(app, deps.metrics);

  // Verified sessions in memory; every instance drops a user's on the database's NOTIFY.
  const sessionCache = SessionCache.start(deps.db, deps.logger);
  app.addHook('onClose', () => sessionCache.close());

  const apiDeps = {
    db: deps.db,
    wechat: deps.wechat,
    config: deps.config,
    log: deps.logger,
    now: deps.testClock?.now ?? deps.now ?? (() => new Date()),
    // One store for the file routes (which write it) and the procedures that read it.
    fileStore: fileStoreOf(deps.files),
    metrics: deps.metrics?.api,
    jobs: deps.jobs,
    sessionCache,
  };

  registerApiHeaders(app);
  registerConditionalGet(app);
  registerInputGuard(app);
  const limits = await registerRateLimits(app, {
    db: deps.db,
    // Real time, not the test clock: a jump back in days would leave windows open for days.
    now: () => new Date(),
    settings: deps.rateLimits ?? DEFAULT_RATE_LIMITS,
    passwordHashing: deps.config.passwordHashing,
  });
  await registerTrpc(app, '/trpc', {
    router: appRouter,
    // The request's own logger: every line a procedure writes carries the request id.
    createContext: async ({ req, res, info }) => {
      await limits.trpc(req, res, info);
      const ctx = await createContext(
        { ...apiDeps, log: req.log },
        {
          authorization: req.headers.authorization,
          ip: req.ip,
          userAgent: req.headers['user-agent'],
        },
      );
      noteCaller(req, ctx.caller);
      return ctx;
    },
    // A throttled login or a rate limit says when to try again (RFC 9110 Retry-After).
    // Queries that opt in get an ETag and their own caching (http-cache.ts).
    responseMeta({ errors, paths, type, data }) {
      const seconds = retryAfterOf(errors);
      if (seconds !== undefined) return { headers: { 'retry-after': String(seconds) } };
      return { headers: cacheHeadersOf({ paths, type, errors, data }) };
    },
    onError({ error, path, type, req }) {
      deps.metrics?.trpcError(error, path, type);
      if (error.code === 'INTERNAL_SERVER_ERROR')
        req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions']);

  await app.register(fileRoutes, fileRoutesOptions(apiDeps, deps.files));
  // Public pages (公示, 申兑指南): no session, the same clock as the procedures.
  await app.register(publicRoutes, { prefix: '/public', deps: apiDeps });
  if (deps.testClock) await app.register(testClockRoutes, { clock: deps.testClock });

  // Liveness, reachable from outside: says nothing about what runs behind it.
  // Polled every few seconds by the proxy and the orchestrator: its line is left out at info.
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ ok: true }));
  // Readiness, internal (nginx denies it): the database answers.
  app.get('/readyz', async (req, reply) => {
    try {
      await deps.db.prisma.$queryRaw`SELECT 1`;
      return { ok: true, database: deps.db.kind };
    } catch (err) {
      req.log.warn({ err }, 'readiness: database unavailable');
      return reply.code(503).send({ ok: false, database: deps.db.kind });
    }
  });

  return app;
}
