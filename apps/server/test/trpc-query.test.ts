import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_API_CONFIG,
  appRouter,
  createContext,
  createWeChatClient,
  rateLimitedError,
  retryAfterOf,
  silentLogger,
} from '@kc/api';
import type { AppRouter } from '@kc/api';
import type { Db } from '@kc/db';
import { createTestDb, demoSeedTemplate, testRunStartedAt } from '@kc/db/testing';
import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type * as TrpcHttp from '@trpc/server/http';
import { cacheHeadersOf } from '../src/http-cache';
import { registerTrpc } from '../src/trpc-route';
import { sessionTokenOf } from './support/live-server';

/**
 * Issue 13: a single GET query skips tRPC's resolveResponse (trpc-query.ts). Whatever a client
 * sends, it must get the very answer resolveResponse gives: the same status, headers and bytes.
 * The same router is mounted twice, at /fast (the single-query path) and /general (every call
 * through resolveResponse), and each request is sent to both.
 */
// Counted, to show that /fast answers single queries without it.
const resolved = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@trpc/server/http', async (importOriginal) => {
  const actual = await importOriginal<typeof TrpcHttp>();
  return {
    ...actual,
    resolveResponse: (...args: Parameters<typeof actual.resolveResponse>) => {
      resolved.calls += 1;
      return actual.resolveResponse(...args);
    },
  };
});

let db: Db;
let app: FastifyInstance;
let firm: string;
let officer: string;
const IGNORED_HEADERS = new Set(['date', 'connection', 'keep-alive']);

beforeAll(async () => {
  db = await createTestDb({ template: demoSeedTemplate(testRunStartedAt()) });
  firm = await sessionTokenOf(db, { openid: 'demo-openid-firm-1' });
  officer = await sessionTokenOf(db, { username: 'reviewer' });
  const deps = {
    db,
    wechat: createWeChatClient({ baseUrl: 'http://127.0.0.1:9', appId: 'wx', secret: 'wx' }),
    config: DEFAULT_API_CONFIG,
    log: silentLogger,
    now: () => new Date(),
  };
  const options = {
    router: appRouter,
    createContext: async ({ req }) => {
      // What the rate limits do when a caller is over one: throw before any procedure runs.
      if (req.headers['x-test-limited']) throw rateLimitedError('请求过于频繁，请 7 秒后再试', 7);
      return createContext(deps, { authorization: req.headers.authorization, ip: req.ip });
    },
    responseMeta({ errors, paths, type, data }) {
      const seconds = retryAfterOf(errors);
      if (seconds !== undefined) return { headers: { 'retry-after': String(seconds) } };
      return { headers: cacheHeadersOf({ paths, type, errors, data }) };
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];
  app = Fastify();
  // CORS sets a Vary of its own before tRPC answers: both paths must keep it.
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('vary', 'origin');
  });
  await registerTrpc(app, '/fast', options);
  await registerTrpc(app, '/general', options, { singleQueries: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

interface Sent {
  method?: 'GET' | 'POST';
  url: string;
  token?: string;
  headers?: Record<string, string>;
}

async function both(sent: Sent, fastPath = true) {
  const answers = [];
  for (const prefix of ['/fast', '/general']) {
    const before = resolved.calls;
    const res = await app.inject({
      method: sent.method ?? 'GET',
      url: prefix + sent.url,
      headers: {
        ...(sent.token ? { authorization: `Bearer ${sent.token}` } : {}),
        ...sent.headers,
      },
    });
    const headers = Object.fromEntries(
      Object.entries(res.headers).filter(([name]) => !IGNORED_HEADERS.has(name)),
    );
    answers.push({ status: res.statusCode, headers, body: res.body });
    expect(resolved.calls - before).toBe(prefix === '/fast' && fastPath ? 0 : 1);
  }
  const [fast, general] = answers;
  expect(fast).toEqual(general);
  return fast!;
}

const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify({ json: value }))}`;

describe('a single GET query answers as resolveResponse does', () => {
  it('a small authenticated read', async () => {
    const a = await both({ url: '/notifications.unreadCount', token: firm });
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('application/json');
    expect(a.headers.vary).toBe('origin, trpc-accept, accept');
    expect(JSON.parse(a.body)).toEqual({
      result: { data: { json: { count: expect.any(Number) } } },
    });
  });

  it('a frozen answer, sent from its stored JSON, with its ETag and caching headers', async () => {
    const a = await both({ url: '/programmes.open', token: firm });
    expect(a.status).toBe(200);
    expect(a.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(a.headers['cache-control']).toBe('private, no-cache');
    expect(a.headers.vary).toBe('origin, authorization');
    expect(a.body.length).toBeGreaterThan(10_000);
    // The second answer comes from the stored form: still the same bytes.
    expect((await both({ url: '/programmes.open', token: firm })).body).toBe(a.body);
  });

  it('an officer list with input, and one whose input the schema refuses', async () => {
    const ok = await both({
      url: `/review.queue?${input({ page: 1, pageSize: 5 })}`,
      token: officer,
    });
    expect(ok.status).toBe(200);
    const bad = await both({
      url: `/review.queue?${input({ page: 0, pageSize: 5 })}`,
      token: officer,
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.json.data.appCode).toBe('INVALID_INPUT');
  });

  it('no session, a wrong role, unreadable input and a refusal before the procedure', async () => {
    expect((await both({ url: '/notifications.unreadCount' })).status).toBe(401);
    expect((await both({ url: '/review.queue', token: firm })).status).toBe(403);
    const malformed = await both({ url: '/review.queue?input=%7Bnot-json', token: officer });
    expect(malformed.status).toBe(400);
    const limited = await both({
      url: '/notifications.unreadCount',
      token: firm,
      headers: { 'x-test-limited': '1' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect(JSON.parse(limited.body).error.json.data.appCode).toBe('RATE_LIMITED');
  });

  it('what is not a single query goes the general way: batches, mutations, unknown paths', async () => {
    const batch = await both(
      {
        url: `/notifications.unreadCount,programmes.open?batch=1&input=${encodeURIComponent('{}')}`,
        token: firm,
      },
      false,
    );
    expect(batch.status).toBe(200);
    expect(JSON.parse(batch.body)).toHaveLength(2);
    const mutation = await both({ url: '/notifications.markRead', token: firm }, false);
    expect(mutation.status).toBe(405);
    expect((await both({ url: '/no.such.procedure', token: firm }, false)).status).toBe(404);
  });
});
