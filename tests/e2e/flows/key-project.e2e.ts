import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../support/admin-review';
import { apiClient, applicantToken, officerApi } from '../support/api';
import type { FinanceOfficer } from '../support/award-path';
import { secondFinanceOfficer } from '../support/award-path';
import { desktopPage, launchBrowser, phonePage, snap } from '../support/browser';
import { resetClock } from '../support/clock';
import { enterBankAccount, landedOnProgrammes, openAs, tinyPdf } from '../support/mp-data';
import { chooseFiles, confirmModal, textOf, typeInto, uploadedFiles } from '../support/mp-ui';
import type { ConcludedKeyProject } from '../support/selection-path';
import {
  TRANCHES,
  approveAndPayTranche,
  concludedKeyProject,
  ensureTrancheBudget,
  payNoticedTranche,
  settleContract,
  trancheApplication,
} from '../support/selection-path';
import { expertsGiveVerdicts, invitedExpert } from '../support/acceptance-path';
import { stepsOfOneStory } from '../support/story';

/**
 * Issue 14, 四.2 end to end: a 揭榜挂帅 project runs from a posted need to accepted results, with
 * two tranches paid. The selection itself — the need published, the call, the firm's answer, the
 * formal check, the experts' scores, the decision, the 立项公示 and the result document — is set
 * up through the API (support/selection-path.ts; the calls' own screens have their flows). The
 * browser covers the project: the firm's administrator signs the 任务书 in the mini-program; the
 * bureau reviewer finds 第1期 raised in 项目管理 and approves it in the application review; the
 * firm reports (中期, then 结题) through the report form; the reviewer passes each in the project
 * detail, which raises 第2期 and, with the acceptance (验收), 第3期 — the final report once the
 * reviewer has drawn its acceptance panel (验收专家组) there and the drawn demo experts have given
 * their verdicts: one in 评审任务 on the phone, the others through the API
 * (support/acceptance-path.ts). The notices and the four-eyes
 * payments go through the API (admin-notice and admin-payment cover those screens); both apps end
 * showing two tranches 已拨付.
 */
const stack = inject('stack');

let browser: Browser;
let closeBrowser: () => Promise<void>;
let confirmer: FinanceOfficer;
/** What one step leaves for the next (the tests run in order, as one firm's story). */
let project: ConcludedKeyProject;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  await resetClock(stack.apiUrl);
  confirmer = await secondFinanceOfficer(stack.apiUrl);
});
afterAll(async () => {
  await resetClock(stack.apiUrl);
  await closeBrowser?.();
});

const [SIGNING, MID_TERM] = TRANCHES;

/** The firm's administrator in the mini-program, on the project's page (我的 → 我的项目 → it). */
async function firmOnProject() {
  const { context, page } = await phonePage(browser);
  await openAs(context, page, stack.h5Url, project.firm.openid);
  await landedOnProgrammes(page);
  await page.locator('#nav-profile').click();
  await page.waitForURL(/pages\/profile/);
  await page.locator('#org-menu-projects').click();
  await page.waitForURL(/packages\/projects\/mine/);
  const card = page.locator(`#project-${project.projectId}`);
  await card.waitFor({ state: 'visible' });
  return { context, page, card };
}

