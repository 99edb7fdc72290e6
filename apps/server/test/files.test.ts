import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@kc/api';
import { DEFAULT_API_CONFIG, createWeChatClient } from '@kc/api';
import type { CanOfficerSeeFile } from '@kc/api/files';
import { ACCEPTED_TYPES_TEXT, DEFAULT_FILE_STORAGE_DIR } from '@kc/api/files';
import type { Db } from '@kc/db';
import { createTestDb, demoSeedTemplate, testRunStartedAt } from '@kc/db/testing';
import { creditCodeCheckChar } from '@kc/domain';
import { buildServer } from '../src/app';
import { EnvError, parseEnv } from '../src/env';
import { createFakeWeChat } from '../src/fake-wechat/service';
import { createLogger } from '../src/logger';
import { fileSettingsFromEnv } from '../src/settings';

/**
 * Evidence uploads over real HTTP: the server on a port, files in a temporary folder, records
 * in the test database, sessions from the fake WeChat and the demo officers.
 */
const MAX_BYTES = 64 * 1024;

let db: Db;
let api: Awaited<ReturnType<typeof buildServer>>;
let wechat: ReturnType<typeof createFakeWeChat>;
let apiUrl: string;
let wechatUrl: string;
let storageDir: string;
/** What the test lets officers see (the API will later decide by application and area). */
let officerMaySee: Set<string> = new Set();

const canOfficerSee: CanOfficerSeeFile = (officer, file) =>
  officerMaySee.has(file.id) ? { areaCode: officer.areaCode, details: { reason: 'test' } } : false;

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'kc-server-files-'));
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
    files: { settings: { storageDir, maxBytes: MAX_BYTES }, canOfficerSee },
  });
  await api.listen({ host: '127.0.0.1', port: 0 });
  apiUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await api?.close();
  await wechat?.close();
  await db?.close();
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

async function officerToken(username = 'admin'): Promise<string> {
  return (await trpc().auth.officerLogin.mutate({ username, password: 'Demo@2026' })).token;
}

const bearer = (token?: string): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

/** What `wx.uploadFile({ name: 'file', filePath, formData })` sends. */
function multipartUpload(
  bytes: Uint8Array,
  filename: string,
  token?: string,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/octet-stream' }), filename);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return fetch(`${apiUrl}/files`, { method: 'POST', headers: bearer(token), body: form });
}

function rawUpload(bytes: Uint8Array, name: string, token?: string) {
  return fetch(`${apiUrl}/files`, {
    method: 'POST',
    headers: {
      ...bearer(token),
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    body: bytes,
  });
}

/**
 * Sends a chunked body (no content-length) 16 KB at a time until the server answers or
 * `totalBytes` are sent; reports how much had been sent when the answer came.
 */
function streamingUpload(options: {
  token: string;
  contentType: string;
  head: string;
  totalBytes: number;
  tail?: string;
}): Promise<{ status: number; connection?: string; body: string; sentBeforeAnswer: number }> {
  const url = new URL(`${apiUrl}/files`);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { ...bearer(options.token), 'content-type': options.contentType },
    });
    req.on('response', (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          connection: res.headers.connection,
          body,
          sentBeforeAnswer,
        }),
      );
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    req.write(options.head);
    const chunk = Buffer.alloc(16 * 1024);
    const pump = () => {
      if (answered || req.destroyed) return;
      if (sent >= options.totalBytes) {
        req.end(options.tail ?? '');
        return;
      }
      sent += chunk.length;
      if (req.write(chunk)) setImmediate(pump);
      else req.once('drain', pump);
    };
    pump();
  });
}

interface Uploaded {
  id: string;
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  originalName: string;
}
interface Refusal {
  error: { appCode: string; message: string };
}

async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

function pdf(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\n% ${text}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
  );
}

