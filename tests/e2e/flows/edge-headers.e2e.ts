import { describe, expect, inject, it } from 'vitest';
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

  it('sends HSTS on API answers too, and hides its version', async () => {
    const res = await fetch(`${stack.adminUrl}/healthz`);
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=/);
    expect(res.headers.get('server')).toBe('nginx');
  });
});
