import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import superjson from 'superjson';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { RATE_LIMITED, renderSite, renderStandalone } from '../../../deploy/nginx/render.mjs';
import { rateLimitedMessage } from '../src/rate-limit';

/**
 * The production nginx site (deploy/nginx): rendered for fixture builds, then read and, where
 * nginx is installed, checked by nginx itself. The CI's deployment pass runs it for real.
 */
const hasNginx = spawnSync('nginx', ['-v']).status === 0;
const INLINE = 'document.documentElement.style.fontSize = "20px";';
let dir: string;
let conf: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kc-nginx-'));
  for (const app of ['admin', 'h5']) await mkdir(path.join(dir, app));
  await writeFile(
    path.join(dir, 'admin/index.html'),
    '<!doctype html><script type="module" src="/assets/index.js"></script>',
  );
  await writeFile(
    path.join(dir, 'h5/index.html'),
    `<!doctype html><script>${INLINE}</script><script src="/js/app.js"></script>`,
  );
  conf = renderSite({
    api: ['127.0.0.1:3001', '127.0.0.1:3002'],
    admin: { host: 'admin.test', root: path.join(dir, 'admin'), https: '443', http: '80' },
    h5: { host: 'h5.test', root: path.join(dir, 'h5'), https: '127.0.0.1:8443', http: '8080' },
    cert: path.join(dir, 'tls.crt'),
    key: path.join(dir, 'tls.key'),
    fileMaxMb: 10,
    accessLog: path.join(dir, 'access.log'),
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the nginx site', () => {
  it('balances over every instance and never resends a POST', () => {
    expect(conf).toContain('server 127.0.0.1:3001 ');
    expect(conf).toContain('server 127.0.0.1:3002 ');
    expect(conf).toContain('proxy_next_upstream error timeout;');
    // `non_idempotent` would let nginx send a mutation (a payment) to a second instance.
    expect(conf).not.toMatch(/proxy_next_upstream [^;]*non_idempotent/);
  });

  it('allows the script hash of each build and no inline script else', () => {
    const hash = createHash('sha256').update(INLINE).digest('base64');
    const cspLines = conf.split('\n').filter((l) => l.includes('content-security-policy'));
    expect(cspLines.length).toBeGreaterThan(0);
    expect(cspLines.some((l) => l.includes(`'sha256-${hash}'`))).toBe(true);
    for (const line of cspLines) {
      expect(line).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(line).toContain("frame-ancestors 'none'");
    }
  });

  it('keeps readiness, metrics and the test clock inside, and query strings out of the log', () => {
    expect(
      conf.match(/location ~ \^\/\(readyz\|metrics\|test\)\(\/\|\$\) \{\s+return 404;/g),
    ).toHaveLength(2);
    expect(conf).toContain('$request_method $uri $server_protocol');
    expect(conf).not.toContain('$request_uri $server_protocol');
    expect(conf).not.toMatch(/\$request[ "']/);
  });

  it('redirects to the right https port and sets the client address itself', () => {
    expect(conf).toContain('return 301 https://$host$request_uri;');
    expect(conf).toContain('return 301 https://$host:8443$request_uri;');
    expect(conf).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(conf).toContain('client_max_body_size 11m;');
    expect(conf).not.toMatch(/\{\{[A-Z_]+\}\}/);
  });

  it('limits floods on the API paths (logins and uploads more), never the static files', () => {
    const blocks = locationBlocks(conf);
    const limits = (where: string) =>
      (blocks.get(where) ?? []).flatMap((b) => b.match(/limit_(req|conn) [^;]+;/g) ?? []);
    for (const where of ['/trpc/', '/files', '/public', '= /healthz']) {
      expect(limits(where), where).toContain('limit_req zone=kc_api burst=300 nodelay;');
    }
    const login = '~ ^/trpc/(.*,)?auth\\.(officerLogin|wechatLogin|phoneNumber)(,|$)';
    expect(limits(login)).toContain('limit_req zone=kc_login burst=120 nodelay;');
    expect(limits('/files')).toContain('limit_req zone=kc_upload burst=120 nodelay;');
    expect(limits('/trpc/')).toContain('limit_conn kc_conn 100;');
    expect(limits('/')).toEqual([]);
    expect(limits('= /index.html')).toEqual([]);
    expect(conf).toContain('limit_req_status 429;');
    // Only POSTs to /files count as uploads.
    expect(conf).toMatch(
      /map \$request_method \$kc_upload_client \{\s+POST\s+\$binary_remote_addr;/,
    );
  });

  it('refuses with the API’s own answer: Chinese message, RATE_LIMITED, Retry-After', () => {
    expect(RATE_LIMITED.message).toBe(rateLimitedMessage(RATE_LIMITED.retryAfterSeconds));
    // What the tRPC client reads (superjson), as the API's errorFormatter writes it.
    const trpc = JSON.parse(RATE_LIMITED.trpcBody) as {
      error: Parameters<typeof superjson.deserialize>[0];
    };
    expect(superjson.deserialize(trpc.error)).toEqual({
      message: '操作过于频繁，请 1 秒后再试',
      code: TRPC_ERROR_CODES_BY_KEY.TOO_MANY_REQUESTS,
      data: {
        code: 'TOO_MANY_REQUESTS',
        httpStatus: 429,
        appCode: 'RATE_LIMITED',
        retryAfterSeconds: 1,
      },
    });
    expect(JSON.parse(RATE_LIMITED.filesBody)).toEqual({
      error: { appCode: 'RATE_LIMITED', message: '操作过于频繁，请 1 秒后再试' },
    });
    const trpcPage = locationBlocks(conf).get('@kc_trpc_limited') ?? [];
    expect(trpcPage).toHaveLength(2);
    expect(trpcPage[0]).toContain(`return 429 '${RATE_LIMITED.trpcBody}';`);
    expect(trpcPage[0]).toContain('add_header retry-after 1 always;');
    expect(trpcPage[0]).toContain('default_type "application/json; charset=utf-8";');
    expect(locationBlocks(conf).get('/files')?.[0]).toContain(
      'error_page 429 = @kc_files_limited;',
    );
  });

  it.skipIf(!hasNginx)('is valid for nginx (nginx -t)', async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        path.join(dir, 'tls.key'),
        '-out',
        path.join(dir, 'tls.crt'),
        '-days',
        '1',
        '-subj',
        '/CN=admin.test',
      ],
      { stdio: 'pipe' },
    );
    const site = path.join(dir, 'kc.conf');
    await writeFile(site, conf);
    const main = path.join(dir, 'nginx.conf');
    await writeFile(main, renderStandalone({ prefix: dir, site }));
    const check = spawnSync('nginx', ['-t', '-p', dir, '-c', main], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
  });
});

/** Each `location X { … }` body of the rendered site, by X (one per server that has it). */
function locationBlocks(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(/^ {4}location (.+?) \{\n([\s\S]*?)^ {4}\}/gm)) {
    const where = m[1] ?? '';
    out.set(where, [...(out.get(where) ?? []), m[2] ?? '']);
  }
  return out;
}