async function openProjectFrom(page: Page) {
  await page.locator(`#project-${project.projectId}`).click();
  await page.waitForURL(/packages\/projects\/detail/);
  await expect.poll(() => textOf(page, '#project-title')).toBe(project.title);
  // Taro slides the page in: let it land before reading the screen as a whole.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** The bureau reviewer on the project's page in 项目管理. */
async function reviewerOnProject(): Promise<Page> {
  const { page } = await desktopPage(browser);
  await signIn(page, stack.adminUrl, 'reviewer', `/selection/projects/${project.projectId}`);
  await expect
    .poll(() => page.getByTestId('project-number').textContent())
    .toContain(project.projectNumber);
  return page;
}

/** The 资金拨付 card in view, then a screenshot (the admin scrolls its main pane, not the page). */
async function snapTranches(page: Page, name: string) {
  await page.getByTestId('project-tranches').scrollIntoViewIfNeeded();
  await snap(page, name);
}

/** A row of the 资金拨付 card (第 n 期). */
function trancheRow(page: Page, trancheNo: number) {
  return page
    .getByTestId('project-tranches')
    .locator('.el-table__row', { hasText: `第 ${trancheNo} 期` });
}

/** The files a report comes with, by upload row: the report itself, the final's audit report. */
const REPORT_FILES = {
  'mid-term': [['report-document', '中期报告（盖章版）.pdf']],
  final: [
    ['report-document', '结题验收报告（盖章版）.pdf'],
    ['financial-statement', '专项资金审计报告.pdf'],
  ],
} as const;

/**
 * The firm fills the report form: a line per milestone, money in yuan, the files the report kind
 * needs (picked as from a chat: the browser's file chooser in H5), then sends it.
 */
async function submitReport(
  page: Page,
  kind: 'mid-term' | 'final',
  report: { summary: string; done: boolean[]; notes: string[]; city: string; own: string },
) {
  await page.locator(`#project-report-${kind}-submit`).click();
  await page.waitForURL(/packages\/projects\/report/);
  await expect
    .poll(() => textOf(page, '#report-title'))
    .toBe(kind === 'mid-term' ? '中期报告' : '结题验收报告');
  await typeInto(page, 'report-summary', report.summary);
  for (const [i, note] of report.notes.entries()) {
    if (report.done[i]) await page.locator(`#report-milestone-${i}-done`).click();
    await expect
      .poll(() => textOf(page, `#report-milestone-${i}-done-text`))
      .toBe(report.done[i] ? '已完成' : '未完成');
    await typeInto(page, `report-milestone-${i}-note`, note);
  }
  await typeInto(page, 'report-cityFundsSpent', report.city);
  await typeInto(page, 'report-ownFundsSpent', report.own);
  for (const [row, name] of REPORT_FILES[kind]) {
    await chooseFiles(page, `#evidence-${row}-chat`, [
      { name, mimeType: 'application/pdf', buffer: tinyPdf(name) },
    ]);
    await expect.poll(() => uploadedFiles(page, row)).toContain(name);
  }
  await snap(page, `key-project-mp-report-${kind}`);
  await page.locator('#report-submit').click();
  await confirmModal(page);
  // Sent: back on the project, which loads again.
  await page.waitForURL(/packages\/projects\/detail/);
  await expect.poll(() => textOf(page, `#project-report-${kind}-status`)).toBe('待审查');
}

/** The reviewer passes a report from the project detail, reading what passing it does first. */
async function passReport(page: Page, kind: 'mid-term' | 'final', consequence: string) {
  await expect.poll(() => page.getByTestId(`report-${kind}-status`).textContent()).toBe('待审查');
  await page.getByTestId(`report-${kind}-review`).click();
  const dialog = page.getByTestId('report-review-dialog');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await dialog.getByTestId('report-review-pass').click();
  await expect
    .poll(() => dialog.getByTestId('report-review-consequence').textContent())
    .toContain(consequence);
  await dialog.getByTestId('report-review-submit').click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
  await expect.poll(() => page.getByTestId(`report-${kind}-status`).textContent()).toBe('通过');
}

describe('揭榜挂帅: from a posted need to accepted results, two tranches paid', () => {
  stepsOfOneStory();

  it('a need is answered, checked, scored by the drawn experts, noticed and concluded into a project (API)', async () => {
    project = await concludedKeyProject(stack);
    // The bureau settles the 任务书: ¥1,000,000 on signing, ¥500,000 at mid-term and on acceptance.
    const settled = await settleContract(stack.apiUrl, project.projectId);
    expect(settled.problems).toEqual({});
    expect(settled.statusName).toBe('待签订任务书');
  }, 150_000);

  it('the firm’s administrator opens 我的项目, reads the 任务书 and signs it', async () => {
    // The first tranche is paid to the unit's registered account: it is entered first.
    const token = await applicantToken(stack, project.firm.openid);
    const firm = { openid: project.firm.openid, token, api: apiClient(stack.apiUrl, token) };
    await enterBankAccount(firm, project.firm.name);

    const { context, page, card } = await firmOnProject();
    expect(await textOf(page, `#project-${project.projectId}-status`)).toBe('待签订任务书');
    expect(await textOf(page, `#project-${project.projectId}-funds`)).toContain('¥2,000,000.00');
    expect(await textOf(page, `#project-${project.projectId}-hint`)).toBe('请核对任务书后签订');
    expect(await card.textContent()).toContain(project.projectNumber);
    await snap(page, 'key-project-mp-list');

    await openProjectFrom(page);
    expect(await textOf(page, '#project-status')).toBe('待签订任务书');
    expect(await textOf(page, '#project-doc')).toContain(project.documentNo);
    expect(await textOf(page, '#project-call')).toContain(project.callTitle);
    expect(await textOf(page, '#project-city-funds')).toContain('¥2,000,000.00');
    expect(await textOf(page, '#project-tranche-0-label')).toBe('第一期 · 任务书签订后');
    expect(await textOf(page, '#project-tranche-0-amount')).toBe('¥1,000,000.00');
    expect(await textOf(page, '#project-tranche-1-label')).toBe('第二期 · 中期检查通过后');
    expect(await textOf(page, '#project-tranche-2-label')).toBe('第三期 · 验收通过后');
    expect(await textOf(page, '#project-tranche-0-state')).toBe('未到拨付条件');
    expect(await textOf(page, '#project-milestone-0')).toContain('建成公斤级催化剂中试线');

    await page.locator('#project-sign').click();
    await confirmModal(page);
    await expect.poll(() => textOf(page, '#project-status')).toBe('实施中');
    expect(await textOf(page, '#project-signed')).toContain('任务书已于');
    expect(await page.locator('#project-sign').count()).toBe(0);
    // Signing raised the first tranche into the bureau's queue.
    expect(await textOf(page, '#project-tranche-0-state')).toBe('市局审核中');
    expect(await textOf(page, '#project-tranche-0-application')).toMatch(/^拨付申请 \S+/);
    expect(await textOf(page, '#project-tranche-1-state')).toBe('未到拨付条件');
    await snap(page, 'key-project-mp-signed');
    await context.close();
  });

  it('the reviewer finds 第1期 raised in 项目管理 and approves it in the application review; it is noticed and paid', async () => {
    const first = await trancheApplication(stack.apiUrl, project.projectId, 1);
    // The demo seeds one year's budgets: the server's year gets room for the tranche.
    await ensureTrancheBudget(stack.apiUrl, first.year, SIGNING.amountFen);

    const page = await reviewerOnProject();
    expect(await page.getByTestId('project-status').textContent()).toBe('实施中');
    const row = trancheRow(page, 1);
    await expect.poll(() => row.textContent()).toContain('市局审核中');
    expect(await row.textContent()).toContain('任务书签订后');
    expect(await row.textContent()).toContain('¥1,000,000.00');
    expect(await trancheRow(page, 2).textContent()).toContain('未到拨付条件');
    expect(await page.getByTestId('tranche-1-application').textContent()).toBe(first.number);
    expect(await page.getByTestId('tranche-2-application').count()).toBe(0);
    await snapTranches(page, 'key-project-admin-signed');

    await page.getByTestId('tranche-1-application').click();
    await page.waitForURL(`**/applications/${first.id}`);
    const status = page.getByTestId('application-status');
    await expect.poll(() => status.textContent()).toContain('市局审核中');
    expect(await page.getByTestId('computed-amount').textContent()).toContain('¥1,000,000.00');
    await page.getByTestId('action-approve').click();
    const dialog = page.getByTestId('action-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByTestId('action-confirm').click();
    await expect.poll(() => status.textContent()).toContain('已批准');
    expect(await page.getByTestId('approved-amount').textContent()).toContain('¥1,000,000.00');
    await page.context().close();

    await payNoticedTranche(stack.apiUrl, first, confirmer);
  });

  it('the firm submits the 中期报告 through the report form', async () => {
    const { context, page } = await firmOnProject();
    await openProjectFrom(page);
    expect(await textOf(page, '#project-tranche-0-state')).toBe('已拨付');
    await submitReport(page, 'mid-term', {
      summary: '中试线已建成并完成三轮工艺验证，催化剂批次一致性达到任务书中期要求。',
      done: [true, false],
      notes: ['中试线已建成，完成三轮工艺验证', '公斤级制备工艺优化正在进行'],
      city: '900000',
      own: '1200000',
    });
    expect(await textOf(page, '#project-report-mid-term-summary')).toContain('中试线已建成');
    expect(await textOf(page, '#project-report-mid-term')).toContain(
      '已支出：市级资金 ¥900,000.00，自筹资金 ¥1,200,000.00',
    );
    expect(await textOf(page, '#project-report-mid-term-files')).toContain(
      '中期报告（盖章版）.pdf',
    );
    await context.close();
  });

  it('the reviewer passes the 中期报告 in the project detail, and 第2期 is raised', async () => {
    const page = await reviewerOnProject();
    const report = page.getByTestId('report-mid-term');
    expect(await report.getByTestId('report-mid-term-city').textContent()).toContain('¥900,000.00');
    expect(await report.getByTestId('report-mid-term-milestones').textContent()).toContain(
      '✓ 已完成',
    );
    // The report's file is listed with its download (GET /files/:id, the area's officer or the bureau).
    const files = report.getByTestId('report-mid-term-attachments');
    expect(await files.textContent()).toContain('中期报告（盖章版）.pdf');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      files.getByTestId('attachment-download').first().click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${project.projectNumber}-中期报告-报告正文.pdf`);
    await passReport(page, 'mid-term', '将按任务书生成第2期拨付申请（¥500,000.00），进入市局审核');
    await expect.poll(() => trancheRow(page, 2).textContent()).toContain('市局审核中');
    expect(await trancheRow(page, 1).textContent()).toContain('已拨付');
    expect(await trancheRow(page, 3).textContent()).toContain('未到拨付条件');
    expect(await page.getByTestId('project-status').textContent()).toBe('实施中');
    await snapTranches(page, 'key-project-admin-mid-term-passed');
    await page.context().close();
  });

  it('the firm submits the 结题验收报告', async () => {
    const { context, page } = await firmOnProject();
    await openProjectFrom(page);
    expect(await textOf(page, '#project-report-mid-term-status')).toBe('通过');
    expect(await textOf(page, '#project-tranche-1-state')).toBe('市局审核中');
    await submitReport(page, 'final', {
      summary: '项目全面完成任务书目标：催化剂铂载量降低35%，实现公斤级稳定制备，申请发明专利6件。',
      done: [true, true],
      notes: ['中试线稳定运行', '铂载量降低35%，批次偏差3%，申请发明专利6件'],
      city: '1500000',
      own: '2000000',
    });
    await expect.poll(() => textOf(page, '#project-status')).toBe('验收中');
    await context.close();
  });

  it('the reviewer draws the acceptance panel (验收专家组): five invited, two reserves', async () => {
    const page = await reviewerOnProject();
    expect(await page.getByTestId('project-status').textContent()).toBe('验收中');
    const report = page.getByTestId('report-final');
    // No review before the panel has spoken.
    expect(await report.getByTestId('report-final-review').isDisabled()).toBe(true);
    await report.getByTestId('acceptance').scrollIntoViewIfNeeded();
    await report.getByTestId('acceptance-draw').click();
    const dialog = page.getByTestId('acceptance-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(
      '随机抽取5名组成验收专家组，另按顺序抽取2名备选专家',
    );
    expect(await dialog.textContent()).toContain('不能指定或更换人选');
    await dialog.getByTestId('acceptance-confirm').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const members = report.getByTestId('acceptance-members').locator('.el-table__body tr');
    await expect.poll(() => members.count()).toBe(7);
    const statuses = await members.allTextContents();
    expect(statuses.filter((t) => t.includes('待接受'))).toHaveLength(5);
    expect(statuses.filter((t) => t.includes('备选'))).toHaveLength(2);
    expect(await report.getByTestId('acceptance-seeds').textContent()).toMatch(/^[0-9a-f]{32}$/);
    await snap(page, 'key-project-admin-acceptance-drawn');
    await page.context().close();
  });

  it('a drawn expert accepts in 评审任务 on the phone, reads the report and passes it; the others answer too', async () => {
    const openid = await invitedExpert(stack, project.projectId);
    const { context, page } = await phonePage(browser);
    // The demo experts have no firm or researcher profile: they land on 登记, which offers
    // their review tasks (an expert from outside the city need not register to review).
    await openAs(context, page, stack.h5Url, openid);
    await page.waitForURL(/pages\/register/);
    await expect
      .poll(() => textOf(page, '#register-reviews-hint'))
      .toMatch(/^评审任务（\d+项待确认）›$/);
    await page.locator('#register-reviews').click();
    await page.waitForURL(/packages\/expert\/reviews/);
    const invitation = page.locator('#reviews-invitations .list-card', { hasText: '项目验收' });
    await invitation.waitFor({ state: 'visible' });
    expect(await invitation.textContent()).toContain(project.title);
    await invitation.locator('[id$="-accept"]').click();
    const task = page.locator('#reviews-accepted .list-card', { hasText: '项目验收' });
    await task.waitFor({ state: 'visible' });
    expect(await task.textContent()).toContain('验收中');
    await task.click();
    await page.waitForURL(/packages\/expert\/acceptance/);
    await expect.poll(() => textOf(page, '#acceptance-title')).toContain(project.title);
    // The report as the firm sent it: its summary, each milestone's line and its files.
    expect(await textOf(page, '#acceptance-summary')).toContain('铂载量降低35%');
    expect(await textOf(page, '#acceptance-milestone-1-line')).toContain('申请发明专利6件');
    expect(await textOf(page, '#acceptance-files')).toContain('专项资金审计报告');
    // Not 通过 without a comment: the form says what is missing before anything is sent.
    await page.locator('#verdict-conflict-none').click();
    await page.locator('#verdict-verdict-revise').click();
    await page.locator('#acceptance-submit').click();
    await expect
      .poll(() => textOf(page, '#verdict-comment-error'))
      .toContain('须填写验收意见说明理由');
    await page.locator('#verdict-verdict-pass').click();
    await typeInto(page, 'verdict-comment', '考核指标全部完成，第三方检测数据可信，同意通过验收。');
    await page.locator('#acceptance-submit').click();
    await confirmModal(page);
    // Sent: until the panel is complete the expert may still change it (the form stays, saying so).
    await expect.poll(() => textOf(page, '#acceptance-form')).toContain('修改验收意见');
    expect(await textOf(page, '#verdict-verdict-pass')).toBe('通过');
    expect(await page.locator('#verdict-verdict-pass').getAttribute('aria-checked')).toBe('true');
    await snap(page, 'key-project-mp-acceptance-verdict');
    await context.close();

    // The bureau sees that one has answered, never what (the panel is not complete).
    const bureau = await officerApi(stack.apiUrl, 'reviewer');
    const panel = (await bureau.selection.projects.byId.query({ id: project.projectId })).acceptance
      ?.panel;
    expect(panel?.members.filter((m) => m.answered)).toHaveLength(1);
    expect(panel?.members.every((m) => m.verdict === null)).toBe(true);

    // The four other drawn experts accept and pass the report through the API.
    expect(await expertsGiveVerdicts(stack, project.projectId, 'pass')).toBe(4);
  });

  it('the reviewer passes it (验收) on the panel’s conclusion: the project is 已验收 and the acceptance tranche is raised', async () => {
    const page = await reviewerOnProject();
    expect(await page.getByTestId('project-status').textContent()).toBe('验收中');
    const report = page.getByTestId('report-final');
    await expect
      .poll(() => report.getByTestId('acceptance-conclusion').textContent())
      .toContain('有效意见5份（通过5、需整改0、不通过0），多数意见为“通过”。');
    expect(await report.getByTestId('acceptance-tally').textContent()).toBe(
      '通过 5 · 需整改 0 · 不通过 0',
    );
    expect(await report.getByTestId('acceptance-members').textContent()).toContain('同意通过验收');
    // The review shows the panel's conclusion; passing follows its majority: no reason asked.
    await report.getByTestId('report-final-review').click();
    const dialog = page.getByTestId('report-review-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByTestId('report-review-panel').textContent()).toContain(
      '多数意见为“通过”',
    );
    await dialog.getByTestId('report-review-pass').click();
    await expect
      .poll(() => dialog.getByTestId('report-review-consequence').textContent())
      .toContain(
        '通过即验收通过，项目状态变为“已验收”；将按任务书生成第3期拨付申请（¥500,000.00），进入市局审核。',
      );
    expect(await dialog.getByTestId('report-review-departure').count()).toBe(0);
    await dialog.getByTestId('report-review-submit').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => report.getByTestId('report-final-status').textContent()).toBe('通过');
    expect(await report.getByTestId('acceptance-status').textContent()).toBe('已结束');
    await expect.poll(() => page.getByTestId('project-status').textContent()).toBe('已验收');
    expect(await page.getByTestId('project-completed').textContent()).toContain('项目已通过验收');
    await expect.poll(() => trancheRow(page, 3).textContent()).toContain('市局审核中');
    expect(await trancheRow(page, 3).textContent()).toContain('验收通过后');
    await page.context().close();
  });

  it('the second tranche is approved and paid: both apps show two tranches 已拨付', async () => {
    const second = await trancheApplication(stack.apiUrl, project.projectId, 2);
    await approveAndPayTranche(stack.apiUrl, second, MID_TERM.amountFen, confirmer);

    const page = await reviewerOnProject();
    await expect.poll(() => trancheRow(page, 2).textContent()).toContain('已拨付');
    expect(await trancheRow(page, 1).textContent()).toContain('已拨付');
    const third = (await trancheRow(page, 3).textContent()) ?? '';
    expect(third).toContain('市局审核中');
    expect(third).toContain('¥500,000.00');
    const totals = (await page.getByTestId('tranche-totals').textContent()) ?? '';
    expect(totals.replace(/\s+/g, '')).toContain(
      '市级资金¥2,000,000.00，已生成拨付申请¥2,000,000.00，已拨付¥1,500,000.00',
    );
    await snapTranches(page, 'key-project-admin-two-paid');
    await page.context().close();

    const { context, page: phone } = await firmOnProject();
    expect(await textOf(phone, `#project-${project.projectId}-status`)).toBe('已验收');
    await openProjectFrom(phone);
    expect(await textOf(phone, '#project-status')).toBe('已验收');
    expect(await textOf(phone, '#project-tranche-0-state')).toBe('已拨付');
    expect(await textOf(phone, '#project-tranche-1-state')).toBe('已拨付');
    expect(await textOf(phone, '#project-tranche-1-amount')).toBe('¥500,000.00');
    expect(await textOf(phone, '#project-tranche-2-state')).toBe('市局审核中');
    expect(await textOf(phone, '#project-report-final-status')).toBe('通过');
    await snap(phone, 'key-project-mp-two-paid');
    await context.close();
  });
});
