import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addCalendarDays, todayInShanghai } from '@kc/domain';
import { officerApi } from '../support/api';
import { callAtMatching, signAgreement } from '../support/admin-b-vp';
import { launchBrowser, phonePage } from '../support/browser';
import {
  landedOnProgrammes,
  newApplicant,
  openAs,
  registerFirm,
  uniqueOpenid,
} from '../support/mp-data';

/**
 * 无障碍 and 适老化 in the mini-program's H5 build: axe on every page a person can reach, the
 * keyboard alone through login, 政策 and a form, names as a screen reader hears them, 大字模式,
 * and the H5 title bar with its 返回.
 */
const stack = inject('stack');

let browser: Browser;
let closeBrowser: () => Promise<void>;
beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
});

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Serious and critical axe findings on what is on screen now, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

/**
 * Opens a page by its hash route and waits until `ready` is visible and loading is over. Taro's
 * H5 keeps a tab page it left in the DOM, hidden: the visible instance is the one that counts
 * (CI once waited 30 s on the hidden first match of `#profile-large-text`).
 */
async function visit(page: Page, route: string, ready: string) {
  await page.goto(`${stack.h5Url}/#${route}`);
  await page.locator(ready).filter({ visible: true }).first().waitFor({ state: 'visible' });
  await page
    .locator('#state-loading')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/** The element keyboard focus is on: its own id or that of the Taro wrapper around it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const owner = el?.closest('[id]');
    return {
      id: owner?.id ?? '',
      role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 20),
    };
  });
}

/** Presses Tab up to `max` times and records where focus went. */
async function tabWalk(page: Page, max: number) {
  const seen: Awaited<ReturnType<typeof focused>>[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused(page));
  }
  return seen;
}

/**
 * Nothing wider than the screen. Taro's pages scroll inside `.taro_page` (overflow-x hidden),
 * so the page on show is measured as well as the document.
 */
async function noHorizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
      (p) => getComputedStyle(p).display !== 'none',
    );
    return (
      document.documentElement.scrollWidth <= window.innerWidth &&
      shown.every((p) => p.scrollWidth <= p.clientWidth + 1)
    );
  });
}

