import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SubmittedApplication } from '../support/admin-review';
import {
  WORKSTATION_AMOUNT_FEN,
  WORKSTATION_RULE,
  act,
  ensureBudgetRoom,
  exhaustBudget,
  signIn,
  submitWorkstationApplication,
  toBureauReview,
  toast,
} from '../support/admin-review';
import { desktopPage, launchBrowser, snap } from '../support/browser';
import { officerApi } from '../support/api';

/**
 * Applications review in the admin: the area step, the bureau's decision with the engine's amount
 * and an override, a return with a comment, bulk acceptance; and the refusals an officer meets
 * (another county, the wrong role, an exhausted budget, a declared conflict of interest).
 */
const stack = inject('stack');

let browser: Browser;
let closeBrowser: () => Promise<void>;
let main: SubmittedApplication;
let toReturn: SubmittedApplication;
let conflicted: SubmittedApplication;
let bulk: SubmittedApplication[];

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  const submit = (label: string) => submitWorkstationApplication(stack, { label });
  [main, toReturn, conflicted, ...bulk] = await Promise.all([
    submit('审核'),
    submit('退回'),
    submit('回避'),
    submit('批量甲'),
    submit('批量乙'),
  ]);
  await Promise.all([
    toBureauReview(stack.apiUrl, toReturn.id),
    toBureauReview(stack.apiUrl, conflicted.id),
  ]);
});
afterAll(async () => {
  await closeBrowser?.();
});

// The review's dialogs as most officers see them, fading in and out (the other flows run with
// less motion, support/browser.ts).
async function openAs(username: string, path: string): Promise<Page> {
  const { page } = await desktopPage(browser, { motion: 'full' });
  await signIn(page, stack.adminUrl, username, path);
  return page;
}

const status = (page: Page) => page.getByTestId('application-status');

async function runAction(page: Page, action: string, comment?: string) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByTestId('action-dialog');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  if (comment) await dialog.getByTestId('action-comment').fill(comment);
  await dialog.getByTestId('action-confirm').click();
}

