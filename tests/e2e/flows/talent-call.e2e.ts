import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../support/admin-review';
import { applicantApi, officerApi } from '../support/api';
import { desktopPage, launchBrowser, snap } from '../support/browser';
import { resetClock } from '../support/clock';
import { textOf } from '../support/mp-ui';
import type { Entry } from '../support/selection-path';
import {
  confirmTeamParts,
  formallyChecked,
  noticeOver,
  openCall,
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
 * Issue 14, 四.5 end to end: a talent-team selection ends with one team in each category. Through
 * the API, each step by the person who takes it: the bureau opens a talent-team call with a
 * budget of ¥6,000,000; four firms submit teams with 宿州创新理工学院 as partner, whose
 * administrator confirms each part (合作确认); the formal check passes them; a drawn panel scores
 * them so that the results fall in the A, B and C bands of the selection settings (≥ 90, ≥ 80,
 * ≥ 70) and one below. In the admin the bureau's reviewer reads the ranking with each team's
 * category, finds one team proposed in each category (¥3,000,000 + ¥2,000,000 + ¥1,000,000 =
 * the budget), saves it and publishes the list; the notice runs its course (the test clock is
 * moved); the reviewer issues the result, the official 人才团队名单 with the three categories.
 * Team A's administrator sees ¥3,000,000.00 on its 免申即享 invitation in the mini-program and
 * confirms it; B and C confirm theirs (API); the admin's 免申即享 list shows the three
 * applications at ¥3,000,000.00, ¥2,000,000.00 and ¥1,000,000.00.
 */
const stack = inject('stack');

const FIELD = 'low-carbon-energy';
const PARTNER = { openid: 'demo-openid-university-1', name: '宿州创新理工学院' };
const WAN = 1_000_000n; // 1万元 in fen

interface TeamSpec {
  firm: string;
  team: string;
  leader: string;
  /** every expert's total: the result, and the band it falls in */
  total: number;
  band: 'A' | 'B' | 'C' | null;
  amountFen: bigint | null;
}

const TEAMS: TeamSpec[] = [
  {
    firm: '宿州氢擎动力科技有限公司',
    team: '氢燃料电池电堆创新团队',
    leader: '赵启明',
    total: 92,
    band: 'A',
    amountFen: 300n * WAN,
  },
  {
    firm: '宿州储安能源科技有限公司',
    team: '储能电池热安全技术团队',
    leader: '钱晓雯',
    total: 84,
    band: 'B',
    amountFen: 200n * WAN,
  },
  {
    firm: '宿州光循新材料有限公司',
    team: '光伏组件回收再利用团队',
    leader: '孙志远',
    total: 75,
    band: 'C',
    amountFen: 100n * WAN,
  },
  {
    firm: '宿州微网智控科技有限公司',
    team: '园区微电网协同控制团队',
    leader: '李文博',
    total: 62,
    band: null,
    amountFen: null,
  },
];

const EVIDENCE = [
  ['team-proposal', '团队申报书.pdf'],
  ['team-agreement', '团队与依托单位合作协议.pdf'],
  ['credit-commitment', '信用承诺书.pdf'],
] as const;

function entryOf(t: TeamSpec, i: number): Entry {
  return {
    firmName: t.firm,
    title: t.team,
    form: {
      teamName: t.team,
      leaderName: t.leader,
      fieldCode: FIELD,
      memberCount: 12 - i * 2,
      achievements: `${t.team}近五年承担省部级科研项目${6 - i}项，授权发明专利${14 - 3 * i}件，成果已在本地企业示范应用。`,
      plan: `依托本单位建设${t.team.replace(/团队$/, '')}中试平台，三年内实现成果转化并培养青年骨干不少于${8 - i}名。`,
    },
    evidence: EVIDENCE,
    team: [{ unitName: PARTNER.name, personName: '陈思雨', part: '关键材料表征与测试验证' }],
    bankAccount: t.band !== null,
  };
}

interface Team extends TeamSpec {
  id: string;
  number: string;
  openid: string;
  firmName: string;
}

let browser: Browser;
let closeBrowser: () => Promise<void>;
let call: { id: string; year: number };
/** In rank order, as TEAMS. */
const teams: Team[] = [];
let documentNo = '';

const yuanText = (fen: bigint) => `¥${(fen / 100n).toLocaleString('en-US')}.00`;
const bandText = (band: TeamSpec['band']) => (band ? `${band}类` : '未达档');

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  await resetClock(stack.apiUrl);
});
afterAll(async () => {
  await resetClock(stack.apiUrl);
  await closeBrowser?.();
});

