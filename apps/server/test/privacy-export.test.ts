import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeChatClient } from '@kc/api';
import { DEFAULT_API_CONFIG } from '@kc/api';
import type { Db } from '@kc/db';
import { createTestDb, demoSeedTemplate, testRunStartedAt } from '@kc/db/testing';
import { buildServer } from '../src/app';
import { createLogger } from '../src/logger';

/** GET /files/me/export.xlsx: the applicant's own data as a workbook, with their session only. */
let db: Db;
let api: Awaited<ReturnType<typeof buildServer>>;
let storageDir: string;

// The login code is the openid: enough for a route that only needs a session.
const wechat: WeChatClient = {
  code2Session: async (code) => ({ openid: code }),
  phoneNumber: async () => ({ purePhoneNumber: '13800000000', countryCode: '86' }),
};

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'kc-server-export-'));
  db = await createTestDb({ template: demoSeedTemplate(testRunStartedAt()) });
  api = await buildServer({
    db,
    logger: createLogger('silent'),
    config: DEFAULT_API_CONFIG,
    wechat,
    corsOrigins: [],
    files: { settings: { storageDir, maxBytes: 1024 * 1024 } },
  });
});

afterAll(async () => {
  await api?.close();
  await db?.close();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

async function trpcPost(path: string, input: unknown, token?: string) {
  const res = await api.inject({
    method: 'POST',
    url: `/trpc/${path}`,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    payload: JSON.stringify({ json: input }),
  });
  return res.json() as { result?: { data: { json: Record<string, unknown> } } };
}

describe('GET /files/me/export.xlsx', () => {
  it('gives an applicant their own workbook, and audits it', async () => {
    const login = await trpcPost('auth.wechatLogin', { code: 'demo-openid-firm-1' });
    const { token, user } = login.result!.data.json as { token: string; user: { id: string } };
    const res = await api.inject({
      method: 'GET',
      url: '/files/me/export.xlsx',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="[^/]*"; filename\*=UTF-8''/,
    );
    expect(res.headers['cache-control']).toContain('no-store');
    // A zip (the workbook's contents are checked in @kc/api's privacy test).
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const audited = await db.prisma.auditLog.count({
      where: { action: 'privacy.export', objectId: user.id },
    });
    expect(audited).toBe(1);
  });

  it('refuses no session (401) and an officer (403)', async () => {
    const anonymous = await api.inject({ method: 'GET', url: '/files/me/export.xlsx' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { appCode: 'UNAUTHENTICATED' } });
    const officer = await trpcPost('auth.officerLogin', {
      username: 'yongqiao',
      password: 'Demo@2026',
    });
    const { token } = officer.result!.data.json as { token: string };
    const refused = await api.inject({
      method: 'GET',
      url: '/files/me/export.xlsx',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.statusCode).toBe(403);
  });
});
