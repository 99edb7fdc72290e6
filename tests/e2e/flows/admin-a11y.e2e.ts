import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../support/admin-b-session';
import { noticePassedAward, submitWorkstationApplication } from '../support/admin-review';
import { DEMO_PASSWORD, officerApi } from '../support/api';
import { desktopPage, launchBrowser, snap } from '../support/browser';
import { resetClock } from '../support/clock';

/**
 * Accessibility of the admin, measured as the issue measured it (axe, WCAG 2.1 AA + best
 * practice): every page each officer role can open — taken from the side menu the app builds
 * from its routes, so a new route is covered without touching this file — plus the detail page
 * the first row of each list opens, and the login page. Then the keyboard (Tab and Enter alone
 * sign in and reach every menu entry) and the layout on a 375 px wide screen.
 */
const stack = inject('stack');

/**
 * Demo officers (packages/db/src/seed.ts) whose screens differ: the whole city, one area (fixed
 * area filters, area-only figures) and finance (its own workbench). The bureau reviewer's pages
 * are the admin's with fewer buttons, so sweeping them again would only cost CI time.
 */
const ROLES = ['admin', 'yongqiao', 'finance'] as const;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);

interface Finding {
  page: string;
  id: string;
  impact: string;
  targets: string[];
}

let browser: Browser;
let closeBrowser: () => Promise<void>;
beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  // A row in the review, notice and disbursement lists, so each first row opens its page.
  await submitWorkstationApplication(stack, { label: '无障碍' });
  const award = await noticePassedAward(stack);
  const finance = await officerApi(stack.apiUrl, 'finance');
  await finance.disbursements.createBatch.mutate({
    title: `无障碍检查 ${award.number}`,
    applicationIds: [award.id],
    idempotencyKey: randomUUID(),
  });
});
afterAll(async () => {
  await resetClock(stack.apiUrl);
  await closeBrowser?.();
});

/** Waits until requests and Element Plus loading masks have settled. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(
      () => !document.querySelector('.el-loading-mask:not([style*="display: none"])'),
      {
        timeout: 10_000,
      },
    )
    .catch(() => undefined);
  // axe must not judge a colour half faded in. The sweep's pages ask for less motion, so Element
  // Plus's transitions (tabs, collapse, a tag fading in) end at once; Vue removes its
  // `*-enter-active` / `*-leave-active` classes when a transition ends, a frame or two later.
  await page.waitForTimeout(100);
  await page
    .waitForFunction(
      () => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'),
      { timeout: 10_000 },
    )
    .catch(() => undefined);
}

/** Serious and critical axe violations on the page as it is now; every count goes to the log. */
async function audit(page: Page, label: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const counts = result.violations.map((v) => `${v.id}/${v.impact ?? '?'}×${v.nodes.length}`);
  console.info(`[axe] ${label}: ${counts.join(' ') || 'none'}`);
  const findings = result.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      page: label,
      id: v.id,
      impact: v.impact ?? '',
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  // axe asks for at least one h1; the page title is exactly one (print-only copies are hidden).
  const h1s = await page.evaluate(() =>
    Array.from(document.querySelectorAll('h1'))
      .filter((h) => h.checkVisibility())
      .map((h) => h.textContent?.trim() ?? ''),
  );
  if (h1s.length !== 1) {
    findings.push({ page: label, id: 'exactly-one-h1', impact: 'serious', targets: h1s });
  }
  return findings;
}

function report(findings: Finding[]): string {
  return findings
    .map((f) => `${f.page} — ${f.id} (${f.impact}): ${f.targets.join(' | ')}`)
    .join('\n');
}

const menuItems = (page: Page) => page.locator('[data-testid="side-menu"] li.el-menu-item');

/**
 * Opens the first row of the page's first table: the detail page it leads to, or the drawer or
 * dialog it opens over the list. Null when the list is empty or its rows open nothing.
 */
async function openFirstRow(page: Page): Promise<'page' | 'overlay' | null> {
  const row = page.locator('.el-main .el-table__body-wrapper tr.el-table__row').first();
  if ((await row.count()) === 0 || !(await row.isVisible())) return null;
  const before = new URL(page.url()).pathname;
  const link = row.locator('a[href]').first();
  await ((await link.count()) > 0 ? link.click() : row.locator('td').first().click());
  await page.waitForTimeout(500);
  if (new URL(page.url()).pathname !== before) return 'page';
  return (await overlay(page).count()) > 0 ? 'overlay' : null;
}

const overlay = (page: Page) => page.locator('.el-overlay:visible');

async function signedInPage(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await desktopPage(browser);
  await signIn(page, stack.adminUrl, username);
  await settle(page);
  return { context, page };
}

