import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveServer } from './support/live-server';
import { startLiveServer } from './support/live-server';

/**
 * Issue 12, finding 8 (the API's part): JSON answers are never cached by a browser or proxy and
 * never sniffed as something else. Public pages and file downloads keep their own headers.
 */
let server: LiveServer;
let token: string;

beforeAll(async () => {
  server = await startLiveServer();
  token = await server.tokenOf({ username: 'admin' });
});
afterAll(async () => {
  await server?.close();
});

function get(path: string, auth = true) {
  return fetch(`${server.url}${path}`, {
    headers: auth ? { authorization: `Bearer ${token}` } : {},
  });
}

describe('API response headers', () => {
  it.each([
    ['a query', () => get('/trpc/organisations.list?input=%7B%22json%22%3A%7B%7D%7D')],
    [
      'a batch',
      () =>
        get(
          '/trpc/organisations.list,researchers.list?batch=1&input=%7B%220%22%3A%7B%22json%22%3A%7B%7D%7D%2C%221%22%3A%7B%22json%22%3A%7B%7D%7D%7D',
        ),
    ],
    ['a refusal', () => get('/trpc/organisations.list', false)],
    [
      'a mutation',
      () =>
        fetch(`${server.url}/trpc/auth.officerLogin`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"json":{"username":"nobody","password":"x"}}',
        }),
    ],
    ['an unknown procedure', () => get('/trpc/no.such')],
    ['an unknown route', () => get('/no-such-route')],
  ])('%s: no-store and nosniff', async (_what, call) => {
    const res = await call();
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('leaves the public pages their own caching', async () => {
    const res = await get('/public/notices', false);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
