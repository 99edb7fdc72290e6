import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { choose, signIn, toApproved, toast } from '../support/admin-review';
import { applicantApi, officerApi } from '../support/api';
import type { FinanceOfficer } from '../support/award-path';
import { passNotice, payThroughApi, secondFinanceOfficer } from '../support/award-path';
import { desktopPage, launchBrowser, phonePage, snap } from '../support/browser';
import { resetClock } from '../support/clock';
import { stepsOfOneStory } from '../support/story';
import { openAs } from '../support/mp-data';
import { textOf } from '../support/mp-ui';

/**
 * 免申即享 (issue 10): the bureau admin imports the sample 国家高新技术企业认定名单 with a preview
 * of every row's outcome and reason, then commits it; the demo firm 安徽宿氢 on that list is
 * invited in the mini-program, its administrator checks the masked account and confirms with
 * one tap; the application, marked 免申即享, is approved, noticed and paid through the API (other
 * flows drive those screens); the workbench's 免申即享 panel counts it as paid.
 *
 * The sample list can be committed once per database. The preview's counts are checked before
 * committing (they hold on a fresh demo database, whatever other flows did before), and the firm's
 * invitation is found by the list's certificate number.
 */
const stack = inject('stack');

const SAMPLE = path.resolve(
  import.meta.dirname,
  '../../../packages/db/demo/official-lists/high-tech-enterprise.xlsx',
);
const LIST_TITLE = '2026年安徽省第一批认定高新技术企业名单（宿州市）';
const FIRM = {
  openid: 'demo-openid-firm-1',
  name: '安徽宿氢新能源科技有限公司',
  certificateNo: 'GR202634000101',
  /** the seed's account 1317000109200123456, as members see it */
  accountMasked: '****3456',
  accountNo: '1317000109200123456',
};
const AWARD = {
  ruleId: 'high-tech-enterprise',
  amountFen: 20_000_000n,
  // 经开区 has no area officer in the demo: the bureau admin takes the area step.
  areaOfficer: 'admin',
};

let browser: Browser;
let closeBrowser: () => Promise<void>;
let confirmer: FinanceOfficer;
let paidBefore: number;
/** The application the invitation became (left by the confirming step for the next). */
let confirmed: { id: string; number: string; year: number };

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  await resetClock(stack.apiUrl);
  confirmer = await secondFinanceOfficer(stack.apiUrl);
  const admin = await officerApi(stack.apiUrl, 'admin');
  const panel = await admin.exemptions.panel.query();
  paidBefore = panel.stages.find((s) => s.stage === 'paid')?.count ?? Number.NaN;
});
afterAll(async () => {
  await resetClock(stack.apiUrl);
  await closeBrowser?.();
});

