import { TRPCClientError } from '@trpc/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Officer } from '../src/store/auth';
import ProjectDetail from '../src/views/projects/detail.vue';
import type {
  AcceptanceMember,
  AcceptancePanel,
  Project,
  ProjectReport,
} from '../src/views/projects/queries';
import { apiError, officers } from './helpers';
import { more, mountAs } from './mount';
import { choose, click, errorsIn, inBody, settle, type } from './dom';

/**
 * 验收专家组 in 项目管理: the bureau draws the acceptance panel of a submitted final report,
 * follows its members, fills declined and recused places from the reserves, reads the verdicts
 * once the panel is complete, and reviews the report on the panel's conclusion — a departure from
 * its majority with a reason (the API is mocked).
 */
const api = vi.hoisted(() => ({
  byId: vi.fn(),
  reviewReport: vi.fn(),
  drawAcceptancePanel: vi.fn(),
  fillAcceptancePanel: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    selection: {
      projects: {
        byId: { query: api.byId },
        reviewReport: { mutate: api.reviewReport },
        drawAcceptancePanel: { mutate: api.drawAcceptancePanel },
        fillAcceptancePanel: { mutate: api.fillAcceptancePanel },
      },
    },
  },
}));

const PROJECT_ID = '7a1c2e30-0000-4000-8000-0000000000c1';
const PANEL_ID = '7a1c2e30-0000-4000-8000-0000000000b1';
const SILENT = { context: { silent: true } };
const SEED = '9f3c0e7a5b1d4c2e8a6f0b3d5e7c9a1b';
const SETTINGS = { panelSize: 5, reserves: 2, minValidVerdicts: 3 };

const NAMES = ['陈建国', '林海燕', '黄志强', '周晓明', '吴丽华', '徐文杰', '孙春生'];

function member(position: number, over: Partial<AcceptanceMember> = {}): AcceptanceMember {
  const reserve = position >= 5;
  return {
    assignmentId: `7a1c2e30-0000-4000-8000-00000000a0${position}0`,
    position,
    name: NAMES[position] ?? '专家',
    titleName: '教授',
    unitName: '皖北应用技术研究院',
    mobileMasked: '139****2001',
    status: reserve ? 'reserve' : 'invited',
    statusName: reserve ? '备选' : '待接受',
    declineReason: null,
    conflictReason: null,
    answered: false,
    verdict: null,
    verdictName: null,
    comment: null,
    answeredAt: null,
    ...over,
  } as AcceptanceMember;
}

function panel(over: Partial<AcceptancePanel> = {}): AcceptancePanel {
  return {
    id: PANEL_ID,
    name: '验收专家组',
    round: 1,
    closed: false,
    statusName: '评审中',
    drawnAt: new Date('2029-09-02T02:00:00Z'),
    seeds: [SEED],
    poolSize: 7,
    settingsVersion: 'selection-2026-01',
    panelSize: 5,
    minValidVerdicts: 3,
    members: Array.from({ length: 7 }, (_, i) => member(i)),
    conclusion: {
      tally: null,
      valid: 0,
      conflicts: 0,
      awaitingAnswer: 5,
      awaitingVerdict: 0,
      vacancies: 0,
      complete: false,
      majority: null,
      majorityName: null,
      explanation: '专家组意见尚未汇齐：5位专家尚未确认是否参加。',
    },
    departureReason: null,
    ...over,
  } as AcceptancePanel;
}

/** Three passed it, one asks for changes, one recused: complete, the majority 通过. */
function completePanel(): AcceptancePanel {
  const verdicts: [string, string, string, string | null][] = [
    ['accepted', '已接受', '通过', '各项指标均已完成。'],
    ['accepted', '已接受', '通过', null],
    ['accepted', '已接受', '需整改', '专项审计报告未附。'],
    ['recused', '回避', '', null],
    ['accepted', '已接受', '通过', '同意通过验收。'],
  ];
  return panel({
    statusName: '意见已汇齐',
    members: [
      ...verdicts.map(([status, statusName, verdictName, comment], i) =>
        member(i, {
          status,
          statusName,
          answered: true,
          verdict: verdictName === '通过' ? 'pass' : verdictName ? 'revise' : null,
          verdictName: verdictName || null,
          comment,
          conflictReason: status === 'recused' ? '本人曾在承担单位兼职' : null,
        }),
      ),
      member(5),
      member(6),
    ],
    conclusion: {
      tally: { pass: 3, revise: 1, fail: 0 },
      valid: 4,
      conflicts: 1,
      awaitingAnswer: 0,
      awaitingVerdict: 0,
      vacancies: 1,
      complete: true,
      majority: 'pass',
      majorityName: '通过',
      explanation: '有效意见4份（通过3、需整改1、不通过0；1位专家回避），多数意见为“通过”。',
    },
  });
}