describe('reviewing an application in the admin', () => {
  it('the 埇桥区 officer reads the form, the evidence and the amount, then accepts and forwards it', async () => {
    const page = await openAs('yongqiao', '/applications?status=submitted&pageSize=100');
    const row = page.getByTestId('application-table').locator('tr', { hasText: main.number });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(main.firmName);
    await row.getByRole('link', { name: main.number }).click();
    await page.waitForURL(`**/applications/${main.id}`);

    await expect
      .poll(() => page.getByTestId('applicant-card').textContent())
      .toContain(main.firmName);
    expect(await page.getByTestId('form-data').textContent()).toContain(main.workstationName);
    await expect.poll(() => page.getByTestId('evidence-item').count()).toBe(4);
    // The image evidence is shown inline, fetched with the officer's token.
    await expect
      .poll(() => page.getByTestId('evidence-preview').locator('img').getAttribute('src'))
      .toMatch(/^blob:/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('evidence-item').nth(1).getByTestId('evidence-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('院士合作协议.pdf');
    expect(await page.getByTestId('computed-amount').textContent()).toContain('¥200,000.00');

    // The area step only: deciding is the bureau's.
    expect(await page.getByTestId('action-approve').count()).toBe(0);
    expect(await page.getByTestId('action-reject').count()).toBe(0);
    await snap(page, 'admin-application-detail-area');

    await runAction(page, 'accept-area');
    await expect.poll(() => status(page).textContent()).toContain('县区审核中');
    await runAction(page, 'forward', '材料齐全，同意报送');
    await expect.poll(() => status(page).textContent()).toContain('市局审核中');
    const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
    expect(timeline).toContain('县区受理');
    expect(timeline).toContain('材料齐全，同意报送');
    await page.context().close();
  });

  it('another county’s officer cannot open it', async () => {
    const page = await openAs('dangshan', `/applications/${main.id}`);
    await expect.poll(() => page.locator('.el-result').textContent()).toContain('无法打开该申请');
    expect(await page.content()).not.toContain(main.firmName);
    await page.context().close();
  });

  it('the reviewer is refused when the budget is spent, then approves a lower amount with a reason', async () => {
    await exhaustBudget(stack.apiUrl, WORKSTATION_RULE, main.year);
    const page = await openAs('reviewer', `/applications/${main.id}`);
    await expect.poll(() => page.getByTestId('explanation').textContent()).toContain('四.5');

    await runAction(page, 'approve');
    const dialog = page.getByTestId('action-dialog');
    await expect
      .poll(() => dialog.getByTestId('action-error').textContent())
      .toContain('不足以批准');
    expect(await status(page).textContent()).toContain('市局审核中');
    await snap(page, 'admin-approve-over-budget');

    await ensureBudgetRoom(stack.apiUrl, WORKSTATION_RULE, main.year, WORKSTATION_AMOUNT_FEN);
    await dialog.getByTestId('override-toggle').click();
    await dialog.getByTestId('override-amount').fill('150000');
    await dialog.getByTestId('override-reason').fill('太少');
    await dialog.getByTestId('action-confirm').click();
    await expect.poll(() => dialog.textContent()).toContain('不少于5个字');

    const reason = '工作站实际建设投入未达批复计划，按实际投入核减';
    await dialog.getByTestId('override-reason').fill(reason);
    await dialog.getByTestId('action-confirm').click();
    await expect.poll(() => status(page).textContent()).toContain('已批准');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.getByTestId('approved-amount').textContent()).toContain('¥150,000.00');
    expect(await page.getByTestId('override-reason-text').textContent()).toContain(reason);
    expect(await page.getByTestId('timeline').textContent()).toContain('批准');
    await snap(page, 'admin-application-approved');
    await page.context().close();
  });

  it('the reviewer returns an application with the comment the applicant will read', async () => {
    const page = await openAs('reviewer', `/applications/${toReturn.id}`);
    await page.getByTestId('action-return').click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.getByTestId('action-confirm').click();
    await expect.poll(() => dialog.textContent()).toContain('请填写退回意见');

    const comment = '请补充院士合作协议的签字页';
    await dialog.getByTestId('action-comment').fill(comment);
    await dialog.getByTestId('action-confirm').click();
    await expect.poll(() => status(page).textContent()).toContain('退回修改');
    expect(await page.getByTestId('timeline').textContent()).toContain(comment);
    await page.context().close();
  });

  it('the 埇桥区 officer accepts several applications at once from the list', async () => {
    const page = await openAs('yongqiao', '/applications?status=submitted&pageSize=100');
    const table = page.getByTestId('application-table');
    for (const app of bulk) {
      const row = table.locator('tr', { hasText: app.number });
      await expect.poll(() => row.count()).toBe(1);
      await row.locator('.el-checkbox').click();
    }
    await expect.poll(() => page.getByTestId('bulk-accept').textContent()).toContain('（2）');
    await page.getByTestId('bulk-accept').click();
    await page.locator('.el-message-box .el-button--primary').click();
    await expect.poll(() => toast(page).textContent()).toContain('已受理 2 项');

    await page.goto(`${stack.adminUrl}/applications?status=area-review&pageSize=100`);
    for (const app of bulk) {
      await expect.poll(() => table.locator('tr', { hasText: app.number }).count()).toBe(1);
    }
    await snap(page, 'admin-applications-list');
    await page.context().close();
  });

  it('a reviewer declares a conflict of interest and is then kept off the application', async () => {
    const page = await openAs('reviewer', `/applications/${conflicted.id}`);
    await expect.poll(() => page.getByTestId('action-approve').count()).toBe(1);
    await page.getByTestId('declare-conflict').click();
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.getByTestId('conflict-reason').fill('配偶在该单位任职');
    await dialog.getByTestId('conflict-confirm').click();

    await expect.poll(() => page.getByTestId('conflict-alert').textContent()).toContain('回避');
    expect(await page.getByTestId('no-actions').textContent()).toContain('您已申报回避');
    expect(await page.getByTestId('action-approve').count()).toBe(0);
    await snap(page, 'admin-application-conflict');
    await page.context().close();

    // The server refuses too, whatever a screen shows.
    await expect(act(stack.apiUrl, 'reviewer', conflicted.id, 'approve')).rejects.toThrow(/回避/);
    // Another reviewer is not affected: the bureau admin still may decide.
    const admin = await officerApi(stack.apiUrl, 'admin');
    const seen = await admin.review.byId.query({
      id: conflicted.id,
    });
    expect(seen.allowedActions.map((a) => a.action)).toContain('approve');
  });
});