describe('免申即享: a 高企 list import → invitation → one-tap confirm → paid', () => {
  stepsOfOneStory();

  it('the bureau admin previews the 高企 list with every row’s reason, then commits it', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'admin', '/official-lists');
    await choose(page, 'list-kind', '国家高新技术企业认定名单');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('list-file').getByText('选择文件').click(),
    ]);
    await chooser.setFiles(SAMPLE);
    await page.getByTestId('list-preview').click();
    await page.waitForURL(/\/official-lists\/imports\/[0-9a-f-]{36}/);

    // Nothing has changed yet: a preview, with the counts of a fresh demo database.
    await expect.poll(() => page.getByTestId('list-status').textContent()).toBe('待确认导入');
    const counts = page.getByTestId('list-summary').getByTestId('list-counts');
    await expect
      .poll(async () => (await counts.locator('span').allTextContents()).map((t) => t.trim()))
      .toEqual(['匹配 2', '未匹配 1', '不一致 1', '有误 1', '已导入过 0']);
    expect(await page.getByTestId('page-title').textContent()).toContain(LIST_TITLE);

    const rows = page.getByTestId('list-rows');
    const row = (name: string) => rows.locator('tr.el-table__row', { hasText: name });
    const matchedReason =
      '记为已核验资质“高新技术企业”，并发出免申即享邀请：国家高新技术企业认定奖励（四.10）';
    for (const name of [FIRM.name, '萧县新材陶瓷科技有限公司']) {
      expect(await row(name).textContent()).toContain('已匹配平台单位');
      expect(await row(name).textContent()).toContain(matchedReason);
    }
    expect(await row('宿州皖北智能装备有限公司').textContent()).toContain(
      '平台暂无该统一社会信用代码的单位',
    );
    const conflict = (await row('安徽宿马航天科技有限公司').textContent()) ?? '';
    expect(conflict).toContain('信息不一致');
    expect(conflict).toContain(
      '名单为“安徽宿马航天科技有限公司”，平台登记为“安徽宿马航天遥感科技有限公司”，请核实后处理',
    );
    const invalid = (await row('宿州云智数据科技有限公司').textContent()) ?? '';
    expect(invalid).toContain('数据有误');
    expect(invalid).toContain('发证日期：“2026-13-01”不是有效日期');
    expect(invalid).toContain('证书编号：应为 GR 加 12 位数字');
    expect(invalid).toContain('认定类型：“认定”应为“首次认定”或“再次认定”');
    await snap(page, 'exemption-admin-list-preview');

    await page.getByTestId('list-commit').click();
    const box = page.locator('.el-message-box');
    await expect.poll(() => box.textContent()).toContain('已匹配 2 条记为已核验资质');
    await box.locator('.el-button--primary').click();
    await expect.poll(() => toast(page).textContent()).toContain('发出免申即享邀请 2 项');
    await expect.poll(() => page.getByTestId('list-status').textContent()).toBe('已导入');
    expect(await page.getByTestId('list-commit').count()).toBe(0);
    await snap(page, 'exemption-admin-list-committed');
    await context.close();
  });

  it('安徽宿氢’s administrator is invited, checks the masked account and confirms with one tap', async () => {
    const firm = await applicantApi(stack, FIRM.openid);
    const invitation = (await firm.myOrg.invitations.list.query()).items.find(
      (i) => i.documentNo === FIRM.certificateNo,
    );
    if (!invitation) throw new Error(`${FIRM.name} has no invitation for ${FIRM.certificateNo}`);

    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, FIRM.openid);
    await page.waitForURL(/pages\/programmes/);
    await expect
      .poll(() => textOf(page, '#programmes-invitations'))
      .toContain('免申即享待确认：已按官方认定名单预先填好，核对后一键申领');
    // The recognition is verified now, so the award is suggested too (自报 alone never is).
    expect(await textOf(page, '#programmes-suggested')).toContain(
      '您已列入国家高新技术企业认定名单（已核验）',
    );
    await snap(page, 'exemption-mp-banner');

    await page.locator('#programmes-invitations').click();
    await page.waitForURL(/packages\/org\/invitations/);
    const card = page.locator(`#invitation-${invitation.id}`);
    await expect.poll(() => card.textContent()).toContain('国家高新技术企业认定奖励');
    expect(await card.textContent()).toContain('待确认');
    await card.click();

    await expect.poll(() => textOf(page, '#invitation-status')).toBe('待确认');
    expect(await textOf(page, '#invitation-amount')).toContain('可申领 ¥200,000.00');
    const inputs = await textOf(page, '#invitation-inputs');
    expect(inputs).toContain(FIRM.certificateNo);
    expect(inputs).toContain('首次认定');
    expect(await textOf(page, '#invitation-evidence')).toContain('官方认定名单（免申即享）');
    expect(await textOf(page, '#invitation-bank-number')).toBe(FIRM.accountMasked);
    expect(await textOf(page, '#invitation-page')).not.toContain(FIRM.accountNo);

    // The one tap needs the commitment ticked first.
    await page.locator('#invitation-confirm').click();
    await expect
      .poll(() => textOf(page, '#invitation-commitment-error'))
      .toBe('请阅读并勾选信用承诺');
    // Playwright's hit test takes Taro's pull-to-refresh wrapper for a cover over the tick box, but
    // a click at its place ticks it (asserted below), as a finger does.
    await page.locator('#invitation-commitment').click({ force: true });
    await expect
      .poll(() => page.locator('#invitation-commitment').getAttribute('aria-checked'))
      .toBe('true');
    await snap(page, 'exemption-mp-invitation');
    await page.locator('#invitation-confirm').click();

    await page.waitForURL(/packages\/apply\/detail/);
    await expect.poll(() => textOf(page, '#detail-status')).toBe('已提交');
    expect(await textOf(page, '#detail-exemption')).toBe('免申即享');
    const evidence = await textOf(page, '#detail-evidence');
    expect(evidence).toContain('（官方认定名单（免申即享））');
    expect(evidence).toContain(`${FIRM.accountMasked}（平台登记的收款账户）`);
    await snap(page, 'exemption-mp-application');
    const id = new URL(page.url().replace('#/', '')).searchParams.get('id') ?? '';
    await context.close();

    const app = await firm.applications.byId.query({ id });
    expect(app.viaExemption).toBe(true);
    confirmed = { id, number: app.number, year: app.year };
  });

  it('approved, noticed and paid, it shows as paid on the workbench’s 免申即享 panel', async () => {
    await toApproved(stack.apiUrl, confirmed, AWARD);
    await passNotice(stack.apiUrl, [confirmed.id], `e2e 免申即享公示 ${confirmed.number}`);
    await payThroughApi(stack.apiUrl, [confirmed.id], confirmer, `E2E-EXEMPT-${confirmed.number}`);

    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'admin', '/workbench');
    const panel = page.getByTestId('exemption-panel');
    await expect
      .poll(async () => Number(await panel.getByTestId('exemption-count-paid').textContent()))
      .toBe(paidBefore + 1);
    expect(await panel.getByTestId('exemption-median').textContent()).toMatch(/\d+ 天/);
    await snap(page, 'exemption-admin-workbench-panel');

    await panel.getByTestId('exemption-paid').click();
    await page.waitForURL(/\/official-lists\/exemptions\?.*stage=paid/);
    const row = page.getByTestId('exemption-table').locator('tr', { hasText: FIRM.name });
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(confirmed.number);
    expect(text).toContain('已拨付');
    expect(text).toContain('¥200,000.00');
    expect(text).toContain(FIRM.certificateNo);
    await context.close();
  });
});
