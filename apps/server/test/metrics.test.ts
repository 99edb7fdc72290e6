import type { AddressInfo } from 'node:net';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@kc/api';
import { DEFAULT_API_CONFIG, createWeChatClient } from '@kc/api';
import type { Db } from '@kc/db';
import { createTestDb, demoSeedTemplate, testRunStartedAt } from '@kc/db/testing';
import { buildServer } from '../src/app';
import { createFakeWeChat } from '../src/fake-wechat/service';
import { createLogger } from '../src/logger';
import type { MetricsListener, ServerMetrics } from '../src/metrics';
import { createMetrics, listenForMetrics } from '../src/metrics';

/**
 * /metrics after real calls: the per-procedure series (a batch counts each call), login
 * failures, routes outside tRPC, and the listener that is not the public port.
 */
let db: Db;
let metrics: ServerMetrics;
let api: Awaited<ReturnType<typeof buildServer>>;
let listener: MetricsListener;
let wechat: ReturnType<typeof createFakeWeChat>;
let apiUrl: string;

beforeAll(async () => {
  db = await createTestDb({ template: demoSeedTemplate(testRunStartedAt()) });
  wechat = createFakeWeChat({ appId: 'wx-test', secret: 'wx-test-secret' });
  await wechat.listen({ host: '127.0.0.1', port: 0 });
  const wechatUrl = `http://127.0.0.1:${(wechat.server.address() as AddressInfo).port}`;
  metrics = createMetrics({ db });
  api = await buildServer({
    db,
    logger: createLogger('silent'),
    config: DEFAULT_API_CONFIG,
    wechat: createWeChatClient({ baseUrl: wechatUrl, appId: 'wx-test', secret: 'wx-test-secret' }),
    corsOrigins: [],
    metrics,
  });
  await api.listen({ host: '127.0.0.1', port: 0 });
  apiUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  listener = await listenForMetrics(metrics, { host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await listener?.close();
  await api?.close();
  await wechat?.close();
  await db?.close();
});

function trpc() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${apiUrl}/trpc`, transformer: superjson })],
  });
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

async function scrape(): Promise<{ text: string; samples: Sample[] }> {
  const res = await fetch(listener.url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return { text, samples };
}

/** The value of the one sample with this name and (at least) these labels; 0 when absent. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string>): number {
  const found = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  expect(found.length, `${name} ${JSON.stringify(labels)}`).toBeLessThanOrEqual(1);
  return found[0]?.value ?? 0;
}

describe('/metrics', () => {
  it('counts calls, errors and latency per procedure, each call of a batch on its own', async () => {
    const before = (await scrape()).samples;
    const login = { procedure: 'auth.officerLogin', type: 'mutation' };
    const wrong = valueOf(before, 'kc_trpc_calls_total', { ...login, code: 'WRONG_CREDENTIALS' });

    // Three calls in one HTTP request (httpBatchLink batches what is sent together).
    const api = trpc();
    const results = await Promise.allSettled([
      api.health.check.query(),
      api.health.check.query(),
      api.auth.officerLogin.mutate({ username: 'admin', password: 'not-the-password' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    await expect(
      api.auth.officerLogin.mutate({ username: 'nobody-here', password: 'whatever-1234' }),
    ).rejects.toThrow();

    const after = (await scrape()).samples;
    expect(
      valueOf(after, 'kc_trpc_calls_total', {
        procedure: 'health.check',
        type: 'query',
        code: 'OK',
      }),
    ).toBe(2);
    expect(valueOf(after, 'kc_trpc_calls_total', { ...login, code: 'WRONG_CREDENTIALS' })).toBe(
      wrong + 2,
    );
    expect(
      valueOf(after, 'kc_trpc_call_duration_seconds_count', { ...login, outcome: 'error' }),
    ).toBe(2);
    expect(
      valueOf(after, 'kc_trpc_call_duration_seconds_bucket', {
        procedure: 'health.check',
        outcome: 'ok',
        le: '+Inf',
      }),
    ).toBe(2);
  });

  it('counts a call the guard refuses before its procedure runs (unreadable input)', async () => {
    const login = { procedure: 'auth.officerLogin', type: 'mutation', code: 'INVALID_INPUT' };
    // Timed by the middleware (tRPC's onError, the fallback, counts but cannot time), once.
    const timed = { procedure: 'auth.officerLogin', outcome: 'error' };
    const count = 'kc_trpc_call_duration_seconds_count';
    const before = (await scrape()).samples;
    await expect(
      trpc().auth.officerLogin.mutate({ username: 'admin\u0000', password: 'whatever-1234' }),
    ).rejects.toThrow();
    const after = (await scrape()).samples;
    expect(valueOf(after, 'kc_trpc_calls_total', login)).toBe(
      valueOf(before, 'kc_trpc_calls_total', login) + 1,
    );
    expect(valueOf(after, count, timed)).toBe(valueOf(before, count, timed) + 1);
  });

  it('counts login failures by kind and reason', async () => {
    const before = (await scrape()).samples;
    const wrong = { kind: 'officer', reason: 'wrong-password' };
    const unknown = { kind: 'officer', reason: 'unknown-user' };
    const base = {
      wrong: valueOf(before, 'kc_login_failures_total', wrong),
      unknown: valueOf(before, 'kc_login_failures_total', unknown),
    };
    await expect(
      trpc().auth.officerLogin.mutate({ username: 'reviewer', password: 'wrong-password-1' }),
    ).rejects.toThrow();
    await expect(
      trpc().auth.officerLogin.mutate({ username: 'no-such-officer', password: 'x-1234567' }),
    ).rejects.toThrow();
    await expect(trpc().auth.wechatLogin.mutate({ code: 'not-a-real-code' })).rejects.toThrow();

    const after = (await scrape()).samples;
    expect(valueOf(after, 'kc_login_failures_total', wrong)).toBe(base.wrong + 1);
    expect(valueOf(after, 'kc_login_failures_total', unknown)).toBe(base.unknown + 1);
    expect(
      valueOf(after, 'kc_login_failures_total', { kind: 'applicant', reason: 'wechat-code' }),
    ).toBe(1);
  });

  it('labels made-up procedure paths as one "(unknown)" series, not by the path sent', async () => {
    for (const path of ['no.such.procedure', 'attacker.x1', 'attacker.x2']) {
      const res = await fetch(`${apiUrl}/trpc/${path}`);
      expect(res.status).toBe(404);
    }
    const { text, samples } = await scrape();
    expect(text).not.toContain('attacker');
    expect(
      valueOf(samples, 'kc_trpc_calls_total', { procedure: '(unknown)', code: 'NOT_FOUND' }),
    ).toBe(3);
  });

  it('counts HTTP requests by route pattern, not by URL', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await fetch(`${apiUrl}/files/${id}`)).status).toBe(401);
    expect((await fetch(`${apiUrl}/files/another-id`)).status).toBe(401);
    expect((await fetch(`${apiUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${apiUrl}/no-such-page-1`)).status).toBe(404);
    const { text, samples } = await scrape();
    expect(text).not.toContain(id);
    expect(
      valueOf(samples, 'kc_http_requests_total', {
        route: '/files/:id',
        method: 'GET',
        status: '401',
      }),
    ).toBe(2);
    expect(valueOf(samples, 'kc_http_requests_total', { route: '/healthz', status: '200' })).toBe(
      1,
    );
    // tRPC is one route pattern here, whatever the procedure path sent.
    const routes = new Set(
      samples.filter((s) => s.name === 'kc_http_requests_total').map((s) => s.labels.route),
    );
    expect([...routes].filter((r) => r?.startsWith('/trpc'))).toEqual(['/trpc/:path']);
    expect(routes.has('(unmatched)')).toBe(true);
    expect(text).not.toContain('no-such-page');
  });

  it('has the process metrics, the pool on PostgreSQL only, and a slot for queue depth', async () => {
    metrics.registerJobQueueDepth(async () => ({ 'wechat-subscribe': 3, exports: 0 }));
    const { samples } = await scrape();
    expect(samples.some((s) => s.name === 'process_cpu_user_seconds_total')).toBe(true);
    expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    expect(valueOf(samples, 'kc_job_queue_depth', { queue: 'wechat-subscribe' })).toBe(3);
    const pool = samples.filter((s) => s.name === 'kc_db_pool_connections');
    if (db.kind === 'postgres') {
      expect(valueOf(samples, 'kc_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
      expect(samples.some((s) => s.name === 'kc_db_pool_waiting')).toBe(true);
    } else {
      expect(pool).toEqual([]);
    }
  });

  it('is served by its own listener only: not on the public port', async () => {
    expect((await fetch(`${apiUrl}/metrics`)).status).toBe(404);
    expect((await fetch(`${apiUrl}/trpc/metrics`)).status).toBe(404);
    expect(new URL(listener.url).hostname).toBe('127.0.0.1');
    expect(new URL(listener.url).port).not.toBe(new URL(apiUrl).port);
    expect((await fetch(listener.url.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(listener.url, { method: 'POST' })).status).toBe(404);
  });
});
