import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lastMessage, signIn } from '../support/admin-b-session';
import { callAtMatching, signAgreement } from '../support/admin-b-vp';
import type { Api } from '../support/api';
import { officerApi, refusalOf } from '../support/api';
import { desktopPage, launchBrowser, snap } from '../support/browser';
import { alignBrowserClock, moveClockPast, resetClock } from '../support/clock';
import { tinyPdf } from '../support/mp-data';

/**
 * The 科技副总 matching workbench: a bureau reviewer runs the matcher on a call of this run,
 * reads a score breakdown, forbids a pair (which makes the run stale), re-runs and confirms the
 * reviewed run; the server refuses a run made stale behind the officer's back; an area officer
 * sees no matcher and finance cannot open the module. Once the notice has passed (the API's
 * test clock moves), the reviewer confirms the call and evaluates a running secondment.
 */
const stack = inject('stack');

let browser: Browser;
let closeBrowser: () => Promise<void>;
let admin: Api;
let setup: Awaited<ReturnType<typeof callAtMatching>>;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  await resetClock(stack.apiUrl);
  admin = await officerApi(stack.apiUrl, 'admin');
  setup = await callAtMatching(admin, stack, 1);
});
afterAll(async () => {
  await resetClock(stack.apiUrl);
  await closeBrowser?.();
});

async function openCall(page: Page, username: string, status: string) {
  await signIn(page, stack.adminUrl, username);
  await page.goto(`${stack.adminUrl}/vice-president/calls`);
  await page.getByTestId('vp-call-table').locator('tr', { hasText: setup.title }).click();
  await page.waitForURL(/\/vice-president\/calls\/[0-9a-f-]{36}/);
  await expect.poll(() => page.getByTestId('vp-call-status').textContent()).toBe(status);
}