describe('人才团队遴选: one team in each of the categories A, B and C', () => {
  stepsOfOneStory();

  it('four teams are submitted, their partner confirms, the formal check passes them and a panel scores them (API)', async () => {
    const today = await serverToday(stack.apiUrl);
    const year = Number(today.slice(0, 4));
    const opened = await openCall(await officerApi(stack.apiUrl, 'reviewer'), today, {
      programme: 'talent-team',
      year,
      title: `e2e ${year}年度市级高层次科技人才团队遴选`,
      guide:
        '依据实施方案四.5，遴选高层次科技人才团队，经专家评审按程序分为A、B、C三类，分别给予300万元、200万元、100万元资金支持。',
      fieldCodes: [FIELD],
      budgetFen: 600n * WAN,
    });
    call = { id: opened.id, year };
    for (const [i, t] of TEAMS.entries()) {
      const { submission, firm } = await submitEntry(stack, call.id, entryOf(t, i));
      teams.push({
        ...t,
        id: submission.id,
        number: submission.number,
        openid: firm.openid,
        firmName: firm.name,
      });
    }
    await confirmTeamParts(
      stack,
      PARTNER.openid,
      teams.map((t) => t.number),
    );
    const ids = teams.map((t) => t.id);
    const bureau = await formallyChecked(stack.apiUrl, call.id, ids, today);
    const totalOf = new Map(teams.map((t) => [t.id, t.total]));
    await reviewedByPanel(stack, bureau, call.id, ids, (id) => totalOf.get(id) ?? 0);
    const checked = await bureau.selection.calls.submissions.query({ id: call.id });
    expect(checked.every((s) => s.team.every((m) => m.confirmed))).toBe(true);
  }, 120_000);

  it('the reviewer reads each team’s category in the ranking and saves one team in each', async () => {
    const page = await reviewerOnCall(browser, stack, call.id);
    expect(await page.getByTestId('call-status').textContent()).toBe('拟定结果中');
    for (const [i, t] of teams.entries()) {
      const row = rowOf(page, 'results-table', t.number);
      await expect.poll(() => row.getByTestId('result-rank').textContent()).toBe(String(i + 1));
      expect(await row.getByTestId('result-score').textContent()).toBe(`${t.total}.00`);
      expect(await row.getByTestId('result-talent').textContent()).toBe(bandText(t.band));
    }
    const limits = page.getByTestId('decision-limits');
    await expect.poll(() => limits.textContent()).toContain('拟支持数量不限');
    expect(await limits.textContent()).toContain('预算 ¥6,000,000.00');
    // The ranking's proposal: each team in a band, at its band's category and amount.
    expect(await tickedCount(page)).toBe(3);
    for (const t of teams) {
      const row = rowOf(page, 'decision-table', t.number);
      expect((await row.getByTestId('decision-band').textContent())?.trim()).toBe(
        `评审结果：${bandText(t.band)}`,
      );
      if (t.amountFen !== null)
        expect(await row.getByTestId('decision-cost').textContent()).toContain(
          yuanText(t.amountFen),
        );
      else expect(await row.getByTestId('decision-category').count()).toBe(0);
    }
    expect(await page.getByTestId('decision-totals').textContent()).toContain(
      '已选 3 项，合计 ¥6,000,000.00',
    );
    await page.getByTestId('decision-totals').scrollIntoViewIfNeeded();
    await snap(page, 'talent-call-admin-proposal');
    await saveDecision(page);
    await proposeList(page);
    await expect
      .poll(() => page.getByTestId('decision-totals').textContent())
      .toContain('拟入选 3 项，合计 ¥6,000,000.00');
    await page.context().close();
  });

  it('the notice over, the reviewer issues the result: the official list names the categories A, B and C', async () => {
    const issuedOn = await noticeOver(stack.apiUrl, call.id);
    documentNo = resultDocumentNo(issuedOn);
    const page = await reviewerOnCall(browser, stack, call.id);
    await concludeWith(page, documentNo);
    await expect
      .poll(() => page.getByTestId('decision-totals').textContent())
      .toContain('入选 3 项，合计 ¥6,000,000.00');
    for (const t of teams) {
      const row = (await rowOf(page, 'decision-table', t.number).textContent()) ?? '';
      if (t.band && t.amountFen) {
        expect(row).toContain(`${t.band}类`);
        expect(row).toContain(yuanText(t.amountFen));
      } else expect(row).toContain('未入选');
    }
    await page.getByTestId('decision-totals').scrollIntoViewIfNeeded();
    await snap(page, 'talent-call-admin-concluded');

    const selected = teams.filter((t) => t.band !== null);
    const listed = await openResultList(page, `${call.year}年市级高层次科技人才团队名单`);
    expect([...listed].sort()).toEqual(selected.map((t) => t.firmName).sort());
    // Each row opened: the team, its category, the host.
    const rows = page.getByTestId('list-rows');
    for (const icon of await rows.locator('.el-table__expand-icon').all()) await icon.click();
    const cells = rows.locator('.el-table__expanded-cell');
    await expect.poll(() => cells.count()).toBe(3);
    const opened = await cells.allTextContents();
    for (const t of selected) {
      const cell = opened.find((c) => c.includes(t.team)) ?? '';
      expect(cell).toContain(`团队类别${t.band}类`);
      expect(cell).toContain(t.firmName);
      expect(cell).toContain(t.leader);
    }
    await snap(page, 'talent-call-admin-result-list');
    await page.context().close();

    // The invitations: each category's amount, none for the team below C.
    const amounts = await Promise.all(
      teams.map(
        async (t) => (await invitationUnder(stack, t.openid, documentNo))?.amountFen ?? null,
      ),
    );
    expect(amounts).toEqual(teams.map((t) => t.amountFen));
  });

  it('team A’s administrator confirms ¥3,000,000.00 in the mini-program; the admin lists the three claims by category', async () => {
    const [a, ...others] = teams.filter((t) => t.band !== null);
    if (!a) throw new Error('no team A');
    const invitation = await invitationUnder(stack, a.openid, documentNo);
    if (!invitation) throw new Error(`${a.firmName} has no invitation`);
    const { context, page } = await firmOnInvitation(browser, stack, a.openid, invitation.id);
    expect(await textOf(page, '#invitation-amount')).toContain('可申领 ¥3,000,000.00');
    const inputs = await textOf(page, '#invitation-inputs');
    expect(inputs).toContain(a.team);
    expect(inputs).toContain('A类');
    expect(inputs).toContain(documentNo);
    await snap(page, 'talent-call-mp-invitation');
    await confirmInvitation(page);
    expect(await textOf(page, '#detail-amount')).toContain('¥3,000,000.00');
    await context.close();

    // B and C confirm theirs as their administrators would.
    for (const t of others) {
      const firm = await applicantApi(stack, t.openid);
      const waiting = await invitationUnder(stack, t.openid, documentNo);
      if (!waiting) throw new Error(`${t.firmName} has no invitation`);
      await firm.myOrg.invitations.confirm.mutate({ invitationId: waiting.id, commitment: true });
    }

    const admin = await desktopPage(browser);
    await signIn(
      admin.page,
      stack.adminUrl,
      'reviewer',
      '/official-lists/exemptions?stage=confirmed',
    );
    const table = admin.page.getByTestId('exemption-table');
    for (const t of [a, ...others]) {
      const row = table.locator('tr', { hasText: t.firmName });
      await expect.poll(() => row.count()).toBe(1);
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('市级高层次科技人才团队资金支持');
      expect(text).toContain(documentNo);
      expect(text).toContain(yuanText(t.amountFen ?? 0n));
    }
    await snap(admin.page, 'talent-call-admin-claims');
    await admin.context.close();
  });
});
