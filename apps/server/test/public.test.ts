import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { DEFAULT_API_CONFIG } from '@kc/api';
import type { Db } from '@kc/db';
import { createTestDb, demoSeedTemplate, testRunStartedAt } from '@kc/db/testing';
import { buildServer } from '../src/app';
import { createLogger } from '../src/logger';

/** The public pages' routing: statuses, Chinese 404s, headers for public, script-free HTML. */
let db: Db;
let api: Awaited<ReturnType<typeof buildServer>>;

beforeAll(async () => {
  db = await createTestDb({ template: demoSeedTemplate(testRunStartedAt()) });
  api = await buildServer({
    db,
    logger: createLogger('error', new Writable({ write: (_c, _e, cb) => cb() })),
    config: DEFAULT_API_CONFIG,
    wechat: {
      code2Session: () => Promise.reject(new Error('unused')),
      phoneNumber: () => Promise.reject(new Error('unused')),
    },
    corsOrigins: [],
  });
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

describe('GET /public', () => {
  it.each([
    '/public',
    '/public/',
    '/public/programmes/scenario-case',
    '/public/notices',
    '/public/needs',
    '/public/needs?kind=technology&q=%E6%B0%A2&page=2',
    '/public/alliances',
    '/public/alliances?field=low-carbon-energy&q=%E8%81%94%E7%9B%9F&page=2',
    '/public/consultations',
  ])('%s answers a public HTML page with no session', async (url) => {
    const res = await api.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).not.toContain('<script');
  });

  it.each([
    '/public/programmes/unknown',
    '/public/notices/00000000-0000-4000-8000-000000000000',
    '/public/notices/not-an-id',
    '/public/needs/00000000-0000-4000-8000-000000000000',
    '/public/needs/not-an-id',
    '/public/alliances/00000000-0000-4000-8000-000000000000',
    '/public/alliances/not-an-id',
    '/public/consultations/00000000-0000-4000-8000-000000000000',
    '/public/consultations/not-an-id',
    '/public/nothing-here',
  ])('%s is a Chinese 404 page, never a 500', async (url) => {
    const res = await api.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('页面不存在');
  });

  it('a malformed address is a 400 (the reader’s error), not a 500', async () => {
    const res = await api.inject({ method: 'GET', url: '/public/vp-notices/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
  });

  it('leaves the API routes alone', async () => {
    const res = await api.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
  });
});
