import { SUBMISSION_EVIDENCE } from '@kc/domain';
import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as FileBlob from '../src/composables/use-file-blob';
import type { Officer } from '../src/store/auth';
import type * as Download from '../src/utils/download';
import CallDetail from '../src/views/selection-calls/detail.vue';
import type { SelectionCall, Submission } from '../src/views/selection-calls/queries';
import type { DrawnPanel, Panel, ResultRow } from '../src/views/selection-calls/review-queries';
import { apiError, officers } from './helpers';
import { more, mountAs } from './mount';

const api = vi.hoisted(() => ({
  byId: vi.fn(),
  submissions: vi.fn(),
  ofCall: vi.fn(),
  draw: vi.fn(),
  close: vi.fn(),
  results: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    selection: {
      calls: { byId: { query: api.byId }, submissions: { query: api.submissions } },
      panels: {
        ofCall: { query: api.ofCall },
        draw: { mutate: api.draw },
        close: { mutate: api.close },
        results: { query: api.results },
      },
    },
  },
}));
vi.mock('../src/utils/confirm', () => ({ confirmAction: vi.fn().mockResolvedValue(true) }));
const files = vi.hoisted(() => ({ fetchFile: vi.fn(), saveBlob: vi.fn() }));
vi.mock('../src/composables/use-file-blob', async (importOriginal) => ({
  ...(await importOriginal<typeof FileBlob>()),
  fetchFile: files.fetchFile,
}));
vi.mock('../src/utils/download', async (importOriginal) => ({
  ...(await importOriginal<typeof Download>()),
  saveBlob: files.saveBlob,
}));

const CALL_ID = '7a1c2e30-0000-4000-8000-000000000014';
const PANEL_ID = '7a1c2e30-0000-4000-8000-0000000000b1';
const FILE_ID = '7a1c2e30-0000-4000-8000-0000000000f1';
const SEED = '3f9a61c0d2b84e7f9a1c5e2d7b804f16';
const sub = (n: number) => `7a1c2e30-0000-4000-8000-0000000000a${n}`;

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
    quota: 10,
    rubric: null,
    status: 'expert-review',
    statusName: '专家评审中',
    publishedAt: new Date('2027-03-01T02:00:00Z'),
    version: 5,
    budgetFen: null,
    settingsVersion: 'selection-2026-01',
    actions: [{ code: 'close-review', name: '评审结束，拟定结果' }],
    submissionCounts: { passed: 3 },
    ...over,
  } as SelectionCall;
}

function submission(n: number, over: Partial<Submission> = {}): Submission {
  return {
    id: sub(n),
    number: `SZKC-SB-2027-000${n}`,
    callId: CALL_ID,
    callNumber: 'SZKC-ZN-2027-01',
    callTitle: '2027年度市级重大应用场景典型案例评选',
    programme: 'scenario-case',
    title: `应用场景${n}`,
    fieldCode: 'aerospace-information',
    fieldName: '空天信息',
    areaCode: 'yongqiao',
    areaName: '埇桥区',
    organisationName: `宿州申报单位${n}`,
    form: {},
    evidence: [],
    evidenceRequired: SUBMISSION_EVIDENCE['scenario-case'],
    team: [],
    status: 'passed',
    statusName: '通过形式审查',
    checkComment: null,
    version: 4,
    submittedAt: new Date('2027-03-10T01:30:00Z'),
    updatedAt: new Date('2027-03-10T01:30:00Z'),
    ...over,
  } as Submission;
}

function panel(over: Partial<Panel> = {}): Panel {
  return {
    id: PANEL_ID,
    name: '空天信息第一评审组',
    fieldCode: 'aerospace-information',
    fieldName: '空天信息',
    status: 'scoring',
    statusName: '评分中',
    seeds: [SEED],
    poolSize: 14,
    submissions: [
      { id: sub(1), number: 'SZKC-SB-2027-0001', title: '应用场景1' },
      { id: sub(2), number: 'SZKC-SB-2027-0002', title: '应用场景2' },
    ],
    experts: [
      expert('周文博', 'accepted', '已确认参加', { sheets: 1 }),
      expert('王晓东', 'declined', '已谢绝', { declineReason: '出差在外，无法参加' }),
      expert('刘海', 'invited', '待确认'),
      expert('陈静', 'reserve', '备选'),
    ],
    excluded: [],
    ...over,
  } as Panel;
}

