import type { DecisionCandidate, DecisionChoice, TalentCategory } from '@kc/domain';
import { planDecision } from '@kc/domain';
import type { VueWrapper } from '@vue/test-utils';
import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Officer } from '../src/store/auth';
import type { Draft } from '../src/views/selection-calls/decision-draft';
import { departuresOf, reviewDraft } from '../src/views/selection-calls/decision-draft';
import type { Decision, DecisionRow } from '../src/views/selection-calls/decision-queries';
import CallDetail from '../src/views/selection-calls/detail.vue';
import type { SelectionCall } from '../src/views/selection-calls/queries';
import { apiError, officers } from './helpers';
import { more, mountAs } from './mount';

const api = vi.hoisted(() => ({
  byId: vi.fn(),
  submissions: vi.fn(),
  advance: vi.fn(),
  ofCall: vi.fn(),
  results: vi.fn(),
  get: vi.fn(),
  save: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    // No version adopted: the code's versions decide (quota ceilings, award amounts).
    policyVersions: { catalogue: { query: async () => ({ amendments: [] }) } },
    selection: {
      calls: {
        byId: { query: api.byId },
        submissions: { query: api.submissions },
        advance: { mutate: api.advance },
      },
      panels: { ofCall: { query: api.ofCall }, results: { query: api.results } },
      decision: { get: { query: api.get }, save: { mutate: api.save } },
    },
  },
}));
vi.mock('../src/utils/confirm', () => ({ confirmAction: vi.fn().mockResolvedValue(true) }));

const CALL_ID = '7a1c2e30-0000-4000-8000-000000000014';
const NOTICE_ID = '7a1c2e30-0000-4000-8000-0000000000c1';
const sub = (n: number) => `7a1c2e30-0000-4000-8000-0000000000a${n}`;
const num = (n: number) => `SZKC-SB-2027-000${n}`;
const silent = { context: { silent: true } };

function call(over: Partial<SelectionCall> = {}): SelectionCall {
  return {
    id: CALL_ID,
    number: 'SZKC-ZN-2027-01',
    programme: 'scenario-case',
    programmeName: '市级重大应用场景典型案例评选',
    clause: '四.1',
    year: 2027,
    title: '2027年度市级重大应用场景典型案例评选',
    guide: '面向未来产业五大方向，征集已落地运行、成效明显的应用场景典型案例。',
    fieldCodes: [],
    fieldNames: [],
    applyFrom: '2027-03-01',
    applyUntil: '2001-03-31',
    quota: 2,
    rubric: null,
    status: 'deciding',
    statusName: '拟定结果中',
    publishedAt: new Date('2027-03-01T02:00:00Z'),
    version: 7,
    budgetFen: null,
    settingsVersion: 'selection-2026-01',
    decidedAt: null,
    decidedTotalFen: null,
    notice: null,
    actions: [{ code: 'propose', name: '拟定名单并公示' }],
    submissionCounts: { passed: 4 },
    ...over,
  } as SelectionCall;
}

function row(n: number, rank: number | null, over: Partial<DecisionRow> = {}): DecisionRow {
  return {
    submissionId: sub(n),
    number: num(n),
    title: `应用场景${n}`,
    organisationName: `宿州申报单位${n}`,
    rank,
    rankReason: rank === null ? '有效评分不足，暂不排名' : `结果${95 - rank * 5}.00分`,
    resultText: rank === null ? null : `${95 - rank * 5}.00`,
    flagName: rank === null ? '有效评分不足' : null,
    band: null,
    requestedFen: null,
    costFen: 20_000_000n,
    selected: false,
    category: null,
    departures: [],
    reason: null,
    ...over,
  };
}

