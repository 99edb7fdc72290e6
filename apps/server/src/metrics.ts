import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { TRPCError } from '@trpc/server';
import type { ApiMetrics } from '@kc/api';
import { appCodeOf, appRouter } from '@kc/api';
import type { Db } from '@kc/db';

/**
 * Prometheus metrics, served by their own listener (METRICS_HOST:METRICS_PORT, loopback by
 * default), never on the public port: nginx proxies PORT only, so /metrics cannot be reached
 * from outside even by a mistake in its config, and the scrape needs no access check.
 *
 * Labels are bounded: a procedure is labelled by its path only when the router has it (an
 * attacker's made-up paths all become "(unknown)"), HTTP routes by their pattern (`/files/:id`),
 * never by the raw URL.
 */
export interface ServerMetrics {
  readonly registry: Registry;
  /** What the API reports through (ApiDeps.metrics). */
  readonly api: ApiMetrics;
  /** An error tRPC answered before any procedure ran (unknown path, context, batch shape). */
  trpcError(error: TRPCError, path: string | undefined, type: string): void;
  /** An HTTP request finished (observeHttp). */
  httpRequest(route: string, method: string, status: number, seconds: number): void;
  /**
   * The job engine registers its queue sizes here (e.g. pg-boss getQueueSize per queue); read
   * at each scrape. Calling it again replaces the reader.
   */
  registerJobQueueDepth(read: () => Promise<Record<string, number>> | Record<string, number>): void;
}

export const UNKNOWN_PROCEDURE = '(unknown)';
const UNMATCHED_ROUTE = '(unmatched)';

/** Seconds; from a cached read to a slow export. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(options: { db?: Db } = {}): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const procedures = new Set(Object.keys(appRouter._def.procedures));
  const procedureLabel = (path: string | undefined) =>
    path && procedures.has(path) ? path : UNKNOWN_PROCEDURE;

  const calls = new Counter({
    name: 'kc_trpc_calls_total',
    help: 'tRPC procedure calls (each call of a batch on its own), by outcome code (OK or appCode).',
    labelNames: ['procedure', 'type', 'code'] as const,
    registers: [registry],
  });
  const callDuration = new Histogram({
    name: 'kc_trpc_call_duration_seconds',
    help: 'Time spent in a tRPC procedure, including its middlewares.',
    labelNames: ['procedure', 'type', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const loginFailures = new Counter({
    name: 'kc_login_failures_total',
    help: 'Refused logins: officer wrong password / code, unknown name, throttled; applicant WeChat code.',
    labelNames: ['kind', 'reason'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'kc_db_pool_connections',
    help: 'PostgreSQL pool connections (absent on PGlite, one in-process connection).',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const stats = options.db?.poolStats?.();
      if (!stats) return;
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'busy' }, stats.total - stats.idle);
    },
  });
  new Gauge({
    name: 'kc_db_pool_waiting',
    help: 'Queries waiting for a PostgreSQL pool connection.',
    registers: [registry],
    collect() {
      const stats = options.db?.poolStats?.();
      if (stats) this.set(stats.waiting);
    },
  });
  let readQueueDepth: (() => Promise<Record<string, number>> | Record<string, number>) | null =
    null;
  new Gauge({
    name: 'kc_job_queue_depth',
    help: 'Jobs waiting in each queue of the job engine.',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      if (!readQueueDepth) return;
      this.reset();
      for (const [queue, depth] of Object.entries(await readQueueDepth())) {
        this.set({ queue }, depth);
      }
    },
  });

  const httpRequests = new Counter({
    name: 'kc_http_requests_total',
    help: 'HTTP requests by route pattern (not URL) and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'kc_http_request_duration_seconds',
    help: 'HTTP request time by route pattern.',
    labelNames: ['route', 'method'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });

  // Errors the procedure middleware already counted; onError sees them again.
  const counted = new WeakSet<object>();

  return {
    registry,
    api: {
      procedure(call) {
        const labels = { procedure: procedureLabel(call.path), type: call.type };
        calls.inc({ ...labels, code: call.appCode ?? 'OK' });
        callDuration.observe(
          { ...labels, outcome: call.appCode ? 'error' : 'ok' },
          call.durationMs / 1000,
        );
        if (call.error && typeof call.error === 'object') counted.add(call.error);
      },
      loginFailed(kind, reason) {
        loginFailures.inc({ kind, reason });
      },
    },
    trpcError(error, path, type) {
      if (counted.has(error)) return;
      const known = ['query', 'mutation', 'subscription'].includes(type) ? type : 'unknown';
      calls.inc({ procedure: procedureLabel(path), type: known, code: appCodeOf(error) });
    },
    httpRequest(route, method, status, seconds) {
      // Methods are a client's choice: only the ones served here get their own label.
      const m = ['GET', 'POST', 'HEAD'].includes(method) ? method : 'OTHER';
      httpRequests.inc({ route, method: m, status: String(status) });
      httpDuration.observe({ route, method: m }, seconds);
    },
    registerJobQueueDepth(read) {
      readQueueDepth = read;
    },
  };
}

/**
 * Every HTTP request by route pattern (/files/:id, /public/…, and tRPC as one `/trpc/:path`:
 * its procedures have their own series, but a request refused before tRPC, e.g. by the rate
 * limit, shows only here). Hooks on the root instance: call it before routes register.
 */
export function observeHttp(app: FastifyInstance, metrics: ServerMetrics): void {
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? UNMATCHED_ROUTE;
    metrics.httpRequest(route, req.method, reply.statusCode, reply.elapsedTime / 1000);
  });
}

export interface MetricsListener {
  url: string;
  close(): Promise<void>;
}

/** GET /metrics on its own address; anything else is 404. */
export async function listenForMetrics(
  metrics: ServerMetrics,
  address: { host: string; port: number },
): Promise<MetricsListener> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (body) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