function expert(
  name: string,
  status: string,
  statusName: string,
  over: Partial<Panel['experts'][number]> = {},
): Panel['experts'][number] {
  return {
    assignmentId: `as-${name}`,
    name,
    unitName: `${name}的单位`,
    status,
    statusName,
    declineReason: null,
    sheets: 0,
    ...over,
  };
}

const inBody = (testId: string) =>
  document.body.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const textOf = (testId: string) => inBody(testId)?.textContent ?? '';
const settle = async () => {
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 150));
  await flushPromises();
};
const click = async (el: HTMLElement | null | undefined, what = 'element') => {
  if (!el) throw new Error(`no ${what}`);
  el.click();
  await settle();
};
const type = async (testId: string, value: string) => {
  const el = inBody(testId)!;
  const input = (el.matches('input') ? el : el.querySelector('input')) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
};
/** The texts of a table's header cells and of each body row's cells. */
const headersOf = (testId: string) =>
  [...(inBody(testId)?.querySelectorAll('.el-table__header th') ?? [])].map(
    (th) => th.textContent?.trim() ?? '',
  );
const rowsOf = (testId: string) =>
  [...(inBody(testId)?.querySelectorAll('.el-table__body tr') ?? [])] as HTMLElement[];

async function openCall(
  officer: Officer,
  shown: SelectionCall,
  rows: Submission[],
  panels: Panel[] = [],
) {
  api.byId.mockResolvedValue(shown);
  api.submissions.mockResolvedValue(rows);
  api.ofCall.mockResolvedValue(panels);
  const mounted = await mountAs(officer, CallDetail, { path: `/selection/calls/${CALL_ID}` });
  await settle();
  return mounted;
}

beforeEach(() => {
  document.body.innerHTML = '';
  for (const fn of [...Object.values(api), ...Object.values(files)]) fn.mockReset();
});

describe('专家评审: the panels on a call’s page', () => {
  it('shows each panel’s field, pool, seed, submissions and experts’ progress, and no score', async () => {
    const { wrapper } = await openCall(
      officers.yongqiao,
      call(),
      [submission(1), submission(2)],
      [panel()],
    );
    expect(api.ofCall).toHaveBeenCalledWith({ callId: CALL_ID });
    const card = textOf('panel-card');
    expect(textOf('panel-name')).toBe('空天信息第一评审组');
    expect(textOf('panel-status')).toBe('评分中');
    expect(card).toContain('空天信息');
    expect(card).toContain('14 人');
    expect(card).toContain('抽取种子');
    expect(textOf('panel-seeds')).toContain(SEED);
    expect(textOf('panel-submissions')).toContain('SZKC-SB-2027-0001');
    expect(textOf('panel-submissions')).toContain('应用场景2');

    expect(headersOf('panel-experts')).toEqual([
      '专家',
      '工作单位',
      '状态',
      '谢绝原因',
      '已评 / 份数',
    ]);
    const [accepted, declined, invited, reserve] = rowsOf('panel-experts').map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(accepted).toEqual(['周文博', '周文博的单位', '已确认参加', '—', '1/2']);
    expect(declined).toEqual(['王晓东', '王晓东的单位', '已谢绝', '出差在外，无法参加', '—']);
    expect(invited?.[2]).toBe('待确认');
    expect(reserve?.[2]).toBe('备选');

    // Scores stay with the experts until the panel closes: no results, no score anywhere here.
    expect(api.results).not.toHaveBeenCalled();
    expect(inBody('review-results')).toBeNull();
    expect(card).not.toMatch(/得分|分数|评分表/);
    for (const raw of ['scoring', 'accepted', 'declined', 'reserve', 'aerospace-information'])
      expect(card).not.toContain(raw);
    // An area officer follows the review; the bureau runs it.
    expect(inBody('panel-close')).toBeNull();
    expect(inBody('panel-draw')).toBeNull();
    wrapper.unmount();
  }, 20_000);

  it('has no review sections before 专家评审', async () => {
    const { wrapper } = await openCall(
      officers.admin,
      call({ status: 'formal-review', statusName: '形式审查中', actions: [] }),
      [submission(1)],
    );
    expect(api.ofCall).not.toHaveBeenCalled();
    expect(inBody('review-panels')).toBeNull();
    wrapper.unmount();
  });

  it('ends the scoring after a confirmation, and shows the server’s refusal on the card', async () => {
    api.close.mockRejectedValue(apiError('INVALID_TRANSITION', '尚有1位专家未确认是否参加'));
    const { wrapper } = await openCall(more.reviewer, call(), [submission(1)], [panel()]);
    expect(inBody('panel-close-error')).toBeNull();
    await click(inBody('panel-close'), 'panel-close');
    expect(api.close).toHaveBeenCalledWith({ id: PANEL_ID }, { context: { silent: true } });
    expect(textOf('panel-close-error')).toContain('尚有1位专家未确认是否参加');
    expect(textOf('panel-close-error')).not.toContain('INVALID_TRANSITION');
    wrapper.unmount();
  });

  it('offers no 结束评分 on a closed panel, and no draw once the call has left 专家评审', async () => {
    api.results.mockResolvedValue([]);
    const { wrapper } = await openCall(
      officers.admin,
      call({ status: 'deciding', statusName: '拟定结果中', actions: [] }),
      [submission(1)],
      [panel({ status: 'closed', statusName: '评分结束' })],
    );
    expect(textOf('panel-status')).toBe('评分结束');
    expect(inBody('panel-close')).toBeNull();
    expect(inBody('panel-draw')).toBeNull();
    wrapper.unmount();
  });
});

