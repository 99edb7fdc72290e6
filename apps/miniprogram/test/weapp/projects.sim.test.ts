import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandler, type FakeOutcome, fakeTrpcServer, sent } from '../support/fake-api';
import { PROJECT_ID, runningProject } from '../support/projects';
import { type Simulated, bootMiniProgram, startSignedIn, answerModals } from './harness';

/** A signed project, running, the mid-term report open, as `selection.projects.mineById` gives it. */
const PROJECT = runningProject();

/** The report document a returned mid-term report was sent with. */
const SENT_DOCUMENT = {
  kind: 'report-document' as const,
  kindName: '报告正文',
  fileId: 'f0000000-0000-4000-8000-0000000000aa',
  name: '中期报告（盖章版）.pdf',
  sizeBytes: 2_516_582,
  mimeType: 'application/pdf',
};

/** 我的项目 (sub-package) in the WeChat build: the project page, the report and change forms. */
describe('a project’s reports and changes in the WeChat build', () => {
  let sim: Simulated;
  const modals: string[] = [];

  beforeAll(() => {
    sim = bootMiniProgram();
    answerModals(modals);
  });
  beforeEach(() => {
    startSignedIn(sim);
    modals.length = 0;
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

  it('the report form checks with the schema, the files included', async () => {
    const seen = serve(PROJECT);
    const page = await sim.openPage('packages/projects/report/index', {
      id: PROJECT_ID,
      kind: 'mid-term',
    });
    expect(page.text('#report-milestone-1')).toContain('建成年产十万片膜电极中试线');
    await page.tap('#report-submit');
    expect(page.text('#report-summary-error')).toBe('请填写工作进展与主要成果');
    expect(page.text('#report-milestone-0-note-error')).toBe('请填写完成情况');
    expect(page.text('#report-attachments')).toContain('请上传报告正文');
    expect(sent(seen, 'selection.projects.submitReport')).toEqual([]);
  });

  it('a returned report keeps its files; the corrected one sends money in fen', async () => {
    const seen = serve({
      ...PROJECT,
      reports: [
        {
          id: 'report-1',
          kind: 'mid-term',
          kindName: '中期报告',
          status: 'returned',
          statusName: '退回修改',
          body: {
            summary: '完成低铂催化剂小试。',
            milestones: [
              { done: false, note: '小试进行中' },
              { done: false, note: '中试线设备已招标' },
            ],
            cityFundsSpentFen: 10_000_000n,
            ownFundsSpentFen: 50_000_000n,
          },
          attachments: [SENT_DOCUMENT],
          submissions: 1,
          submittedAt: new Date('2028-06-20T02:00:00Z'),
          reviewedAt: new Date('2028-06-25T06:30:00Z'),
          comment: '请补充市级资金支出明细',
        },
      ],
    });
    const page = await sim.openPage('packages/projects/report/index', {
      id: PROJECT_ID,
      kind: 'mid-term',
    });
    expect(page.text('#report-attachments')).toContain(SENT_DOCUMENT.name);
    await page.input('#report-summary', '完成低铂催化剂小试，铂载量降至每平方厘米零点三二毫克。');
    await page.tap('#report-milestone-0-done');
    expect(page.text('#report-milestone-0-done-text')).toBe('已完成');
    await page.input('#report-milestone-0-note', '小试完成，测试报告见附件');
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
        attachments: [{ kind: 'report-document', fileId: SENT_DOCUMENT.fileId }],
      },
    ]);
    expect(sim.toasts).toContain('已重新提交');
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
