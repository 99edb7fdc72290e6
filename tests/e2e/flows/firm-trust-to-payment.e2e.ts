import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addCalendarDays, todayInShanghai } from '@kc/domain';
import {
  WORKSTATION_AMOUNT_FEN,
  WORKSTATION_RULE,
  ensureBudgetRoom,
  signIn,
  toApproved,
} from '../support/admin-review';
import { applicantApi, refusalOf } from '../support/api';
import type { FinanceOfficer } from '../support/award-path';
import { passNotice, secondFinanceOfficer } from '../support/award-path';
import { desktopPage, launchBrowser, phonePage, snap } from '../support/browser';
import { readClock, resetClock } from '../support/clock';
import {
  E2E_ACCOUNT_NO,
  openAs,
  tinyPdf,
  tinyPng,
  uniqueCreditCode,
  uniqueOpenid,
} from '../support/mp-data';
import { stepsOfOneStory } from '../support/story';
import { chooseFiles, input, textOf, typeInto, uploadedFiles } from '../support/mp-ui';

/**
 * Issue 10 end to end: money reaches a firm that was not in the demo seed. A new WeChat user
 * registers a firm in 埇桥区 and sends its licence (机构认证); the 埇桥区 officer approves it from
 * the workbench; the firm's administrator enters its 收款账户 (holder fixed to the verified name,
 * the number typed twice, then shown masked); the firm applies for the workstation award with the
 * registered account as its bank evidence (no upload); it is approved and its notice passes
 * (through the API, as admin-review and admin-notice cover those screens); finance makes a batch
 * from the registered account, a second finance officer confirms and pays it; the ledger has the
 * payment and the firm reads 已拨付.
 */
const stack = inject('stack');

const tag = Math.random().toString(36).slice(2, 6).toUpperCase();
const FIRM = {
  openid: uniqueOpenid('trust'),
  name: `宿州启衡氢能装备有限公司${tag}`,
  creditCode: uniqueCreditCode(),
  legalRep: '周启衡',
  contactPhone: '13905571234',
};
const MASKED = `****${E2E_ACCOUNT_NO.slice(-4)}`;

let browser: Browser;
let closeBrowser: () => Promise<void>;
/** What one step leaves for the next (the tests run in order, as one firm's story). */
let submitted: { id: string; number: string; year: number };
let batchNumber: string;
let confirmer: FinanceOfficer;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  await resetClock(stack.apiUrl);
  confirmer = await secondFinanceOfficer(stack.apiUrl);
});
afterAll(async () => {
  await resetClock(stack.apiUrl);
  await closeBrowser?.();
});

/** The firm's administrator, back in the mini-program (the same WeChat user each time). */
async function asFirm() {
  const { context, page } = await phonePage(browser);
  await openAs(context, page, stack.h5Url, FIRM.openid);
  return { context, page };
}

async function openProfile(page: Page) {
  await page.waitForURL(/pages\/programmes/);
  await page.locator('#nav-profile').click();
  await page.waitForURL(/pages\/profile/);
}