/** The ranking's proposal for a quota of 2: the first two; the fourth has no result. */
function decision(over: Partial<Decision> = {}): Decision {
  const rows = [
    row(1, 1, { selected: true }),
    row(2, 2, { selected: true }),
    row(3, 3),
    row(4, null),
  ];
  return {
    callId: CALL_ID,
    status: 'deciding',
    version: 7,
    decidedAt: null,
    quota: 2,
    yearly: { limit: 10, heldElsewhere: 3 },
    budgetFen: null,
    categorised: false,
    rows,
    selectedCount: 2,
    totalFen: 40_000_000n,
    ...over,
  } as Decision;
}

/** A talent-team call's rows: A, B and C bands proposed at their band, the fourth below C. */
function talentDecision(): Decision {
  const costs = { A: 300_000_000n, B: 200_000_000n, C: 100_000_000n };
  const bands: (TalentCategory | null)[] = ['A', 'B', 'C', null];
  const rows = bands.map((band, i) =>
    row(i + 1, i + 1, {
      title: `人才团队${i + 1}`,
      band,
      selected: band !== null,
      category: band,
      costFen: band ? costs[band] : 0n,
    }),
  );
  return decision({
    quota: null,
    yearly: null,
    budgetFen: 700_000_000n,
    categorised: true,
    rows,
    selectedCount: 3,
    totalFen: 600_000_000n,
  });
}

const inBody = (testId: string) =>
  document.body.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const textOf = (testId: string) => inBody(testId)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settle = async () => {
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 150));
  await flushPromises();
};
/** The decision table's body rows, in the order shown (by rank). */
const rows = () =>
  [...(inBody('decision-table')?.querySelectorAll('.el-table__body tr') ?? [])] as HTMLElement[];