describe('专家评审: drawing a panel', () => {
  const drawn = (): DrawnPanel =>
    ({
      ...panel({
        id: `${PANEL_ID}-2`,
        name: '空天信息第二评审组',
        submissions: [
          { id: sub(3), number: 'SZKC-SB-2027-0003', title: '应用场景3' },
          { id: sub(4), number: 'SZKC-SB-2027-0004', title: '应用场景4' },
          { id: sub(5), number: 'SZKC-SB-2027-0005', title: '应用场景5' },
        ],
        experts: [
          expert('周文博', 'invited', '待确认'),
          expert('吴敏', 'invited', '待确认'),
          expert('陈静', 'reserve', '备选'),
        ],
      }),
      excluded: [
        { name: '赵立新', reasons: ['与申报单位或团队成员单位为同一单位'] },
        { name: '孙悦', reasons: ['本人申明存在利益关系', '上一年度评审过同一申报单位'] },
      ],
    }) as DrawnPanel;

  /** 1–2 are in a panel already; 3–5 passed and wait; 6 waits for the bureau's formal check. */
  const rows = () => [
    submission(1),
    submission(2),
    submission(3),
    submission(4, { fieldCode: 'low-carbon-energy', fieldName: '低碳能源' }),
    submission(5),
    submission(6, { status: 'area-passed', statusName: '待市局形式审查' }),
  ];

  async function openDialog() {
    const mounted = await openCall(officers.admin, call(), rows(), [panel()]);
    await click(inBody('panel-draw'), 'panel-draw');
    return mounted;
  }
  /** Ticks the row of each submission number in the dialog's table. */
  async function tick(...numbers: string[]) {
    for (const row of rowsOf('draw-submissions'))
      if (numbers.some((n) => row.textContent?.includes(n)))
        await click(row.querySelector<HTMLElement>('.el-checkbox input'), 'row checkbox');
  }

  it('offers only the passed submissions in no panel, and sends what the officer chose', async () => {
    api.draw.mockResolvedValue(drawn());
    const { wrapper } = await openDialog();
    const offered = rowsOf('draw-submissions').map((r) => r.textContent ?? '');
    expect(offered).toHaveLength(3);
    expect(offered.join()).toContain('SZKC-SB-2027-0003');
    expect(offered.join()).toContain('宿州申报单位4');
    for (const taken of ['SZKC-SB-2027-0001', 'SZKC-SB-2027-0002', 'SZKC-SB-2027-0006'])
      expect(offered.join()).not.toContain(taken);

    await tick('SZKC-SB-2027-0003', 'SZKC-SB-2027-0004', 'SZKC-SB-2027-0005');
    // The field most of the chosen submissions are in.
    expect(textOf('draw-field')).toContain('空天信息');
    await type('draw-name', '  空天信息第二评审组 ');
    await click(inBody('draw-confirm'), 'draw-confirm');
    expect(api.draw).toHaveBeenCalledWith(
      {
        callId: CALL_ID,
        name: '空天信息第二评审组',
        fieldCode: 'aerospace-information',
        submissionIds: [sub(3), sub(4), sub(5)],
      },
      { context: { silent: true } },
    );

    // The draw's result, shown once: who was drawn, the reserves, the seed, and who was left out.
    const result = textOf('draw-result');
    expect(result).toContain('已抽取评审专家 2 人、备选专家 1 人');
    expect(textOf('draw-seed')).toBe(SEED);
    expect(textOf('draw-members')).toContain('吴敏');
    expect(textOf('draw-reserves')).toContain('陈静');
    const excluded = rowsOf('draw-excluded').map((r) => r.textContent ?? '');
    expect(excluded).toHaveLength(2);
    expect(excluded[0]).toContain('赵立新');
    expect(excluded[0]).toContain('与申报单位或团队成员单位为同一单位');
    expect(excluded[1]).toContain('孙悦');
    expect(excluded[1]).toContain('本人申明存在利益关系；上一年度评审过同一申报单位');
    // The panels and submissions are fetched again.
    expect(api.ofCall.mock.calls.length).toBeGreaterThan(1);
    wrapper.unmount();
  }, 20_000);

  it('checks the name before sending, and shows the server’s refusal in its words', async () => {
    api.draw.mockRejectedValue(
      apiError(
        'PANEL_POOL_TOO_SMALL',
        '符合条件的专家只有4人，不足每组7人，请扩充专家库或调整分组',
      ),
    );
    const { wrapper } = await openDialog();
    await click(inBody('draw-confirm'), 'draw-confirm');
    expect(api.draw).not.toHaveBeenCalled();
    await vi.waitFor(() => {
      const errors = textOf('draw-dialog');
      expect(errors).toContain('评审组名称至少2个字');
      expect(errors).toContain('请选择评审组的产业领域');
      expect(errors).toContain('请选择本组评审的申报');
    });

    await type('draw-name', '甲');
    await tick('SZKC-SB-2027-0004');
    expect(textOf('draw-field')).toContain('低碳能源');
    // Choosing clears the field's and the table's messages; the name is still too short.
    expect(textOf('draw-dialog')).not.toContain('请选择本组评审的申报');
    await click(inBody('draw-confirm'), 'draw-confirm');
    expect(api.draw).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(textOf('draw-dialog')).toContain('评审组名称至少2个字'));

    await type('draw-name', '低碳能源评审组');
    await click(inBody('draw-confirm'), 'draw-confirm');
    expect(api.draw).toHaveBeenCalledWith(
      expect.objectContaining({ fieldCode: 'low-carbon-energy', submissionIds: [sub(4)] }),
      { context: { silent: true } },
    );
    expect(textOf('draw-error')).toContain('符合条件的专家只有4人，不足每组7人');
    expect(textOf('draw-dialog')).not.toContain('PANEL_POOL_TOO_SMALL');
    expect(inBody('draw-result')).toBeNull();
    wrapper.unmount();
  }, 20_000);
});

