import { TRPCClientError } from '@trpc/client';
import type { VueWrapper } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as FileBlob from '../src/composables/use-file-blob';
import type { Officer } from '../src/store/auth';
import type * as Download from '../src/utils/download';
import ProjectDetail from '../src/views/projects/detail.vue';
import type {
  Project,
  ProjectChange,
  ProjectReport,
  ProjectTranche,
} from '../src/views/projects/queries';
import { apiError, officers } from './helpers';
import { more, mountAs } from './mount';
import { choose, click, errorsIn, inBody, settle, type } from './dom';

/**
 * 项目管理 after signing: the tranches and their applications, the unit's reports and their
 * review, changes and termination, from the bureau's side (the API is mocked).
 */
const api = vi.hoisted(() => ({
  byId: vi.fn(),
  reviewReport: vi.fn(),
  decideChange: vi.fn(),
  terminate: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    selection: {
      projects: {
        byId: { query: api.byId },
        reviewReport: { mutate: api.reviewReport },
        decideChange: { mutate: api.decideChange },
        terminate: { mutate: api.terminate },
      },
    },
  },
}));
const files = vi.hoisted(() => ({ fetchFile: vi.fn(), saveBlob: vi.fn() }));
vi.mock('../src/composables/use-file-blob', async (importOriginal) => ({
  ...(await importOriginal<typeof FileBlob>()),
  fetchFile: files.fetchFile,
}));
vi.mock('../src/utils/download', async (importOriginal) => ({
  ...(await importOriginal<typeof Download>()),
  saveBlob: files.saveBlob,
}));

const PROJECT_ID = '7a1c2e30-0000-4000-8000-0000000000c1';
const APP_1 = '7a1c2e30-0000-4000-8000-0000000000a1';
const APP_2 = '7a1c2e30-0000-4000-8000-0000000000a2';
const CHANGE_ID = '7a1c2e30-0000-4000-8000-0000000000e1';
const SILENT = { context: { silent: true } };

const SUMMARY = '完成飞控原型机研制，通过第三方环境适应性测试，累计示范飞行236架次。';

function tranches(second: ProjectTranche['application'] = null): ProjectTranche[] {
  return [
    {
      trancheNo: 1,
      condition: 'signing',
      conditionName: '任务书签订后',
      amountFen: 1_200_000_00n,
      application: {
        id: APP_1,
        number: 'SZKC-2027-000311',
        status: 'paid',
        statusName: '已拨付',
        amountFen: 1_200_000_00n,
      },
    },
    {
      trancheNo: 2,
      condition: 'mid-term',
      conditionName: '中期检查通过后',
      amountFen: 500_000_00n,
      application: second,
    },
    {
      trancheNo: 3,
      condition: 'acceptance',
      conditionName: '验收通过后',
      amountFen: 300_000_00n,
      application: null,
    },
  ];
}

/** The second tranche's application, raised and waiting for the bureau's approval. */
const SECOND_RAISED: ProjectTranche['application'] = {
  id: APP_2,
  number: 'SZKC-2028-000102',
  status: 'bureau-review',
  statusName: '市局审核中',
  amountFen: 500_000_00n,
};

function report(over: Partial<ProjectReport> = {}): ProjectReport {
  return {
    id: '7a1c2e30-0000-4000-8000-0000000000f1',
    kind: 'mid-term',
    kindName: '中期报告',
    status: 'submitted',
    statusName: '待审查',
    body: {
      summary: SUMMARY,
      milestones: [
        { done: true, note: '原型机已通过第三方测试' },
        { done: false, note: '示范飞行完成236架次，尚在进行' },
      ],
      cityFundsSpentFen: 980_000_00n,
      ownFundsSpentFen: 1_500_000_00n,
      nextSteps: '扩大示范航线至砀山县',
    },
    attachments: [],
    submissions: 2,
    submittedAt: new Date('2028-09-10T02:30:00Z'),
    reviewedAt: null,
    comment: null,
    ...over,
  } as ProjectReport;
}

