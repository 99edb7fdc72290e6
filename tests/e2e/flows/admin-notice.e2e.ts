import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SubmittedApplication } from '../support/admin-review';
import { signIn, submitWorkstationApplication, toApproved } from '../support/admin-review';
import { desktopPage, launchBrowser, snap } from '../support/browser';

/**
 * Public notice: the bureau lists approved awards in a batch, sets the period in working days,
 * publishes, prints and exports the list. An objection is taken on the day of publication.
 * Refused: closing before the period is over, changes by an area officer, any access by finance.
 */
const stack = inject('stack');

let browser: Browser;
let closeBrowser: () => Promise<void>;
let apps: SubmittedApplication[];
let noticeUrl: string;
const title = `e2e 公示 ${Date.now()}`;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  apps = await Promise.all([
    submitWorkstationApplication(stack, { label: '公示甲' }),
    submitWorkstationApplication(stack, { label: '公示乙' }),
  ]);
  for (const app of apps) await toApproved(stack.apiUrl, app);
});
afterAll(async () => {
  await closeBrowser?.();
});

async function open(username: string, path: string): Promise<Page> {
  const { page } = await desktopPage(browser);
  await signIn(page, stack.adminUrl, username, path);
  return page;
}

describe('public notice', () => {
  it('the reviewer builds a batch from approved awards, publishes it and exports the list', async () => {
    const page = await open('reviewer', '/notices');
    await page.getByTestId('notice-create').click();
    const dialog = page.getByTestId('notice-create-dialog');
    await dialog.getByTestId('notice-title').fill(title);
    await dialog.getByTestId('notice-working-days').locator('input').fill('7');
    for (const app of apps) {
      const row = dialog.getByTestId('approved-picker').locator('tr', { hasText: app.number });
      await expect.poll(() => row.count()).toBe(1);
      await row.locator('.el-checkbox').click();
    }
    await snap(page, 'admin-notice-create');
    await dialog.getByTestId('notice-create-confirm').click();
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    noticeUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('notice-status').textContent()).toContain('草稿');
    const items = page.getByTestId('notice-items');
    for (const app of apps) expect(await items.textContent()).toContain(app.number);
    // Not in notice yet: the items wait for publication.
    expect(await items.textContent()).toContain('待发布');
    expect(await items.textContent()).not.toContain('公示中');
    expect(await page.getByTestId('notice-period').textContent()).toContain('7 个工作日');

    await page.getByTestId('notice-publish').click();
    const publish = page.getByTestId('publish-dialog');
    await expect
      .poll(() => publish.getByTestId('publish-period').textContent())
      .toMatch(/\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    const period = (await publish.getByTestId('publish-period').textContent()) ?? '';
    await publish.getByTestId('publish-confirm').click();
    await expect.poll(() => page.getByTestId('notice-status').textContent()).toContain('公示中');
    // The server set the same period the dialog previewed.
    const shown = (await page.getByTestId('notice-period').textContent()) ?? '';
    expect(shown).toContain(period.split('（')[0]?.trim());
    await snap(page, 'admin-notice-published');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('notice-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/公示名单\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    for (const app of apps) {
      expect(csv).toContain(app.number);
      expect(csv).toContain(app.firmName);
    }
    expect(csv).toContain('"200,000.00"');

    // The printed notice: the list alone, with the period, without the admin's chrome.
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('article.print');
    await expect.poll(() => printed.isVisible()).toBe(true);
    expect(await printed.textContent()).toContain(title);
    // Until when, and to whom, the public may object (the policy version's setting).
    const objection = (await printed.getByTestId('notice-print-objection').textContent()) ?? '';
    expect(objection).toMatch(/\d{4}-\d{2}-\d{2} 24时前/);
    expect(objection).toMatch(/联系电话：0557-\d{7}/);
    expect(objection).toContain('地址：');
    expect(await page.getByTestId('side-menu').isVisible()).toBe(false);
    await snap(page, 'admin-notice-print');
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  });

  it('refuses to close before the period ends, and takes an objection on the day of publication', async () => {
    const page = await open('reviewer', noticeUrl);
    await expect.poll(() => page.getByTestId('notice-close').isDisabled()).toBe(true);
    expect(await page.getByTestId('notice-close-hint').textContent()).toContain('期满后方可结束');

    const row = page.getByTestId('notice-items').locator('tr', { hasText: apps[0]?.number ?? '' });
    await row.getByTestId('objection-record').click();
    const dialog = page.getByTestId('objection-dialog');
    await dialog.getByTestId('objection-objector').fill('匿名');
    await dialog.getByTestId('objection-content').fill('发布当日收到的异议');
    await dialog.getByTestId('objection-confirm').click();
    await expect
      .poll(() => page.getByTestId('notice-open-objections').textContent())
      .toContain('1');
    await page.context().close();
  });

  it('an area officer reads the notice but cannot change it, and finance cannot open notices', async () => {
    const page = await open('yongqiao', '/notices');
    await expect.poll(() => page.getByTestId('notice-table').textContent()).toContain(title);
    expect(await page.getByTestId('notice-create').count()).toBe(0);
    await page.getByTestId('notice-table').locator('tr', { hasText: title }).click();
    await expect.poll(() => page.getByTestId('notice-status').textContent()).toContain('公示中');
    expect(await page.getByTestId('notice-close').count()).toBe(0);
    expect(await page.getByTestId('objection-record').count()).toBe(0);
    await page.context().close();

    const finance = await open('finance', '/notices');
    await expect.poll(() => finance.locator('.el-result').textContent()).toContain('无权访问');
    await finance.context().close();
  });
});