/** A Windows program: "MZ", the DOS stub, "PE". */
function exe(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

describe('evidence files over HTTP', () => {
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    alice = await applicantToken('files-test-alice');
    bob = await applicantToken('files-test-bob');
  });

  it('uploads a PDF as an applicant and downloads it back byte for byte', async () => {
    const bytes = pdf('技术合同');
    const res = await multipartUpload(bytes, '技术合同登记证明.pdf', alice);
    expect(res.status).toBe(200);
    const up = (await res.json()) as Uploaded;
    expect(up).toMatchObject({
      sizeBytes: bytes.length,
      mimeType: 'application/pdf',
      originalName: '技术合同登记证明.pdf',
    });
    expect(up.sha256).toMatch(/^[0-9a-f]{64}$/);
    const row = await db.prisma.storedFile.findUnique({ where: { id: up.id } });
    expect(row).toMatchObject({ sha256: up.sha256, sizeBytes: bytes.length });

    const dl = await fetch(`${apiUrl}/files/${up.id}`, { headers: bearer(alice) });
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer())).toEqual(bytes);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-length')).toBe(String(bytes.length));
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    expect(dl.headers.get('cache-control')).toContain('private');
    expect(dl.headers.get('content-disposition')).toBe(
      `attachment; filename="________.pdf"; filename*=UTF-8''${encodeURIComponent('技术合同登记证明')}.pdf`,
    );
  });

  it('takes the real name from a form field when WeChat sends a temporary path', async () => {
    // wx.uploadFile: filename is e.g. "wxfile://tmp_3f2a….jpg"; formData carries the real name.
    const res = await multipartUpload(pdf('wechat'), 'wxfile://tmp_3f2a9c.pdf', alice, {
      originalName: '转账凭证（2026年11月）.pdf',
    });
    expect(((await res.json()) as Uploaded).originalName).toBe('转账凭证（2026年11月）.pdf');
    const plain = await multipartUpload(pdf('plain'), 'wxfile://tmp_77.pdf', alice);
    expect(((await plain.json()) as Uploaded).originalName).toBe('tmp_77.pdf');
  });

  it('accepts a raw application/octet-stream body with a percent-encoded x-file-name', async () => {
    const res = await rawUpload(pdf('raw'), '../../科技成果登记.pdf', alice);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Uploaded).originalName).toBe('科技成果登记.pdf');
  });

  it('answers another applicant exactly as for a file that does not exist', async () => {
    const up = (await (await rawUpload(pdf('private'), '私密.pdf', alice)).json()) as Uploaded;
    const other = await fetch(`${apiUrl}/files/${up.id}`, { headers: bearer(bob) });
    expect(other.status).toBe(404);
    const otherBody = (await other.json()) as Refusal;
    const missing = await fetch(`${apiUrl}/files/00000000-0000-4000-8000-000000000000`, {
      headers: bearer(bob),
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(otherBody);
    expect(otherBody.error.appCode).toBe('NOT_FOUND');
    const junk = await fetch(`${apiUrl}/files/..%2F..%2Fetc%2Fpasswd`, { headers: bearer(bob) });
    expect(junk.status).toBe(404);
  });

  it('gives a colleague the organisation’s 资料库 document; anyone else still gets 404', async () => {
    const first17 = '91341302MA7700120';
    const org = await trpc(alice).profile.saveOrganisation.mutate({
      type: 'firm',
      name: '宿州资料下载测试科技有限公司',
      creditCode: first17 + creditCodeCheckChar(first17),
      areaCode: 'yongqiao',
      fieldCodes: ['general-intelligence'],
      subFieldCodes: ['ai-manufacturing'],
      qualifications: [],
      contactName: '陈晓东',
      contactPhone: '13955710001',
    });
    const colleague = await applicantToken('files-test-colleague');
    const colleagueId = (await trpc(colleague).auth.me.query()).id;
    await db.prisma.organisationMember.create({
      data: {
        organisationId: org.id,
        userId: colleagueId,
        role: 'agent',
        status: 'active',
        origin: 'invited',
        joinedAt: new Date(),
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    const up = (await (await rawUpload(pdf('承诺书'), '信用承诺书.pdf', alice)).json()) as Uploaded;
    await trpc(alice).myOrg.documents.add.mutate({ kind: 'credit-commitment', fileId: up.id });

    const theirs = await fetch(`${apiUrl}/files/${up.id}`, { headers: bearer(colleague) });
    expect(theirs.status).toBe(200);
    expect(Buffer.from(await theirs.arrayBuffer())).toEqual(pdf('承诺书'));
    expect((await fetch(`${apiUrl}/files/${up.id}`, { headers: bearer(bob) })).status).toBe(404);
  });

  it('requires a session: 401 without a token or with an unknown one', async () => {
    const res = await multipartUpload(pdf('anon'), 'a.pdf');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { appCode: 'UNAUTHENTICATED', message: '请先登录' },
    });
    const forged = await multipartUpload(pdf('anon'), 'a.pdf', 'x'.repeat(43));
    expect(forged.status).toBe(401);
    const up = (await (await rawUpload(pdf('mine'), 'a.pdf', alice)).json()) as Uploaded;
    expect((await fetch(`${apiUrl}/files/${up.id}`)).status).toBe(401);
  });

  it('refuses a file over the limit with 413 and the limit in Chinese', async () => {
    const big = Buffer.concat([pdf('big'), Buffer.alloc(MAX_BYTES)]);
    const expected = {
      error: {
        appCode: 'FILE_TOO_LARGE',
        message: '文件过大：单个文件不能超过 64 KB，请压缩或分开上传',
      },
    };
    const res = await multipartUpload(big, '大文件.pdf', alice);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(expected);
    const raw = await rawUpload(big, '大文件.pdf', alice);
    expect(raw.status).toBe(413);
    expect(await raw.json()).toEqual(expected);
    // Exactly at the limit is fine.
    const fits = Buffer.concat([pdf('fits'), Buffer.alloc(MAX_BYTES - pdf('fits').length)]);
    expect((await rawUpload(fits, 'fits.pdf', alice)).status).toBe(200);
  });

  it('refuses a body announced as far too large before reading it', async () => {
    const huge = Buffer.alloc(4 * 1024 * 1024);
    huge.write('%PDF-1.7\n');
    const res = await rawUpload(huge, 'huge.pdf', alice).catch((error: Error) => error);
    // The server answers 413 at once and closes; a client still sending may see the reset.
    if (res instanceof Response) {
      expect(res.status).toBe(413);
      expect(((await res.json()) as Refusal).error.appCode).toBe('FILE_TOO_LARGE');
    } else {
      expect(res.message).toMatch(/fetch failed|other side closed|ECONNRESET|EPIPE/);
    }
  });

  it('enforces the limit while reading a stream of unknown length, then hangs up', async () => {
    for (const upload of [
      { contentType: 'application/octet-stream', head: '%PDF-1.7\n' },
      {
        contentType: 'multipart/form-data; boundary=kcBoundary',
        head:
          '--kcBoundary\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n' +
          'Content-Type: application/pdf\r\n\r\n%PDF-1.7\n',
      },
    ]) {
      const res = await streamingUpload({ token: alice, totalBytes: 64 * 1024 * 1024, ...upload });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ error: { appCode: 'FILE_TOO_LARGE' } });
      expect(res.connection).toBe('close');
      // Answered long before the 64 MB were sent (what was "sent" includes the loopback
      // socket buffers, a few MB).
      expect(res.sentBeforeAnswer).toBeLessThan(16 * 1024 * 1024);
    }
  });

  it('answers 400 to a multipart body that breaks off', async () => {
    const res = await streamingUpload({
      token: alice,
      contentType: 'multipart/form-data; boundary=kcBoundary',
      head:
        '--kcBoundary\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n' +
        '%PDF-1.7\n',
      totalBytes: 16 * 1024,
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      error: { appCode: 'INVALID_INPUT', message: '上传的数据不完整或格式有误，请重试' },
    });
  });

  it('refuses a program renamed .pdf with 415 and the accepted types', async () => {
    const before = await filesOnDisk();
    const res = await multipartUpload(exe(), '营业执照.pdf', alice);
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      error: {
        appCode: 'FILE_TYPE_NOT_ALLOWED',
        message: `不支持该文件类型。${ACCEPTED_TYPES_TEXT}`,
      },
    });
    const html = await rawUpload(Buffer.from('<html><body>%PDF-1.7</body></html>'), 'x.pdf', alice);
    expect(html.status).toBe(415);
    const empty = await rawUpload(Buffer.alloc(0), 'empty.pdf', alice);
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as Refusal).error.appCode).toBe('FILE_EMPTY');
    expect(await filesOnDisk()).toEqual(before);
  });

  it('stores the same content once on disk, one record per owner', async () => {
    const bytes = pdf('the same bytes');
    const before = (await filesOnDisk()).length;
    const a1 = (await (await multipartUpload(bytes, '一.pdf', alice)).json()) as Uploaded;
    const a2 = (await (await rawUpload(bytes, '二.pdf', alice)).json()) as Uploaded;
    const b1 = (await (await multipartUpload(bytes, '三.pdf', bob)).json()) as Uploaded;
    expect(a2.id).toBe(a1.id);
    expect(b1.id).not.toBe(a1.id);
    expect(b1.sha256).toBe(a1.sha256);
    const disk = await filesOnDisk();
    expect(disk).toHaveLength(before + 1);
    expect(disk).toContain(a1.sha256);
    expect(await db.prisma.storedFile.count({ where: { sha256: a1.sha256 } })).toBe(2);
    // Each owner downloads their own record of it; not the other's.
    expect((await fetch(`${apiUrl}/files/${b1.id}`, { headers: bearer(bob) })).status).toBe(200);
    expect((await fetch(`${apiUrl}/files/${a1.id}`, { headers: bearer(bob) })).status).toBe(404);
  });

  it('lets officers download only when authorised, and audits each download', async () => {
    const officer = await officerToken();
    const refused = await multipartUpload(pdf('officer'), 'a.pdf', officer);
    expect(refused.status).toBe(403);

    const bytes = pdf('evidence for review');
    const up = (await (await multipartUpload(bytes, '证明.pdf', alice)).json()) as Uploaded;
    expect((await fetch(`${apiUrl}/files/${up.id}`, { headers: bearer(officer) })).status).toBe(
      404,
    );
    expect(await db.prisma.auditLog.count({ where: { objectId: up.id } })).toBe(0);

    officerMaySee = new Set([up.id]);
    const dl = await fetch(`${apiUrl}/files/${up.id}`, { headers: bearer(officer) });
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer())).toEqual(bytes);
    const audit = await db.prisma.auditLog.findMany({ where: { objectId: up.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'file.download',
      objectType: 'stored_file',
      actorRole: 'bureau-admin',
      details: { reason: 'test', originalName: '证明.pdf', mimeType: 'application/pdf' },
    });
    // The owner's own downloads are not audited.
    await (await fetch(`${apiUrl}/files/${up.id}`, { headers: bearer(alice) })).arrayBuffer();
    expect(await db.prisma.auditLog.count({ where: { objectId: up.id } })).toBe(1);
    // No HEAD shortcut around the audit.
    expect(
      (await fetch(`${apiUrl}/files/${up.id}`, { method: 'HEAD', headers: bearer(officer) }))
        .status,
    ).toBe(404);
  });

  it('explains a request that is not an upload', async () => {
    const json = await fetch(`${apiUrl}/files`, {
      method: 'POST',
      headers: { ...bearer(alice), 'content-type': 'application/json' },
      body: '{"file":"x"}',
    });
    expect(json.status).toBe(415);
    expect(((await json.json()) as Refusal).error.message).toContain('multipart/form-data');

    const form = new FormData();
    form.append('originalName', 'a.pdf');
    const noFile = await fetch(`${apiUrl}/files`, {
      method: 'POST',
      headers: bearer(alice),
      body: form,
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as Refusal).error.message).toContain('file');

    const wrongField = new FormData();
    wrongField.append('upload', new Blob([pdf('x')]), 'a.pdf');
    const wrong = await fetch(`${apiUrl}/files`, {
      method: 'POST',
      headers: bearer(alice),
      body: wrongField,
    });
    expect(wrong.status).toBe(400);

    const two = new FormData();
    two.append('file', new Blob([pdf('1')]), '1.pdf');
    two.append('file', new Blob([pdf('2')]), '2.pdf');
    const twice = await fetch(`${apiUrl}/files`, {
      method: 'POST',
      headers: bearer(alice),
      body: two,
    });
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as Refusal).error.message).toBe('一次只能上传一个文件');
  });
});