describe('admin accessibility (axe, WCAG 2.1 AA + best practice)', () => {
  it('the login page', async () => {
    const { context, page } = await desktopPage(browser);
    await page.goto(`${stack.adminUrl}/login`);
    await page.getByTestId('login-username').waitFor();
    await settle(page);
    const findings = await audit(page, '/login');
    await context.close();
    expect(findings, report(findings)).toEqual([]);
  });

  for (const username of ROLES) {
    it(`every page ${username} can open`, { timeout: 300_000 }, async () => {
      const { context, page } = await signedInPage(username);
      const findings: Finding[] = [];
      const seen = new Set<string>();
      const count = await menuItems(page).count();
      expect(count).toBeGreaterThan(0);
      const menuPaths = await menuItems(page).evaluateAll((items) =>
        items.map((item) => item.getAttribute('data-menu-path')),
      );
      console.info(`[axe] ${username} menu ${menuPaths.join(', ')}`);
      for (let i = 0; i < count; i++) {
        await menuItems(page).nth(i).click();
        await settle(page);
        const path = new URL(page.url()).pathname;
        if (seen.has(path)) continue;
        seen.add(path);
        findings.push(...(await audit(page, `${username} ${path}`)));

        const opened = await openFirstRow(page);
        const detail = new URL(page.url()).pathname;
        if (opened === 'page' && !seen.has(detail)) {
          seen.add(detail);
          await settle(page);
          findings.push(...(await audit(page, `${username} ${detail}`)));
        } else if (opened === 'overlay') {
          await settle(page);
          findings.push(...(await audit(page, `${username} ${path} 首行抽屉/对话框`)));
          await page.keyboard.press('Escape');
          await expect.poll(() => overlay(page).count()).toBe(0);
        }
      }
      console.info(`[axe] ${username} visited ${[...seen].join(', ')}`);
      await context.close();
      expect(findings, report(findings)).toEqual([]);
    });
  }
});

describe('admin by keyboard alone', () => {
  it('Tab reaches the login form and, signed in, every menu entry; Enter opens it', async () => {
    const { context, page } = await desktopPage(browser);
    await page.goto(`${stack.adminUrl}/login`);
    await page.getByTestId('login-username').waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

    const reached: (string | null | undefined)[] = [];
    for (let i = 0; i < 8 && reached.at(-1) !== 'login-submit'; i++) {
      await page.keyboard.press('Tab');
      reached.push(await focused());
      if (reached.at(-1) === 'login-username') await page.keyboard.type('admin');
      if (reached.at(-1) === 'login-password') await page.keyboard.type(DEMO_PASSWORD);
    }
    expect(reached).toEqual(
      expect.arrayContaining(['login-username', 'login-password', 'login-submit']),
    );
    // The focused control shows it.
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return getComputedStyle(el).outlineStyle;
    });
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByTestId('officer-name').waitFor();
    await settle(page);

    const titles = (await menuItems(page).allTextContents()).map((t) => t.trim());
    expect(titles.length).toBeGreaterThan(3);
    const opened: string[] = [];
    for (let i = 0; i < 150 && opened.length < titles.length; i++) {
      await page.keyboard.press('Tab');
      const item = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el?.matches('[data-testid="side-menu"] li.el-menu-item')) return null;
        return {
          text: el.textContent?.trim() ?? '',
          outline: getComputedStyle(el).outlineStyle,
        };
      });
      if (!item || opened.includes(item.text)) continue;
      expect(item.outline, `${item.text} 获得焦点时应有可见轮廓`).not.toBe('none');
      await page.keyboard.press('Enter');
      // The route's title is the menu entry's, and goes to the browser tab.
      await expect.poll(() => page.title()).toMatch(new RegExp(`^${item.text} · `));
      opened.push(item.text);
    }
    expect(opened).toEqual(titles);
    await context.close();
  });
});

describe('admin with less motion', () => {
  it('shows menus and dialogs without animation when the system asks for less motion', async () => {
    const durations: Record<string, string> = {};
    for (const motion of ['full', 'reduced'] as const) {
      const { context, page } = await desktopPage(browser, { motion });
      await page.goto(`${stack.adminUrl}/login`);
      const submit = page.getByTestId('login-submit');
      await submit.waitFor();
      durations[motion] = await submit.evaluate((el) => getComputedStyle(el).transitionDuration);
      await context.close();
    }
    expect(durations.full).not.toMatch(/^0s$|e-/);
    expect(parseFloat(durations.reduced ?? '')).toBeLessThan(0.001);
  });
});

describe('admin at 375×812', () => {
  it('nothing overflows sideways and the menu opens from the header', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );

    await page.goto(`${stack.adminUrl}/login`);
    await page.getByTestId('login-username').waitFor();
    expect(await overflow(), '/login').toBeLessThanOrEqual(0);

    await signIn(page, stack.adminUrl, 'admin');
    await settle(page);
    // The side menu is out of the way until asked for.
    await expect.poll(() => page.getByTestId('side-menu').isVisible()).toBe(false);

    const toggle = page.getByTestId('menu-toggle');
    await toggle.click();
    await expect.poll(() => menuItems(page).first().isVisible()).toBe(true);
    const count = await menuItems(page).count();
    const wide: string[] = [];
    for (let i = 0; i < count; i++) {
      if (i > 0) await toggle.click();
      const item = menuItems(page).nth(i);
      await item.waitFor({ state: 'visible' });
      await item.click();
      // Choosing an entry closes the drawer.
      await expect.poll(() => page.getByTestId('side-menu').isVisible()).toBe(false);
      await settle(page);
      const path = new URL(page.url()).pathname;
      const extra = await overflow();
      if (extra > 0) wide.push(`${path} (+${extra}px)`);
      // For the record: content wider than the main area scrolls inside it, not the page.
      const inner = await page
        .locator('.el-main')
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      if (inner > 0) console.info(`[375] ${path}: 内容区内横向滚动 +${inner}px`);
      if (i === 0) await snap(page, 'admin-375-first-page');
    }
    await toggle.click();
    await expect.poll(() => menuItems(page).first().isVisible()).toBe(true);
    await page.waitForTimeout(400);
    await snap(page, 'admin-375-menu-open');
    await context.close();
    expect(wide).toEqual([]);
  });
});
