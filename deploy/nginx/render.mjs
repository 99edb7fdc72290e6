#!/usr/bin/env node
/**
 * Renders deploy/nginx/kc.conf.template for one installation (production, or the CI's
 * deployment pass in tooling/stack: the same template, so what CI tests is what runs).
 *
 *   node deploy/nginx/render.mjs --admin-host admin.kc.example.gov.cn --h5-host kc.example.gov.cn \
 *     --api 127.0.0.1:3001,127.0.0.1:3002 --cert /etc/ssl/kc/fullchain.pem \
 *     --key /etc/ssl/kc/privkey.pem --out /etc/nginx/conf.d/kc.conf
 *
 * Run it again after every build: the CSP carries the hashes of the builds' inline scripts.
 * Plain Node (no dependencies), so a server can run it without the workspace tools.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../..');
export const TEMPLATE = path.join(HERE, 'kc.conf.template');

/** sha256 sources for every inline <script> of a built index.html (Taro's rem script). */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/i.test(attrs) || m[2] === '') continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * The security headers of a static host serving the build in `root`: the same in nginx and in
 * the development/test static server (tooling/stack), so a CSP violation shows in every
 * browser test.
 *
 * - scripts: only the host's own files and the build's own inline scripts (by hash);
 * - styles: inline allowed (Element Plus and Taro set style attributes at run time);
 * - images: data: and blob: for previews of files picked for upload and drawn charts;
 * - everything else from the same origin; never framed.
 */
export function staticSecurityHeaders(root) {
  const html = readFileSync(path.join(root, 'index.html'), 'utf8');
  const csp = [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes(html)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // data: — the admin turns its chart image (a data: URL) into a file with fetch().
    "connect-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    ...HSTS,
  };
}

/** HTTPS only, for a year. Not includeSubDomains: other hosts of the bureau's domain may not be. */
const HSTS = { 'strict-transport-security': 'max-age=31536000' };

/**
 * What nginx answers when its own limit_req / limit_conn refuses a request (kc.conf.template,
 * docs/DEPLOY.md): the API's own refusal, word for word (apps/server/src/rate-limit.ts, checked by
 * apps/server/test/nginx-config.test.ts), so both clients show it as they show the API's. tRPC's
 * batch client gives a single (non-array) answer to every call of the batch.
 */
export const RATE_LIMITED = {
  retryAfterSeconds: 1,
  message: '操作过于频繁，请 1 秒后再试',
  get trpcBody() {
    return JSON.stringify({
      error: {
        json: {
          message: this.message,
          code: -32029, // TOO_MANY_REQUESTS
          data: {
            code: 'TOO_MANY_REQUESTS',
            httpStatus: 429,
            appCode: 'RATE_LIMITED',
            retryAfterSeconds: this.retryAfterSeconds,
          },
        },
      },
    });
  },
  get filesBody() {
    return JSON.stringify({ error: { appCode: 'RATE_LIMITED', message: this.message } });
  },
};

/** The two named locations the limits' `error_page 429` go to (one per answer shape). */
function rateLimitedLocations() {
  const location = (name, body) =>
    [
      `    location @${name} {`,
      '        default_type "application/json; charset=utf-8";',
      `        add_header retry-after ${RATE_LIMITED.retryAfterSeconds} always;`,
      '        add_header cache-control no-store always;',
      addHeaders(HSTS),
      `        return 429 '${body}';`,
      '    }',
    ].join('\n');
  return [
    location('kc_trpc_limited', RATE_LIMITED.trpcBody),
    location('kc_files_limited', RATE_LIMITED.filesBody),
  ].join('\n');
}

function addHeaders(headers, indent = '        ') {
  return Object.entries(headers)
    .map(([name, value]) => `${indent}add_header ${name} "${value}" always;`)
    .join('\n');
}

function listenParts(listen) {
  const port = Number(String(listen).split(':').pop());
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`not a listen address: ${listen} (e.g. 443 or 127.0.0.1:8443)`);
  }
  return { listen: String(listen), suffix: port === 443 ? '' : `:${port}` };
}

/**
 * @param {object} o
 * @param {string[]} o.api           API instances, host:port each
 * @param {{ host: string, root: string, https: string, http: string }} o.admin
 * @param {{ host: string, root: string, https: string, http: string }} o.h5
 * @param {string} o.cert            TLS certificate (chain) file
 * @param {string} o.key             its private key
 * @param {number} o.fileMaxMb       the API's FILE_MAX_MB
 * @param {string} [o.accessLog]     default /var/log/nginx/kc-access.log
 * @param {string} [o.fakeWeChat]    tests only: forward /fake on the H5 host to this address
 */
