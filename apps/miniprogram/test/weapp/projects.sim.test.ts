import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandler, type FakeOutcome, fakeTrpcServer } from '../support/fake-api';
import { type Simulated, bootMiniProgram } from './harness';

const HOUR = 3_600_000;
const PROJECT_ID = '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b';

type Cb = { success?: (r: unknown) => void; complete?: (r: unknown) => void };

/** A signed project, running, the mid-term report open, as `selection.projects.mineById` gives it. */
const PROJECT = {
  id: PROJECT_ID,
  number: 'SZKC-XM-2027-0001',
  title: '氢燃料电池膜电极国产化',
  status: 'in-progress',
  statusName: '实施中',
  programmeName: '未来产业重点科技项目（揭榜挂帅）',
  call: {
    id: '0b6f3a52-8c1e-4d7a-9f3b-2a4c6e8d0f11',
    number: 'SZKC-ZN-2027-02',
    title: '2027年度未来产业重点科技项目（揭榜挂帅）',
  },
  resultDocNo: '宿科〔2027〕18号',
  submissionNumber: 'SZKC-SB-2027-0001',
  organisationId: 'a0000000-0000-4000-8000-000000000001',
  organisationName: '安徽宿氢新能源科技有限公司',
  areaCode: 'yongqiao',
  areaName: '埇桥区',
  fieldCode: 'low-carbon-energy',
  fieldName: '低碳能源',
  contract: {
    startOn: '2027-07-01',
    endOn: '2029-06-30',
    cityFundsFen: 120_000_000n,
    ownFundsFen: 250_000_000n,
    milestones: [
      { title: '中期目标', dueOn: '2028-06-30', indicators: '完成低铂催化剂小试' },
      { title: '项目完成', dueOn: '2029-06-30', indicators: '建成年产十万片膜电极中试线' },
    ],
    tranches: [
      { condition: 'signing', amountFen: 36_000_000n, conditionName: '任务书签订后' },
      { condition: 'mid-term', amountFen: 84_000_000n, conditionName: '中期检查通过后' },
    ],
  },
  basis: { decidedCityFundsFen: 120_000_000n, committedOwnFundsFen: 250_000_000n, months: 24 },
  schedule: { midTermDueOn: '2028-06-30', finalDueOn: '2029-09-28' },
  settings: { firstTrancheMaxPercent: 60, finalTrancheMinPercent: 20 },
  problems: {},
  signedAt: new Date('2027-07-02T02:00:00Z'),
  version: 5,
  updatedAt: new Date('2028-06-01T02:00:00Z'),
  tranches: [
    {
      trancheNo: 1,
      condition: 'signing',
      conditionName: '任务书签订后',
      amountFen: 36_000_000n,
      application: {
        id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
        number: 'SZKC-2027-0031',
        status: 'paid',
        statusName: '已拨付',
        amountFen: 36_000_000n,
      },
    },
    {
      trancheNo: 2,
      condition: 'mid-term',
      conditionName: '中期检查通过后',
      amountFen: 84_000_000n,
      application: null,
    },
  ],
  reports: [],
  changes: [],
  reportsOpen: ['mid-term'],
  changesOpen: true,
  extension: { approved: 0, max: 1, maxMonths: 12 },
  mayAct: true,
};

