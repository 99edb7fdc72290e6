import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import superjson from 'superjson';
import type { ApiConfig, AppRouter } from '@kc/api';
import { DEFAULT_API_CONFIG, createWeChatClient } from '@kc/api';
import type { Db } from '@kc/db';
import { seedDemo } from '@kc/db/seed';
import { createTestDb, demoSeedTemplate, testRunStartedAt } from '@kc/db/testing';
import { buildServer } from '../../src/app';
import { createFakeWeChat } from '../../src/fake-wechat/service';
import { createLogger } from '../../src/logger';

export interface LiveServer {
  db: Db;
  url: string;
  wechatUrl: string;
  /** Everything the server logged so far (JSON lines). */
  logs(): string;
  /** A tRPC client over real HTTP; `batch: false` sends one procedure per request. */
  client(token?: string, options?: { batch?: boolean }): ReturnType<typeof makeClient>;
  /** A bearer token of a seeded officer (by username) or applicant (by openid), made in the database. */
  tokenOf(who: { username: string } | { openid: string }): Promise<string>;
  close(): Promise<void>;
}

function makeClient(url: string, token: string | undefined, batch: boolean) {
  const link = batch ? httpBatchLink : httpLink;
  return createTRPCClient<AppRouter>({
    links: [
      link({
        url: `${url}/trpc`,
        transformer: superjson,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

/** The real server on a free port, over a fresh seeded database, logging into memory. */
export async function startLiveServer(
  options: { level?: string; config?: Partial<ApiConfig>; db?: Db; now?: () => Date } = {},
): Promise<LiveServer> {
  const db = options.db ?? (await createTestDb({ template: demoSeedTemplate(testRunStartedAt()) }));
  if (options.db) await seedDemo(db.prisma, { now: new Date() });
  const wechat = createFakeWeChat({ appId: 'wx-test', secret: 'wx-test-secret' });
  await wechat.listen({ host: '127.0.0.1', port: 0 });
  const wechatUrl = `http://127.0.0.1:${(wechat.server.address() as AddressInfo).port}`;
  let logs = '';
  const sink = new Writable({
    write(chunk, _e, cb) {
      logs += String(chunk);
      cb();
    },
  });
  const api = await buildServer({
    db,
    logger: createLogger(options.level ?? 'info', sink),
    config: { ...DEFAULT_API_CONFIG, ...options.config },
    wechat: createWeChatClient({ baseUrl: wechatUrl, appId: 'wx-test', secret: 'wx-test-secret' }),
    corsOrigins: [],
    ...(options.now ? { now: options.now } : {}),
  });
  await api.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  return {
    db,
    url,
    wechatUrl,
    logs: () => logs,
    client: (token, opts) => makeClient(url, token, opts?.batch ?? true),
    tokenOf: (who) => sessionTokenOf(db, who),
    async close() {
      await api.close();
      await wechat.close();
      await db.close();
    },
  };
}

/**
 * A bearer token of a seeded officer (by username) or applicant (by openid), written straight
 * into the database: the tests using it are about the transport, not the login steps.
 */
export async function sessionTokenOf(
  db: Db,
  who: { username: string } | { openid: string },
): Promise<string> {
  const user = await db.prisma.user.findFirstOrThrow({ where: who });
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db.prisma.session.create({
    data: {
      userId: user.id,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 3600_000),
    },
  });
  return token;
}