describe('official lists over HTTP (名单导入)', () => {
  const SAMPLES = new URL('../../../packages/db/demo/official-lists/', import.meta.url);
  const listUpload = (bytes: Uint8Array, filename: string, token?: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), filename);
    return fetch(`${apiUrl}/files/official-lists`, {
      method: 'POST',
      headers: bearer(token),
      body: form,
    });
  };

  it('takes a GBK .csv from the bureau administrator, which the preview then reads', async () => {
    const bytes = await readFile(new URL('high-tech-enterprise-gbk.csv', SAMPLES));
    const admin = await officerToken('admin');
    const res = await listUpload(bytes, '高企名单.csv', admin);
    expect(res.status).toBe(200);
    const file = (await res.json()) as Uploaded;
    expect(file).toMatchObject({ mimeType: 'text/csv', originalName: '高企名单.csv' });
    const preview = await trpc(admin).officialLists.preview.mutate({
      kind: 'high-tech-enterprise',
      fileId: file.id,
    });
    expect(preview.counts).toEqual({
      matched: 2,
      unmatched: 1,
      conflict: 1,
      invalid: 1,
      unchanged: 0,
    });
  });

  it('refuses anyone but the bureau administrator with 403', async () => {
    const csv = Buffer.from('证书编号,统一社会信用代码\r\n');
    for (const token of [await applicantToken('files-test-list'), await officerToken('reviewer')]) {
      const res = await listUpload(csv, 'list.csv', token);
      expect(res.status).toBe(403);
      expect(((await res.json()) as Refusal).error).toEqual({
        appCode: 'FORBIDDEN',
        message: '只有局管理员可以导入官方认定名单',
      });
    }
    expect((await listUpload(csv, 'list.csv')).status).toBe(401);
  });

  it('refuses what is not a spreadsheet with 415, and a list over the limit with 413', async () => {
    const admin = await officerToken('admin');
    const notList = await listUpload(pdf('名单'), 'list.pdf', admin);
    expect(notList.status).toBe(415);
    expect(((await notList.json()) as Refusal).error.message).toBe(
      '名单文件只能是表格。请上传 Excel（.xlsx）文件或 CSV（.csv）文件',
    );
    const tooLarge = await listUpload(Buffer.alloc(MAX_BYTES + 1, 0x41), 'big.csv', admin);
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as Refusal).error.appCode).toBe('FILE_TOO_LARGE');
  });
});