describe('mini-program: accessibility (H5)', () => {
  it('axe finds nothing serious or critical on any page', async () => {
    const firm = await registerFirm(stack, { name: '宿州明澈光电科技有限公司', bankAccount: true });
    const draft = await firm.api.applications.saveDraft.mutate({
      ruleId: 'tech-transfer',
      input: { contractNo: 'HT-A11Y-1' },
      evidence: [],
    });
    const admin = await officerApi(stack.apiUrl, 'admin');
    const openCall = await admin.vp.calls.create.mutate({
      year: 2026,
      title: `科技副总选派（无障碍测试 ${Date.now() % 100000}）`,
      needsDeadline: '2026-12-10',
      applicationsDeadline: '2026-12-20',
      referenceDate: '2026-12-20',
    });
    // A researcher with a secondment, for 科技副总履职.
    const matching = await callAtMatching(admin, stack, 70 + (Date.now() % 20));
    const run = await admin.vp.matching.run.mutate({ callId: matching.call.id });
    if (!run) throw new Error('the matcher made no run');
    await admin.vp.calls.advance.mutate({
      callId: matching.call.id,
      action: 'confirm-matches',
      runId: run.id,
    });
    const researcherOpenid = matching.researchers[0]?.openid ?? '';
    const secondment = await signAgreement(stack, researcherOpenid);
    // 申报指南: a key-project call taking submissions (member units, money, attachments).
    const today = todayInShanghai(new Date());
    const drafted = await admin.selection.calls.create.mutate({
      programme: 'key-project',
      year: Number(today.slice(0, 4)),
      title: `未来产业重点科技项目申报指南（无障碍测试 ${Date.now() % 100000}）`,
      guide: '面向未来产业五大方向，支持企业联合高校、科研院所攻关关键核心技术。',
      applyFrom: addCalendarDays(today, -1),
      applyUntil: addCalendarDays(today, 30),
    });
    const selectionCall = await admin.selection.calls.advance.mutate({
      id: drafted.id,
      expectedVersion: drafted.version,
      action: 'publish',
    });
    const submissionRoute = `/packages/selection/submission/index?callId=${selectionCall.id}`;
    // 征求意见: the draft out for comments, for its pages.
    const consultation = await admin.consultations.create.mutate({
      policySetId: 'suzhou-future-2026-draft',
      title: `实施方案公开征求意见（无障碍测试 ${Date.now() % 100000}）`,
      opensOn: addCalendarDays(today, -1),
      closesOn: addCalendarDays(today, 29),
      contact: { department: '宿州市科学技术局政策法规科', phone: '0557-3021234' },
    });

    const report: Record<string, string[]> = {};
    const check = async (page: Page, name: string) => {
      report[name] = await seriousViolations(page);
    };

    // Logged out: login, and register for someone new.
    const fresh = await phonePage(browser);
    await fresh.context.addInitScript((id) => {
      window.localStorage.setItem('kc.h5.openid', id);
    }, uniqueOpenid('a11y-new'));
    await fresh.page.goto(stack.h5Url);
    await fresh.page.locator('#login-submit').waitFor();
    await check(fresh.page, 'login');
    await fresh.page.locator('#login-privacy-link').click();
    await fresh.page.locator('#privacy-modal').waitFor();
    await check(fresh.page, 'login + privacy modal');
    await fresh.page.locator('#privacy-close').click();
    await fresh.page.locator('#login-consent').click();
    await fresh.page.locator('#login-submit').click();
    await fresh.page.waitForURL(/pages\/register/);
    await fresh.page.locator('#register-submit').waitFor();
    await check(fresh.page, 'register');
    await fresh.context.close();

    // The firm: the four tabs, 申报 and 单位 pages.
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await landedOnProgrammes(page);
    const firmPages: [string, string, string][] = [
      ['programmes', '/pages/programmes/index', '#programmes-page'],
      ['applications', '/pages/applications/index', '#bottom-nav'],
      ['messages', '/pages/messages/index', '#bottom-nav'],
      ['profile', '/pages/profile/index', '#bottom-nav'],
      ['register (edit)', '/pages/register/index?edit=1', '#register-submit'],
      ['apply/programme', '/packages/apply/programme/index?id=tech-transfer', '.page'],
      // A new form for a rule with a draft offers the draft first; then the draft itself.
      ['apply/form (draft offer)', '/packages/apply/form/index?ruleId=tech-transfer', '.page'],
      ['apply/form', `/packages/apply/form/index?id=${draft.id}`, '#apply-submit'],
      ['apply/detail', `/packages/apply/detail/index?id=${draft.id}`, '.page'],
      ['vp/home (firm)', '/packages/vp/home/index', '.page'],
      ['vp/need', `/packages/vp/need/index?callId=${openCall.id}`, '.page'],
      ['org/verify', '/packages/org/verify/index', '.page'],
      ['org/change', '/packages/org/change/index', '.page'],
      ['org/claim', '/packages/org/claim/index', '.page'],
      ['org/members', '/packages/org/members/index', '.page'],
      ['org/join', '/packages/org/join/index', '.page'],
      ['org/bank', '/packages/org/bank/index', '.page'],
      ['org/documents', '/packages/org/documents/index', '.page'],
      ['org/invitations', '/packages/org/invitations/index', '.page'],
      ['expert (application form)', '/packages/expert/profile/index', '#expert-submit'],
      ['selection/calls', '/packages/selection/calls/index', '#calls-list'],
      ['selection/call', `/packages/selection/call/index?id=${selectionCall.id}`, '#call-action'],
      ['selection/submission (new)', submissionRoute, '#submission-submit'],
      // 合作申报确认: no other organisation has named the firm yet (the empty state).
      ['selection/team', '/packages/selection/team/index', '#team-empty'],
      // 需求榜: the firm's own needs (none yet), the form to post one, the public board.
      ['needs/mine', '/packages/needs/mine/index', '#needs-page'],
      ['needs/post (new)', '/packages/needs/post/index', '#need-form-submit'],
      ['needs/board', '/packages/needs/board/index', '#board-page'],
      // 征求意见: the list (perhaps empty), a consultation clause by clause, the comment form.
      ['policy-comments/list', '/packages/policy-comments/list/index', '#consultations-page'],
      [
        'policy-comments/detail',
        `/packages/policy-comments/detail/index?id=${consultation.id}`,
        '#clause-4-8',
      ],
      [
        'policy-comments/comment',
        `/packages/policy-comments/comment/index?id=${consultation.id}&clause=4-8`,
        '#comment-submit',
      ],
      ['policy-comments/mine', '/packages/policy-comments/mine/index', '#my-comments-page'],
    ];
    for (const [name, route, ready] of firmPages) {
      await visit(page, route, ready);
      await check(page, name);
    }
    // 专家库 once applied: where the application stands, then the edit form.
    await firm.api.experts.saveMine.mutate({
      name: '陈晓东',
      mobile: '13905571234',
      title: 'senior-engineer',
      unitName: '宿州明澈光电科技有限公司',
      fieldCodes: ['low-carbon-energy'],
      subFieldCodes: [],
      expertise: '光伏组件封装与可靠性测试',
      conflicts: ['宿州明澈光电科技有限公司'],
    });
    await visit(page, '/packages/expert/profile/index', '#expert-status');
    await check(page, 'expert (status)');
    await page.locator('#expert-edit').click();
    await page.locator('#expert-conflicts-0').waitFor();
    await check(page, 'expert (edit form)');
    // 评审任务: nothing yet for an expert not drawn for a panel (the empty state).
    await visit(page, '/packages/expert/reviews/index', '#reviews-page');
    await check(page, 'expert/reviews');
    // 申报指南 once a draft is saved (a member unit, money), then withdrawn: where it stands.
    const submissionDraft = await firm.api.selection.submissions.save.mutate({
      callId: selectionCall.id,
      title: '光伏组件封装材料国产化',
      form: { projectName: '光伏组件封装材料国产化', cityFundsFen: 50_000_000n, months: 24 },
      team: [{ unitName: '宿州学院', part: '封装材料老化机理研究' }],
    });
    await visit(page, `${submissionRoute}&v=draft`, '#submission-team-0-unitName');
    await check(page, 'selection/submission (draft)');
    await firm.api.selection.submissions.withdraw.mutate({
      id: submissionDraft.id,
      expectedVersion: submissionDraft.version,
    });
    await visit(page, `${submissionRoute}&v=status`, '#submission-status');
    await check(page, 'selection/submission (status)');
    await context.close();

    // The researcher: 科技副总 home, 报名 and the term.
    const researcher = await phonePage(browser);
    await openAs(researcher.context, researcher.page, stack.h5Url, researcherOpenid);
    await landedOnProgrammes(researcher.page);
    const researcherPages: [string, string, string][] = [
      ['vp/home (researcher)', '/packages/vp/home/index', '.page'],
      ['vp/candidate', `/packages/vp/candidate/index?callId=${openCall.id}`, '.page'],
      ['vp/secondment', `/packages/vp/secondment/index?id=${secondment.id}`, '.page'],
    ];
    for (const [name, route, ready] of researcherPages) {
      await visit(researcher.page, route, ready);
      await check(researcher.page, name);
    }
    await researcher.context.close();

    const failing = Object.entries(report).filter(([, lines]) => lines.length > 0);
    console.info(
      'axe serious/critical per page:',
      Object.entries(report)
        .map(([name, lines]) => `${name}=${lines.length}`)
        .join(', '),
    );
    expect(failing.map(([name, lines]) => `${name}:\n  ${lines.join('\n  ')}`).join('\n')).toBe('');
  });

  it('the keyboard alone reaches consent and 微信登录, the programme cards, the bottom navigation and a form', async () => {
    const applicant = await newApplicant(stack, 'a11y-keys');
    const { context, page } = await phonePage(browser);
    await context.addInitScript((id) => {
      window.localStorage.setItem('kc.h5.openid', id);
    }, applicant.openid);
    await page.goto(stack.h5Url);
    await page.locator('#login-submit').waitFor();

    const loginStops = await tabWalk(page, 4);
    const ids = loginStops.map((s) => s.id);
    expect(ids).toContain('login-submit');
    expect(ids).toContain('login-consent');
    // Space ticks the box, Enter logs in.
    await page.locator('#login-consent').focus();
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.locator('#login-consent').getAttribute('aria-checked'))
      .toBe('true');
    await page.locator('#login-submit').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/pages\/register/);
    await context.close();

    const firm = await registerFirm(stack, { name: '宿州键行智能装备有限公司' });
    const phone = await phonePage(browser);
    await openAs(phone.context, phone.page, stack.h5Url, firm.openid);
    await landedOnProgrammes(phone.page);
    const p = phone.page;
    await p.locator('.programme').first().waitFor();
    const stops = await tabWalk(p, 60);
    expect(stops.some((s) => s.id.startsWith('programme-') && s.role === 'link')).toBe(true);
    expect(stops.map((s) => s.id)).toEqual(
      expect.arrayContaining(['nav-applications', 'nav-profile']),
    );
    // Enter on a card opens its guide.
    await p.locator('.programme').first().focus();
    await p.keyboard.press('Enter');
    await p.waitForURL(/packages\/apply\/programme/);

    await visit(p, '/packages/apply/form/index?ruleId=tech-transfer', '#apply-submit');
    const formStops = await tabWalk(p, 40);
    expect(formStops.some((s) => s.role === 'input')).toBe(true);
    expect(formStops.some((s) => s.role === 'radio')).toBe(true);
    expect(formStops.map((s) => s.id)).toEqual(
      expect.arrayContaining(['apply-save', 'apply-submit']),
    );
    // Space chooses a radio.
    const radio = p.locator('[role="radio"]').first();
    await radio.focus();
    await p.keyboard.press('Space');
    await expect.poll(() => radio.getAttribute('aria-checked')).toBe('true');
    await phone.context.close();
  });

  it('a screen reader hears the buttons, boxes and choices by their Chinese names', async () => {
    const firm = await registerFirm(stack, { name: '宿州听风信息技术有限公司' });
    const { context, page } = await phonePage(browser);
    await page.goto(stack.h5Url);
    await page.locator('#login-submit').waitFor();
    const login = await page.locator('body').ariaSnapshot();
    expect(login).toContain('button "微信登录"');
    expect(login).toMatch(/checkbox "我已阅读并同意《隐私保护指引》"/);

    await context.close();
    const phone = await phonePage(browser);
    await openAs(phone.context, phone.page, stack.h5Url, firm.openid);
    await landedOnProgrammes(phone.page);
    const home = await phone.page.locator('body').ariaSnapshot();
    expect(home).toContain('navigation "主导航"');
    expect(home).toMatch(/link "政策"/);
    expect(home).toMatch(/link "我的"/);

    await visit(phone.page, '/packages/apply/form/index?ruleId=tech-transfer', '#apply-submit');
    const form = await phone.page.locator('body').ariaSnapshot();
    expect(form).toContain('textbox "技术合同编号"');
    expect(form).toContain('radiogroup "卖方所在地"');
    expect(form).toContain('radio "宿州市外"');
    expect(form).toContain('button "保存草稿"');
    expect(form).toContain('button "提交申请"');
    expect(form).toMatch(/button "[^"]*拍照\/相册"/);
    expect(form).toContain('banner');
    expect(form).toContain('button "返回"');
    await phone.context.close();
  });

  it('大字模式 stays on after a reload, enlarges text 1.25× and nothing spills sideways at 375 px', async () => {
    const firm = await registerFirm(stack, { name: '宿州安康养老服务科技有限公司' });
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await landedOnProgrammes(page);
    const rootSize = () =>
      page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await rootSize();

    await visit(page, '/pages/profile/index', '#profile-large-text');
    const toggle = page.locator('#profile-large-text');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await expect.poll(rootSize).toBeCloseTo(normal * 1.25, 0);

    await page.reload();
    await page.locator('#profile-large-text').waitFor();
    expect(await page.locator('#profile-large-text').getAttribute('aria-checked')).toBe('true');
    expect(await rootSize()).toBeCloseTo(normal * 1.25, 0);

    // A call taking submissions today (the sweep above publishes one), for the submission form.
    const today = todayInShanghai(new Date());
    const takingCall = (await firm.api.selection.calls.published.query()).find(
      (c) => c.statusName === '申报中' && c.applyFrom <= today && today <= c.applyUntil,
    );
    const overflowing: string[] = [];
    for (const [route, ready] of [
      ['/pages/profile/index', '#bottom-nav'],
      ['/pages/programmes/index', '.programme'],
      ['/pages/applications/index', '#bottom-nav'],
      ['/pages/messages/index', '#bottom-nav'],
      ['/packages/apply/programme/index?id=tech-transfer', '.page'],
      ['/packages/apply/form/index?ruleId=tech-transfer', '#apply-submit'],
      ['/packages/org/verify/index', '.page'],
      ['/packages/org/bank/index', '.page'],
      ['/packages/vp/home/index', '.page'],
      ['/packages/selection/calls/index', '#calls-page'],
      ['/packages/needs/board/index', '#board-page'],
      ['/packages/needs/post/index', '#need-form-submit'],
      ...(takingCall
        ? ([
            [`/packages/selection/submission/index?callId=${takingCall.id}`, '#submission-submit'],
          ] as const)
        : []),
    ] as const) {
      await visit(page, route, ready);
      if (!(await noHorizontalOverflow(page))) overflowing.push(route);
    }
    expect(overflowing).toEqual([]);

    // And off again: back to the normal size, on a fresh load of the profile page. After nine
    // routes, the hash change from a sub-package page back to the tab sometimes left the profile
    // hidden in CI (30 s waiting for a visible switch; twice in eight runs), and a tab page can
    // be re-mounted under the click ("element was detached"); a reload at its address is neither.
    await page.goto(`${stack.h5Url}/#/pages/profile/index`);
    await page.reload();
    const largeText = page.locator('#profile-large-text').filter({ visible: true }).first();
    await largeText.waitFor();
    await largeText.click();
    await expect.poll(rootSize).toBeCloseTo(normal, 0);
    await context.close();
    // Thirteen full page loads at phone size: under CI's load eleven ran past the default 90 s.
  }, 240_000);

  it('a sub-page has a title bar whose 返回 goes back, or to its tab after a deep link', async () => {
    const firm = await registerFirm(stack, { name: '宿州归途物流科技有限公司' });
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await landedOnProgrammes(page);
    // Tab pages have the bottom bar, not a title bar.
    expect(await page.locator('#h5-title-bar').isVisible()).toBe(false);

    await page.locator('.programme').first().click();
    await page.waitForURL(/packages\/apply\/programme/);
    await expect.poll(() => page.locator('#h5-title-bar-title').textContent()).toBe('申兑指南');
    await page.getByRole('button', { name: '返回' }).click();
    await page.waitForURL(/pages\/programmes/);
    await page.locator('#programmes-page').waitFor({ state: 'visible' });

    // Opened straight from a link: nothing to go back to, so 返回 leads to the owning tab.
    const deep = await context.newPage();
    await deep.goto(`${stack.h5Url}/#/packages/org/bank/index`);
    await expect.poll(() => deep.locator('#h5-title-bar-title').textContent()).toBe('收款账户');
    await deep.getByRole('button', { name: '返回' }).click();
    await deep.waitForURL(/pages\/profile/);
    await context.close();
  });
});