/** 我的项目 (sub-package) in the WeChat build: the project page, the report and change forms. */
describe('a project’s reports and changes in the WeChat build', () => {
  let sim: Simulated;
  const modals: string[] = [];

  beforeAll(() => {
    sim = bootMiniProgram();
    const wx = (globalThis as Record<string, unknown>).wx as Record<string, unknown>;
    wx.showModal = (opts: { content?: string } & Cb) => {
      modals.push(opts.content ?? '');
      const result = { confirm: true, cancel: false };
      setTimeout(() => {
        opts.success?.(result);
        opts.complete?.(result);
      }, 0);
    };
  });
  beforeEach(() => {
    sim.storage.clear();
    sim.toasts.length = 0;
    sim.navigations.length = 0;
    modals.length = 0;
    sim.storage.set('kc.session', {
      token: 'tok-1',
      expiresAt: new Date(Date.now() + HOUR).toISOString(),
    });
    sim.storage.set('kc.consent', new Date().toISOString());
  });

  function serve(project: object, extra?: (path: string) => FakeOutcome | undefined) {
    const handler: FakeHandler = (path) => {
      const answer = extra?.(path);
      if (answer) return answer;
      if (path === 'selection.projects.mineById') return { data: project };
      if (path === 'selection.projects.submitReport' || path === 'selection.projects.requestChange')
        return { data: { ...project, mayAct: undefined } };
      return { error: { message: '请求的内容不存在', code: 'NOT_FOUND', httpStatus: 404 } };
    };
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
    return server.seen;
  }
  const sent = (seen: ReturnType<typeof serve>, path: string) =>
    seen.flatMap((r) => r.paths.flatMap((p, i) => (p === path ? [r.inputs[i]] : [])));

  it('shows the tranches and opens the report and change forms', async () => {
    serve(PROJECT);
    const page = await sim.openPage('packages/projects/detail/index', { id: PROJECT_ID });
    expect(page.text('#project-tranche-0-state')).toBe('已拨付');
    expect(page.text('#project-tranche-1-state')).toBe('未到拨付条件');
    expect(page.text('#project-report-mid-term-submit')).toBe('提交中期报告');
    await page.tap('#project-report-mid-term-submit');
    await page.tap('#project-change-new');
    expect(sim.navigations).toEqual([
      {
        api: 'navigateTo',
        url: `/packages/projects/report/index?id=${PROJECT_ID}&kind=mid-term`,
      },
      { api: 'navigateTo', url: `/packages/projects/change/index?id=${PROJECT_ID}` },
    ]);
  });

  it('a member who is not the administrator sees no actions', async () => {
    serve({ ...PROJECT, mayAct: false });
    const page = await sim.openPage('packages/projects/detail/index', { id: PROJECT_ID });
    expect(page.query('#project-report-mid-term-submit')).toBeFalsy();
    expect(page.query('#project-change-new')).toBeFalsy();
    expect(page.text('#project-reports-admin-only')).toContain('由单位管理员提交');
  });

  it('the report form checks with the schema, then sends money in fen', async () => {
    const seen = serve(PROJECT);
    const page = await sim.openPage('packages/projects/report/index', {
      id: PROJECT_ID,
      kind: 'mid-term',
    });
    expect(page.text('#report-milestone-1')).toContain('建成年产十万片膜电极中试线');
    await page.tap('#report-submit');
    expect(page.text('#report-summary-error')).toBe('请填写工作进展与主要成果');
    expect(page.text('#report-milestone-0-note-error')).toBe('请填写完成情况');
    expect(sent(seen, 'selection.projects.submitReport')).toEqual([]);

    await page.input('#report-summary', '完成低铂催化剂小试，铂载量降至每平方厘米零点三二毫克。');
    await page.tap('#report-milestone-0-done');
    expect(page.text('#report-milestone-0-done-text')).toBe('已完成');
    await page.input('#report-milestone-0-note', '小试完成，测试报告见附件');
    await page.input('#report-milestone-1-note', '中试线设备已招标');
    await page.input('#report-cityFundsSpent', '300000.5');
    await page.input('#report-ownFundsSpent', '1,200,000');
    await page.tap('#report-submit');
    expect(modals).toHaveLength(1);
    expect(sent(seen, 'selection.projects.submitReport')).toEqual([
      {
        id: PROJECT_ID,
        expectedVersion: 5,
        kind: 'mid-term',
        body: {
          summary: '完成低铂催化剂小试，铂载量降至每平方厘米零点三二毫克。',
          milestones: [
            { done: true, note: '小试完成，测试报告见附件' },
            { done: false, note: '中试线设备已招标' },
          ],
          cityFundsSpentFen: 30_000_050n,
          ownFundsSpentFen: 120_000_000n,
        },
      },
    ]);
    expect(sim.toasts).toContain('中期报告已提交');
  });

  it('a report that is not open says why instead of the form', async () => {
    serve({ ...PROJECT, reportsOpen: ['mid-term'] });
    const page = await sim.openPage('packages/projects/report/index', {
      id: PROJECT_ID,
      kind: 'final',
    });
    expect(page.text('#report-closed')).toContain('中期检查通过后才能提交结题验收报告');
    expect(page.query('#report-submit')).toBeFalsy();
  });

  it('the change form says the months limit and sends an extension', async () => {
    const seen = serve(PROJECT);
    const page = await sim.openPage('packages/projects/change/index', { id: PROJECT_ID });
    await page.tap('#change-kind-extension');
    await page.input('#change-months', '18');
    await page.blur('#change-months');
    expect(page.text('#change-months-error')).toBe('每次延期不超过12个月');
    await page.input('#change-months', '6');
    await page.input('#change-reason', '关键设备进口延迟，中试线建设需顺延六个月');
    await page.tap('#change-submit');
    expect(sent(seen, 'selection.projects.requestChange')).toEqual([
      {
        id: PROJECT_ID,
        expectedVersion: 5,
        request: {
          kind: 'extension',
          months: 6,
          reason: '关键设备进口延迟，中试线建设需顺延六个月',
        },
      },
    ]);
  });

  it('a pending request keeps the change form closed, and says so', async () => {
    serve({
      ...PROJECT,
      changesOpen: false,
      changes: [
        {
          id: '9c8b7a6d-5e4f-4d3c-8b2a-1f0e9d8c7b6a',
          kind: 'change',
          kindName: '变更',
          status: 'pending',
          statusName: '待审批',
          reason: '调整第二个节点的考核指标',
          months: null,
          terminationReasonName: null,
          endOnBefore: null,
          endOnAfter: null,
          requestedAt: new Date('2028-07-01T02:00:00Z'),
          byBureau: false,
          decidedAt: null,
          decisionComment: null,
        },
      ],
    });
    const page = await sim.openPage('packages/projects/change/index', { id: PROJECT_ID });
    expect(page.text('#change-closed')).toContain('已有待审批的变更申请');
  });
});