describe('专家评审: the results', () => {
  const results: ResultRow[] = [
    {
      submissionId: sub(1),
      number: 'SZKC-SB-2027-0001',
      title: '氢能重卡干线物流示范团队',
      organisationName: '宿州氢动科技有限公司',
      areaCode: 'yongqiao',
      rank: 1,
      rankReason: '结果86.33分',
      tiedWith: [],
      result: 8633,
      resultText: '86.33',
      explanation:
        '5份有效评分：90、88、86、85、80；去掉最高分90、最低分80后平均86.33分；最高与最低相差10分',
      flag: null,
      flagName: null,
      talent: { category: 'A', reason: '结果86.33分，不低于A类分数线85分' },
    },
    {
      submissionId: sub(2),
      number: 'SZKC-SB-2027-0002',
      title: '低空物流无人机团队',
      organisationName: '宿州云翼农业科技有限公司',
      areaCode: 'yongqiao',
      rank: 2,
      rankReason:
        '结果78.00分，与SZKC-SB-2027-0003的结果、全部有效评分平均分和最高最低分差均相同，并列第2名，先后由评审组研究确定并书面说明',
      tiedWith: ['SZKC-SB-2027-0003'],
      result: 7800,
      resultText: '78.00',
      explanation:
        '5份有效评分：95、80、78、76、60；去掉最高分95、最低分60后平均78.00分；最高与最低相差35分，超过30分，提请评审组讨论',
      flag: 'wide-spread',
      flagName: '分歧较大，提请讨论',
      talent: { category: null, reason: '结果78.00分，低于C类分数线80分，不予认定' },
    },
    {
      submissionId: sub(4),
      number: 'SZKC-SB-2027-0004',
      title: '生物育种团队',
      organisationName: '宿州种业研究院',
      areaCode: 'yongqiao',
      rank: null,
      rankReason: '有效评分不足，暂不排名',
      tiedWith: [],
      result: null,
      resultText: null,
      explanation:
        '2份有效评分：70、65（1位专家回避，不计）；不足3份，暂无结果，请从备选专家中补足',
      flag: 'too-few-scores',
      flagName: '有效评分不足',
      talent: { category: null, reason: '暂无评审结果' },
    },
  ];

  it('ranks the closed panels’ submissions with score, working, flag, ties and talent category', async () => {
    api.results.mockResolvedValue(results);
    const { wrapper } = await openCall(
      officers.yongqiao,
      call({ programme: 'talent-team', programmeName: '市级高层次科技人才团队遴选' }),
      [submission(1), submission(2)],
      [
        panel({ status: 'closed', statusName: '评分结束' }),
        panel({ id: `${PANEL_ID}-2`, name: '生命健康评审组' }),
      ],
    );
    expect(api.results).toHaveBeenCalledWith({ callId: CALL_ID });
    expect(textOf('results-partial')).toContain('另有 1 个评审组仍在评分');
    expect(headersOf('results-table')).toEqual([
      '排名',
      '申报编号',
      '项目名称',
      '申报单位',
      '得分',
      '计分说明',
      '排名说明',
      '人才类别',
    ]);
    const [first, second, third] = rowsOf('results-table');
    const cell = (row: HTMLElement | undefined, testId: string) =>
      row?.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();

    expect(cell(first, 'result-rank')).toBe('1');
    expect(cell(first, 'result-score')).toBe('86.33');
    expect(cell(first, 'result-talent')).toBe('A类');
    expect(first?.textContent).toContain('宿州氢动科技有限公司');
    // The working, one step a line, in the domain's words.
    expect(
      [...(first?.querySelectorAll('[data-testid="result-explanation"] li') ?? [])].map(
        (li) => li.textContent,
      ),
    ).toEqual([
      '5份有效评分：90、88、86、85、80',
      '去掉最高分90、最低分80后平均86.33分',
      '最高与最低相差10分',
    ]);
    expect(cell(first, 'result-flag')).toBeUndefined();
    expect(cell(first, 'result-tied')).toBeUndefined();

    expect(cell(second, 'result-rank')).toBe('2');
    expect(cell(second, 'result-tied')).toBe('并列');
    expect(cell(second, 'result-flag')).toBe('分歧较大，提请讨论');
    expect(cell(second, 'result-reason')).toContain('与SZKC-SB-2027-0003的结果');
    expect(cell(second, 'result-talent')).toBe('未达档');
    expect(second?.textContent).toContain('低于C类分数线80分，不予认定');

    expect(cell(third, 'result-rank')).toBe('—');
    expect(third?.textContent).toContain('暂无');
    expect(cell(third, 'result-flag')).toBe('有效评分不足');
    expect(cell(third, 'result-talent')).toBe('—');

    const table = textOf('results-table');
    for (const raw of ['wide-spread', 'too-few-scores', 'null', sub(1)])
      expect(table).not.toContain(raw);
    wrapper.unmount();
  }, 20_000);

  it('has no talent column for other programmes', async () => {
    api.results.mockResolvedValue(
      results.map(({ talent: _talent, ...row }) => row as unknown as ResultRow),
    );
    const { wrapper } = await openCall(
      officers.admin,
      call(),
      [submission(1)],
      [panel({ status: 'closed', statusName: '评分结束' })],
    );
    expect(headersOf('results-table')).not.toContain('人才类别');
    expect(inBody('results-partial')).toBeNull();
    wrapper.unmount();
  });
});

