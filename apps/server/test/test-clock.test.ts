import { Writable } from 'node:stream';
import { TRPCClientError, createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@kc/api';
import { DEFAULT_API_CONFIG, createWeChatClient } from '@kc/api';
import type { Db } from '@kc/db';
import { createTestDb, demoSeedTemplate, testRunStartedAt } from '@kc/db/testing';
import { buildServer } from '../src/app';
import { parseEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { createTestClock } from '../src/routes/test-clock';

/**
 * The test clock: with it on, /test/clock moves the time the API goes by (sessions expire,
 * dates move); without it the route does not exist. Production refuses to start with it.
 */
const DAY_MS = 86_400_000;
let db: Db;
const quiet = new Writable({ write: (_c, _e, cb) => cb() });

beforeAll(async () => {
  db = await createTestDb({ template: demoSeedTemplate(testRunStartedAt()) });
});
afterAll(async () => {
  await db?.close();
});

async function server(withClock: boolean) {
  const app = await buildServer({
    db,
    logger: createLogger('silent', quiet),
    config: DEFAULT_API_CONFIG,
    wechat: createWeChatClient({ baseUrl: 'http://127.0.0.1:9', appId: 'wx', secret: 'wx-s' }),
    corsOrigins: [],
    ...(withClock ? { testClock: createTestClock() } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { app, url: `http://127.0.0.1:${address.port}` };
}

function client(url: string, token?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        transformer: superjson,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

const setClock = (url: string, body: unknown) =>
  fetch(`${url}/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the test clock', () => {
  it('moves "now" by whole days, and officer sessions expire when it jumps', async () => {
    const { app, url } = await server(true);
    try {
      const initial = (await (await fetch(`${url}/test/clock`)).json()) as { offsetDays: number };
      expect(initial.offsetDays).toBe(0);

      const login = await client(url).auth.officerLogin.mutate({
        username: 'admin',
        password: 'Demo@2026',
      });
      const officer = client(url, login.token);
      expect((await officer.auth.me.query()).kind).toBe('officer');

      const res = await setClock(url, { offsetDays: 3 });
      expect(res.status).toBe(200);
      const moved = (await res.json()) as { offsetDays: number; now: string };
      expect(moved.offsetDays).toBe(3);
      const ahead = new Date(moved.now).getTime() - Date.now();
      expect(Math.abs(ahead - 3 * DAY_MS)).toBeLessThan(60_000);

      // An officer session lasts 8 hours: three days on, the token is refused.
      const expired = await officer.auth.me.query().catch((e: unknown) => e);
      expect(expired).toBeInstanceOf(TRPCClientError);
      expect((expired as TRPCClientError<AppRouter>).data?.appCode).toBe('SESSION_EXPIRED');

      // The offset is absolute (not added to the last one): 0 is real time again.
      const back = (await (await setClock(url, { offsetDays: 0 })).json()) as {
        offsetDays: number;
      };
      expect(back.offsetDays).toBe(0);
      expect((await officer.auth.me.query()).kind).toBe('officer');

      for (const bad of [{ offsetDays: 1.5 }, { offsetDays: 'soon' }, {}, { offsetDays: 99999 }]) {
        expect((await setClock(url, bad)).status).toBe(400);
      }
    } finally {
      await app.close();
    }
  });

  it('does not exist when the setting is off', async () => {
    const { app, url } = await server(false);
    try {
      expect((await fetch(`${url}/test/clock`)).status).toBe(404);
      expect((await setClock(url, { offsetDays: 10 })).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('is off by default and refused in production', () => {
    expect(parseEnv({}).TEST_CLOCK).toBe(false);
    expect(parseEnv({ TEST_CLOCK: '1' }).TEST_CLOCK).toBe(true);
    expect(() =>
      parseEnv({
        NODE_ENV: 'production',
        PII_HASH_KEY: 'a-real-key-of-enough-length',
        TEST_CLOCK: '1',
      }),
    ).toThrow(/TEST_CLOCK: the test clock \(movable time\) must not be turned on in production/);
  });
});