function finalReport(over: Partial<ProjectReport> = {}): ProjectReport {
  return {
    id: '7a1c2e30-0000-4000-8000-0000000000f2',
    kind: 'final',
    kindName: '结题验收报告',
    status: 'submitted',
    statusName: '待审查',
    body: {
      summary: '完成全部考核指标：示范飞行512架次，申请发明专利6件，形成量产能力。',
      milestones: [
        { done: true, note: '原型机已通过第三方测试' },
        { done: true, note: '示范飞行512架次' },
      ],
      cityFundsSpentFen: 1_900_000_00n,
      ownFundsSpentFen: 3_100_000_00n,
    },
    attachments: [],
    submissions: 1,
    submittedAt: new Date('2029-09-01T02:30:00Z'),
    reviewedAt: null,
    comment: null,
    ...over,
  } as ProjectReport;
}

function project(acceptance: Project['acceptance'], over: Partial<Project> = {}): Project {
  return {
    id: PROJECT_ID,
    number: 'SZKC-XM-2027-0001',
    title: '低空物流无人机高可靠飞控系统研发',
    status: 'accepting',
    statusName: '验收中',
    programmeName: '未来产业重点科技项目（揭榜挂帅）',
    call: {
      id: '7a1c2e30-0000-4000-8000-000000000024',
      number: 'SZKC-ZN-2027-02',
      title: '2027年度未来产业重点科技项目（揭榜挂帅）',
    },
    resultDocNo: '宿科〔2027〕18号',
    submissionNumber: 'SZKC-SB-2027-0007',
    organisationId: '7a1c2e30-0000-4000-8000-0000000000d1',
    organisationName: '宿州云翼航空科技有限公司',
    areaCode: 'yongqiao',
    areaName: '埇桥区',
    fieldCode: 'aerospace-information',
    fieldName: '空天信息',
    contract: {
      startOn: '2027-09-01',
      endOn: '2029-08-31',
      cityFundsFen: 2_000_000_00n,
      ownFundsFen: 3_000_000_00n,
      milestones: [
        { title: '中期目标', dueOn: '2028-08-31', indicators: '完成飞控原型机并通过第三方测试' },
        { title: '项目完成', dueOn: '2029-08-31', indicators: '完成不少于500架次的示范飞行' },
      ],
      tranches: [
        { condition: 'signing', conditionName: '任务书签订后', amountFen: 1_200_000_00n },
        { condition: 'mid-term', conditionName: '中期检查通过后', amountFen: 500_000_00n },
        { condition: 'acceptance', conditionName: '验收通过后', amountFen: 300_000_00n },
      ],
    },
    basis: { decidedCityFundsFen: 2_000_000_00n, committedOwnFundsFen: 3_000_000_00n, months: 24 },
    schedule: { midTermDueOn: '2028-08-31', finalDueOn: '2029-09-30' },
    settings: { firstTrancheMaxPercent: 60, finalTrancheMinPercent: 20 },
    problems: {},
    signedAt: new Date('2027-09-05T03:00:00Z'),
    tranches: [
      {
        trancheNo: 1,
        condition: 'signing',
        conditionName: '任务书签订后',
        amountFen: 1_200_000_00n,
        application: null,
      },
      {
        trancheNo: 2,
        condition: 'mid-term',
        conditionName: '中期检查通过后',
        amountFen: 500_000_00n,
        application: null,
      },
      {
        trancheNo: 3,
        condition: 'acceptance',
        conditionName: '验收通过后',
        amountFen: 300_000_00n,
        application: null,
      },
    ],
    reports: [finalReport()],
    changes: [],
    reportsOpen: [],
    changesOpen: true,
    extension: { approved: 0, max: 1, maxMonths: 12 },
    acceptance,
    version: 9,
    updatedAt: new Date('2029-09-01T02:30:00Z'),
    ...over,
  } as Project;
}

const noPanel = () => project({ reportRound: 1, drawable: true, settings: SETTINGS, panel: null });
const withPanel = (p: AcceptancePanel) =>
  project({ reportRound: 1, drawable: false, settings: SETTINGS, panel: p });

const text = (testId: string) => inBody(testId)?.textContent ?? '';
const memberRows = () =>
  [...document.querySelectorAll('[data-testid="acceptance-members"] .el-table__body tr')].map(
    (r) => r.textContent ?? '',
  );

