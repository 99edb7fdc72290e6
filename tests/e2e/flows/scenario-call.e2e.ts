import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn, toApproved } from '../support/admin-review';
import { officerApi } from '../support/api';
import type { FinanceOfficer } from '../support/award-path';
import { passNotice, payThroughApi, secondFinanceOfficer } from '../support/award-path';
import { desktopPage, launchBrowser, snap } from '../support/browser';
import { resetClock } from '../support/clock';
import { textOf } from '../support/mp-ui';
import type { Entry } from '../support/selection-path';
import {
  formallyChecked,
  noticeOver,
  openCall,
  publishedNeed,
  resultDocumentNo,
  reviewedByPanel,
  serverToday,
  submitEntry,
} from '../support/selection-path';
import {
  concludeWith,
  confirmInvitation,
  firmOnInvitation,
  invitationUnder,
  openResultList,
  proposeList,
  reviewerOnCall,
  rowOf,
  saveDecision,
  tickedCount,
} from '../support/selection-result';
import { stepsOfOneStory } from '../support/story';

/**
 * Issue 14, 四.1 end to end: a scenario-case call runs from a published scenario need to ten
 * selected cases and an award paid. Through the API, each step by the person who takes it: a
 * scenario need is posted and published; the bureau opens a case call (拟支持 10 项); twelve firms
 * submit their cases; the area officer and the bureau pass the formal check; a panel drawn from
 * the expert pool scores them, twelve different results. In the admin the bureau's reviewer reads
 * the ranking, finds the ranking's ten proposed within the quota, is refused an eleventh, saves
 * the ten and publishes the list; the notice runs its course (the test clock is moved); the
 * reviewer issues the result, which becomes the official 典型案例名单 of ten, each a 免申即享
 * invitation to the ¥200,000 award (exactly ten, ¥2,000,000, checked against that list). The
 * first-ranked firm's administrator confirms the invitation in the mini-program; the award is
 * approved, noticed and paid four-eyes (API, as other flows drive those screens), and the admin's
 * 免申即享 list shows it 已拨付, ¥200,000.00.
 *
 * The call is next year's (published in the last weeks of this one, as bureaus do): the demo's
 * first call of this year holds two of this year's ten places, and the flow shows all ten.
 */
const stack = inject('stack');

const FIELD = 'low-carbon-energy';
const AWARD = { ruleId: 'scenario-case', amountFen: 20_000_000n, areaOfficer: 'yongqiao' };

/** Twelve cases for ten places: [firm, case, 应用领域, site]. */
const CASES: [firm: string, caseName: string, domain: string, site: string][] = [
  [
    '宿州源网智控科技有限公司',
    '园区综合能源智慧管控平台',
    'new-infrastructure',
    '宿州经济技术开发区',
  ],
  ['宿州光储交通科技有限公司', '光储充一体化公交场站', 'industry', '埇桥区汴河路公交枢纽'],
  ['宿州氢运物流科技有限公司', '氢燃料电池冷链物流示范线路', 'industry', '宿州高新区至砀山县'],
  [
    '宿州暖城热力科技有限公司',
    '城区集中供热智慧调度系统',
    'city-management',
    '宿州市主城区供热管网',
  ],
  ['宿州阳光乡村能源有限公司', '户用光伏智能运维服务平台', 'livelihood', '埇桥区12个乡镇'],
  ['宿州余能环保科技有限公司', '工业园区余热梯级利用', 'industry', '宿州鞋服产业园'],
  ['宿州凉芯数据科技有限公司', '数据中心液冷节能改造', 'new-infrastructure', '宿州云计算产业园'],
  ['宿州康能建筑科技有限公司', '医院建筑能效智慧管理', 'livelihood', '宿州市立医院新院区'],
  ['宿州清源能源科技有限公司', '污水处理厂沼气发电并网', 'city-management', '宿州城南污水处理厂'],
  ['宿州驿电新能源有限公司', '高速服务区光储微电网', 'new-infrastructure', '泗许高速宿州服务区'],
  ['宿州冷运智能科技有限公司', '冷链仓储柔性用电调节', 'industry', '宿州农产品冷链物流园'],
  ['宿州换电安全科技有限公司', '社区电动车换电柜安全监测', 'livelihood', '埇桥区36个住宅小区'],
];

/** Every expert gives the case ranked i-th (from 0) 94 − 2i points: twelve different results. */
const totalOfRank = (i: number) => 94 - 2 * i;

const EVIDENCE = [
  ['case-summary', '场景案例申报书.pdf'],
  ['site-proof', '场景落地证明.pdf'],
  ['credit-commitment', '信用承诺书.pdf'],
] as const;

function entryOf([firm, caseName, domain, site]: (typeof CASES)[number], i: number): Entry {
  return {
    firmName: firm,
    title: caseName,
    form: {
      caseName,
      applicationDomain: domain,
      fieldCode: FIELD,
      site,
      summary: `${caseName}已在${site}稳定运行一年以上，年节约标准煤约${800 - 40 * i}吨，应用成效可量化、可复制推广。`,
    },
    evidence: EVIDENCE,
    // The first-ranked firm claims its award: the award is paid into its registered account.
    bankAccount: i === 0,
  };
}

