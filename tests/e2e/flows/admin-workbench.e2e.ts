import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SubmittedApplication } from '../support/admin-review';
import { signIn, submitWorkstationApplication, toBureauReview } from '../support/admin-review';
import { desktopPage, launchBrowser, snap } from '../support/browser';
import { resetClock, setClockOffset } from '../support/clock';

/**
 * The workbench is every officer's home page: their queues with counts (by role and area), the
 * coming deadlines and recent activity; a queue opens the filtered list. Roles see only their
 * own menus and pages.
 */
const stack = inject('stack');

let browser: Browser;
let closeBrowser: () => Promise<void>;
let waiting: SubmittedApplication;

/**
 * Flows that let a notice pass leave audit rows dated on the days they moved the API's clock to
 * (about a week ahead). The forward is made further ahead still, so it is the latest activity
 * whatever ran before; the clock is set back at once.
 */
const AFTER_OTHER_FLOWS_DAYS = 60;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  await resetClock(stack.apiUrl);
  waiting = await submitWorkstationApplication(stack, { label: '工作台' });
  try {
    await setClockOffset(stack.apiUrl, AFTER_OTHER_FLOWS_DAYS);
    await toBureauReview(stack.apiUrl, waiting.id);
  } finally {
    await resetClock(stack.apiUrl);
  }
});
afterAll(async () => {
  await resetClock(stack.apiUrl);
  await closeBrowser?.();
});

describe('the workbench', () => {
  it('a reviewer lands on it after signing in and follows a queue to what waits for them', async () => {
    const { context, page } = await desktopPage(browser);
    await page.goto(`${stack.adminUrl}/login`);
    await page.getByTestId('login-username').fill('reviewer');
    await page.getByTestId('login-password').fill('Demo@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/workbench$/);

    await expect.poll(() => page.getByTestId('breadcrumb').textContent()).toContain('工作台');
    const menu = (await page.getByTestId('side-menu').textContent()) ?? '';
    expect(menu).toContain('申请列表');
    expect(menu).toContain('公示批次');
    expect(menu).not.toContain('拨付批次');

    const count = page.getByTestId('queue-count-bureau-review');
    await expect.poll(async () => Number(await count.textContent())).toBeGreaterThanOrEqual(1);
    const waitingCount = Number(await count.textContent());
    // The forward just made shows in recent activity, by the officer who did it.
    await expect
      .poll(() => page.getByTestId('workbench-recent').textContent())
      .toContain('埇桥区管理员');
    await snap(page, 'admin-workbench-reviewer');

    await page.getByTestId('queue-bureau-review').click();
    await page.waitForURL(/\/applications\?status=bureau-review/);
    const pager = page.locator('.el-pagination__total');
    await expect.poll(() => pager.textContent()).toContain(`共 ${waitingCount} 条`);
    const tags = await page.getByTestId('application-table').locator('.el-tag').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set(['市局审核中']));
    await context.close();
  });

  it('finance sees its own queues and is turned away from the review pages', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'finance', '/workbench');
    await expect.poll(() => page.getByTestId('queue-awaiting-payment').isVisible()).toBe(true);
    expect(await page.getByTestId('queue-bureau-review').count()).toBe(0);
    const menu = (await page.getByTestId('side-menu').textContent()) ?? '';
    expect(menu).toContain('拨付批次');
    expect(menu).not.toContain('申请列表');
    await snap(page, 'admin-workbench-finance');

    await page.goto(`${stack.adminUrl}/applications`);
    await expect.poll(() => page.locator('.el-result').textContent()).toContain('无权访问');
    await context.close();
  });

  it('a signed-out visit to a queue link goes through the login page and back', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'yongqiao', '/applications?status=area-review');
    expect(new URL(page.url()).search).toBe('?status=area-review');
    // An area officer's list is fixed to their own area.
    await expect
      .poll(() => page.getByTestId('filter-area').locator('input').isDisabled())
      .toBe(true);
    await context.close();
  });
});
