import https from 'node:https';
import { describe, expect, inject, it } from 'vitest';
import { adminLogin } from '../support/admin';
import { desktopPage, launchBrowser } from '../support/browser';

/**
 * The static hosts' security headers (the same from nginx in the deployment pass and from the
 * test static server otherwise: deploy/nginx/render.mjs), and, behind nginx, what the edge lets
 * through.
 */
const stack = inject('stack');
const behindNginx = stack.edge !== undefined;

describe('the static hosts', () => {
  it.each([
    ['admin', stack.adminUrl],
    ['mini-program H5', stack.h5Url],
  ])('%s sends CSP, frame-ancestors, Referrer-Policy, HSTS and nosniff', async (_, url) => {
    // The page itself and an app route that falls back to it.
    for (const path of ['/', '/some/app/route']) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      // Inline scripts only by their hash, never 'unsafe-inline'.
      expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    }
  });

  it('a page that breaks the CSP fails the flow that opened it', async () => {
    const { browser, close } = await launchBrowser();
    const { page } = await desktopPage(browser);
    await page.goto(stack.adminUrl);
    const refused = page.waitForEvent('console', (m) => /Content Security Policy/.test(m.text()));
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.name = "injected"';
      document.head.append(script);
    });
    await refused;
    expect(await page.evaluate(() => window.name)).not.toBe('injected');
    await expect(close()).rejects.toThrow(/Content Security Policy violations/);
  });
});

describe.runIf(behindNginx)('nginx in front of the API instances', () => {
  it('redirects http to https', async () => {
    const res = await fetch(`${stack.edge?.adminHttpUrl}/login?x=1`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`${stack.adminUrl}/login?x=1`);
  });

  it('passes liveness, which names no database; readiness, metrics and the test clock stay inside', async () => {
    for (const url of [stack.adminUrl, stack.h5Url]) {
      const live = await fetch(`${url}/healthz`);
      expect(await live.json()).toEqual({ ok: true });
      for (const internal of ['/readyz', '/metrics', '/test/clock']) {
        const res = await fetch(`${url}${internal}`);
        expect(res.status, internal).toBe(404);
      }
    }
    // Each instance, directly, is ready on PostgreSQL.
    for (const url of stack.instanceUrls) {
      expect(await (await fetch(`${url}/readyz`)).json()).toEqual({
        ok: true,
        database: 'postgres',
      });
    }
    expect(stack.instanceUrls.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a flood of cheap requests from one address with the API’s 429, while an officer elsewhere works on', async () => {
    // The flooder is another client address (127.0.0.2, still loopback); the officer's browser
    // and the rest of this run are 127.0.0.1. nginx limits each address on its own.
    // 150 in flight: faster than a loaded API answers, so the rate is exceeded whatever the
    // machine's speed (and more than limit_conn's 100 open at once).
    const flooder = new https.Agent({
      keepAlive: true,
      maxSockets: 150,
      localAddress: '127.0.0.2',
    });
    const get = (url: string) =>
      new Promise<{ status: number; retryAfter?: string; body: string }>((resolve, reject) => {
        https
          .get(url, { agent: flooder }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                retryAfter: res.headers['retry-after'] as string | undefined,
                body,
              }),
            );
          })
          .on('error', reject);
      });

    const { browser, close } = await launchBrowser();
    try {
      const { page } = await desktopPage(browser);
      const refusedForOfficer: string[] = [];
      page.on('response', (r) => {
        if (r.status() === 429) refusedForOfficer.push(r.url());
      });
      // Every tenth request of the flood is the admin's page: static files are never limited.
      const flood = Promise.all(
        Array.from({ length: 770 }, (_, i) =>
          get(i % 10 === 9 ? `${stack.adminUrl}/` : `${stack.adminUrl}/trpc/health.check`),
        ),
      );
      await adminLogin(page, stack.adminUrl, 'yongqiao');
      await expect.poll(() => page.getByTestId('org-table').isVisible()).toBe(true);
      const all = await flood;
      const pages = all.filter((_, i) => i % 10 === 9);
      const answers = all.filter((_, i) => i % 10 !== 9);

      const refused = answers.filter((a) => a.status === 429);
      const served = answers.filter((a) => a.status === 200);
      console.log(`flood from one address: ${served.length} served, ${refused.length} refused`);
      // GET queries have no limit in the API itself: every 429 here is nginx's.
      expect(refused.length + served.length).toBe(answers.length);
      // Some go through and the rest is refused: how many of the 150 at a time pass depends on
      // the machine (the burst of 300, 50 a second and 100 open connections from one address all
      // apply), so the count is printed, not asserted (CI saw 219 and 339).
      expect(served.length).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThan(0);
      const first = refused[0];
      expect(first?.retryAfter).toBe('1');
      // The API's own refusal (tRPC, superjson): both clients show its Chinese message.
      const error = (JSON.parse(first?.body ?? '{}') as { error?: { json: unknown } }).error?.json;
      expect(error).toMatchObject({
        message: '操作过于频繁，请 1 秒后再试',
        data: { appCode: 'RATE_LIMITED', httpStatus: 429 },
      });
      expect(pages.map((p) => p.status)).toEqual(pages.map(() => 200));
      expect(refusedForOfficer).toEqual([]);
    } finally {
      flooder.destroy();
      await close();
    }
  });

  it('sends HSTS on API answers too, and hides its version', async () => {
    const res = await fetch(`${stack.adminUrl}/healthz`);
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=/);
    expect(res.headers.get('server')).toBe('nginx');
  });
});
