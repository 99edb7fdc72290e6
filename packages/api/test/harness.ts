import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCClientError, createTRPCClient, httpLink } from '@trpc/client';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { createTestDb, demoSeedTemplate } from '@kc/db/testing';
import type { ApiConfig, AppRouter, WeChatClient } from '../src';
import { WeChatError, type WeChatPhone } from '../src/auth/wechat';
import { LocalFileStore } from '../src/files/store';
import {
  DEFAULT_API_CONFIG,
  SessionCache,
  WeChatLoginError,
  appRouter,
  createContext,
  silentLogger,
} from '../src';

export const DEMO_PASSWORD = 'Demo@2026';

/**
 * In-process WeChat: login codes issued by `issueCode` are exchanged once for their openid,
 * phone-number codes issued by `issuePhoneCode` once for their number.
 */
export function memoryWeChat() {
  const codes = new Map<string, string>();
  const phoneCodes = new Map<string, WeChatPhone>();
  const client: WeChatClient = {
    async code2Session(code) {
      const openid = codes.get(code);
      codes.delete(code);
      if (!openid) throw new WeChatLoginError('invalid code', 40029);
      return { openid };
    },
    async phoneNumber(code) {
      const phone = phoneCodes.get(code);
      phoneCodes.delete(code);
      if (!phone) throw new WeChatError('invalid code', 40029);
      return phone;
    },
  };
  return {
    client,
    issueCode(openid: string) {
      const code = randomBytes(8).toString('hex');
      codes.set(code, openid);
      return code;
    },
    /** What the phone-number button yields for a user whose WeChat has this number. */
    issuePhoneCode(purePhoneNumber: string, countryCode = '86') {
      const code = randomBytes(8).toString('hex');
      phoneCodes.set(code, { purePhoneNumber, countryCode });
      return code;
    },
  };
}

/**
 * A real database (PGlite in memory, or a fresh PostgreSQL database when DATABASE_URL is set),
 * seeded with the demo data, and tRPC clients that go through the full HTTP request handling
 * (superjson, error formatting) without opening a port.
 */
export async function createHarness(
  options: { start?: Date; config?: Partial<ApiConfig>; sessionCache?: boolean } = {},
) {
  // The one clock of the API, the seed and the test: every timestamp the app writes comes from it.
  const clock = { now: options.start ?? new Date('2026-11-27T02:00:00Z') };
  const seededAt = clock.now;
  const db = await createTestDb({ template: demoSeedTemplate(seededAt) });
  const wechat = memoryWeChat();
  // Uploaded bytes (official lists are read back from it), in a folder of the test's own.
  const fileStore = new LocalFileStore(mkdtempSync(join(tmpdir(), 'kc-harness-files-')));
  // The server's session cache (auth/session-cache.ts); KC_TEST_SESSION_CACHE=1 turns it on for any test.
  const cached = options.sessionCache ?? process.env.KC_TEST_SESSION_CACHE === '1';
  const sessionCache = cached ? SessionCache.start(db, silentLogger) : undefined;
  await sessionCache?.whenListening();
  const deps = {
    db,
    sessionCache,
    wechat: wechat.client,
    config: {
      ...DEFAULT_API_CONFIG,
      piiHashKey: 'test-pii-hash-key-0123456789',
      ...options.config,
    } as ApiConfig,
    log: silentLogger,
    now: () => clock.now,
    fileStore,
  };

  /** `ip`: the client address the API sees; `apiDeps`: another API instance's (same database). */
  function client(token?: string, options: { ip?: string; apiDeps?: typeof deps } = {}) {
    return createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: 'http://api.test/trpc',
          transformer: superjson,
          headers: token ? { authorization: `Bearer ${token}` } : {},
          fetch: (url, init) =>
            fetchRequestHandler({
              endpoint: '/trpc',
              // KC_TEST_API_ERRORS=1 prints unexpected (INTERNAL) errors while debugging a test.
              onError: ({ error }) => {
                if (process.env.KC_TEST_API_ERRORS && error.code === 'INTERNAL_SERVER_ERROR')
                  console.error(error.cause ?? error);
              },
              req: new Request(url, init as RequestInit),
              router: appRouter,
              createContext: ({ req }) =>
                createContext(options.apiDeps ?? deps, {
                  authorization: req.headers.get('authorization') ?? undefined,
                  ip: options.ip ?? '127.0.0.1',
                }),
            }),
        }),
      ],
    });
  }

  async function officer(username: string, password = DEMO_PASSWORD) {
    const { token } = await client().auth.officerLogin.mutate({ username, password });
    return client(token);
  }

  async function applicant(openid = `test-${randomBytes(6).toString('hex')}`) {
    const { token } = await client().auth.wechatLogin.mutate({ code: wechat.issueCode(openid) });
    return Object.assign(client(token), { token, openid });
  }

  return {
    db,
    prisma: db.prisma,
    clock,
    wechat,
    fileStore,
    deps,
    client,
    officer,
    applicant,
    close: () => db.close(),
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** Runs `fn`, expects a tRPC error, returns its stable code, message and field errors. */
export async function failure(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = error.data as {
        appCode?: string;
        fieldErrors?: Record<string, string[]>;
        httpStatus?: number;
      };
      return {
        appCode: data.appCode,
        message: error.message,
        fieldErrors: data.fieldErrors,
        httpStatus: data.httpStatus,
      };
    }
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