describe('a new firm: registered, verified, account entered, applies, is approved and paid', () => {
  stepsOfOneStory();

  it('a new WeChat user registers a firm in 埇桥区 and sends its licence for 机构认证', async () => {
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, FIRM.openid);
    await page.waitForURL(/pages\/register/);
    await page.locator('#register-kind-org').click();
    await page.locator('#org-type-firm').click();
    await input(page, 'org-name').fill(FIRM.name);
    await input(page, 'org-creditCode').fill(FIRM.creditCode);
    await page.locator('#org-area-yongqiao').click();
    await page.locator('#org-field-low-carbon-energy').click();
    await input(page, 'org-contactName').fill(FIRM.legalRep);
    await input(page, 'org-contactPhone').fill(FIRM.contactPhone);
    await page.locator('#register-submit').click();

    // Registered is not verified: the badge says so, and the menu leads to 机构认证.
    await page.waitForURL(/pages\/profile/);
    await expect.poll(() => textOf(page, '#profile-verification')).toBe('未认证');
    expect(await textOf(page, '#org-menu-verify')).toContain('未认证');
    await page.locator('#org-menu-verify').click();
    await page.waitForURL(/packages\/org\/verify/);
    await expect.poll(() => textOf(page, '#verify-status-tag')).toBe('未认证');

    await page.locator('#verify-licence-kind-business-licence').click();
    await chooseFiles(page, '#verify-licence-chat', [
      { name: '营业执照.png', mimeType: 'image/png', buffer: tinyPng('licence') },
    ]);
    await expect.poll(() => textOf(page, '#verify-licence-file')).toContain('营业执照.png');
    await typeInto(page, 'verify-legalRepName', FIRM.legalRep);
    await page.locator('#verify-acting-role-legal-representative').click();
    // A legal representative acting in person needs no 授权委托书.
    expect(await page.locator('#verify-authorisation-chat').count()).toBe(0);
    await page.locator('#verify-submit').click();

    await expect.poll(() => textOf(page, '#verify-status-tag')).toBe('认证审核中');
    expect(await textOf(page, '#verify-pending')).toContain('正在由埇桥区审核');
    expect(await page.locator('#verify-submit').count()).toBe(0);
    await snap(page, 'trust-mp-verification-pending');

    // Until it is verified, the administrator cannot register a 收款账户.
    await page.goBack();
    await page.waitForURL(/pages\/profile/);
    await page.locator('#org-menu-bank').click();
    await page.waitForURL(/packages\/org\/bank/);
    await expect.poll(() => textOf(page, '#bank-unverified')).toContain('通过机构认证后');
    expect(await page.locator('#bank-form').count()).toBe(0);
    await context.close();
  });

  it('the 埇桥区 officer opens the request from the workbench, sees the licence and approves', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'yongqiao');
    const tile = page.getByTestId('queue-count-org-verification');
    await expect.poll(async () => Number(await tile.textContent())).toBeGreaterThan(0);
    await page.getByTestId('queue-org-verification').click();
    await page.waitForURL(/\/verifications\?.*tab=verifications/);

    const row = page.getByTestId('verification-table').locator('tr', { hasText: FIRM.name });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(FIRM.creditCode);
    expect(await row.textContent()).toContain('待审核');
    await row.click();
    await page.waitForURL(/\/verifications\/verification\/[0-9a-f-]{36}/);

    await expect.poll(() => page.getByTestId('request-status').textContent()).toBe('待审核');
    const licence = page.getByTestId('licence-card');
    expect(await licence.textContent()).toContain('营业执照.png');
    // The licence image itself is shown (fetched with the officer's session).
    await expect
      .poll(() =>
        page
          .getByTestId('licence-preview')
          .locator('img')
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
          .catch(() => false),
      )
      .toBe(true);
    expect(await page.locator('.el-descriptions').first().textContent()).toContain(FIRM.legalRep);
    await snap(page, 'trust-admin-verification-detail');

    await page.getByTestId('decide-approve').click();
    const dialog = page.getByTestId('decision-dialog');
    await expect.poll(() => dialog.textContent()).toContain('信用代码、名称和类型随即锁定');
    await dialog.getByTestId('decision-confirm').click();
    await expect.poll(() => page.getByTestId('request-status').textContent()).toBe('已通过');
    expect(await page.getByTestId('no-decision').textContent()).toContain('已办理完毕');
    expect(await page.getByTestId('decide-approve').count()).toBe(0);
    await context.close();
  });

  it('the administrator sees 已认证 and enters the 收款账户: holder fixed, number twice, then masked', async () => {
    // The page offers no way to type another holder; the API refuses one all the same.
    const api = await applicantApi(stack, FIRM.openid);
    const wrongHolder = await refusalOf(
      api.myOrg.bankAccount.save.mutate({
        holder: '宿州启衡贸易有限公司',
        bankName: '中国工商银行',
        branchName: '宿州分行营业部',
        accountNo: E2E_ACCOUNT_NO,
        accountNoConfirm: E2E_ACCOUNT_NO,
      }),
    );
    expect(wrongHolder.appCode).toBe('BANK_HOLDER_MISMATCH');
    expect(wrongHolder.message).toBe(`开户名称须与认证的单位名称“${FIRM.name}”完全一致`);

    const { context, page } = await asFirm();
    await openProfile(page);
    await expect.poll(() => textOf(page, '#profile-verification')).toBe('已认证');
    expect(await textOf(page, '#org-menu-verify')).toContain('已认证');
    await snap(page, 'trust-mp-profile-verified');

    await page.locator('#org-menu-bank').click();
    await page.waitForURL(/packages\/org\/bank/);
    await expect.poll(() => textOf(page, '#bank-holder')).toBe(FIRM.name);
    expect(await textOf(page, '#bank-none')).toContain('尚未登记收款账户');
    await typeInto(page, 'bank-bankName', '中国工商银行');
    await typeInto(page, 'bank-branchName', '宿州分行营业部');
    await typeInto(page, 'bank-accountNo', E2E_ACCOUNT_NO);
    await typeInto(page, 'bank-accountNoConfirm', E2E_ACCOUNT_NO.replace(/7$/, '8'));
    await page.locator('#bank-submit').click();
    await expect
      .poll(() => textOf(page, '#bank-accountNoConfirm-error'))
      .toContain('两次输入的银行账号不一致');
    expect(await page.locator('#bank-number').count()).toBe(0);
    await snap(page, 'trust-mp-bank-numbers-differ');

    await typeInto(page, 'bank-accountNoConfirm', E2E_ACCOUNT_NO);
    await page.locator('#bank-submit').click();
    await expect.poll(() => textOf(page, '#bank-number')).toBe(MASKED);
    expect(await textOf(page, '#bank-holder')).toBe(FIRM.name);
    expect(await textOf(page, '#bank-bank')).toBe('中国工商银行宿州分行营业部');
    expect(await textOf(page, '#bank-page')).not.toContain(E2E_ACCOUNT_NO);
    expect(await page.locator('#bank-form').count()).toBe(0);
    await snap(page, 'trust-mp-bank-saved');
    await context.close();
  });

  it('the firm applies for the workstation award with its registered account as bank evidence', async () => {
    const { now } = await readClock(stack.apiUrl);
    const today = todayInShanghai(new Date(now));
    const approvedOn = addCalendarDays(today, -20);
    // Other flows spend this programme's budget; the preview would say so (预算不足).
    const year = Number(today.slice(0, 4));
    await ensureBudgetRoom(stack.apiUrl, WORKSTATION_RULE, year, WORKSTATION_AMOUNT_FEN);
    const { context, page } = await asFirm();
    await page.waitForURL(/pages\/programmes/);
    await page.locator(`#programme-${WORKSTATION_RULE}`).click();
    await page.waitForURL(/packages\/apply\/programme/);
    await page.locator('#guide-apply').click();
    await page.waitForURL(/packages\/apply\/form/);

    await typeInto(page, 'apply-workstationName', `宿州启衡氢能院士工作站${tag}`);
    await typeInto(page, 'apply-expertName', '张院士');
    await typeInto(page, 'apply-approvedOn', approvedOn);
    await typeInto(page, 'apply-approvalDocNo', `宿科〔2026〕${tag}号`);

    // The registered account is taken by reference: nothing to upload for it.
    await expect
      .poll(() => textOf(page, '#evidence-bank-account-reference'))
      .toContain(`使用已登记的收款账户 ${MASKED}`);
    expect(await page.locator('#evidence-bank-account-chat').count()).toBe(0);
    expect(await page.locator('#evidence-bank-account-media').count()).toBe(0);

    await chooseFiles(page, '#evidence-approval-document-media', [
      { name: '工作站批复文件.png', mimeType: 'image/png', buffer: tinyPng('approval') },
    ]);
    await chooseFiles(page, '#evidence-cooperation-agreement-chat', [
      { name: '院士合作协议.pdf', mimeType: 'application/pdf', buffer: tinyPdf('agreement') },
    ]);
    await chooseFiles(page, '#evidence-credit-commitment-chat', [
      { name: '信用承诺书.pdf', mimeType: 'application/pdf', buffer: tinyPdf('commitment') },
    ]);
    await expect.poll(() => uploadedFiles(page, 'credit-commitment')).toContain('信用承诺书.pdf');
    // The whole card, so a failure shows the engine's reasons.
    await expect
      .poll(() => textOf(page, '#apply-preview'))
      .toContain('符合条件，预计可获奖补¥200,000.00');
    await snap(page, 'trust-mp-apply-form');

    await page.locator('#apply-submit').click();
    await page.waitForURL(/packages\/apply\/detail/);
    await expect.poll(() => textOf(page, '#detail-status')).toBe('已提交');
    const evidence = await textOf(page, '#detail-evidence');
    expect(evidence).toContain(
      `收款账户 中国工商银行宿州分行营业部 ${MASKED}（平台登记的收款账户）`,
    );
    expect(evidence).toContain('信用承诺书.pdf');
    expect(evidence).not.toContain(E2E_ACCOUNT_NO);
    await snap(page, 'trust-mp-application-submitted');
    const id = new URL(page.url().replace('#/', '')).searchParams.get('id') ?? '';
    await context.close();

    const api = await applicantApi(stack, FIRM.openid);
    const mine = await api.applications.byId.query({ id });
    submitted = { id, number: mine.number, year: mine.year };
    expect(mine.evidence.find((e) => e.kind === 'bank-account')?.source).toBe('bank-account');
  });

  it('approved and noticed, it is paid from the registered account by two finance officers', async () => {
    await toApproved(stack.apiUrl, submitted);
    await passNotice(stack.apiUrl, [submitted.id], `e2e 认证单位拨付前公示 ${submitted.number}`);

    // Finance prepares the batch: the candidate's account is masked until the batch is made.
    const { page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'finance', '/finance/disbursements?tab=candidates');
    const candidate = page
      .getByTestId('candidate-table')
      .locator('tr', { hasText: submitted.number });
    await expect.poll(() => candidate.count()).toBe(1);
    expect(await candidate.textContent()).toContain(FIRM.name);
    expect(await candidate.getByTestId('candidate-account').textContent()).toContain(MASKED);
    expect(await candidate.textContent()).not.toContain(E2E_ACCOUNT_NO);
    await candidate.locator('.el-checkbox').click();
    await page.getByTestId('batch-title').fill(`e2e 新认证单位拨付 ${tag}`);
    await page.getByTestId('batch-create').click();
    await page.locator('.el-message-box .el-button--primary').click();
    await page.waitForURL(/\/finance\/disbursements\/[0-9a-f-]{36}$/);
    const batchPath = new URL(page.url()).pathname;

    // In the batch, finance reads the payee frozen from the firm's registered account.
    const item = page.getByTestId('batch-items').locator('tr', { hasText: submitted.number });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain(FIRM.name);
    expect(await item.textContent()).toContain('中国工商银行宿州分行营业部');
    expect(await item.textContent()).toContain(E2E_ACCOUNT_NO);
    const meta = (await page.locator('.meta', { hasText: '批次编号' }).textContent()) ?? '';
    batchNumber = meta.replace('批次编号', '').trim();
    expect(batchNumber).not.toBe('');
    await snap(page, 'trust-admin-batch-draft');
    await page.context().close();

    const { page: second } = await desktopPage(browser);
    await second.goto(`${stack.adminUrl}${batchPath}`);
    await second.waitForURL(/\/login\?redirect=/);
    await second.getByTestId('login-username').fill(confirmer.username);
    await second.getByTestId('login-password').fill(confirmer.password);
    await second.getByTestId('login-submit').click();
    await second.waitForURL(`**${batchPath}`);
    await second.getByTestId('batch-confirm').click();
    await second.locator('.el-message-box .el-button--primary').click();
    await expect.poll(() => second.getByTestId('batch-status').textContent()).toContain('已确认');
    await second.getByTestId('batch-pay').click();
    await second.getByTestId('pay-reference').fill(`E2E-TRUST-${tag}`);
    await second.getByTestId('pay-confirm').click();
    await expect.poll(() => second.getByTestId('batch-status').textContent()).toContain('已拨付');
    await second.context().close();
  });

  it('the ledger has the payment entry, and the firm reads 已拨付 on its application', async () => {
    const { page } = await desktopPage(browser);
    await signIn(
      page,
      stack.adminUrl,
      'finance',
      `/finance/ledger?year=${submitted.year}&pageSize=500`,
    );
    const payment = page
      .getByTestId('ledger-table')
      .locator('tr', { hasText: submitted.number })
      .filter({ has: page.locator('.el-tag', { hasText: /^\s*拨付\s*$/ }) });
    await expect.poll(() => payment.count()).toBe(1);
    const text = (await payment.textContent()) ?? '';
    expect(text).toContain('¥200,000.00');
    expect(text).toContain(FIRM.name);
    expect(text).toContain('新获批市级院士（专家）工作站奖励');
    expect(text).toContain(batchNumber);
    // The type tag zooms in: let it finish before the screenshot.
    await payment
      .locator('.el-tag')
      .evaluate((tag) => Promise.all(tag.getAnimations().map((a) => a.finished)));
    await snap(page, 'trust-admin-ledger-payment');
    await page.context().close();

    const { context, page: phone } = await asFirm();
    await phone.waitForURL(/pages\/programmes/);
    await phone.locator('#nav-applications').click();
    await expect
      .poll(() => textOf(phone, `#application-${submitted.number}-status`))
      .toBe('已拨付');
    await phone.locator(`#application-${submitted.number}`).click();
    await phone.waitForURL(/packages\/apply\/detail/);
    await expect.poll(() => textOf(phone, '#detail-status')).toBe('已拨付');
    expect(await textOf(phone, '#detail-payment')).toBe('已拨付到账');
    expect(await textOf(phone, '#detail-amount')).toContain('200,000.00');
    await snap(phone, 'trust-mp-application-paid');
    await context.close();
  });
});
