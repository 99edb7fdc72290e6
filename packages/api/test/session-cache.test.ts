/**
 * The session cache (auth/session-cache.ts): what one instance caches, another instance's
 * revocation reaches it through the database's NOTIFY; the checks still run on every request.
 */
import { TRPCClientError } from '@trpc/client';
import { createDb } from '@kc/db';
import type { Db } from '@kc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionCache } from '../src';
import type { SessionRow } from '../src/auth/session-row';
import { hashToken } from '../src/auth/tokens';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

/** Polls `check` until it holds, for at most `ms`: another instance hears within milliseconds. */
async function eventually(check: () => Promise<boolean> | boolean, ms = 3_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('not within the wait');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The call's error code, or null when it succeeds. */
async function refusal(call: () => Promise<unknown>): Promise<string | null> {
  try {
    await call();
    return null;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    return (error.data as { appCode?: string } | undefined)?.appCode ?? 'UNKNOWN';
  }
}

describe('a second instance on the same database', () => {
  let h: Harness;
  let dbB: Db;
  let cacheB: SessionCache;
  let depsB: Harness['deps'];

  beforeAll(async () => {
    h = await createHarness({ sessionCache: true });
    // PostgreSQL: its own pool and listening connection, as another server process has.
    // PGlite (in-process): a second listener on the same database.
    dbB =
      h.db.queueConnection.kind === 'postgres'
        ? await createDb({ databaseUrl: h.db.queueConnection.url, migrate: false })
        : h.db;
    cacheB = SessionCache.start(dbB, h.deps.log);
    await cacheB.whenListening();
    depsB = { ...h.deps, db: dbB, sessionCache: cacheB };
  });
  afterAll(async () => {
    await cacheB?.close();
    if (dbB !== h?.db) await dbB?.close();
    await h?.close();
  });

  async function officerToken(username = 'reviewer', password = 'Demo@2026') {
    const { token } = await h.client().auth.officerLogin.mutate({ username, password });
    return token;
  }

  it('caches the session after the first request and answers from it', async () => {
    const token = await officerToken();
    const b = h.client(token, { apiDeps: depsB });
    await b.notifications.unreadCount.query();
    const cached = cacheB.get(hashToken(token));
    expect(cached?.user.username).toBe('reviewer');
    await b.notifications.unreadCount.query();
    expect(cacheB.get(hashToken(token))).toBe(cached);
  });

  it('a logout on one instance is refused on the other within a short wait', async () => {
    const token = await officerToken();
    const a = h.client(token);
    const b = h.client(token, { apiDeps: depsB });
    await b.auth.me.query();
    expect(cacheB.get(hashToken(token))).toBeDefined();

    await a.auth.logout.mutate();
    // Where the logout ran, at once (the mutation waited for the notification).
    expect((await failure(() => a.auth.me.query())).appCode).toBe('UNAUTHENTICATED');
    await eventually(() => cacheB.get(hashToken(token)) === undefined);
    expect((await failure(() => b.auth.me.query())).appCode).toBe('UNAUTHENTICATED');
  });

  it('disabling an officer ends their cached sessions on every instance', async () => {
    const admin = h.client(await officerToken('admin'));
    const token = await officerToken('dangshan');
    const a = h.client(token);
    const b = h.client(token, { apiDeps: depsB });
    await a.auth.me.query();
    await b.auth.me.query();
    const target = (await admin.officers.list.query({ q: 'dangshan' }))[0]!;

    await admin.officers.update.mutate({ id: target.id, disabled: true });
    expect((await failure(() => a.auth.me.query())).appCode).toBe('UNAUTHENTICATED');
    await eventually(async () => (await refusal(() => b.auth.me.query())) !== null);
    expect((await failure(() => b.auth.me.query())).appCode).toBe('UNAUTHENTICATED');
    await admin.officers.update.mutate({ id: target.id, disabled: false });
  });

  it('a change made outside the API (SQL) reaches both caches', async () => {
    const token = await officerToken();
    const a = h.client(token);
    const b = h.client(token, { apiDeps: depsB });
    await a.auth.me.query();
    await b.auth.me.query();
    await h.prisma.$executeRaw`UPDATE "user" SET disabled = true WHERE username = 'reviewer'`;
    try {
      await eventually(async () => (await refusal(() => a.auth.me.query())) !== null);
      await eventually(async () => (await refusal(() => b.auth.me.query())) !== null);
      expect((await failure(() => a.auth.me.query())).appCode).toBe('ACCOUNT_DISABLED');
      expect((await failure(() => b.auth.me.query())).appCode).toBe('ACCOUNT_DISABLED');
    } finally {
      await h.prisma.$executeRaw`UPDATE "user" SET disabled = false WHERE username = 'reviewer'`;
    }
  });

  it('checks expiry against the request clock, even for a cached session', async () => {
    const token = await officerToken();
    const a = h.client(token);
    await a.auth.me.query();
    const cached = h.deps.sessionCache!.get(hashToken(token))!;
    const saved = h.clock.now;
    h.clock.now = new Date(cached.expiresAt.getTime() + 1);
    try {
      expect((await failure(() => a.auth.me.query())).appCode).toBe('SESSION_EXPIRED');
    } finally {
      h.clock.now = saved;
    }
  });

  it('a last-seen touch is not announced; a revocation is', async () => {
    const token = await officerToken();
    const heard: string[] = [];
    const spy = h.db.listen('kc_session', {
      onMessage: (payload) => heard.push(payload),
      onListening: () => undefined,
      onLost: () => undefined,
    });
    try {
      await eventually(() => spy.sync());
      const session = await h.prisma.session.findUniqueOrThrow({
        where: { tokenHash: hashToken(token) },
      });
      await h.prisma.session.update({
        where: { id: session.id },
        data: { lastSeenAt: new Date(session.lastSeenAt.getTime() + 61_000) },
      });
      await h.prisma.user.update({
        where: { id: session.userId },
        data: { lastLoginAt: new Date() },
      });
      expect(await spy.sync()).toBe(true);
      expect(heard).toEqual([]);
      await h.prisma.session.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
      expect(await spy.sync()).toBe(true);
      expect(heard).toEqual([session.userId]);
    } finally {
      await spy.close();
    }
  });

  it('drops everything and stops caching while the listener is down (PostgreSQL)', async (ctx) => {
    if (dbB.kind !== 'postgres') return ctx.skip();
    const token = await officerToken();
    const b = h.client(token, { apiDeps: depsB });
    await b.auth.me.query();
    expect(cacheB.size).toBeGreaterThan(0);
    // Kill every listening connection of this database: both instances lose theirs.
    await h.prisma.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'kc-listen' AND datname = current_database()`;
    await eventually(() => !cacheB.isListening);
    expect(cacheB.size).toBe(0);
    await b.auth.me.query();
    expect(cacheB.size).toBe(0);
    await eventually(() => cacheB.isListening, 10_000);
    await b.auth.me.query();
    expect(cacheB.get(hashToken(token))).toBeDefined();
  });
});

describe('SessionCache', () => {
  const row = (userId: string, id = 's1'): SessionRow => ({
    id,
    expiresAt: new Date('2026-12-01T00:00:00Z'),
    revokedAt: null,
    lastSeenAt: new Date('2026-11-27T00:00:00Z'),
    pendingStep: null,
    user: {
      id: userId,
      kind: 'OFFICER',
      role: 'BUREAU_REVIEWER',
      areaCode: null,
      username: 'reviewer',
      displayName: '审核员',
      openid: null,
      disabled: false,
      cancelledAt: null,
    },
  });

  function listeningCache(options: ConstructorParameters<typeof SessionCache>[0] = {}) {
    const cache = new SessionCache(options);
    cache.setListening(true);
    return cache;
  }

  it('does not store a row read before an invalidation', () => {
    const cache = listeningCache();
    const ticket = cache.ticket();
    cache.invalidate('u1');
    cache.store('t1', row('u1'), ticket);
    expect(cache.get('t1')).toBeUndefined();
    cache.store('t1', row('u1'), cache.ticket());
    expect(cache.get('t1')).toBeDefined();
  });

  it("drops only the notified user's sessions, or all on '*'", () => {
    const cache = listeningCache();
    cache.store('t1', row('u1'), cache.ticket());
    cache.store('t2', row('u1', 's2'), cache.ticket());
    cache.store('t3', row('u2', 's3'), cache.ticket());
    cache.invalidate('u1');
    expect([cache.get('t1'), cache.get('t2'), cache.get('t3')?.id]).toEqual([
      undefined,
      undefined,
      's3',
    ]);
    cache.invalidate('*');
    expect(cache.size).toBe(0);
  });

  it('caches nothing while not listening, and forgets all when the listener comes or goes', () => {
    const cache = new SessionCache();
    cache.store('t1', row('u1'), cache.ticket());
    expect(cache.size).toBe(0);
    cache.setListening(true);
    cache.store('t1', row('u1'), cache.ticket());
    expect(cache.size).toBe(1);
    cache.setListening(false);
    expect(cache.size).toBe(0);
    cache.setListening(true);
    cache.store('t1', row('u1'), cache.ticket());
    cache.setListening(true);
    expect(cache.size).toBe(0);
  });

  it('expires entries after the TTL and evicts the least recently used beyond the bound', () => {
    let now = 0;
    const cache = listeningCache({ ttlMs: 1_000, maxEntries: 2, clock: () => now });
    cache.store('t1', row('u1'), cache.ticket());
    cache.store('t2', row('u2', 's2'), cache.ticket());
    cache.get('t1');
    cache.store('t3', row('u3', 's3'), cache.ticket());
    expect(cache.get('t2')).toBeUndefined();
    expect(cache.get('t1')).toBeDefined();
    now = 1_000;
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.get('t3')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
