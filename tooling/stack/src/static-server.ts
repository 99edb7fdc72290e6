import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

export interface StaticServerOptions {
  root: string;
  host?: string;
  port: number;
  /** Path prefixes forwarded to another origin, e.g. `{ '/trpc': 'http://127.0.0.1:3000' }`. */
  proxy?: Record<string, string>;
  /** Added to every file served (not to forwarded answers): the security headers. */
  headers?: Record<string, string>;
}

/**
 * Serves a built single-page app (unknown paths fall back to index.html) and forwards API
 * prefixes, the way nginx would in production. Small on purpose: development and tests only.
 */
export async function serveStatic(options: StaticServerOptions) {
  const root = path.resolve(options.root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const target = Object.entries(options.proxy ?? {}).find(([prefix]) =>
      url.pathname.startsWith(prefix),
    )?.[1];
    if (target) {
      const upstream = http.request(
        new URL(url.pathname + url.search, target),
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502).end('upstream unavailable');
      });
      req.pipe(upstream);
      return;
    }
    void sendFile(root, decodeURIComponent(url.pathname), res, options.headers ?? {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function sendFile(
  root: string,
  pathname: string,
  res: http.ServerResponse,
  headers: Record<string, string>,
) {
  let file = path.resolve(root, `.${pathname}`);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info) {
    file = path.join(root, 'index.html');
    info = await stat(file).catch(() => null);
    if (!info) {
      res.writeHead(404).end('not built');
      return;
    }
  }
  const isHtml = file.endsWith('.html');
  res.writeHead(200, {
    ...headers,
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': isHtml ? 'no-cache' : 'public, max-age=3600',
  });
  createReadStream(file).pipe(res);
}