interface Case {
  id: string;
  number: string;
  caseName: string;
  firm: { openid: string; name: string };
}

let browser: Browser;
let closeBrowser: () => Promise<void>;
let confirmer: FinanceOfficer;
/** What one step leaves for the next (the tests run in order, as one call's story). */
let call: { id: string; title: string; year: number };
/** In rank order: cases[0] ranks first. */
const cases: Case[] = [];
let documentNo = '';
let claimed: { id: string; number: string; year: number };

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  await resetClock(stack.apiUrl);
  confirmer = await secondFinanceOfficer(stack.apiUrl);
});
afterAll(async () => {
  await resetClock(stack.apiUrl);
  await closeBrowser?.();
});

describe('场景案例评选: from a scenario need to ten selected cases and an award paid', () => {
  stepsOfOneStory();

  it('a scenario need is published; twelve firms answer the case call, are checked and scored (API)', async () => {
    await publishedNeed(stack, '宿州城投智慧能源有限公司', {
      kind: 'scenario',
      title: '产业园区源网荷储一体化应用场景',
      applicationDomain: 'new-infrastructure',
      fieldCode: FIELD,
      problem:
        '园区企业用能分散、峰谷差大，需建设源网荷储协同的综合能源场景，开放给企业验证新技术。',
      site: '宿州经济技术开发区',
    });
    const today = await serverToday(stack.apiUrl);
    const year = Number(today.slice(0, 4)) + 1;
    const opened = await openCall(await officerApi(stack.apiUrl, 'reviewer'), today, {
      programme: 'scenario-case',
      year,
      title: `e2e ${year}年度市级重大应用场景典型案例评选`,
      guide:
        '依据实施方案四.1，征集已在我市落地运行、成效可量化的重大应用场景典型案例，经形式审查和专家评审，每年评选不超过10项，入选案例按政策给予奖励（免申即享）。',
      fieldCodes: [FIELD],
      quota: 10,
    });
    call = { id: opened.id, title: opened.title, year };
    // One after another: officers' logins hash passwords, and the server takes few at once.
    for (const [i, c] of CASES.entries()) {
      const { submission, firm } = await submitEntry(stack, call.id, entryOf(c, i));
      cases.push({ id: submission.id, number: submission.number, caseName: c[1], firm });
    }
    const ids = cases.map((c) => c.id);
    const bureau = await formallyChecked(stack.apiUrl, call.id, ids, today);
    await reviewedByPanel(stack, bureau, call.id, ids, (id) => totalOfRank(ids.indexOf(id)));
    const decided = await bureau.selection.calls.byId.query({ id: call.id });
    expect(decided.statusName).toBe('拟定结果中');
    expect(decided.submissionCounts).toEqual({ passed: 12 });
  }, 150_000);

  it('the reviewer reads the ranking, is refused an eleventh case over the quota, saves ten and publishes the list', async () => {
    const page = await reviewerOnCall(browser, stack, call.id);
    expect(await page.getByTestId('call-status').textContent()).toBe('拟定结果中');
    // 评审结果: twelve results, in rank order.
    for (const [i, c] of cases.entries()) {
      const row = rowOf(page, 'results-table', c.number);
      await expect.poll(() => row.getByTestId('result-rank').textContent()).toBe(String(i + 1));
      expect(await row.getByTestId('result-score').textContent()).toBe(`${totalOfRank(i)}.00`);
    }
    // 拟定结果: the quota and the plan's yearly ceiling, and the ranking's ten proposed.
    const limits = page.getByTestId('decision-limits');
    await expect.poll(() => limits.textContent()).toContain('拟支持 10 项');
    expect(await limits.textContent()).toContain('本年度上限 10 项，其他指南已拟定 0 项');
    expect(await page.getByTestId('decision-proposal').textContent()).toContain(
      '以下为按评审排名的建议名单',
    );
    expect(await tickedCount(page)).toBe(10);
    const totals = page.getByTestId('decision-totals');
    expect(await totals.textContent()).toContain('已选 10 项，合计 ¥2,000,000.00');
    for (const c of cases.slice(0, 10))
      expect(await rowOf(page, 'decision-table', c.number).textContent()).toContain('¥200,000.00');
    await page.getByTestId('decision-totals').scrollIntoViewIfNeeded();
    await snap(page, 'scenario-call-admin-proposal');

    // An eleventh is over the quota: the page says so, and the server refuses it.
    const eleventh = rowOf(page, 'decision-table', cases[10]?.number ?? '');
    await eleventh.getByTestId('decision-select').click();
    await expect.poll(() => tickedCount(page)).toBe(11);
    const over = page.getByTestId('decision-over-limit');
    await expect.poll(() => over.allTextContents()).toContain('本指南拟支持10项，现选了11项');
    expect(await totals.textContent()).toContain('已选 11 项，合计 ¥2,200,000.00');
    await page.getByTestId('decision-save').click();
    await expect
      .poll(() => page.getByTestId('decision-error').textContent())
      .toContain('本指南拟支持10项，现选了11项');
    expect(await page.getByTestId('decision-saved').count()).toBe(0);
    await snap(page, 'scenario-call-admin-over-quota');

    // Left out again, the ten are saved.
    await eleventh.getByTestId('decision-select').click();
    await expect.poll(() => tickedCount(page)).toBe(10);
    expect(await over.count()).toBe(0);
    await saveDecision(page);
    expect(await totals.textContent()).toContain('已选 10 项，合计 ¥2,000,000.00');

    await proposeList(page);
    await expect
      .poll(() => page.getByTestId('decision-totals').textContent())
      .toContain('拟入选 10 项，合计 ¥2,000,000.00');
    expect(await page.getByTestId('decision-notice').textContent()).toContain('公示中');
    await page.context().close();
  });

  it('the notice over, the reviewer issues the result: the official list of ten, ten invitations of ¥200,000', async () => {
    const issuedOn = await noticeOver(stack.apiUrl, call.id);
    documentNo = resultDocumentNo(issuedOn);
    const page = await reviewerOnCall(browser, stack, call.id);
    await concludeWith(page, documentNo);
    const totals = page.getByTestId('decision-totals');
    await expect.poll(() => totals.textContent()).toContain('入选 10 项，合计 ¥2,000,000.00');
    for (const [i, c] of cases.entries()) {
      const row = (await rowOf(page, 'decision-table', c.number).textContent()) ?? '';
      if (i < 10) {
        expect(row).toContain('入选');
        expect(row).toContain('¥200,000.00');
      } else expect(row).toContain('未入选');
    }
    await page.getByTestId('decision-totals').scrollIntoViewIfNeeded();
    await snap(page, 'scenario-call-admin-concluded');

    const listed = await openResultList(page, `${call.year}年市级重大应用场景典型案例名单`);
    expect(listed.toSorted()).toEqual(
      cases
        .slice(0, 10)
        .map((c) => c.firm.name)
        .toSorted(),
    );
    await snap(page, 'scenario-call-admin-result-list');
    await page.context().close();

    // Exactly the ten on that list are invited, each to ¥200,000: ¥2,000,000 in all.
    const invitations = await Promise.all(
      cases.map((c) => invitationUnder(stack, c.firm.openid, documentNo)),
    );
    expect(invitations.slice(10)).toEqual([null, null]);
    const amounts = invitations.slice(0, 10).map((i) => i?.amountFen);
    expect(amounts).toEqual(Array.from({ length: 10 }, () => AWARD.amountFen));
    expect(amounts.reduce((sum, a) => (sum ?? 0n) + (a ?? 0n), 0n)).toBe(200_000_000n);
  });

  it('the first-ranked firm’s administrator confirms its invitation in the mini-program', async () => {
    const [first] = cases;
    if (!first) throw new Error('no cases');
    const invitation = await invitationUnder(stack, first.firm.openid, documentNo);
    if (!invitation) throw new Error(`${first.firm.name} has no invitation`);
    const { context, page } = await firmOnInvitation(
      browser,
      stack,
      first.firm.openid,
      invitation.id,
    );
    expect(await textOf(page, '#invitation-amount')).toContain('可申领 ¥200,000.00');
    const inputs = await textOf(page, '#invitation-inputs');
    expect(inputs).toContain(first.caseName);
    expect(inputs).toContain(documentNo);
    // What the case's submission carried is not uploaded again.
    expect(await textOf(page, '#invitation-evidence')).toContain(`评选申报 ${first.number}`);
    await snap(page, 'scenario-call-mp-invitation');
    const id = await confirmInvitation(page);
    expect(await textOf(page, '#detail-amount')).toContain('¥200,000.00');
    await context.close();

    const app = await (await officerApi(stack.apiUrl, 'reviewer')).review.byId.query({ id });
    claimed = { id, number: app.number, year: app.year };
  });

  it('approved, noticed and paid: the admin’s 免申即享 list shows it 已拨付, ¥200,000.00', async () => {
    await toApproved(stack.apiUrl, claimed, AWARD);
    await passNotice(stack.apiUrl, [claimed.id], `e2e 场景案例奖励公示 ${claimed.number}`);
    await payThroughApi(stack.apiUrl, [claimed.id], confirmer, `E2E-CASE-${claimed.number}`);

    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'reviewer', '/official-lists/exemptions?stage=paid');
    const row = page
      .getByTestId('exemption-table')
      .locator('tr', { hasText: cases[0]?.firm.name ?? '' });
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(claimed.number);
    expect(text).toContain('已拨付');
    expect(text).toContain('¥200,000.00');
    expect(text).toContain(documentNo);
    expect(text).toContain('市级重大应用场景典型案例奖励');
    await snap(page, 'scenario-call-admin-paid');
    await context.close();
  });
});
