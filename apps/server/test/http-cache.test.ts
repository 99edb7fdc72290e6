import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import superjson from 'superjson';
import Fastify from 'fastify';
import { cacheHeadersOf, registerConditionalGet } from '../src/http-cache';
import { setAnswerHeaders } from '../src/trpc-query';
import type { LiveServer } from './support/live-server';
import { startLiveServer } from './support/live-server';

/**
 * Issue 13: programmes.open answers with an ETag and a 304 when the client holds it; a change of
 * what the answer depends on (the policy version in force, the applicant's profile) changes it.
 */
let server: LiveServer;
let clock = new Date('2026-06-01T02:00:00Z');
let firm: string;
let officer: string;

beforeAll(async () => {
  server = await startLiveServer({ now: () => clock });
  firm = await server.tokenOf({ openid: 'demo-openid-firm-1' });
  officer = await server.tokenOf({ username: 'reviewer' });
});
afterAll(async () => {
  await server?.close();
});

const OPEN = '/trpc/programmes.open';

async function get(path: string, token: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  return { res, text: await res.text() };
}

function programmesOf(text: string) {
  const body = JSON.parse(text) as {
    result: { data: Parameters<typeof superjson.deserialize>[0] };
  };
  return superjson.deserialize<{ id: string; mayApply: boolean | null }[]>(body.result.data);
}

describe('programmes.open over HTTP', () => {
  it('carries a strong ETag, per-caller caching, and answers 304 to If-None-Match', async () => {
    const first = await get(OPEN, firm);
    expect(first.res.status).toBe(200);
    const etag = first.res.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.res.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.res.headers.get('vary')).toContain('authorization');
    const list = programmesOf(first.text);
    expect(list.length).toBeGreaterThan(0);
    expect(list.some((p) => p.mayApply !== null)).toBe(true);

    const again = await get(OPEN, firm);
    expect(again.res.headers.get('etag')).toBe(etag);
    expect(again.text).toBe(first.text);

    const cached = await get(OPEN, firm, { 'if-none-match': `W/"other", ${etag}` });
    expect(cached.res.status).toBe(304);
    expect(cached.text).toBe('');
    expect(cached.res.headers.get('etag')).toBe(etag);
    expect(cached.res.headers.get('cache-control')).toBe('private, no-cache');

    const stale = await get(OPEN, firm, { 'if-none-match': '"not-this-one"' });
    expect(stale.res.status).toBe(200);
    expect(stale.text).toBe(first.text);
  });

  it('the tRPC client still reads the answer served from the stored serialization', async () => {
    const list = await server.client(firm, { batch: false }).programmes.open.query();
    const direct = programmesOf((await get(OPEN, firm)).text);
    expect(list).toEqual(direct);
  });

  it('changes its ETag with the caller’s fit and with the policy version in force', async () => {
    const firmTag = (await get(OPEN, firm)).res.headers.get('etag');
    // An officer sees the same programmes without fit: another answer.
    const officerAnswer = await get(OPEN, officer);
    expect(officerAnswer.res.headers.get('etag')).not.toBe(firmTag);
    expect(programmesOf(officerAnswer.text).every((p) => p.mayApply === null)).toBe(true);

    // The firm's organisation moves out of the city: its fit changes, so does the ETag.
    const member = await server.db.prisma.organisationMember.findFirstOrThrow({
      where: { user: { openid: 'demo-openid-firm-1' } },
    });
    const org = await server.db.prisma.organisation.findUniqueOrThrow({
      where: { id: member.organisationId },
    });
    await server.db.prisma.organisation.update({
      where: { id: org.id },
      data: { areaCode: '110105' },
    });
    try {
      const after = await get(OPEN, firm, { 'if-none-match': firmTag ?? '' });
      expect(after.res.status).toBe(200);
      expect(after.res.headers.get('etag')).not.toBe(firmTag);
    } finally {
      await server.db.prisma.organisation.update({
        where: { id: org.id },
        data: { areaCode: org.areaCode },
      });
    }
    expect((await get(OPEN, firm)).res.headers.get('etag')).toBe(firmTag);

    // Before the first policy version takes effect nothing is open: a different answer.
    clock = new Date('2025-06-01T02:00:00Z');
    try {
      const none = await get(OPEN, firm, { 'if-none-match': firmTag ?? '' });
      expect(none.res.status).toBe(200);
      expect(programmesOf(none.text)).toEqual([]);
      expect(none.res.headers.get('etag')).not.toBe(firmTag);
    } finally {
      clock = new Date('2026-06-01T02:00:00Z');
    }
  });

  it('leaves other answers uncached', async () => {
    const other = await get('/trpc/notifications.unreadCount', firm);
    expect(other.res.status).toBe(200);
    expect(other.res.headers.get('etag')).toBeNull();
    expect(other.res.headers.get('cache-control')).toBe('no-store');
    // A batch holding programmes.open with another query is not cached either.
    const batch = await get(
      `/trpc/programmes.open,notifications.unreadCount?batch=1&input=${encodeURIComponent('{}')}`,
      firm,
    );
    expect(batch.res.status).toBe(200);
    expect(batch.res.headers.get('etag')).toBeNull();
  });
});

describe('the request log', () => {
  it('writes one line per request with id, method, path, status, duration and role', async () => {
    const before = server.logs().length;
    await get(OPEN, officer);
    await fetch(`${server.url}/healthz`);
    const lines = server
      .logs()
      .slice(before)
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', url: OPEN },
      res: { statusCode: 200 },
      role: 'bureau-reviewer',
    });
    expect(lines[0]?.reqId).toBeTruthy();
    expect(typeof lines[0]?.responseTime).toBe('number');
  });
});

describe('the conditional GET pieces', () => {
  it('gives any opted-in query an ETag, its max-age, and nothing to others or to errors', () => {
    const queries = { 'some.list': { maxAgeSeconds: 60 } };
    const answer = (data: unknown) => ({
      paths: ['some.list'],
      type: 'query',
      errors: [],
      data: [{ result: { data } }],
    });
    const headers = cacheHeadersOf(answer({ items: [1, 2] }), queries);
    expect(headers).toMatchObject({
      'cache-control': 'private, max-age=60',
      vary: 'authorization',
    });
    expect(headers.etag).toBe(cacheHeadersOf(answer({ items: [1, 2] }), queries).etag);
    expect(headers.etag).not.toBe(cacheHeadersOf(answer({ items: [1, 3] }), queries).etag);
    expect(cacheHeadersOf({ ...answer({}), paths: ['other.list'] }, queries)).toEqual({});
    expect(cacheHeadersOf({ ...answer({}), type: 'mutation' }, queries)).toEqual({});
    expect(cacheHeadersOf({ ...answer({}), errors: [new Error('x')] }, queries)).toEqual({});
  });

  it('keeps a Vary set before tRPC answered (CORS) beside the answer’s own', async () => {
    const app = Fastify();
    app.addHook('onRequest', async (_req, reply) => {
      reply.header('vary', 'origin');
    });
    registerConditionalGet(app);
    // As the tRPC routes answer: the answer's headers on the reply, the body as bytes.
    app.get('/q', (_req, reply) => {
      setAnswerHeaders(reply, [
        ['etag', '"e"'],
        ['vary', 'authorization'],
      ]);
      return reply.send(Buffer.from('{}'));
    });
    const ok = await app.inject({ url: '/q' });
    expect(ok.headers.vary).toBe('origin, authorization');
    const notModified = await app.inject({ url: '/q', headers: { 'if-none-match': 'W/"e"' } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers.vary).toBe('origin, authorization');
    await app.close();
  });
});