function change(over: Partial<ProjectChange> = {}): ProjectChange {
  return {
    id: CHANGE_ID,
    kind: 'extension',
    kindName: '延期',
    status: 'pending',
    statusName: '待审批',
    reason: '示范空域审批推迟，示范飞行需顺延半年完成。',
    months: 6,
    terminationReasonName: null,
    endOnBefore: null,
    endOnAfter: null,
    requestedAt: new Date('2029-03-01T01:00:00Z'),
    byBureau: false,
    decidedAt: null,
    decisionComment: null,
    ...over,
  } as ProjectChange;
}

function project(over: Partial<Project> = {}): Project {
  return {
    id: PROJECT_ID,
    number: 'SZKC-XM-2027-0001',
    title: '低空物流无人机高可靠飞控系统研发',
    status: 'in-progress',
    statusName: '实施中',
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
      tranches: tranches().map(({ condition, conditionName, amountFen }) => ({
        condition,
        conditionName,
        amountFen,
      })),
    },
    basis: {
      decidedCityFundsFen: 2_000_000_00n,
      committedOwnFundsFen: 3_000_000_00n,
      months: 24,
    },
    schedule: { midTermDueOn: '2028-08-31', finalDueOn: '2029-09-30' },
    settings: { firstTrancheMaxPercent: 60, finalTrancheMinPercent: 20 },
    problems: {},
    signedAt: new Date('2027-09-05T03:00:00Z'),
    tranches: tranches(),
    reports: [],
    changes: [],
    reportsOpen: ['mid-term'],
    changesOpen: true,
    extension: { approved: 0, max: 2, maxMonths: 12 },
    version: 5,
    updatedAt: new Date('2028-09-10T02:30:00Z'),
    ...over,
  } as Project;
}

/** The project after the bureau ended it for a breach on `decidedAt`. */
function terminated(decidedAt: Date, over: Partial<Project> = {}): Project {
  return project({
    status: 'terminated',
    statusName: '已终止',
    reportsOpen: [],
    changesOpen: false,
    changes: [
      change({
        kind: 'termination',
        kindName: '终止',
        status: 'approved',
        statusName: '已同意',
        months: null,
        reason: '承担单位擅自变更技术路线且拒不整改。',
        terminationReasonName: '违反任务书约定或严重违规',
        byBureau: true,
        decidedAt,
      }),
    ],
    ...over,
  });
}

/** What the officer should never read: codes and ids. */
const RAW = [
  'in-progress',
  'signing',
  'mid-term',
  'acceptance',
  'bureau-review',
  'submitted',
  'pending',
  'extension',
  'undefined',
  PROJECT_ID,
  APP_1,
  CHANGE_ID,
];

const rowsOf = (wrapper: VueWrapper, testId: string) =>
  wrapper.findAll(`[data-testid="${testId}"] .el-table__body tr`).map((r) => r.text());
const text = (testId: string) => inBody(testId)?.textContent ?? '';

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
  for (const fn of [...Object.values(api), ...Object.values(files)]) fn.mockReset();
});

