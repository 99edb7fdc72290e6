import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SubmittedApplication } from '../support/admin-review';
import {
  WORKSTATION_RULE,
  budgetOf,
  noticePassedAward,
  signIn,
  submitWorkstationApplication,
  toApproved,
} from '../support/admin-review';
import { desktopPage, launchBrowser, snap } from '../support/browser';
import { resetClock } from '../support/clock';
import { officerApi } from '../support/api';
import { createReadyOfficer } from '../support/officer-security';

/**
 * Budgets and payment: yearly budgets with paid / committed / remaining, set by the bureau admin
 * and never below what is spent; disbursement batches prepared by one finance officer, confirmed
 * by another (never the same person), paid and exported; the ledger.
 */
const stack = inject('stack');

let browser: Browser;
let closeBrowser: () => Promise<void>;
let approved: SubmittedApplication;
let payable: SubmittedApplication;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  await resetClock(stack.apiUrl);
  approved = await submitWorkstationApplication(stack, { label: '预算' });
  await toApproved(stack.apiUrl, approved);
  // Moves the API's clock past the notice period and back (support/admin-review.ts).
  payable = await noticePassedAward(stack);
});
afterAll(async () => {
  await resetClock(stack.apiUrl);
  await closeBrowser?.();
});

async function open(username: string, path: string): Promise<Page> {
  const { page } = await desktopPage(browser);
  await signIn(page, stack.adminUrl, username, path);
  return page;
}

const yuan = (fen: bigint) =>
  `¥${(fen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(fen % 100n).toString().padStart(2, '0')}`;

describe('budgets', () => {
  it('the bureau admin sees each programme’s spending and raises a budget', async () => {
    const admin = await officerApi(stack.apiUrl, 'admin');
    const before = await budgetOf(admin, 'academician-centre-city', approved.year);
    const page = await open('admin', `/finance/budgets?year=${approved.year}`);
    const table = page.getByTestId('budget-table');
    const row = table.locator('tr', { hasText: '新获批市级院士（专家）工作站奖励' });
    await expect.poll(() => row.getByTestId('budget-bar').count()).toBe(1);
    // The approval made in setup is committed (a striped part of the bar).
    expect(Number(await row.getByTestId('budget-bar').getAttribute('data-used'))).toBeGreaterThan(
      0,
    );
    await snap(page, 'admin-budgets');

    const raised = (before.budgetFen ?? 0n) + 1_000_000n;
    await page.getByTestId('budget-set-academician-centre-city').click();
    const dialog = page.getByTestId('budget-dialog');
    await dialog.getByTestId('budget-amount').fill(String(raised / 100n));
    await dialog.getByTestId('budget-note').fill('宿财教〔2026〕e2e号');
    await dialog.getByTestId('budget-save').click();
    const expected = raised - before.committedFen - before.paidFen;
    await expect
      .poll(() => page.getByTestId('budget-remaining-academician-centre-city').textContent())
      .toBe(yuan(expected));
    await page.context().close();
  });

  it('refuses a budget below what is already approved, and offers the reviewer no change', async () => {
    const page = await open('admin', `/finance/budgets?year=${approved.year}`);
    await page.getByTestId(`budget-set-${WORKSTATION_RULE}`).click();
    const dialog = page.getByTestId('budget-dialog');
    await dialog.getByTestId('budget-amount').fill('1');
    await dialog.getByTestId('budget-save').click();
    await expect.poll(() => dialog.textContent()).toContain('预算不能低于');
    await snap(page, 'admin-budget-below-spent');
    await page.context().close();

    const reviewer = await open('reviewer', '/finance/budgets');
    await expect
      .poll(() => reviewer.getByTestId('budget-table').locator('tr').count())
      .toBeGreaterThan(1);
    expect(await reviewer.locator('[data-testid^="budget-set-"]').count()).toBe(0);
    await reviewer.context().close();
  });
});

describe('disbursement', () => {
  it('the ledger shows the commitment an approval made; an area officer cannot open it', async () => {
    const page = await open('finance', `/finance/ledger?year=${approved.year}&pageSize=500`);
    const row = page.getByTestId('ledger-table').locator('tr', { hasText: approved.number });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('批准占用');
    expect(await row.textContent()).toContain('¥200,000.00');
    await page.context().close();

    const area = await open('yongqiao', '/finance/ledger');
    await expect.poll(() => area.locator('.el-result').textContent()).toContain('无权访问');
    await area.context().close();
  });

  it('one finance officer prepares a batch, cannot confirm it, another confirms, and it is paid', async () => {
    const candidate = payable;

    const admin = await officerApi(stack.apiUrl, 'admin');
    const username = `fin-e2e-${randomBytes(3).toString('hex')}`;
    await createReadyOfficer(stack.apiUrl, admin, {
      username,
      displayName: '复核财务',
      role: 'finance-officer',
      password: 'Demo@2026x',
    });

    const page = await open('finance', '/finance/disbursements?tab=candidates');
    const row = page.getByTestId('candidate-table').locator('tr', { hasText: candidate.number });
    await expect.poll(() => row.count()).toBe(1);
    await row.locator('.el-checkbox').click();
    await page.getByTestId('batch-title').fill('e2e 拨付批次');
    await page.getByTestId('batch-create').click();
    await page.locator('.el-message-box .el-button--primary').click();
    await page.waitForURL(/\/finance\/disbursements\/[0-9a-f-]{36}$/);
    const batchPath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('batch-status').textContent()).toContain('草稿');
    // 不相容岗位分离: the preparer cannot confirm their own batch.
    expect(await page.getByTestId('batch-confirm').isDisabled()).toBe(true);
    expect(await page.getByTestId('confirm-blocked').textContent()).toContain('另一名财务人员');
    await snap(page, 'admin-disbursement-draft');
    await page.context().close();

    const { page: second } = await desktopPage(browser);
    await second.goto(`${stack.adminUrl}${batchPath}`);
    await second.waitForURL(/\/login\?redirect=/);
    await second.getByTestId('login-username').fill(username);
    await second.getByTestId('login-password').fill('Demo@2026x');
    await second.getByTestId('login-submit').click();
    await second.waitForURL(`**${batchPath}`);
    await second.getByTestId('batch-confirm').click();
    await second.locator('.el-message-box .el-button--primary').click();
    await expect.poll(() => second.getByTestId('batch-status').textContent()).toContain('已确认');
    expect(await second.getByTestId('batch-confirmed-by').textContent()).toContain('复核财务');

    await second.getByTestId('batch-pay').click();
    await second.getByTestId('pay-reference').fill('E2E-BANK-0001');
    await second.getByTestId('pay-confirm').click();
    await expect.poll(() => second.getByTestId('batch-status').textContent()).toContain('已拨付');
    const [download] = await Promise.all([
      second.waitForEvent('download'),
      second.getByTestId('batch-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await snap(second, 'admin-disbursement-paid');
    await second.context().close();
  });
});
