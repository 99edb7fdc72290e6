import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@kc/api';
import { DEFAULT_API_CONFIG, createWeChatClient } from '@kc/api';
import { S3FileStore } from '@kc/api/files';
import type { Db } from '@kc/db';
import { createTestDb, demoSeedTemplate, testRunStartedAt } from '@kc/db/testing';
import { buildServer } from '../src/app';
import { createFakeWeChat } from '../src/fake-wechat/service';
import { createLogger } from '../src/logger';
import { parseEnv } from '../src/env';
import { fileSettingsFromEnv } from '../src/settings';
// The local stack's bucket (s3rver, a dependency of @kc/stack, resolved from there).
import { startS3 } from '../../../tooling/stack/src/s3';
import type { S3Service } from '../../../tooling/stack/src/s3';

/**
 * Evidence uploads with FILE_STORE=s3: the same routes, the bytes in the stack's s3rver bucket,
 * configured from the environment the stack hands the server. The bucket is never exposed:
 * downloads go through GET /files/:id and its access checks.
 */
let db: Db;
let s3: S3Service;
let api: Awaited<ReturnType<typeof buildServer>>;
let wechat: ReturnType<typeof createFakeWeChat>;
let apiUrl: string;
let wechatUrl: string;
let storageDir: string;
let bucket: S3FileStore;

beforeAll(async () => {
  s3 = await startS3({ port: 0, bucket: 'kc-server-files' });
  storageDir = await mkdtemp(join(tmpdir(), 'kc-server-s3-unused-'));
  const settings = fileSettingsFromEnv(
    parseEnv({ ...s3.env, FILE_STORAGE_DIR: storageDir, FILE_MAX_MB: '1' }),
  );
  if (!settings.s3) throw new Error('FILE_STORE=s3 gave no bucket settings');
  bucket = S3FileStore.fromSettings(settings.s3);
  db = await createTestDb({ template: demoSeedTemplate(testRunStartedAt()) });
  wechat = createFakeWeChat({ appId: 'wx-test', secret: 'wx-test-secret' });
  await wechat.listen({ host: '127.0.0.1', port: 0 });
  wechatUrl = `http://127.0.0.1:${(wechat.server.address() as AddressInfo).port}`;
  api = await buildServer({
    db,
    logger: createLogger('silent'),
    config: DEFAULT_API_CONFIG,
    wechat: createWeChatClient({ baseUrl: wechatUrl, appId: 'wx-test', secret: 'wx-test-secret' }),
    corsOrigins: [],
    files: { settings },
  });
  await api.listen({ host: '127.0.0.1', port: 0 });
  apiUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await api?.close();
  await wechat?.close();
  await db?.close();
  bucket?.client.destroy();
  await s3?.stop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

function trpc(token?: string) {
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

async function applicantToken(openid: string): Promise<string> {
  const res = await fetch(`${wechatUrl}/fake/login-code`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  const { code } = (await res.json()) as { code: string };
  return (await trpc().auth.wechatLogin.mutate({ code })).token;
}

function upload(bytes: Uint8Array, filename: string, token: string, path = '/files') {
  const form = new FormData();
  form.append('file', new Blob([bytes]), filename);
  return fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% ${text}\ntrailer <<>>\n%%EOF\n`);

interface Uploaded {
  id: string;
  sha256: string;
  sizeBytes: number;
}

describe('evidence files in an S3 bucket (FILE_STORE=s3)', () => {
  it('uploads into the bucket and downloads through /files/:id', async () => {
    const alice = await applicantToken('s3-alice');
    const bytes = pdf('营业执照 s3');
    const res = await upload(bytes, '营业执照.pdf', alice);
    expect(res.status).toBe(200);
    const file = (await res.json()) as Uploaded;
    expect(file.sizeBytes).toBe(bytes.length);

    // In the bucket (under ab/cd/<sha256>: the store's contract test); nothing on local disk.
    const chunks: Buffer[] = [];
    for await (const chunk of await bucket.get(file.sha256)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(bytes);
    expect(await readdir(storageDir)).toEqual([]);

    const download = await fetch(`${apiUrl}/files/${file.id}`, {
      headers: { authorization: `Bearer ${alice}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  it('keeps the access checks: another applicant and an anonymous caller are refused', async () => {
    const alice = await applicantToken('s3-alice-2');
    const file = (await (await upload(pdf('合同 s3'), '合同.pdf', alice)).json()) as Uploaded;
    const bob = await applicantToken('s3-bob');
    const asBob = await fetch(`${apiUrl}/files/${file.id}`, {
      headers: { authorization: `Bearer ${bob}` },
    });
    expect(asBob.status).toBe(404);
    expect((await fetch(`${apiUrl}/files/${file.id}`)).status).toBe(401);
  });

  it('stores identical content once, whoever uploads it', async () => {
    const bytes = pdf('同一份文件');
    const a = (await (
      await upload(bytes, 'a.pdf', await applicantToken('s3-dup-a'))
    ).json()) as Uploaded;
    const b = (await (
      await upload(bytes, 'b.pdf', await applicantToken('s3-dup-b'))
    ).json()) as Uploaded;
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect(await bucket.has(a.sha256)).toBe(true);
  });

  it('lets a procedure read an uploaded file from the bucket (official list preview)', async () => {
    const admin = (
      await trpc().auth.officerLogin.mutate({ username: 'admin', password: 'Demo@2026' })
    ).token;
    const csv = await readFile(
      new URL(
        '../../../packages/db/demo/official-lists/high-tech-enterprise-gbk.csv',
        import.meta.url,
      ),
    );
    const res = await upload(csv, '高企名单.csv', admin, '/files/official-lists');
    expect(res.status).toBe(200);
    const file = (await res.json()) as Uploaded;
    expect(await bucket.has(file.sha256)).toBe(true);
    const preview = await trpc(admin).officialLists.preview.mutate({
      kind: 'high-tech-enterprise',
      fileId: file.id,
    });
    expect(preview.counts.matched).toBe(2);
  });
});
