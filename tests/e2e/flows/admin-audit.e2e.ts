import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { officerApi } from '../support/api';
import { signIn } from '../support/admin-b-session';
import { desktopPage, launchBrowser, snap } from '../support/browser';

/**
 * The audit log, read-only and searchable: the admin finds a reviewer's reveal of a researcher's
 * mobile by officer, action and record; an area officer sees only their area; a reviewer is
 * turned away.
 */
const stack = inject('stack');
let browser: Browser;
let closeBrowser: () => Promise<void>;
let researcherId: string;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  const reviewer = await officerApi(stack.apiUrl, 'reviewer');
  const list = await reviewer.researchers.list.query({
    pageSize: 1,
  });
  researcherId = list.items[0]?.id ?? '';
  await reviewer.researchers.revealMobile.mutate({ id: researcherId });
});
afterAll(async () => {
  await closeBrowser?.();
});

describe('audit log', () => {
  it('finds what an officer did, by officer, action and record', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'admin');
    await page.goto(`${stack.adminUrl}/system/audit`);
    await page.getByTestId('audit-actor').fill('reviewer');
    await page.getByTestId('audit-action').click();
    await page
      .locator('.el-select-dropdown__item:visible', { hasText: '查看人才完整手机' })
      .click();
    await page.getByTestId('audit-object-id').fill(researcherId);
    await page.getByTestId('audit-search').click();
    const rows = page.getByTestId('audit-table').locator('.el-table__row');
    // The unfiltered first page stays on screen until the search answers.
    await expect
      .poll(async () => [
        ...new Set(await page.getByTestId('audit-action-label').allTextContents()),
      ])
      .toEqual(['查看完整手机号码']);
    expect(await rows.first().textContent()).toContain('reviewer');
    expect(await rows.first().textContent()).toContain(researcherId);
    // Read-only: nothing offers to change or remove a record.
    expect(await page.getByTestId('audit-table').textContent()).not.toMatch(/编辑|删除|修改/);
    await snap(page, 'admin-audit');
    await context.close();
  });

  it('shows an area officer nothing outside their area, and turns a reviewer away', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'dangshan');
    await page.goto(`${stack.adminUrl}/system/audit`);
    await page.getByTestId('audit-object-id').fill(researcherId);
    await page.getByTestId('audit-search').click();
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain('暂无记录');
    await context.close();

    const reviewer = await desktopPage(browser);
    await signIn(reviewer.page, stack.adminUrl, 'reviewer');
    await reviewer.page.goto(`${stack.adminUrl}/system/audit`);
    await reviewer.page.waitForURL(/\/403/);
    await reviewer.context.close();
  });
});
