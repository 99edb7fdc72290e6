import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { TRPCClientError, createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@kc/api';
import { DEFAULT_API_CONFIG, createWeChatClient, deleteExpiredCounters } from '@kc/api';
import type { Db } from '@kc/db';
import { createTestDb, demoSeedTemplate, testRunStartedAt } from '@kc/db/testing';
import { buildServer } from '../src/app';
import { createLogger } from '../src/logger';
import type { RateLimitSettings } from '../src/rate-limit';
import { DEFAULT_RATE_LIMITS } from '../src/rate-limit';

/**
 * Request rate limits (issue 12, finding 2): per address and per session, in the shared
 * `rate_limit_counter` table, answered with HTTP 429, Retry-After and our error shape.
 */
let db: Db;
const servers: Awaited<ReturnType<typeof buildServer>>[] = [];

const LIMITS: RateLimitSettings = {
  ...DEFAULT_RATE_LIMITS,
  windowMs: 60_000,
  loginPerAddress: 4,
  mutationsPerSession: 5,
  mutationsPerAddress: 40,
  wechatPerAddress: 3,
  uploadsPerAddress: 3,
  uploadsPerSession: 100,
  refusalDelayMs: 20,
};

async function start(
  config = DEFAULT_API_CONFIG,
  rateLimits: RateLimitSettings = LIMITS,
): Promise<string> {
  const app = await buildServer({
    db,
    logger: createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() })),
    config,
    // Never called here.
    wechat: createWeChatClient({ baseUrl: 'http://127.0.0.1:9', appId: 'x', secret: 'y' }),
    corsOrigins: [],
    rateLimits,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  servers.push(app);
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

let url: string;
let other: string;
beforeAll(async () => {
  db = await createTestDb({ template: demoSeedTemplate(testRunStartedAt()) });
  url = await start();
  other = await start();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await db?.close();
});

function client(base: string, token?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${base}/trpc`,
        transformer: superjson,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

async function codeOf(call: Promise<unknown>) {
  try {
    await call;
    return { code: 'OK' };
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = error.data as { appCode: string; httpStatus: number; retryAfterSeconds?: number };
    return {
      code: data.appCode,
      httpStatus: data.httpStatus,
      message: error.message,
      retryAfterSeconds: data.retryAfterSeconds,
    };
  }
}

/** One unbatched tRPC mutation over plain fetch: status, headers and body as sent. */
async function rawMutation(base: string, path: string, input: unknown, token?: string) {
  const res = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ json: input }),
  });
  const body = (await res.json()) as { error: { json: { data: Record<string, unknown> } } };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
}

describe('throttled logins over HTTP', () => {
  it('LOGIN_THROTTLED carries Retry-After', async () => {
    const blockedUntil = new Date(Date.now() + 30_000);
    await db.prisma.rateLimitCounter.create({
      data: {
        key: 'login:user:throttled-over-http',
        count: 9,
        windowEndsAt: new Date(Date.now() + 3600_000),
        blockedUntil,
        updatedAt: new Date(),
      },
    });
    const raw = await rawMutation(other, 'auth.officerLogin', {
      username: 'throttled-over-http',
      password: 'x',
    });
    expect(raw.status).toBe(429);
    expect(raw.body.error.json.data).toMatchObject({ appCode: 'LOGIN_THROTTLED' });
    // The seconds left of the block when the answer came (a busy machine takes a while to answer).
    const left = Math.floor((blockedUntil.getTime() - Date.now()) / 1000);
    expect(Number(raw.retryAfter)).toBeGreaterThanOrEqual(left);
    expect(Number(raw.retryAfter)).toBeLessThanOrEqual(30);
    expect(raw.body.error.json.data.retryAfterSeconds).toBe(Number(raw.retryAfter));
  });
});

describe('tRPC mutations', () => {
  it('a flood of mutations from one session gets 429 with Retry-After and a tRPC error the client reads', async () => {
    const token = 'a'.repeat(43);
    const codes = [];
    for (let i = 0; i < 7; i++)
      codes.push((await codeOf(client(url, token).auth.logout.mutate())).code);
    // A made-up token: refused as unauthenticated, but still counted before any lookup.
    expect(codes).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'RATE_LIMITED', 'RATE_LIMITED']);

    const refused = await codeOf(client(url, token).auth.logout.mutate());
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', httpStatus: 429 });
    expect(refused.message).toMatch(/^操作过于频繁，请 \d+ 秒后再试$/);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);

    const raw = await rawMutation(url, 'auth.logout', null, token);
    expect(raw.status).toBe(429);
    expect(Number(raw.retryAfter)).toBeGreaterThan(0);
    expect(raw.body.error.json.data).toMatchObject({ appCode: 'RATE_LIMITED', httpStatus: 429 });

    // Another session from the same address is not held up, nor are queries.
    expect((await codeOf(client(url, 'b'.repeat(43)).auth.logout.mutate())).code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await codeOf(client(url, token).auth.me.query())).code).toBe('UNAUTHENTICATED');
  });

  it('counts across two server instances on one database, and parallel requests each count', async () => {
    const token = 'c'.repeat(43);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        codeOf(client(i % 2 ? other : url, token).auth.logout.mutate()),
      ),
    );
    const codes = results.map((r) => r.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(5);
  });

  it('limits officer logins per address before any password is checked', async () => {
    // One login is counted already (the throttled one above).
    const codes = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        (await codeOf(client(url).auth.officerLogin.mutate({ username: '', password: '' }))).code,
      );
    expect(codes).toEqual([
      ...Array(3).fill('INVALID_INPUT'),
      'RATE_LIMITED',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
  });
});

describe('password hashing under a flood', () => {
  it('logins beyond what the hash gate takes are refused before any work, with Retry-After', async () => {
    const narrow = await start(
      { ...DEFAULT_API_CONFIG, passwordHashing: { concurrency: 1, queue: 1 } },
      { ...LIMITS, loginPerAddress: 0, mutationsPerAddress: 0 },
    );
    const before = await db.prisma.auditLog.count({
      where: { action: 'auth.officer-login-failed' },
    });
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        rawMutation(narrow, 'auth.officerLogin', { username: `gate-${i}`, password: 'x' }),
      ),
    );
    const busy = results.filter((r) => r.status === 429);
    expect(busy).toHaveLength(3);
    expect(busy[0]?.retryAfter).toBe('1');
    expect(busy[0]?.body.error.json).toMatchObject({
      message: '登录人数较多，请稍后再试',
      data: { appCode: 'RATE_LIMITED' },
    });
    expect(results.filter((r) => r.status === 401)).toHaveLength(2);
    // Only the two admitted attempts reached the password check (and the audit log).
    expect(
      (await db.prisma.auditLog.count({ where: { action: 'auth.officer-login-failed' } })) - before,
    ).toBe(2);
  });
});

describe('WeChat code exchange', () => {
  it('is limited per address (each exchange costs a call to WeChat)', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push((await codeOf(client(url).auth.wechatLogin.mutate({ code: '' }))).code);
    expect(codes).toEqual([...Array(3).fill('INVALID_INPUT'), 'RATE_LIMITED']);
  });
});

describe('uploads', () => {
  it('answers 429 with the file routes’ error shape and Retry-After', async () => {
    const statuses = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await fetch(`${other}/files`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'a.pdf' },
        body: 'x',
      });
      statuses.push(last.status);
      if (i < 4) await last.arrayBuffer();
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last!.json()).toEqual({
      error: {
        appCode: 'RATE_LIMITED',
        message: expect.stringMatching(/^操作过于频繁，请 \d+ 秒后再试$/),
      },
    });
  });
});

describe('expired windows', () => {
  it('are deleted; live windows and running delays are kept', async () => {
    const now = new Date();
    const past = new Date(now.getTime() - 1000);
    const future = new Date(now.getTime() + 60_000);
    await db.prisma.rateLimitCounter.createMany({
      data: [
        { key: 'test:expired', count: 3, windowEndsAt: past, updatedAt: past },
        { key: 'test:live', count: 3, windowEndsAt: future, updatedAt: past },
        {
          key: 'test:blocked',
          count: 3,
          windowEndsAt: past,
          blockedUntil: future,
          updatedAt: past,
        },
      ],
    });
    expect(await deleteExpiredCounters(db.prisma, now)).toBeGreaterThanOrEqual(1);
    const left = await db.prisma.rateLimitCounter.findMany({
      where: { key: { startsWith: 'test:' } },
      select: { key: true },
    });
    expect(left.map((r) => r.key).sort()).toEqual(['test:blocked', 'test:live']);
  });
});
