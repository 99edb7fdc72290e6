import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { officerApi } from '../support/api';
import { signIn } from '../support/admin-b-session';
import type { SubmittedApplication } from '../support/admin-review';
import { submitWorkstationApplication } from '../support/admin-review';
import { desktopPage, launchBrowser, snap } from '../support/browser';

/**
 * The audit log, read-only and searchable: the admin finds a reviewer's reveal of a researcher's
 * mobile by officer, action and record, every name in Chinese; an application's rows by its
 * number, the applicant's own submission among them; login rows name the officer; an area officer
 * sees only their area; a reviewer is turned away. And the officer's session holds across the
 * tabs of one browser until a logout in any of them.
 */
const stack = inject('stack');
let browser: Browser;
let closeBrowser: () => Promise<void>;
let researcherId: string;
let researcherName: string;
let application: SubmittedApplication;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  const reviewer = await officerApi(stack.apiUrl, 'reviewer');
  const list = await reviewer.researchers.list.query({
    pageSize: 1,
  });
  researcherId = list.items[0]?.id ?? '';
  researcherName = list.items[0]?.name ?? '';
  await reviewer.researchers.revealMobile.mutate({ id: researcherId, reason: '核实申报材料' });
  application = await submitWorkstationApplication(stack, { label: '审计' });
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
    await page.getByTestId('filter-search').click();
    const rows = page.getByTestId('audit-table').locator('.el-table__row');
    // The unfiltered first page stays on screen until the search answers.
    await expect
      .poll(async () => [
        ...new Set(await page.getByTestId('audit-action-label').allTextContents()),
      ])
      .toEqual(['查看完整手机号码']);
    const first = (await rows.first().textContent()) ?? '';
    expect(first).toContain('reviewer');
    expect(first).toContain('局审核员');
    // The record by its name, never its UUID; the reason in the details.
    expect(first).toContain(researcherName);
    expect(first).not.toContain(researcherId);
    await rows.first().locator('.el-table__expand-icon').click();
    await expect
      .poll(() => page.getByTestId('audit-details').first().textContent())
      .toContain('核实申报材料');
    // Read-only: nothing offers to change or remove a record.
    expect(await page.getByTestId('audit-table').textContent()).not.toMatch(/编辑|删除|修改/);
    await snap(page, 'admin-audit');
    await context.close();
  });

  it('finds an application’s rows by its number, the applicant’s submission among them', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'admin');
    await page.goto(`${stack.adminUrl}/system/audit`);
    await page.getByTestId('audit-object-id').fill(application.number);
    await page.getByTestId('filter-search').click();
    await expect
      .poll(() => page.getByTestId('audit-action-label').allTextContents())
      .toEqual(['申请：提交申请', '申请：创建申请草稿']);
    const table = (await page.getByTestId('audit-table').textContent()) ?? '';
    expect(table).toContain(application.number);
    expect(table).toContain('申请人');
    expect(table).toContain(application.firmName);
    expect(table).not.toMatch(/application\.|applicant|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await context.close();
  });

  it('names the officer who logged in as the actor of the login row', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'admin');
    await page.goto(`${stack.adminUrl}/system/audit`);
    // The reviewer signed in (through the API) before this file's tests.
    await page.getByTestId('audit-actor').fill('reviewer');
    await page.getByTestId('audit-action').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '登录与退出' }).click();
    await page.getByTestId('filter-search').click();
    await expect
      .poll(async () => [...new Set(await page.getByTestId('audit-actor-name').allTextContents())])
      .toEqual([expect.stringContaining('reviewer')]);
    const first =
      (await page.getByTestId('audit-table').locator('.el-table__row').first().textContent()) ?? '';
    expect(first).toContain('局审核员');
    expect(first).toContain('登录');
    expect(first).not.toContain('auth.officer-login');
    await context.close();
  });

  it('shows an area officer nothing outside their area, and turns a reviewer away', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'dangshan');
    await page.goto(`${stack.adminUrl}/system/audit`);
    await page.getByTestId('audit-object-id').fill(researcherId);
    await page.getByTestId('filter-search').click();
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain('暂无记录');
    await context.close();

    const reviewer = await desktopPage(browser);
    await signIn(reviewer.page, stack.adminUrl, 'reviewer');
    await reviewer.page.goto(`${stack.adminUrl}/system/audit`);
    await reviewer.page.waitForURL(/\/403/);
    await reviewer.context.close();
  });

  it('keeps the session in a new tab of the same browser, and a logout ends it in both', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'admin');
    // A link opened in a new tab (same browser, same origin).
    const second = await context.newPage();
    await second.goto(`${stack.adminUrl}/system/audit`);
    await second.getByTestId('audit-table').waitFor();
    expect(second.url()).toContain('/system/audit');
    expect(await second.getByTestId('officer-name').textContent()).toBeTruthy();
    // A reload of the new tab keeps it too.
    await second.reload();
    await second.getByTestId('audit-table').waitFor();

    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await second.waitForURL(/\/login/);
    // And the session is gone for good: a third tab must sign in.
    const third = await context.newPage();
    await third.goto(`${stack.adminUrl}/system/audit`);
    await third.waitForURL(/\/login/);
    await context.close();
  });
});