describe('科技副总 matching workbench', () => {
  it('runs, explains, forbids, re-runs and confirms the reviewed run', async () => {
    const { context, page } = await desktopPage(browser);
    await openCall(page, 'reviewer', '匹配中');
    await page.locator('.el-tabs__item', { hasText: '智能匹配' }).click();
    await expect
      .poll(() => page.getByTestId('vp-run-info').textContent())
      .toContain('尚未运行匹配');

    await page.getByTestId('vp-run').click();
    await expect.poll(() => page.getByTestId('vp-run-info').textContent()).toContain('第 1 次运行');
    await expect
      .poll(() => page.getByTestId('vp-run-duration').textContent())
      .toMatch(/用时 \d+ 毫秒/);
    const proposals = page
      .getByTestId('vp-proposals')
      .locator('.el-table__body > tbody > tr.el-table__row');
    await expect.poll(() => proposals.count()).toBe(2);

    // The breakdown's parts add up to the score in the row.
    const total = Number(await proposals.first().getByTestId('vp-proposal-score').textContent());
    await proposals.first().locator('.el-table__expand-icon').click();
    const breakdown = page.getByTestId('vp-score-breakdown').first();
    await expect.poll(() => breakdown.textContent()).toContain('产业领域相符');
    const points = await breakdown.locator('.points').allTextContents();
    expect(points).toHaveLength(6);
    expect(points.reduce((sum, p) => sum + Number(p.split('/')[0]), 0)).toBe(total);
    await snap(page, 'admin-vp-proposals');

    // Forbid the first pair: the run goes stale and cannot be confirmed.
    const firstNeed = (await proposals.first().locator('td').nth(1).textContent()) ?? '';
    await proposals.first().getByTestId('vp-proposal-forbid').click();
    await page.getByTestId('vp-rule-reason').fill('双方已有合作纠纷，需回避');
    await page.getByTestId('vp-rule-submit').click();
    await expect.poll(() => page.getByTestId('vp-run-stale').isVisible()).toBe(true);
    expect(await page.getByTestId('vp-confirm').isDisabled()).toBe(true);
    await expect
      .poll(() => page.getByTestId('vp-rules').textContent())
      .toContain('双方已有合作纠纷');
    await snap(page, 'admin-vp-stale');

    await page.getByTestId('vp-run').click();
    await expect.poll(() => page.getByTestId('vp-run-info').textContent()).toContain('第 2 次运行');
    expect(await page.getByTestId('vp-run-stale').count()).toBe(0);
    await expect.poll(() => proposals.count()).toBe(2);
    expect(firstNeed.length).toBeGreaterThan(0);

    // Refusal: the inputs change while the confirm dialog is open; the server refuses the run.
    await page.getByTestId('vp-confirm').click();
    const dialog = page.getByTestId('vp-confirm-dialog');
    await expect
      .poll(() => page.getByTestId('vp-confirm-text').textContent())
      .toContain('第 2 次匹配');
    expect(await page.getByTestId('vp-confirm-text').textContent()).toContain('2 对配对');
    const run = await admin.vp.matching.latest.query({ callId: setup.call.id });
    const pair = run?.proposals[0];
    if (!pair) throw new Error('no proposal');
    await admin.vp.matching.setRule.mutate({
      callId: setup.call.id,
      rule: {
        needId: pair.need.id,
        candidateId: pair.candidate.id,
        kind: 'pin',
        reason: '企业点名邀请',
      },
    });
    await page.getByTestId('vp-confirm-check').click();
    await page.getByTestId('vp-confirm-submit').click();
    await expect.poll(() => lastMessage(page).textContent()).toContain('请重新运行匹配后再确认');
    expect(await page.getByTestId('vp-call-status').textContent()).toBe('匹配中');
    await dialog.locator('button', { hasText: '取消' }).click();

    // Re-run with the new pin, then confirm: the run id goes with it and the call enters notice.
    await page.getByTestId('vp-run').click();
    await expect.poll(() => page.getByTestId('vp-run-info').textContent()).toContain('第 3 次运行');
    await expect.poll(() => page.getByTestId('vp-proposals').textContent()).toContain('人工指定');
    await page.getByTestId('vp-confirm').click();
    await expect
      .poll(() => page.getByTestId('vp-confirm-text').textContent())
      .toContain('第 3 次匹配');
    await page.getByTestId('vp-confirm-check').click();
    await page.getByTestId('vp-confirm-submit').click();
    await expect.poll(() => page.getByTestId('vp-call-status').textContent()).toBe('公示中');
    await snap(page, 'admin-vp-confirmed');

    // The needs follow the call (issue 11): both are matched and in the notice, not 征集中.
    await page.locator('.el-tabs__item', { hasText: '企业需求' }).click();
    const progress = page.locator('[data-testid^="vp-need-progress-"]');
    await expect.poll(() => progress.allTextContents()).toEqual(['公示中', '公示中']);

    // The bureau offers a three-party agreement template for the parties to download.
    await page.getByTestId('vp-agreement-template-file').setInputFiles({
      name: '三方协议模板.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf('vp-template'),
    });
    await expect
      .poll(() => page.getByTestId('vp-agreement-template-name').textContent())
      .toBe('三方协议模板.pdf');

    // The confirmed pairs are now secondments waiting for the agreement.
    await page.locator('.el-tabs__item', { hasText: '选派与履职' }).click();
    const secondments = page.getByTestId('vp-secondment-table');
    await expect.poll(() => secondments.textContent()).toContain('待签协议');
    await secondments
      .locator('tr', { hasText: setup.firms[0]?.name ?? '' })
      .first()
      .click();
    await expect
      .poll(() => page.getByTestId('vp-secondment-drawer').textContent())
      .toContain('暂无工作日志');
    await snap(page, 'admin-vp-secondment');
    await context.close();
  });

  it('shows an area officer the needs of their area but no candidates, matcher or actions', async () => {
    const { context, page } = await desktopPage(browser);
    // The call was confirmed by the test above: it is in notice now.
    await openCall(page, 'yongqiao', '公示中');
    const tabs = await page.locator('.el-tabs__item').allTextContents();
    expect(tabs.some((t) => t.startsWith('企业需求'))).toBe(true);
    expect(tabs.some((t) => t.includes('智能匹配') || t.includes('报名人选'))).toBe(false);
    expect(await page.getByTestId('vp-call-actions').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('vp-needs-table').textContent())
      .toContain(setup.firms[1]?.name ?? '?');
    await context.close();
  });

  it('turns finance away from the 科技副总 module', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'finance');
    expect(await page.getByTestId('side-menu').textContent()).not.toContain('科技副总');
    await page.goto(`${stack.adminUrl}/vice-president/calls/${setup.call.id}`);
    await page.waitForURL(/\/403/);
    await context.close();
  });

  it('confirms the call once the notice has passed; a reviewer evaluates, finance cannot', async () => {
    // One researcher signs the agreement (in the mini-program); the call is still in notice.
    const signed = await signAgreement(stack, setup.researchers[0]?.openid ?? '?');
    const early = await desktopPage(browser);
    await openCall(early.page, 'reviewer', '公示中');
    await early.page.getByTestId('vp-action-confirm-call').click();
    await early.page.locator('.el-message-box .el-button--primary').click();
    await expect.poll(() => lastMessage(early.page).textContent()).toContain('期满后才能确认选派');
    await early.context.close();

    // The notice passes. Sessions from before the jump have expired: sign in again.
    const call = await admin.vp.calls.get.query({ callId: setup.call.id });
    const today = await moveClockPast(stack.apiUrl, call.noticeEndsOn ?? '');
    const { context, page } = await desktopPage(browser);
    await alignBrowserClock(context, stack.apiUrl);
    await openCall(page, 'reviewer', '公示中');
    await page.getByTestId('vp-action-confirm-call').click();
    await page.locator('.el-message-box .el-button--primary').click();
    await expect.poll(() => page.getByTestId('vp-call-status').textContent()).toBe('履职中');

    // The signed pair's term runs from today; the reviewer records this year's evaluation.
    await page.locator('.el-tabs__item', { hasText: '选派与履职' }).click();
    await page
      .getByTestId('vp-secondment-table')
      .locator('tr', { hasText: signed.need.organisationName })
      .first()
      .click();
    const drawer = page.getByTestId('vp-secondment-drawer');
    await expect.poll(() => drawer.textContent()).toContain(`${today} 至`);
    expect(await drawer.textContent()).toContain('履职中');
    await drawer.locator('.el-tabs__item', { hasText: '年度考核' }).click();
    const form = drawer.getByTestId('vp-evaluation-form');
    await form.locator('.el-radio', { hasText: '优秀' }).click();
    await form.locator('textarea').fill('驻企时间充足，膜电极攻关进展明显');
    await form.locator('button', { hasText: '提交考核' }).click();
    const year = today.slice(0, 4);
    await expect.poll(() => lastMessage(page).textContent()).toContain(`已记录${year}年度考核`);
    await expect.poll(() => drawer.locator('.el-table').last().textContent()).toContain('优秀');
    await snap(page, 'admin-vp-evaluated');

    // Refused: the same year twice.
    await form.locator('button', { hasText: '提交考核' }).click();
    await expect.poll(() => lastMessage(page).textContent()).toContain('该年度已完成考核');
    await context.close();

    // Finance cannot evaluate: no 科技副总 pages, and the server says no.
    const financePage = await desktopPage(browser);
    await signIn(financePage.page, stack.adminUrl, 'finance');
    await financePage.page.goto(`${stack.adminUrl}/vice-president/secondments`);
    await financePage.page.waitForURL(/\/403/);
    await financePage.context.close();
    const finance = await officerApi(stack.apiUrl, 'finance');
    const refused = await refusalOf(
      finance.vp.secondments.evaluate.mutate({
        secondmentId: signed.id,
        evaluation: { year: Number(year), grade: 'qualified' },
      }),
    );
    expect(refused.appCode).toBe('FORBIDDEN');
    await resetClock(stack.apiUrl);
  });
});
