import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { fakeTrpcServer } from '../support/fake-api';
import { type Simulated, bootMiniProgram } from './harness';

/**
 * 大字模式 in WeChat. Taro turns the stylesheets' px into rpx, which no root font size scales, so
 * the build writes every font size as `calc(<N>rpx*var(--kc-text-scale,1))` and each page's root
 * View carries `page--large-text` (--kc-text-scale: 1.25) while the setting is on.
 */
const SCALED = /^calc\(\d*\.?\d+rpx ?\* ?var\(--kc-text-scale, ?1\)\)$/;

function wxssFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return wxssFiles(full);
    return entry.name.endsWith('.wxss') ? [full] : [];
  });
}

describe('大字模式 in the WeChat build', () => {
  it('writes every font size of every stylesheet to scale with --kc-text-scale', () => {
    const root = inject('weappRoot');
    const sizes = wxssFiles(root).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/font-size:\s*([^;}]+)/g)].map((m) => ({
        file: path.relative(root, file),
        value: (m[1] ?? '').trim(),
      })),
    );
    // app.wxss alone has dozens; a silently skipped postcss step would leave plain rpx here.
    expect(sizes.length).toBeGreaterThan(40);
    expect(sizes.filter((s) => !SCALED.test(s.value))).toEqual([]);
    // The sub-packages' own stylesheets are rewritten too.
    expect(sizes.some((s) => s.file.startsWith('packages/'))).toBe(true);

    const app = fs.readFileSync(path.join(root, 'app.wxss'), 'utf8');
    expect(app).toMatch(/\.page--large-text\{--kc-text-scale:1\.25;/);
    // 28px design (page's base size) = 28rpx: designWidth 750, deviceRatio 750 → 1.
    expect(app).toMatch(/font-size:calc\(28rpx\*var\(--kc-text-scale, ?1\)\)/);
  });

  describe('the page root', () => {
    let sim: Simulated;
    beforeAll(() => {
      sim = bootMiniProgram();
      sim.storage.set('kc.session', {
        token: 'tok-1',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      // Switched on in an earlier session: read at launch.
      sim.storage.set('kc.largeText', true);
      const server = fakeTrpcServer(() => ({ data: [] }));
      sim.onRequest = (req) => server.respond(req);
    });

    // The simulator scopes class names (`main--page`); WeChat itself does not.
    const classOf = (page: { query(s: string): { dom: HTMLElement } | undefined }, id: string) =>
      (page.query(id)?.dom.getAttribute('class') ?? '')
        .split(/\s+/)
        .map((c) => c.replace(/^main--/, ''));

    it('is enlarged from launch when the setting was left on', async () => {
      const page = await sim.openPage('pages/programmes/index');
      expect(classOf(page, '#programmes-page')).toContain('page--large-text');
    });

    it('follows the switch in 我的 at once, and the choice is kept', async () => {
      const page = await sim.openPage('pages/profile/index');
      expect(classOf(page, '#profile-page')).toContain('page--large-text');

      await page.tap('#profile-large-text');
      expect(classOf(page, '#profile-page')).not.toContain('page--large-text');
      expect(classOf(page, '#profile-page')).toContain('page');
      expect(sim.storage.get('kc.largeText')).toBe(false);

      await page.tap('#profile-large-text');
      expect(classOf(page, '#profile-page')).toContain('page--large-text');
      expect(sim.storage.get('kc.largeText')).toBe(true);
    });
  });
});