describe('申报详情: the attachments', () => {
  it('links each attachment to GET /files/:id and saves it under a readable name', async () => {
    const blob = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    files.fetchFile.mockResolvedValue(blob);
    const { wrapper } = await openCall(
      officers.yongqiao,
      call({ status: 'formal-review', statusName: '形式审查中', actions: [] }),
      [
        submission(1, {
          status: 'submitted',
          statusName: '待县区形式审查',
          evidence: [{ kind: 'case-summary', fileId: FILE_ID }],
        }),
      ],
    );
    await wrapper.get('[data-testid="submission-table"] .el-table__body tr').trigger('click');
    await settle();
    const [summary, siteProof] = rowsOf('submission-evidence');
    const link = summary?.querySelector<HTMLAnchorElement>('[data-testid="attachment-download"]');
    expect(link?.getAttribute('href')).toBe(`/files/${FILE_ID}`);
    expect(link?.textContent?.trim()).toBe('下载');
    expect(siteProof?.querySelector('[data-testid="attachment-download"]')).toBeNull();

    await click(link, 'download link');
    expect(files.fetchFile).toHaveBeenCalledWith(FILE_ID);
    expect(files.saveBlob).toHaveBeenCalledWith(blob, 'SZKC-SB-2027-0001-场景案例申报书.pdf');
    wrapper.unmount();
  }, 20_000);
});
