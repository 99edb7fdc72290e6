import { execFileSync, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSite, renderStandalone } from '../../../deploy/nginx/render.mjs';
import { registerConditionalGet } from '../src/http-cache';
import Fastify from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { freePort } from './support/free-port';

/**
 * Issue 13: the production nginx site compresses JSON and passes the API's ETag and 304 through
 * (the ETag turns weak once gzipped; the API's If-None-Match comparison is weak). Runs nginx
 * itself where it is installed, in front of a Fastify answering as our tRPC routes do (headers on the reply, the body as bytes).
 */
const hasNginx = spawnSync('nginx', ['-v']).status === 0;
const BODY = JSON.stringify({ result: { data: { json: 'x'.repeat(4000) } } });
const ETAG = '"abc123"';

let dir: string;
let nginx: ChildProcess | undefined;
let api: ReturnType<typeof Fastify>;
let port: number;

beforeAll(async () => {
  if (!hasNginx) return;
  dir = await mkdtemp(path.join(os.tmpdir(), 'kc-nginx-gzip-'));
  for (const app of ['admin', 'h5']) {
    await mkdir(path.join(dir, app));
    await writeFile(path.join(dir, app, 'index.html'), '<!doctype html><title>kc</title>');
  }
  api = Fastify();
  registerConditionalGet(api);
  api.get('/trpc/programmes.open', (_req: FastifyRequest, reply: FastifyReply) =>
    reply
      .headers({ 'content-type': 'application/json', etag: ETAG, 'cache-control': 'private' })
      .send(Buffer.from(BODY)),
  );
  await api.listen({ host: '127.0.0.1', port: 0 });
  const apiAddress = `127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'],
      ...['-keyout', path.join(dir, 'tls.key'), '-out', path.join(dir, 'tls.crt')],
      ...['-days', '1', '-subj', '/CN=admin.test'],
    ],
    { stdio: 'pipe' },
  );
  port = await freePort();
  const site = path.join(dir, 'kc.conf');
  await writeFile(
    site,
    renderSite({
      api: [apiAddress],
      admin: {
        host: 'admin.test',
        root: path.join(dir, 'admin'),
        https: `127.0.0.1:${port}`,
        http: `127.0.0.1:${await freePort()}`,
      },
      h5: {
        host: 'h5.test',
        root: path.join(dir, 'h5'),
        https: `127.0.0.1:${port}`,
        http: `127.0.0.1:${await freePort()}`,
      },
      cert: path.join(dir, 'tls.crt'),
      key: path.join(dir, 'tls.key'),
      fileMaxMb: 10,
      accessLog: path.join(dir, 'access.log'),
    }),
  );
  const main = path.join(dir, 'nginx.conf');
  await writeFile(main, renderStandalone({ prefix: dir, site }));
  nginx = spawn('nginx', ['-p', dir, '-c', main, '-g', 'daemon off;'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const up = await get({}).then(
      () => true,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
afterAll(async () => {
  nginx?.kill('SIGTERM');
  await api?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function get(headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = https.get(
        {
          host: '127.0.0.1',
          port,
          path: '/trpc/programmes.open',
          servername: 'admin.test',
          headers: { host: 'admin.test', ...headers },
          rejectUnauthorized: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      req.on('error', reject);
    },
  );
}

describe.runIf(hasNginx)('nginx in front of a cacheable answer', () => {
  it('gzips JSON and keeps the ETag (weak once compressed)', async () => {
    const res = await get({ 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers.etag).toBe(`W/${ETAG}`);
    expect(gunzipSync(res.body).toString()).toBe(BODY);

    const plain = await get({});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.etag).toBe(ETAG);
    expect(plain.body.toString()).toBe(BODY);
  });

  it('answers 304 to the weak ETag a gzipped answer carried', async () => {
    const first = await get({ 'accept-encoding': 'gzip' });
    const again = await get({
      'accept-encoding': 'gzip',
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });
});
