import type { Browser, Page } from 'playwright-core';
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
let submitted: SubmittedApplication;

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
  // Left 已提交 for 埇桥区 to accept: the state of issue 11's empty list.
  submitted = await submitWorkstationApplication(stack, { label: '工作台待受理' });
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

    // The forward's row links to the application it moved.
    const link = page.getByTestId('recent-link').first();
    await link.click();
    await page.waitForURL(new RegExp(`/applications/${waiting.id}$`));
    await expect.poll(() => page.getByTestId('page-title').textContent()).toContain(waiting.number);
    await page.goBack();
    await page.waitForURL(/\/workbench$/);

    await page.getByTestId('queue-bureau-review').click();
    await page.waitForURL(/\/applications\?queue=bureau-review/);
    const pager = page.locator('.el-pagination__total');
    await expect.poll(() => pager.textContent()).toContain(`共 ${waitingCount} 条`);
    const tags = await page.getByTestId('application-table').locator('.el-tag').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set(['市局审核中']));
    await context.close();
  });

  it('every tile of 埇桥区 opens a list of as many records as the tile says (issue 11)', async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 375, height: 812 },
    ]) {
      const context = await browser.newContext({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const page = await context.newPage();
      await signIn(page, stack.adminUrl, 'yongqiao', '/workbench');
      const tiles = page.locator('[data-testid^="queue-count-"]');
      await expect.poll(() => tiles.count()).toBeGreaterThan(0);
      const keys = await tiles.evaluateAll((els) =>
        els.map((el) => (el.getAttribute('data-testid') ?? '').replace('queue-count-', '')),
      );
      expect(keys).toContain('area-review');
      // At phone size only the tile of the defect, for its screenshot.
      for (const key of viewport.width < 800 ? ['area-review'] : keys) {
        const count = Number(await page.getByTestId(`queue-count-${key}`).textContent());
        if (key === 'area-review') {
          expect(count).toBeGreaterThanOrEqual(1);
          await page.getByTestId(`queue-${key}`).scrollIntoViewIfNeeded();
          await snap(page, `admin-workbench-yongqiao-${viewport.width}`);
        }
        await page.getByTestId(`queue-${key}`).click();
        await page.waitForURL((url) => url.pathname !== '/workbench');
        await expect.poll(() => listedCount(page), { timeout: 15_000 }).toBe(count);
        if (key === 'area-review') {
          const numbers = await page
            .getByTestId('application-table')
            .locator('.el-table__row')
            .allTextContents();
          expect(numbers.join('')).toContain(submitted.number);
          await page.locator('.el-pagination__total').scrollIntoViewIfNeeded();
          await snap(page, `admin-workbench-yongqiao-list-${viewport.width}`);
        }
        await page.goBack();
        await page.waitForURL(/\/workbench$/);
        await page.getByTestId(`queue-count-${key}`).waitFor();
      }
      await context.close();
    }
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

/**
 * How many records the list page shows: its pager's 共 N 条 where it has one, else its table's
 * rows (short lists without a pager). Waits for the page's requests to settle first.
 */
async function listedCount(page: Page): Promise<number> {
  await page.waitForLoadState('networkidle');
  const pager = page.locator('.el-pagination__total:visible');
  if ((await pager.count()) > 0) {
    const text = (await pager.first().textContent()) ?? '';
    return Number(/共\s*(\d+)\s*条/.exec(text)?.[1] ?? NaN);
  }
  return page.locator('.el-table__body-wrapper:visible .el-table__row').count();
}
