import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { TRPCClientError, createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@kc/api';
import { DEFAULT_API_CONFIG, createWeChatClient } from '@kc/api';
import { creditCodeCheckChar } from '@kc/domain';
import type { Db } from '@kc/db';
import { createTestDb, demoSeedTemplate, testRunStartedAt } from '@kc/db/testing';
import { buildServer } from '../src/app';
import { createFakeWeChat } from '../src/fake-wechat/service';
import { createLogger } from '../src/logger';

/** The real HTTP path: fake WeChat on its own port, the server on another, a tRPC client over fetch. */
let db: Db;
let api: Awaited<ReturnType<typeof buildServer>>;
let wechat: ReturnType<typeof createFakeWeChat>;
let apiUrl: string;
let wechatUrl: string;
let logs = '';

beforeAll(async () => {
  db = await createTestDb({ template: demoSeedTemplate(testRunStartedAt()) });
  wechat = createFakeWeChat({ appId: 'wx-test', secret: 'wx-test-secret' });
  await wechat.listen({ host: '127.0.0.1', port: 0 });
  wechatUrl = `http://127.0.0.1:${(wechat.server.address() as AddressInfo).port}`;
  const sink = new Writable({
    write(chunk, _e, cb) {
      logs += String(chunk);
      cb();
    },
  });
  api = await buildServer({
    db,
    logger: createLogger('info', sink),
    config: DEFAULT_API_CONFIG,
    wechat: createWeChatClient({ baseUrl: wechatUrl, appId: 'wx-test', secret: 'wx-test-secret' }),
    corsOrigins: ['http://127.0.0.1:10086'],
  });
  await api.listen({ host: '127.0.0.1', port: 0 });
  apiUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await api?.close();
  await wechat?.close();
  await db?.close();
});

function client(token?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${apiUrl}/trpc`,
        transformer: superjson,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

async function wxLoginCode(openid?: string): Promise<string> {
  const res = await fetch(`${wechatUrl}/fake/login-code`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(openid ? { openid } : {}),
  });
  return ((await res.json()) as { code: string }).code;
}

describe('the server over HTTP', () => {
  it('answers health checks', async () => {
    // Liveness says nothing about what runs behind it (it is reachable from outside)...
    const res = await fetch(`${apiUrl}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
    // ...readiness (internal: nginx denies it) checks and names the database.
    const ready = await fetch(`${apiUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, database: db.kind });
    const check = await client().health.check.query();
    expect(check).toMatchObject({ ok: true });
    expect(check).not.toHaveProperty('database');
  });

  it('is not ready (503) while the database does not answer, and still alive', async () => {
    const down = {
      ...db,
      prisma: { $queryRaw: () => Promise.reject(new Error('connection refused')) },
    } as unknown as Db;
    const app = await buildServer({
      db: down,
      logger: createLogger('silent'),
      config: DEFAULT_API_CONFIG,
      wechat: createWeChatClient({ baseUrl: wechatUrl, appId: 'wx-test', secret: 'x' }),
      corsOrigins: [],
    });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ ok: false, database: db.kind });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  });

  it('takes the client address from X-Forwarded-For only when the proxy is trusted', async () => {
    const seen = async (trustProxy: string | undefined) => {
      const app = await buildServer({
        db,
        logger: createLogger('silent'),
        config: DEFAULT_API_CONFIG,
        wechat: createWeChatClient({ baseUrl: wechatUrl, appId: 'wx-test', secret: 'x' }),
        corsOrigins: [],
        ...(trustProxy ? { trustProxy } : {}),
      });
      app.get('/ip-probe', (req) => ({ ip: req.ip }));
      const ip = async (remoteAddress: string) => {
        const res = await app.inject({
          method: 'GET',
          url: '/ip-probe',
          remoteAddress,
          headers: { 'x-forwarded-for': '203.0.113.7' },
        });
        return (res.json() as { ip: string }).ip;
      };
      const result = { fromProxy: await ip('127.0.0.1'), fromElsewhere: await ip('198.51.100.9') };
      await app.close();
      return result;
    };
    // Behind nginx on this host: the forwarded address is the client's.
    expect(await seen('127.0.0.1')).toEqual({
      fromProxy: '203.0.113.7',
      fromElsewhere: '198.51.100.9',
    });
    // No proxy configured: a client cannot pick its own address with a header.
    expect(await seen(undefined)).toEqual({
      fromProxy: '127.0.0.1',
      fromElsewhere: '198.51.100.9',
    });
  });

  it('logs a user in through the fake WeChat service, then registers and reads a firm', async () => {
    const { token, user } = await client().auth.wechatLogin.mutate({
      code: await wxLoginCode('http-test-openid'),
    });
    expect(user.profileType).toBeNull();
    const me = client(token);
    const creditCode = `91341302MA0000001${creditCodeCheckChar('91341302MA0000001')}`;
    await me.profile.saveOrganisation.mutate({
      type: 'firm',
      name: '宿州拓维无人机科技有限公司',
      creditCode,
      areaCode: 'sz-hitech',
      fieldCodes: ['aerospace-information'],
      contactName: '孙立',
      contactPhone: '13955712345',
    });
    const mine = await me.profile.mine.query();
    expect(mine.type === 'organisation' && mine.organisation.creditCode).toBe(creditCode);
    // The same WeChat user logging in again lands on the same account.
    const again = await client().auth.wechatLogin.mutate({
      code: await wxLoginCode('http-test-openid'),
    });
    expect(again.user.profileType).toBe('organisation');
  });

  it('answers a batch of queries whose names pass 100 characters (a page refetching five)', async () => {
    const { token } = await client().auth.wechatLogin.mutate({
      code: await wxLoginCode('http-test-batch'),
    });
    const paths = Array.from({ length: 8 }, () => 'me.privacyNotice').join(',');
    expect(paths.length).toBeGreaterThan(100);
    const res = await fetch(`${apiUrl}/trpc/${paths}?batch=1&input=${encodeURIComponent('{}')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect((await res.json()) as unknown[]).toHaveLength(8);
  });

  it('returns a Chinese message and stable code for bad input, never a 500', async () => {
    const res = await fetch(`${apiUrl}/trpc/auth.officerLogin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"json":{"username":"","password":""}}',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { json: { message: string; data: { appCode: string } } };
    };
    expect(body.error.json.data.appCode).toBe('INVALID_INPUT');
    expect(body.error.json.message).toBe('请输入用户名');

    const garbage = await fetch(`${apiUrl}/trpc/auth.officerLogin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(garbage.status).toBeLessThan(500);
  });

  it('refuses a code the fake WeChat never issued', async () => {
    await expect(client().auth.wechatLogin.mutate({ code: 'f'.repeat(32) })).rejects.toBeInstanceOf(
      TRPCClientError,
    );
  });

  it('allows the H5 origin by CORS and no other', async () => {
    const ok = await fetch(`${apiUrl}/trpc/health.check`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:10086' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:10086');
    const other = await fetch(`${apiUrl}/trpc/health.check`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never writes a bearer token or phone number into the request log', async () => {
    const { token } = await client().auth.officerLogin.mutate({
      username: 'admin',
      password: 'Demo@2026',
    });
    await client(token).organisations.list.query({});
    expect(logs).not.toContain(token);
  });
});