export function renderSite(o) {
  if (!o.api.length) throw new Error('at least one API instance is needed');
  const common = [
    `    ssl_certificate ${o.cert};`,
    `    ssl_certificate_key ${o.key};`,
    '    ssl_protocols TLSv1.2 TLSv1.3;',
    '    ssl_session_cache shared:kc_tls:10m;',
    '    ssl_session_timeout 1d;',
    '    ssl_session_tickets off;',
    '    server_tokens off;',
    '    # Clients may not pick their own address: the API trusts X-Forwarded-For only from',
    '    # this proxy (TRUST_PROXY), and this proxy sets it to the address it sees.',
    '    proxy_set_header Host $host;',
    '    proxy_set_header X-Real-IP $remote_addr;',
    '    proxy_set_header X-Forwarded-For $remote_addr;',
    '    proxy_set_header X-Forwarded-Proto $scheme;',
    '    proxy_set_header Connection "";',
    '    proxy_http_version 1.1;',
    '    proxy_read_timeout 60s;',
    '    # Another instance is tried when the first refused the connection or failed before',
    '    # answering. nginx never resends a POST (every tRPC mutation, every upload) once it was',
    '    # sent: that takes `non_idempotent`, deliberately absent, so nothing is written twice.',
    '    proxy_next_upstream error timeout;',
    '    proxy_next_upstream_tries 2;',
    '    proxy_next_upstream_timeout 15s;',
    "    # Our own limits (limit_req / limit_conn in the API locations) answer 429 with the API's",
    "    # refusal; the API's own 429s pass through untouched (no proxy_intercept_errors).",
    '    limit_req_status 429;',
    '    limit_conn_status 429;',
    '    limit_req_log_level warn;',
    '    error_page 429 = @kc_trpc_limited;',
    '    # JSON answers compress about 6:1 (the programme list: 28 KB → 5 KB). Proxied answers too,',
    "    # whatever their caching; the API's strong ETag becomes weak (W/) once gzipped, which the",
    '    # API accepts in If-None-Match (weak comparison). Tiny answers are not worth it.',
    '    gzip on;',
    '    gzip_comp_level 5;',
    '    gzip_min_length 1024;',
    '    gzip_proxied any;',
    '    gzip_vary on;',
    '    gzip_types application/json text/plain text/css application/javascript image/svg+xml;',
  ].join('\n');
  const admin = { ...o.admin, ...listenParts(o.admin.https) };
  const h5 = { ...o.h5, ...listenParts(o.h5.https) };
  const values = {
    UPSTREAM_SERVERS: o.api.map((a) => `    server ${a} max_fails=1 fail_timeout=5s;`).join('\n'),
    SERVER_COMMON: common,
    RATE_LIMITED_LOCATIONS: rateLimitedLocations(),
    API_HEADERS: addHeaders(HSTS),
    ADMIN_STATIC_HEADERS: addHeaders(staticSecurityHeaders(admin.root)),
    H5_STATIC_HEADERS: addHeaders(staticSecurityHeaders(h5.root)),
    ADMIN_SERVER_NAME: admin.host,
    ADMIN_ROOT: path.resolve(admin.root),
    ADMIN_HTTPS_LISTEN: admin.listen,
    ADMIN_HTTP_LISTEN: admin.http,
    ADMIN_HTTPS_PORT_SUFFIX: admin.suffix,
    H5_SERVER_NAME: h5.host,
    H5_ROOT: path.resolve(h5.root),
    H5_HTTPS_LISTEN: h5.listen,
    H5_HTTP_LISTEN: h5.http,
    H5_HTTPS_PORT_SUFFIX: h5.suffix,
    ACCESS_LOG: o.accessLog ?? '/var/log/nginx/kc-access.log',
    UPLOAD_MAX_MB: String(Math.ceil(o.fileMaxMb) + 1),
    FAKE_WECHAT_LOCATION: o.fakeWeChat
      ? [
          '    # Tests only: the fake WeChat login-code endpoint the H5 build calls.',
          '    location /fake/ {',
          `        proxy_pass http://${o.fakeWeChat};`,
          '    }',
        ].join('\n')
      : '',
  };
  const out = readFileSync(TEMPLATE, 'utf8').replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`template value ${name} is not known`);
    return values[name];
  });
  return out;
}

/**
 * A whole nginx.conf around the site file for running nginx as an ordinary process (tests):
 * `nginx -p <prefix> -c <prefix>/nginx.conf -g 'daemon off;'`, everything it writes in prefix.
 */
export function renderStandalone({ prefix, site, accessLog }) {
  return `# Written by deploy/nginx/render.mjs (standalone): nginx as a plain process, files in ${prefix}
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log stderr warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${accessLog ?? `${prefix}/access.log`};
    client_body_temp_path ${prefix}/client_body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    sendfile on;
    include ${site};
}
`;
}

function main() {
  const { values: a } = parseArgs({
    options: {
      'admin-host': { type: 'string' },
      'h5-host': { type: 'string' },
      'admin-root': { type: 'string', default: path.join(REPO_ROOT, 'apps/admin/dist') },
      'h5-root': { type: 'string', default: path.join(REPO_ROOT, 'apps/miniprogram/dist/h5') },
      'admin-https': { type: 'string', default: '443' },
      'admin-http': { type: 'string', default: '80' },
      'h5-https': { type: 'string', default: '443' },
      'h5-http': { type: 'string', default: '80' },
      api: { type: 'string', default: '127.0.0.1:3001,127.0.0.1:3002' },
      cert: { type: 'string' },
      key: { type: 'string' },
      'file-max-mb': { type: 'string', default: process.env.FILE_MAX_MB ?? '10' },
      'access-log': { type: 'string' },
      out: { type: 'string' },
    },
  });
  for (const required of ['admin-host', 'h5-host', 'cert', 'key']) {
    if (!a[required]) {
      console.error(`--${required} is required (see the comment at the top of ${import.meta.url})`);
      process.exit(2);
    }
  }
  const conf = renderSite({
    api: a.api
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    admin: {
      host: a['admin-host'],
      root: a['admin-root'],
      https: a['admin-https'],
      http: a['admin-http'],
    },
    h5: { host: a['h5-host'], root: a['h5-root'], https: a['h5-https'], http: a['h5-http'] },
    cert: a.cert,
    key: a.key,
    fileMaxMb: Number(a['file-max-mb']),
    accessLog: a['access-log'],
  });
  if (a.out) writeFileSync(a.out, conf);
  else process.stdout.write(conf);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main();
}