/** The row whose 申报编号 cell is that submission's (others may name it in their departures). */
const rowOf = (n: number) => {
  const found = rows().find((r) =>
    [...r.querySelectorAll('td')].some((td) => td.textContent?.trim() === num(n)),
  );
  if (!found) throw new Error(`no row ${num(n)}`);
  return found;
};
const inRow = (n: number, testId: string) =>
  rowOf(n).querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const rowText = (n: number, testId: string) =>
  inRow(n, testId)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const click = async (el: HTMLElement | null | undefined, what = 'element') => {
  if (!el) throw new Error(`no ${what}`);
  el.click();
  await settle();
};
async function tick(n: number) {
  await click(inRow(n, 'decision-select')?.querySelector('input'), `checkbox of ${num(n)}`);
}
function reasonInput(n: number) {
  const el = inRow(n, 'decision-reason');
  return (
    el?.matches('textarea') ? el : el?.querySelector('textarea')
  ) as HTMLTextAreaElement | null;
}
async function reason(n: number, value: string) {
  const input = reasonInput(n);
  if (!input) throw new Error(`no reason input for ${num(n)}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}
async function category(wrapper: VueWrapper, n: number, value: TalentCategory) {
  const target = rowOf(n);
  const select = wrapper
    .findAllComponents({ name: 'ElSelect' })
    .find((c) => target.contains(c.element as Node));
  if (!select) throw new Error(`no category of ${num(n)}`);
  select.vm.$emit('update:modelValue', value);
  await flushPromises();
}
function refusal(appCode: string, message: string, fieldErrors?: Record<string, string[]>) {
  const e = apiError(appCode, message);
  if (fieldErrors) (e.data as Record<string, unknown>).fieldErrors = fieldErrors;
  return e;
}

async function openCall(officer: Officer, shown: SelectionCall, decided: Decision) {
  api.byId.mockResolvedValue(shown);
  api.submissions.mockResolvedValue([]);
  api.ofCall.mockResolvedValue([]);
  api.get.mockResolvedValue(decided);
  const mounted = await mountAs(officer, CallDetail, { path: `/selection/calls/${CALL_ID}` });
  await settle();
  return mounted;
}

beforeEach(() => {
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
});

describe('拟定结果: deciding', () => {
  it('starts from the ranking’s proposal, in rank order, with the limits and the totals', async () => {
    const { wrapper } = await openCall(officers.admin, call(), decision());
    expect(api.get).toHaveBeenCalledWith({ callId: CALL_ID });
    expect(textOf('decision-proposal')).toBe('以下为按评审排名的建议名单，保存后生效');
    expect(inBody('decision-saved')).toBeNull();
    const limits = textOf('decision-limits');
    expect(limits).toContain('拟支持 2 项');
    expect(limits).toContain('本年度上限 10 项，其他指南已拟定 3 项');
    expect(limits).toContain('未设资金预算');
    expect(textOf('decision-totals')).toBe('已选 2 项，合计 ¥400,000.00');
    expect(
      rows().map((r) => r.querySelector('[data-testid="decision-rank"]')?.textContent),
    ).toEqual(['1', '2', '3', '—']);
    // Proposed as ranked: no departure, no reason asked.
    expect(inBody('decision-needs-reason')).toBeNull();
    expect(inBody('decision-reason')).toBeNull();
    // A submission without a result cannot be chosen.
    expect(inRow(4, 'decision-select')?.querySelector('input')?.disabled).toBe(true);
    expect(inRow(1, 'decision-cost')?.textContent).toBe('¥200,000.00');
    for (const raw of ['deciding', sub(1), 'null', 'undefined'])
      expect(textOf('decision')).not.toContain(raw);
    wrapper.unmount();
  });

  it('marks departures from the ranking as they are made, and asks their reasons before sending', async () => {
    const { wrapper } = await openCall(officers.admin, call(), decision());
    await tick(2); // left out while ranked above one chosen …
    await tick(3); // … and the third chosen below it
    expect(rowText(2, 'decision-needs-reason')).toBe('须写明理由');
    expect(rowText(2, 'decision-departures')).toBe(`排名第2，未入选，而排名第3的${num(3)}入选`);
    expect(rowText(3, 'decision-needs-reason')).toBe('须写明理由');
    expect(rowText(3, 'decision-departures')).toBe(`排名第3，入选，而排名第2的${num(2)}未入选`);
    expect(inRow(1, 'decision-needs-reason')).toBeNull();
    expect(inRow(4, 'decision-needs-reason')).toBeNull();
    expect(textOf('decision-totals')).toContain('已选 2 项，合计 ¥400,000.00');
    expect(inBody('decision-dirty')).not.toBeNull();

    await click(inBody('decision-save'), 'save');
    expect(api.save).not.toHaveBeenCalled();
    expect(textOf('decision-error')).toBe('未按评审排名确定的，须逐项写明理由（2项）');
    expect(rowText(2, 'decision-row-error')).toBe(
      `${num(2)}：排名第2，未入选，而排名第3的${num(3)}入选，须写明理由`,
    );

    // Ticking the second back in makes three: over the call's quota, said before saving.
    await tick(2);
    expect(inBody('decision-needs-reason')).toBeNull();
    expect(textOf('decision-over-limit')).toBe('本指南拟支持2项，现选了3项');
    expect(textOf('decision-totals')).toContain('已选 3 项，合计 ¥600,000.00');
    await tick(2);
    expect(inBody('decision-over-limit')).toBeNull();
    wrapper.unmount();
  }, 20_000);

  it('sends every row’s choice with the reasons trimmed, on the version shown, and shows when it was saved', async () => {
    const saved = decision({
      version: 8,
      decidedAt: new Date('2027-04-02T06:30:00Z'),
      rows: [
        row(1, 1, { selected: true }),
        row(2, 2, { reason: '公示前核实，该场景已停止运行', departures: ['…'] }),
        row(3, 3, { selected: true, reason: '依次递补', departures: ['…'] }),
        row(4, null),
      ],
    });
    api.save.mockResolvedValue(saved);
    const { wrapper } = await openCall(officers.admin, call(), decision());
    await tick(2);
    await tick(3);
    await reason(2, '  公示前核实，该场景已停止运行 ');
    expect(inRow(2, 'decision-row-error')).toBeNull();
    await reason(3, '依次递补\n');
    api.get.mockResolvedValue(saved);
    api.byId.mockResolvedValue(call({ version: 8, decidedAt: saved.decidedAt }));
    await click(inBody('decision-save'), 'save');
    expect(api.save).toHaveBeenCalledWith(
      {
        callId: CALL_ID,
        expectedVersion: 7,
        choices: [
          { id: sub(1), selected: true },
          { id: sub(2), selected: false, reason: '公示前核实，该场景已停止运行' },
          { id: sub(3), selected: true, reason: '依次递补' },
          { id: sub(4), selected: false },
        ],
      },
      silent,
    );
    expect(inBody('decision-error')).toBeNull();
    expect(textOf('decision-saved')).toBe('已于 2027-04-02 14:30 保存');
    expect(inBody('decision-proposal')).toBeNull();
    expect(inBody('decision-dirty')).toBeNull();
    // The saved reasons stay on their rows.
    expect(reasonInput(3)?.value).toBe('依次递补');
    expect(reasonInput(2)?.value).toBe('公示前核实，该场景已停止运行');
    // The call (its version) is read again for the next step.
    expect(api.byId.mock.calls.length).toBeGreaterThan(1);
    wrapper.unmount();
  }, 20_000);

  it('decides a talent team’s category, the band by default, and prices it by the category', async () => {
    api.save.mockResolvedValue(talentDecision());
    const { wrapper } = await openCall(
      more.reviewer,
      call({ programme: 'talent-team', programmeName: '市级高层次科技人才团队遴选' }),
      talentDecision(),
    );
    expect(wrapper.findAll('[data-testid="decision-table"] th').map((th) => th.text())).toContain(
      '按类别的奖补金额',
    );
    expect(textOf('decision-totals')).toBe('已选 3 项，合计 ¥6,000,000.00');
    expect(rowText(3, 'decision-band')).toBe('评审结果：C类');
    expect(rowText(4, 'decision-band')).toBe('评审结果：未达档');
    expect(inRow(4, 'decision-category')).toBeNull();

    await category(wrapper, 3, 'B');
    expect(rowText(3, 'decision-departures')).toBe('评审结果对应C类，拟定为B类');
    expect(rowText(3, 'decision-needs-reason')).toBe('须写明理由');
    // At B, the team commits B's amount (四.5, the policy in force), not C's ¥1,000,000.00.
    expect(rowText(3, 'decision-cost')).toBe('¥2,000,000.00');
    expect(textOf('decision-totals')).toBe('已选 3 项，合计 ¥7,000,000.00');

    // A team below the C line taken in must be given a category.
    await tick(4);
    await click(inBody('decision-save'), 'save');
    expect(api.save).not.toHaveBeenCalled();
    expect(rowText(4, 'decision-row-error')).toBe(`请为${num(4)}确定团队类别`);
    await category(wrapper, 4, 'C');
    expect(rowText(4, 'decision-departures')).toBe('评审结果低于C类分数线，拟定为C类');
    await reason(3, ' 团队新引进院士一名 ');
    await reason(4, '填补低碳能源方向空白');
    // Over the budget now (¥8,000,000.00 against ¥7,000,000.00): said, but the server decides.
    expect(textOf('decision-over-limit')).toBe(
      '入选项目所需资金合计¥8,000,000.00，超过本指南预算¥7,000,000.00',
    );
    await click(inBody('decision-save'), 'save');
    expect(api.save).toHaveBeenCalledWith(
      {
        callId: CALL_ID,
        expectedVersion: 7,
        choices: [
          { id: sub(1), selected: true, category: 'A' },
          { id: sub(2), selected: true, category: 'B' },
          { id: sub(3), selected: true, category: 'B', reason: '团队新引进院士一名' },
          { id: sub(4), selected: true, category: 'C', reason: '填补低碳能源方向空白' },
        ],
      },
      silent,
    );
    wrapper.unmount();
  }, 20_000);

  it('sends a team left out without a category, and no reason where the ranking is kept', async () => {
    api.save.mockResolvedValue(talentDecision());
    const { wrapper } = await openCall(
      officers.admin,
      call({ programme: 'talent-team' }),
      talentDecision(),
    );
    // The last of the chosen left out: nothing chosen below it, no departure.
    await tick(3);
    expect(inBody('decision-needs-reason')).toBeNull();
    expect(textOf('decision-totals')).toBe('已选 2 项，合计 ¥5,000,000.00');
    await click(inBody('decision-save'), 'save');
    expect(api.save.mock.calls[0]?.[0].choices).toEqual([
      { id: sub(1), selected: true, category: 'A' },
      { id: sub(2), selected: true, category: 'B' },
      { id: sub(3), selected: false, category: null },
      { id: sub(4), selected: false, category: null },
    ]);
    wrapper.unmount();
  }, 20_000);
});

describe('拟定结果: the server’s refusals', () => {
  it('shows each row’s message beside the row', async () => {
    api.save.mockRejectedValue(
      refusal('DEPARTURE_REASON_REQUIRED', '未按评审排名确定的，须逐项写明理由（1项）', {
        [`choices.${sub(2)}`]: [`${num(2)}：排名第2，未入选，而排名第2的${num(1)}入选，须写明理由`],
      }),
    );
    const { wrapper } = await openCall(officers.admin, call(), decision());
    await click(inBody('decision-save'), 'save');
    expect(api.save).toHaveBeenCalledTimes(1);
    expect(rowText(2, 'decision-row-error')).toBe(
      `${num(2)}：排名第2，未入选，而排名第2的${num(1)}入选，须写明理由`,
    );
    expect(inRow(1, 'decision-row-error')).toBeNull();
    expect(textOf('decision-error')).toBe('未按评审排名确定的，须逐项写明理由（1项）');
    expect(textOf('decision')).not.toContain('DEPARTURE_REASON_REQUIRED');
    expect(textOf('decision')).not.toContain('choices.');
    // Changing the row clears its message.
    await tick(2);
    expect(inRow(2, 'decision-row-error')).toBeNull();
    wrapper.unmount();
  }, 20_000);

  it.each([
    ['OVER_BUDGET', '入选项目所需资金合计¥5,000,000.01，超过本指南预算¥5,000,000.00'],
    ['QUOTA_EXCEEDED', '每年不超过10项，本年度其他指南已拟定入选9项，本指南最多还能选1项'],
  ])('shows %s above the button, in the server’s words', async (code, message) => {
    api.save.mockRejectedValue(refusal(code, message));
    const { wrapper } = await openCall(officers.admin, call(), decision());
    await click(inBody('decision-save'), 'save');
    const error = inBody('decision-error');
    expect(error?.textContent).toContain(message);
    expect(error?.textContent).not.toContain(code);
    expect(error?.textContent).not.toContain('已重新载入');
    // Right above the button.
    expect(
      error?.nextElementSibling?.querySelector('[data-testid="decision-save"]'),
    ).not.toBeNull();
    expect(inBody('decision-row-error')).toBeNull();
    wrapper.unmount();
  });

  it('on a stale version says so and reads the decision again', async () => {
    api.save.mockRejectedValue(refusal('STALE_VERSION', '该申报指南刚被他人更新，请刷新后再试'));
    const { wrapper } = await openCall(officers.admin, call(), decision());
    const fresh = decision({
      version: 9,
      decidedAt: new Date('2027-04-02T07:00:00Z'),
      rows: decision().rows.map((r) => ({ ...r, selected: r.rank === 1 })),
    });
    api.get.mockResolvedValue(fresh);
    const reads = api.get.mock.calls.length;
    await click(inBody('decision-save'), 'save');
    const error = textOf('decision-error');
    expect(error).toContain('该申报指南刚被他人更新，请刷新后再试');
    expect(error).toContain('已重新载入最新的拟定结果，请核对后再保存');
    expect(api.get.mock.calls.length).toBeGreaterThan(reads);
    // The choices shown are the colleague's.
    await vi.waitFor(() => expect(textOf('decision-totals')).toContain('已选 1 项'));
    expect(textOf('decision-saved')).toBe('已于 2027-04-02 15:00 保存');
    wrapper.unmount();
  });
});

describe('拟定结果: after the notice', () => {
  const decided = () =>
    decision({
      status: 'notice',
      version: 9,
      decidedAt: new Date('2027-04-02T06:30:00Z'),
      rows: [
        row(1, 1, { selected: true }),
        row(2, 2, {
          departures: [`排名第2，未入选，而排名第3的${num(3)}入选`],
          reason: '公示前核实，该场景已停止运行',
        }),
        row(3, 3, {
          selected: true,
          departures: [`排名第3，入选，而排名第2的${num(2)}未入选`],
          reason: '依次递补',
        }),
        row(4, null),
      ],
      selectedCount: 2,
      totalFen: 40_000_000n,
    });
  const inNotice = () =>
    call({
      status: 'notice',
      statusName: '公示中',
      version: 9,
      decidedAt: new Date('2027-04-02T06:30:00Z'),
      decidedTotalFen: 40_000_000n,
      notice: {
        id: NOTICE_ID,
        number: 'SZKC-GS-2027-003',
        status: 'published',
        endsOn: '2027-04-12',
      },
      actions: [
        { code: 'withdraw-notice', name: '撤回公示，重新拟定' },
        { code: 'conclude', name: '公示期满，确定结果' },
      ],
    } as Partial<SelectionCall>);

  it('shows the decided list read-only, with the departures, their reasons and the notice', async () => {
    const { wrapper } = await openCall(officers.admin, inNotice(), decided());
    expect(inBody('decision-save')).toBeNull();
    expect(inBody('decision-select')).toBeNull();
    expect(inBody('decision-reason')).toBeNull();
    expect(inBody('decision-proposal')).toBeNull();
    expect(textOf('decision-totals')).toBe('拟入选 2 项，合计 ¥400,000.00');
    expect(rowText(1, 'decision-outcome')).toBe('拟入选');
    expect(rowText(2, 'decision-outcome')).toBe('未入选');
    expect(rowText(2, 'decision-departures')).toBe(`排名第2，未入选，而排名第3的${num(3)}入选`);
    expect(rowText(2, 'decision-reason-text')).toBe('理由：公示前核实，该场景已停止运行');
    expect(rowText(3, 'decision-reason-text')).toBe('理由：依次递补');
    expect(inRow(1, 'decision-departures')).toBeNull();

    expect(textOf('decision-notice')).toContain('公示批次 SZKC-GS-2027-003');
    expect(textOf('decision-notice')).toContain('公示中，公示期至 2027-04-12');
    const link = inBody('decision-notice-link');
    expect(link?.tagName).toBe('A');
    expect(link?.getAttribute('href')).toBe(`/notices/${NOTICE_ID}`);
    wrapper.unmount();
  });

  it('says 入选 once concluded', async () => {
    const { wrapper } = await openCall(
      officers.admin,
      call({
        status: 'concluded',
        statusName: '已确定',
        notice: {
          id: NOTICE_ID,
          number: 'SZKC-GS-2027-003',
          status: 'closed',
          endsOn: '2027-04-12',
        },
        actions: [],
      } as Partial<SelectionCall>),
      { ...decided(), status: 'concluded' } as Decision,
    );
    expect(textOf('decision-totals')).toBe('入选 2 项，合计 ¥400,000.00');
    expect(textOf('decision-notice')).toContain('公示已结束');
    wrapper.unmount();
  });

  it('shows the refusal of a step in the server’s words', async () => {
    api.advance.mockRejectedValue(
      refusal(
        'OPEN_OBJECTIONS',
        '公示批次 SZKC-GS-2027-003 尚有 1 条异议未处理，处理后方可撤回公示',
      ),
    );
    const { wrapper } = await openCall(officers.admin, inNotice(), decided());
    await click(inBody('call-action-withdraw-notice'), 'withdraw');
    expect(api.advance).toHaveBeenCalledWith(
      { id: CALL_ID, expectedVersion: 9, action: 'withdraw-notice' },
      silent,
    );
    expect(textOf('call-action-error')).toContain(
      '公示批次 SZKC-GS-2027-003 尚有 1 条异议未处理，处理后方可撤回公示',
    );
    expect(textOf('call-action-error')).not.toContain('OPEN_OBJECTIONS');
    wrapper.unmount();
  });
});

describe('拟定结果: who sees it', () => {
  it('is the bureau’s: an area officer has no decision section and it is not asked for', async () => {
    const { wrapper } = await openCall(officers.yongqiao, call(), decision());
    expect(inBody('decision')).toBeNull();
    expect(api.get).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('is not shown before 拟定结果', async () => {
    const { wrapper } = await openCall(
      officers.admin,
      call({ status: 'expert-review', statusName: '专家评审中', actions: [] }),
      decision(),
    );
    expect(inBody('decision')).toBeNull();
    expect(api.get).not.toHaveBeenCalled();
    wrapper.unmount();
  });
});

describe('拟定结果: the live marks are the domain’s', () => {
  /** Five rows with a tie at 2 and one without a result; talent bands A, B, B, C, none. */
  const RANKS = [1, 2, 2, 3, null] as const;
  const BANDS: (TalentCategory | null)[] = ['A', 'B', 'B', 'C', null];
  const ROWS = RANKS.map((rank, i) => row(i + 1, rank, { band: BANDS[i] ?? null }));
  const candidates: DecisionCandidate[] = ROWS.map((r) => ({
    id: r.submissionId,
    label: r.number,
    rank: r.rank,
    band: r.band,
    requestedFen: r.costFen,
  }));
  const limits = { quota: null, yearly: null, budgetFen: null };
  const subsets = Array.from({ length: 2 ** 4 }, (_, mask) =>
    ROWS.map((_r, i) => i < 4 && (mask & (1 << i)) !== 0),
  );

  it.each([false, true])('says the same departures as planDecision (categorised: %s)', (cat) => {
    for (const chosen of subsets)
      for (const shift of [0, 1]) {
        // Each chosen team at its band, or (shift) one category up.
        const categoryOf = (i: number): TalentCategory => {
          const band = BANDS[i] ?? 'C';
          return shift ? (band === 'A' ? 'B' : 'A') : band;
        };
        const draft: Draft = Object.fromEntries(
          ROWS.map((r, i) => [
            r.submissionId,
            {
              selected: chosen[i] ?? false,
              category: chosen[i] ? categoryOf(i) : null,
              reason: '',
            },
          ]),
        );
        const choices: DecisionChoice[] = ROWS.map((r, i) => ({
          id: r.submissionId,
          selected: chosen[i] ?? false,
          ...(cat ? { category: chosen[i] ? categoryOf(i) : null } : {}),
          reason: '理由',
        }));
        const plan = planDecision({
          candidates,
          choices,
          limits,
          cost: { kind: 'requested' },
          categorised: cat,
        });
        if (!plan.ok) throw new Error(plan.message);
        const live = departuresOf(ROWS, draft, cat);
        for (const d of plan.decided) expect(live[d.id]).toEqual(d.departures);

        // Without reasons, the same rows are refused, in the same words.
        const unreasoned = planDecision({
          candidates,
          choices: choices.map(({ reason: _r, ...c }) => c),
          limits,
          cost: { kind: 'requested' },
          categorised: cat,
        });
        const review = reviewDraft(
          decision({ rows: ROWS, categorised: cat, quota: null, yearly: null }),
          draft,
          { kind: 'requested' },
        );
        const expected = unreasoned.ok ? {} : unreasoned.fieldErrors;
        expect(
          Object.fromEntries(Object.entries(review.problems).map(([id, m]) => [id, [m]])),
        ).toEqual(expected);
      }
  });
});