async function open(shown: Project, officer: Officer = officers.admin) {
  api.byId.mockResolvedValue(shown);
  const mounted = await mountAs(officer, ProjectDetail, {
    path: `/selection/projects/${PROJECT_ID}`,
  });
  await settle();
  return mounted;
}

beforeEach(() => {
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
});

describe('验收专家组', () => {
  it('draws the panel after saying what a draw does, and shows who was drawn', async () => {
    api.drawAcceptancePanel.mockResolvedValue(withPanel(panel()));
    const { wrapper } = await open(noPanel());
    expect(text('acceptance-none')).toContain('由市科技局从专家库中随机抽取专家');
    // No review before the panel has spoken.
    expect(inBody('report-final-review')?.hasAttribute('disabled')).toBe(true);

    await click('acceptance-draw');
    const dialog = text('acceptance-dialog');
    for (const t of [
      '抽取验收专家组：SZKC-XM-2027-0001',
      '“空天信息”领域已入库的专家中随机抽取5名',
      '另按顺序抽取2名备选专家',
      '与承担单位、合作单位为同一单位',
      '不能指定或更换人选',
      '有效意见不少于3份',
    ])
      expect(dialog).toContain(t);
    await click('acceptance-confirm');
    expect(api.drawAcceptancePanel).toHaveBeenCalledWith({ id: PROJECT_ID }, SILENT);
    await vi.waitFor(() => expect(memberRows()).toHaveLength(7));
    const rows = memberRows();
    for (const t of ['陈建国', '教授', '皖北应用技术研究院', '139****2001', '待接受'])
      expect(rows[0]).toContain(t);
    expect(rows[6]).toContain('备选');
    expect(text('acceptance-seeds')).toBe(SEED);
    expect(text('acceptance-conclusion')).toContain('5位专家尚未确认是否参加');
    expect(inBody('acceptance-draw')).toBeNull();
    // The page is the answer, not a refetch.
    expect(api.byId).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });

  it('keeps verdicts hidden while the panel forms, and fills declined and recused places', async () => {
    const forming = panel({
      members: [
        member(0, { status: 'declined', statusName: '已谢绝', declineReason: '验收期间出差' }),
        member(1, {
          status: 'recused',
          statusName: '回避',
          answered: true,
          conflictReason: '本人曾在承担单位兼职',
        }),
        member(2, { status: 'accepted', statusName: '已接受', answered: true }),
        member(3, { status: 'accepted', statusName: '已接受' }),
        member(4),
        member(5),
        member(6),
      ],
      conclusion: {
        ...panel().conclusion,
        awaitingAnswer: 1,
        awaitingVerdict: 1,
        vacancies: 2,
        explanation:
          '专家组意见尚未汇齐：1位专家尚未确认是否参加，1位专家尚未提出验收意见，2个名额待备选专家递补。',
      },
    });
    const filled = panel({
      members: forming.members.map((m) =>
        m.position >= 5 ? { ...m, status: 'invited', statusName: '待接受' } : m,
      ),
    });
    api.fillAcceptancePanel.mockResolvedValue(withPanel(filled));
    const { wrapper } = await open(withPanel(forming));
    const rows = memberRows();
    expect(rows[0]).toContain('已谢绝');
    expect(rows[0]).toContain('验收期间出差');
    expect(rows[1]).toContain('回避');
    expect(rows[1]).toContain('本人曾在承担单位兼职');
    expect(rows[2]).toContain('已提交（意见汇齐后显示）');
    for (const verdict of ['通过', '需整改', '不通过'])
      expect(text('acceptance-members')).not.toContain(verdict);
    expect(inBody('acceptance-tally')).toBeNull();

    expect(text('acceptance-fill')).toContain('递补专家（2 个名额）');
    await click('acceptance-fill');
    expect(text('acceptance-dialog')).toContain('将按抽取顺序由备选专家递补2个名额');
    await click('acceptance-confirm');
    expect(api.fillAcceptancePanel).toHaveBeenCalledWith({ id: PROJECT_ID }, SILENT);
    await vi.waitFor(() => expect(memberRows()[5]).toContain('待接受'));
    wrapper.unmount();
  });

  it('shows the refusal of a draw in the dialog', async () => {
    api.drawAcceptancePanel.mockRejectedValue(
      apiError(
        'PANEL_POOL_TOO_SMALL',
        '符合条件的空天信息领域专家只有3人，不足验收专家组的5人，请先扩充专家库',
      ),
    );
    const { wrapper } = await open(noPanel());
    await click('acceptance-draw');
    await click('acceptance-confirm');
    await vi.waitFor(() =>
      expect(text('acceptance-error')).toContain('不足验收专家组的5人，请先扩充专家库'),
    );
    wrapper.unmount();
  });

  it('lets an area officer read the panel but neither draw nor fill', async () => {
    const { wrapper } = await open(noPanel(), officers.yongqiao);
    expect(inBody('acceptance-draw')).toBeNull();
    expect(inBody('report-final-review')).toBeNull();
    wrapper.unmount();
  });

  it('shows the verdicts once complete, and asks for a reason to depart from the majority', async () => {
    const complete = withPanel(completePanel());
    const returned = project(
      {
        reportRound: 1,
        drawable: false,
        settings: SETTINGS,
        panel: {
          ...completePanel(),
          closed: true,
          statusName: '已结束',
          departureReason: '专项审计报告缺失',
        },
      },
      {
        version: 10,
        reports: [
          finalReport({ status: 'returned', statusName: '退回修改', reviewedAt: new Date() }),
        ],
      },
    );
    api.reviewReport.mockResolvedValue(returned);
    const { wrapper } = await open(complete, more.reviewer);
    expect(text('acceptance-tally')).toBe('通过 3 · 需整改 1 · 不通过 0');
    const rows = memberRows();
    expect(rows[0]).toContain('通过');
    expect(rows[0]).toContain('各项指标均已完成。');
    expect(rows[2]).toContain('需整改');
    expect(rows[2]).toContain('专项审计报告未附。');
    expect(rows[3]).toContain('回避，不计入');
    // Complete: no more filling, and the review is open.
    expect(inBody('acceptance-fill')).toBeNull();
    expect(inBody('report-final-review')?.hasAttribute('disabled')).toBe(false);

    await click('report-final-review');
    expect(text('report-review-panel')).toContain('多数意见为“通过”');
    expect(text('report-review-panel')).toContain('通过 3 · 需整改 1 · 不通过 0');
    await choose(wrapper, 'ElRadioGroup', 'report-review-outcome', 'pass');
    expect(inBody('report-review-departure')).toBeNull();
    await choose(wrapper, 'ElRadioGroup', 'report-review-outcome', 'return');
    expect(inBody('report-review-departure')).not.toBeNull();
    await type('report-review-comment', '请补充专项审计报告');
    await click('report-review-submit');
    expect(api.reviewReport).not.toHaveBeenCalled();
    expect(errorsIn('report-review-dialog')['与专家组意见不一致的理由']).toBe(
      '审查结论“退回修改”与验收专家组多数意见“通过”不一致，须写明理由',
    );
    await type('report-review-departure', '  专项审计报告缺失，按规定须补齐 ');
    await click('report-review-submit');
    expect(api.reviewReport).toHaveBeenCalledWith(
      {
        id: PROJECT_ID,
        kind: 'final',
        expectedVersion: 9,
        outcome: 'return',
        comment: '请补充专项审计报告',
        departureReason: '专项审计报告缺失，按规定须补齐',
      },
      SILENT,
    );
    await vi.waitFor(() => expect(text('acceptance-departure')).toContain('专项审计报告缺失'));
    expect(text('acceptance-status')).toBe('已结束');
    wrapper.unmount();
  });

  it('follows the majority without a reason; a departure the page did not know of is said above the buttons', async () => {
    const message = '验收专家组没有过半数的意见，须写明审查结论“通过”的理由';
    api.reviewReport.mockRejectedValueOnce(
      TRPCClientError.from({
        error: {
          code: -32001,
          message,
          data: {
            appCode: 'DEPARTURE_REASON_REQUIRED',
            fieldErrors: { departureReason: [message] },
          },
        },
      }),
    );
    const { wrapper } = await open(withPanel(completePanel()));
    await click('report-final-review');
    await choose(wrapper, 'ElRadioGroup', 'report-review-outcome', 'pass');
    await click('report-review-submit');
    // 通过 is the majority: no reason is asked for or sent.
    expect(api.reviewReport).toHaveBeenCalledWith(
      { id: PROJECT_ID, kind: 'final', expectedVersion: 9, outcome: 'pass' },
      SILENT,
    );
    // The panel changed meanwhile (the server says so): its word is shown, not lost.
    await vi.waitFor(() =>
      expect(text('report-review-error')).toContain('验收专家组没有过半数的意见'),
    );
    wrapper.unmount();
  });
});