describe('项目管理: 资金拨付', () => {
  it('shows each tranche’s state, links a raised one to its application, and the totals', async () => {
    const { wrapper } = await open(
      project({
        tranches: tranches(SECOND_RAISED),
      }),
    );
    const rows = rowsOf(wrapper, 'project-tranches');
    expect(rows).toHaveLength(3);
    for (const t of ['第 1 期', '任务书签订后', '¥1,200,000.00', '已拨付', 'SZKC-2027-000311'])
      expect(rows[0]).toContain(t);
    for (const t of ['第 2 期', '中期检查通过后', '¥500,000.00', '市局审核中', 'SZKC-2028-000102'])
      expect(rows[1]).toContain(t);
    for (const t of ['第 3 期', '验收通过后', '¥300,000.00', '未到拨付条件'])
      expect(rows[2]).toContain(t);
    const link = wrapper.get('[data-testid="tranche-1-application"]');
    expect(link.element.tagName).toBe('A');
    expect(link.attributes('href')).toBe(`/applications/${APP_1}`);
    expect(wrapper.get('[data-testid="tranche-2-application"]').attributes('href')).toBe(
      `/applications/${APP_2}`,
    );
    expect(wrapper.find('[data-testid="tranche-3-application"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="tranche-totals"]').text().replace(/\s+/g, '')).toBe(
      '市级资金¥2,000,000.00，已生成拨付申请¥1,700,000.00，已拨付¥1,200,000.00',
    );
    for (const raw of RAW) expect(wrapper.text()).not.toContain(raw);
    wrapper.unmount();
  });

  it('says an ended project pays no tranche not yet raised', async () => {
    const { wrapper } = await open(terminated(new Date('2028-05-06T02:00:00Z')));
    expect(wrapper.get('[data-testid="project-terminated"]').text()).toContain(
      '项目已于 2028-05-06 10:00 终止：违反任务书约定或严重违规',
    );
    const rows = rowsOf(wrapper, 'project-tranches');
    expect(rows[1]).toContain('项目已终止，不再拨付');
    expect(rows[0]).toContain('已拨付');
    const changes = rowsOf(wrapper, 'project-changes');
    expect(changes[0]).toContain('市科技局终止');
    expect(changes[0]).toContain('终止原因：违反任务书约定或严重违规');
    // Nothing is left to end or to decide.
    expect(wrapper.find('[data-testid="project-terminate"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('项目管理: 项目报告', () => {
  it('says which report is expected and by when while none is in', async () => {
    const { wrapper } = await open(project());
    expect(wrapper.get('[data-testid="report-expected-mid-term"]').text()).toContain(
      '等待承担单位提交中期报告（应于 2028-08-31 前提交）',
    );
    expect(wrapper.get('[data-testid="report-expected-final"]').text()).toContain(
      '结题验收报告应于 2029-09-30 前提交，中期检查通过后承担单位方可提交',
    );
    wrapper.unmount();
  });

  it('shows a report beside the contract: milestones, money, next steps', async () => {
    const { wrapper } = await open(project({ reports: [report()], reportsOpen: [] }));
    expect(wrapper.find('[data-testid="report-expected-mid-term"]').exists()).toBe(false);
    const shown = wrapper.get('[data-testid="report-mid-term"]').text();
    for (const t of [
      '中期报告',
      '待审查',
      '第 2 次提交',
      '2028-09-10 10:30',
      '扩大示范航线至砀山县',
    ])
      expect(shown).toContain(t);
    expect(wrapper.get('[data-testid="report-mid-term-summary"]').text()).toBe(SUMMARY);
    expect(wrapper.get('[data-testid="report-mid-term-city"]').text()).toBe(
      '¥980,000.00（任务书市级资金 ¥2,000,000.00）',
    );
    expect(wrapper.get('[data-testid="report-mid-term-own"]').text()).toContain('¥1,500,000.00');
    expect(wrapper.get('[data-testid="report-mid-term-comment"]').text()).toBe('待市科技局审查');
    const lines = rowsOf(wrapper, 'report-mid-term-milestones');
    expect(lines).toHaveLength(2);
    for (const t of [
      '中期目标',
      '2028-08-31',
      '完成飞控原型机并通过第三方测试',
      '✓ 已完成',
      '原型机已通过第三方测试',
    ])
      expect(lines[0]).toContain(t);
    for (const t of ['项目完成', '完成不少于500架次的示范飞行', '✗ 未完成', '尚在进行'])
      expect(lines[1]).toContain(t);
    expect(wrapper.find('[data-testid="report-mid-term-review"]').exists()).toBe(true);
    for (const raw of RAW) expect(wrapper.text()).not.toContain(raw);
    wrapper.unmount();
  });

  it('lists the files a report came with, each a download saved under a numbered name', async () => {
    const file = (n: number, kind: string, kindName: string, name: string, sizeBytes: number) => ({
      kind,
      kindName,
      fileId: `7a1c2e30-0000-4000-8000-00000000f0${n}0`,
      name,
      sizeBytes,
      mimeType: 'application/pdf',
    });
    const attachments = [
      file(1, 'report-document', '报告正文', '中期报告（盖章版）.pdf', 2_516_582),
      file(2, 'supporting-material', '成果证明等佐证材料', '第三方测试报告.pdf', 204_800),
      file(3, 'supporting-material', '成果证明等佐证材料', '示范飞行记录.pdf', 51_200),
    ];
    const { wrapper } = await open(
      project({ reports: [report({ attachments } as Partial<ProjectReport>)], reportsOpen: [] }),
    );
    const rows = wrapper
      .findAll('[data-testid="report-mid-term-attachments"] .el-table__body tr')
      .map((r) =>
        r.findAll('td').map((td) => {
          const shown = td.findAll('li').map((li) => li.findAll('a, span').map((e) => e.text()));
          return shown.length ? shown.map((parts) => parts.join(' ')) : td.text();
        }),
      );
    expect(rows).toEqual([
      ['报告正文', '必需', ['中期报告（盖章版）.pdf 2.4 MB']],
      ['专项资金使用情况（审计报告）', '选填', '未上传'],
      ['成果证明等佐证材料', '选填', ['第三方测试报告.pdf 200 KB', '示范飞行记录.pdf 50 KB']],
    ]);
    const links = wrapper.findAll<HTMLAnchorElement>(
      '[data-testid="report-mid-term-attachments"] [data-testid="attachment-download"]',
    );
    expect(links.map((l) => l.attributes('href'))).toEqual(
      attachments.map((a) => `/files/${a.fileId}`),
    );
    const blob = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    files.fetchFile.mockResolvedValue(blob);
    for (const link of links) {
      await link.trigger('click');
      await settle();
    }
    expect(files.fetchFile.mock.calls.map(([id]) => id)).toEqual(attachments.map((a) => a.fileId));
    expect(files.saveBlob.mock.calls.map(([, name]) => name)).toEqual([
      'SZKC-XM-2027-0001-中期报告-报告正文.pdf',
      'SZKC-XM-2027-0001-中期报告-成果证明等佐证材料-1.pdf',
      'SZKC-XM-2027-0001-中期报告-成果证明等佐证材料-2.pdf',
    ]);
    wrapper.unmount();
  });

  it('has its headings in order under the page’s title: h1, the cards’ h2, their sections’ h3', async () => {
    const { wrapper } = await open(
      project({ reports: [report()], reportsOpen: [], changes: [change()] }),
    );
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) =>
      Number(h.tagName.slice(1)),
    );
    expect(levels[0]).toBe(1);
    expect(levels).toEqual(expect.arrayContaining([2, 3]));
    // axe heading-order: a heading is at most one level below the one before it.
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    const cards = [...document.querySelectorAll('h2')].map((h) => h.textContent?.trim() ?? '');
    expect(cards.map((t) => t.slice(0, 5))).toEqual([
      '项目信息',
      '任务书',
      '资金拨付',
      '项目报告',
      '变更与终止',
    ]);
    wrapper.unmount();
  });

  it('says what passing the mid-term raises, sends the review, and shows the answer', async () => {
    const passed = project({
      version: 6,
      reports: [
        report({
          status: 'passed',
          statusName: '通过',
          reviewedAt: new Date('2028-09-15T06:00:00Z'),
          comment: '同意通过',
        }),
      ],
      reportsOpen: ['final'],
      tranches: tranches(SECOND_RAISED),
    });
    api.reviewReport.mockResolvedValue(passed);
    const { wrapper } = await open(
      project({ reports: [report()], reportsOpen: [] }),
      more.reviewer,
    );
    await click('report-mid-term-review');
    expect(inBody('report-review-consequence')).toBeNull();
    await choose(wrapper, 'ElRadioGroup', 'report-review-outcome', 'pass');
    expect(text('report-review-consequence')).toContain(
      '通过后将按任务书生成第2期拨付申请（¥500,000.00）',
    );
    await type('report-review-comment', '  同意通过 ');
    await click('report-review-submit');
    expect(api.reviewReport).toHaveBeenCalledWith(
      {
        id: PROJECT_ID,
        kind: 'mid-term',
        expectedVersion: 5,
        outcome: 'pass',
        comment: '同意通过',
      },
      SILENT,
    );
    // The page is the answer, not a refetch.
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="report-mid-term-status"]').text()).toBe('通过'),
    );
    expect(api.byId).toHaveBeenCalledTimes(1);
    expect(rowsOf(wrapper, 'project-tranches')[1]).toContain('市局审核中');
    expect(wrapper.get('[data-testid="report-mid-term-comment"]').text()).toContain('同意通过');
    expect(wrapper.find('[data-testid="report-mid-term-review"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('says passing the final report is the acceptance, and failing ends the project', async () => {
    const { wrapper } = await open(
      project({
        status: 'accepting',
        statusName: '验收中',
        reports: [
          report({ status: 'passed', statusName: '通过', reviewedAt: new Date() }),
          report({
            id: '7a1c2e30-0000-4000-8000-0000000000f2',
            kind: 'final',
            kindName: '结题验收报告',
            submissions: 1,
          }),
        ],
        reportsOpen: [],
        tranches: tranches(SECOND_RAISED),
        // Its acceptance panel (验收专家组) is complete, the majority 通过
        // (project-acceptance.test.ts has the panel's own screens).
        acceptance: {
          reportRound: 1,
          drawable: false,
          settings: { panelSize: 5, reserves: 2, minValidVerdicts: 3 },
          panel: {
            id: '7a1c2e30-0000-4000-8000-0000000000b1',
            name: '验收专家组',
            round: 1,
            statusName: '意见已汇齐',
            drawnAt: new Date('2029-09-02T02:00:00Z'),
            seeds: ['9f3c0e7a5b1d4c2e8a6f0b3d5e7c9a1b'],
            poolSize: 7,
            panelSize: 5,
            minValidVerdicts: 3,
            departureReason: null,
            members: [],
            closed: false,
            conclusion: {
              vacancies: 0,
              tally: { pass: 5, revise: 0, fail: 0 },
              complete: true,
              majority: 'pass',
              majorityName: '通过',
              explanation: '有效意见5份（通过5、需整改0、不通过0），多数意见为“通过”。',
            },
          },
        } as unknown as Project['acceptance'],
      }),
    );
    expect(wrapper.find('[data-testid="report-mid-term-review"]').exists()).toBe(false);
    await click('report-final-review');
    expect(inBody('report-review-dialog')?.textContent).toContain('审查结题验收报告');
    await choose(wrapper, 'ElRadioGroup', 'report-review-outcome', 'pass');
    expect(text('report-review-consequence')).toBe(
      '通过即验收通过，项目状态变为“已验收”；将按任务书生成第3期拨付申请（¥300,000.00），进入市局审核。',
    );
    await choose(wrapper, 'ElRadioGroup', 'report-review-outcome', 'fail');
    const fail = text('report-review-consequence');
    expect(fail).toContain('不通过将终止项目（验收不通过）');
    expect(fail).toContain('未审批的拨付申请（第2期 ¥500,000.00）不再拨付');
    wrapper.unmount();
  });

  it('asks for a comment on a return before sending, and shows the server’s under the field', async () => {
    api.reviewReport.mockRejectedValue(
      TRPCClientError.from({
        error: {
          code: -32001,
          message: '审查意见须写明退回的具体原因',
          data: {
            appCode: 'INVALID_INPUT',
            fieldErrors: { comment: ['审查意见须写明退回的具体原因'] },
          },
        },
      }),
    );
    const { wrapper } = await open(project({ reports: [report()], reportsOpen: [] }));
    await click('report-mid-term-review');
    await choose(wrapper, 'ElRadioGroup', 'report-review-outcome', 'return');
    expect(text('report-review-consequence')).toContain('退回后承担单位可修改中期报告并重新提交');
    await click('report-review-submit');
    expect(api.reviewReport).not.toHaveBeenCalled();
    expect(errorsIn('report-review-dialog')['审查意见']).toBe('退回或不通过须填写审查意见');

    await type('report-review-comment', '不行');
    expect(errorsIn('report-review-dialog')['审查意见']).toBe('');
    await click('report-review-submit');
    expect(api.reviewReport).toHaveBeenCalledWith(
      {
        id: PROJECT_ID,
        kind: 'mid-term',
        expectedVersion: 5,
        outcome: 'return',
        comment: '不行',
      },
      SILENT,
    );
    await vi.waitFor(() =>
      expect(errorsIn('report-review-dialog')['审查意见']).toBe('审查意见须写明退回的具体原因'),
    );
    // Said under the field, not again above the buttons.
    expect(inBody('report-review-error')).toBeNull();
    wrapper.unmount();
  });

  it('on a stale project says so above the buttons and reloads it', async () => {
    api.reviewReport.mockRejectedValue(
      apiError('STALE_VERSION', '该项目刚被他人更新，请刷新后再试'),
    );
    const { wrapper } = await open(project({ reports: [report()], reportsOpen: [] }));
    await click('report-mid-term-review');
    await choose(wrapper, 'ElRadioGroup', 'report-review-outcome', 'pass');
    api.byId.mockResolvedValue(
      project({
        version: 6,
        reports: [report({ status: 'passed', statusName: '通过', reviewedAt: new Date() })],
      }),
    );
    await click('report-review-submit');
    expect(text('report-review-error')).toContain('该项目刚被他人更新，请刷新后再试');
    expect(text('report-review-error')).toContain('已重新载入');
    await vi.waitFor(() => expect(inBody('report-review-closed')).not.toBeNull());
    expect(inBody('report-review-submit')?.hasAttribute('disabled')).toBe(true);
    wrapper.unmount();
  });
});

describe('项目管理: 变更与终止', () => {
  it('shows an extension’s new end date (a month’s last day), and approves it', async () => {
    const approved = project({
      version: 6,
      contract: { ...project().contract, endOn: '2030-02-28' },
      changes: [
        change({
          status: 'approved',
          statusName: '已同意',
          endOnBefore: '2029-08-31',
          endOnAfter: '2030-02-28',
          decidedAt: new Date('2029-03-05T02:00:00Z'),
        }),
      ],
      extension: { approved: 1, max: 2, maxMonths: 12 },
    });
    api.decideChange.mockResolvedValue(approved);
    const { wrapper } = await open(project({ changes: [change()], changesOpen: false }));
    const row = rowsOf(wrapper, 'project-changes')[0];
    for (const t of ['延期', '待审批', '延期 6 个月', '示范空域审批推迟', '待市科技局审批'])
      expect(row).toContain(t);
    expect(row).toContain('同意后实施期限由 2029-08-31 延至 2030-02-28');
    expect(wrapper.get('[data-testid="project-extensions"]').text()).toContain('已延期 0/2 次');

    await click(`change-${CHANGE_ID}-approve`);
    expect(text('change-decision-consequence')).toBe(
      '同意后实施期限由 2029-08-31 延至 2030-02-28（延期 6 个月）。',
    );
    await click('change-decision-submit');
    expect(api.decideChange).toHaveBeenCalledWith(
      { id: PROJECT_ID, changeId: CHANGE_ID, expectedVersion: 5, decision: 'approve' },
      SILENT,
    );
    await vi.waitFor(() =>
      expect(rowsOf(wrapper, 'project-changes')[0]).toContain(
        '实施期限由 2029-08-31 延至 2030-02-28',
      ),
    );
    expect(rowsOf(wrapper, 'project-changes')[0]).toContain('已同意');
    expect(wrapper.get('[data-testid="contract-period"]').text()).toBe('2027-09-01 至 2030-02-28');
    expect(wrapper.find(`[data-testid="change-${CHANGE_ID}-approve"]`).exists()).toBe(false);
    expect(api.byId).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });

  it('will not send 不同意 without a reason, and sends it with one', async () => {
    api.decideChange.mockRejectedValue(
      TRPCClientError.from({
        error: {
          code: -32001,
          message: '不同意须填写理由',
          data: { appCode: 'INVALID_INPUT', fieldErrors: { comment: ['不同意须填写理由'] } },
        },
      }),
    );
    const { wrapper } = await open(project({ changes: [change()], changesOpen: false }));
    await click(`change-${CHANGE_ID}-reject`);
    const label = '不同意的理由（将告知承担单位）';
    await type('change-decision-comment', '   ');
    await click('change-decision-submit');
    expect(api.decideChange).not.toHaveBeenCalled();
    expect(errorsIn('change-decision-dialog')[label]).toBe('不同意须填写理由');

    await type('change-decision-comment', '空域审批已于2月完成，不存在延期事由。');
    expect(errorsIn('change-decision-dialog')[label]).toBe('');
    await click('change-decision-submit');
    expect(api.decideChange).toHaveBeenCalledWith(
      {
        id: PROJECT_ID,
        changeId: CHANGE_ID,
        expectedVersion: 5,
        decision: 'reject',
        comment: '空域审批已于2月完成，不存在延期事由。',
      },
      SILENT,
    );
    // The server's words land under the field too.
    await vi.waitFor(() =>
      expect(errorsIn('change-decision-dialog')[label]).toBe('不同意须填写理由'),
    );
    wrapper.unmount();
  });

  it('terminates with a reason chosen and explained, after saying what ending does', async () => {
    const ended = terminated(new Date('2028-10-08T02:00:00Z'), { version: 6 });
    api.terminate.mockResolvedValue(ended);
    const { wrapper } = await open(
      project({
        tranches: tranches(SECOND_RAISED),
      }),
    );
    await click('project-terminate');
    const consequence = text('terminate-consequence');
    expect(consequence).toContain('项目状态变为“已终止”');
    expect(consequence).toContain('未审批的拨付申请（第2期 ¥500,000.00）不再拨付');
    // The bureau's own reasons only, by name.
    const select = wrapper
      .findAllComponents({ name: 'ElSelect' })
      .find((c) => c.attributes('data-testid') === 'terminate-reason-code');
    expect(select).toBeDefined();

    await type('terminate-reason', '太短');
    await click('terminate-submit');
    expect(api.terminate).not.toHaveBeenCalled();
    const errors = errorsIn('terminate-dialog');
    expect(errors['终止原因']).toBe('请选择终止原因');
    expect(errors['终止说明']).toContain('10');

    await choose(wrapper, 'ElSelect', 'terminate-reason-code', 'breach');
    await type('terminate-reason', '  承担单位擅自变更技术路线且拒不整改。 ');
    await click('terminate-submit');
    expect(api.terminate).toHaveBeenCalledWith(
      {
        id: PROJECT_ID,
        expectedVersion: 5,
        terminationReason: 'breach',
        reason: '承担单位擅自变更技术路线且拒不整改。',
      },
      SILENT,
    );
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="project-status"]').text()).toBe('已终止'),
    );
    expect(wrapper.get('[data-testid="project-terminated"]').text()).toContain(
      '违反任务书约定或严重违规',
    );
    expect(wrapper.find('[data-testid="project-terminate"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows the server’s refusal of a termination above the buttons', async () => {
    api.terminate.mockRejectedValue(apiError('INVALID_TRANSITION', '项目当前为“已验收”，不能终止'));
    const { wrapper } = await open(project());
    await click('project-terminate');
    await choose(wrapper, 'ElSelect', 'terminate-reason-code', 'infeasible');
    await type('terminate-reason', '关键部件受出口管制，技术路线无法继续实施。');
    await click('terminate-submit');
    expect(api.terminate).toHaveBeenCalledTimes(1);
    expect(text('terminate-error')).toContain('项目当前为“已验收”，不能终止');
    wrapper.unmount();
  });
});

describe('项目管理: who may act', () => {
  it('offers an area officer no review, decision or termination, only the record', async () => {
    const { wrapper } = await open(
      project({ reports: [report()], reportsOpen: [], changes: [change()], changesOpen: false }),
      officers.yongqiao,
    );
    expect(wrapper.get('[data-testid="report-mid-term-summary"]').text()).toBe(SUMMARY);
    expect(rowsOf(wrapper, 'project-changes')[0]).toContain('示范空域审批推迟');
    expect(rowsOf(wrapper, 'project-tranches')[0]).toContain('已拨付');
    for (const testId of [
      'report-mid-term-review',
      `change-${CHANGE_ID}-approve`,
      `change-${CHANGE_ID}-reject`,
      'project-terminate',
    ])
      expect(wrapper.find(`[data-testid="${testId}"]`).exists()).toBe(false);
    for (const words of ['审查', '同意', '终止项目'])
      expect(
        wrapper.findAll('button').map((b) => b.text()),
        words,
      ).not.toContain(words);
    wrapper.unmount();
  });

  it('offers the bureau’s roles each of them', async () => {
    const { wrapper } = await open(
      project({ reports: [report()], reportsOpen: [], changes: [change()], changesOpen: false }),
      more.reviewer,
    );
    const buttons = wrapper.findAll('button').map((b) => b.text());
    expect(buttons).toEqual(expect.arrayContaining(['审查', '同意', '不同意', '终止项目']));
    wrapper.unmount();
  });
});