describe('templates over HTTP (协议模板, issue 11)', () => {
  const templateUpload = (bytes: Uint8Array, filename: string, token?: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), filename);
    return fetch(`${apiUrl}/files/templates`, {
      method: 'POST',
      headers: bearer(token),
      body: form,
    });
  };

  it('takes a bureau officer’s PDF, which a call then offers as its agreement template', async () => {
    const admin = await officerToken('admin');
    const res = await templateUpload(pdf('三方协议模板'), '三方协议模板.pdf', admin);
    expect(res.status).toBe(200);
    const file = (await res.json()) as Uploaded;
    expect(file).toMatchObject({ mimeType: 'application/pdf', originalName: '三方协议模板.pdf' });
  });

  it('refuses applicants and area officers with 403, and nobody signed in with 401', async () => {
    for (const token of [
      await applicantToken('files-test-template'),
      await officerToken('yongqiao'),
    ]) {
      const res = await templateUpload(pdf('模板'), '模板.pdf', token);
      expect(res.status).toBe(403);
      expect(((await res.json()) as Refusal).error).toEqual({
        appCode: 'FORBIDDEN',
        message: '只有科技局经办人员可以上传模板',
      });
    }
    expect((await templateUpload(pdf('模板'), '模板.pdf')).status).toBe(401);
  });
});

describe('file settings from the environment', () => {
  it('defaults to <repo>/.data/files and 10 MB, and reads FILE_STORAGE_DIR / FILE_MAX_MB', () => {
    expect(fileSettingsFromEnv(parseEnv({}))).toEqual({
      storageDir: DEFAULT_FILE_STORAGE_DIR,
      maxBytes: 10 * 1024 * 1024,
    });
    expect(DEFAULT_FILE_STORAGE_DIR.replaceAll('\\', '/')).toMatch(/\/\.data\/files$/);
    expect(
      fileSettingsFromEnv(parseEnv({ FILE_STORAGE_DIR: '/srv/kc/files', FILE_MAX_MB: '2.5' })),
    ).toEqual({ storageDir: '/srv/kc/files', maxBytes: 2.5 * 1024 * 1024 });
  });

  it('names a bad FILE_MAX_MB', () => {
    expect(() => parseEnv({ FILE_MAX_MB: '0' })).toThrow(/FILE_MAX_MB/);
    expect(() => parseEnv({ FILE_MAX_MB: 'ten' })).toThrow(EnvError);
  });
});
