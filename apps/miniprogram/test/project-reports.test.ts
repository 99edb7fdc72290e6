// @vitest-environment jsdom
import { projectChangeRequestSchema, projectReportSchema } from '@kc/domain';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import Taro from '@tarojs/taro';
import type { MyProject, ProjectChange, ProjectReport } from '../src/packages/projects/data';
import type * as Upload from '../src/services/upload';
import { uploadHintText } from '../src/services/upload-common';
import { type FakeOutcome, fakeApi, sent } from './support/fake-api';
import { PROJECT_ID, runningProject as project } from './support/projects';
import { createScreen } from './support/screen';
import { taroStub } from './stubs/taro';

/** Taro's components as plain tags (as in projects.test.ts), so the pages run in jsdom. */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));
/**
 * Picking and sending a file stand in for WeChat's picker and the upload route: the next file
 * `uploads.picked` holds is picked, and uploaded as `fileIdOf(its name)`.
 */
const uploads = vi.hoisted(() => {
  const ids = new Map<string, string>();
  return {
    picked: [] as { name: string; size: number }[],
    fileIdOf: (name: string) => {
      if (!ids.has(name))
        ids.set(name, `f0000000-0000-4000-8000-${String(ids.size + 1).padStart(12, '0')}`);
      return ids.get(name) as string;
    },
  };
});
vi.mock('../src/services/upload', async (original) => ({
  ...(await original<typeof Upload>()),
  pickFiles: async () => {
    const file = uploads.picked.shift();
    return file ? [{ path: `wxfile://${file.name}`, ...file }] : [];
  },
  uploadFile: async (file: { name: string; size: number }) => ({
    id: uploads.fileIdOf(file.name),
    sha256: 'a'.repeat(64),
    sizeBytes: file.size,
    mimeType: 'application/pdf',
    originalName: file.name,
  }),
}));

const { ProjectDetail } = await import('../src/packages/projects/detail/ProjectDetail');
const { ReportForm } = await import('../src/packages/projects/report/ReportForm');
const { ChangeForm } = await import('../src/packages/projects/change/ChangeForm');
const { messageTarget } = await import('../src/pages/messages/links');

const REPORT_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CHANGE_ID = '9c8b7a6d-5e4f-4d3c-8b2a-1f0e9d8c7b6a';

const SUMMARY = '完成低铂催化剂小试，铂载量降至每平方厘米零点三二毫克，申请发明专利两项。';

/** The report document sent with the returned mid-term report. */
const SENT_DOCUMENT = {
  kind: 'report-document' as const,
  kindName: '报告正文',
  fileId: 'f0000000-0000-4000-8000-0000000000aa',
  name: '中期报告（盖章版）.pdf',
  sizeBytes: 2_516_582,
  mimeType: 'application/pdf',
};

const returnedMidTerm = (over: Partial<ProjectReport> = {}): ProjectReport => ({
  id: REPORT_ID,
  kind: 'mid-term',
  kindName: '中期报告',
  status: 'returned',
  statusName: '退回修改',
  body: {
    summary: SUMMARY,
    milestones: [
      { done: true, note: '小试完成，测试报告见附件' },
      { done: false, note: '中试线设备已招标' },
    ],
    cityFundsSpentFen: 30_000_050n,
    ownFundsSpentFen: 120_000_000n,
    nextSteps: '推进中试线建设',
  },
  attachments: [SENT_DOCUMENT],
  submissions: 1,
  submittedAt: new Date('2028-06-20T02:00:00Z'),
  reviewedAt: new Date('2028-06-25T06:30:00Z'),
  comment: '请补充市级资金支出明细',
  ...over,
});

const change = (over: Partial<ProjectChange> = {}): ProjectChange => ({
  id: CHANGE_ID,
  kind: 'extension',
  kindName: '延期',
  status: 'pending',
  statusName: '待审批',
  reason: '关键设备进口延迟，中试线建设顺延',
  months: 6,
  terminationReasonName: null,
  endOnBefore: null,
  endOnAfter: null,
  requestedAt: new Date('2028-07-01T02:00:00Z'),
  byBureau: false,
  decidedAt: null,
  decisionComment: null,
  ...over,
});

const refusal = (
  appCode: string,
  message: string,
  fieldErrors?: Record<string, string[]>,
): FakeOutcome => ({
  error: { message, code: 'BAD_REQUEST', httpStatus: 400, appCode, fieldErrors },
});

/** The schema's own word for a value, so the form is shown to say exactly what the API would. */
function schemaMessage(
  schema: {
    safeParse: (v: unknown) => { error?: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
  path: string,
): string | undefined {
  return schema.safeParse(value).error?.issues.find((i) => i.path.join('.') === path)?.message;
}

describe('a project’s reports, change requests and tranches on screen', () => {
  const screen = createScreen();
  const { $, text, valueOf, render, click, type, blur } = screen;

  /**
   * What a user reads holds no codes, enum names or ids: no Latin lower-case at all, the user's
   * own file names and the upload hint's file types (.docx) aside.
   */
  const noCodes = () =>
    expect(
      (screen.container.textContent ?? '')
        .replaceAll(uploadHintText(), '')
        .replaceAll(/[^\s：]*\.pdf/g, ''),
    ).not.toMatch(/[a-z]/);

  /** Picks `name` for the upload row of `kind`, as from a WeChat chat, and lets it upload. */
  async function attach(kind: string, name: string) {
    uploads.picked.push({ name, size: 204_800 });
    await click(`evidence-${kind}-chat`);
  }

  describe('the project page', () => {
    async function detail(p: MyProject) {
      await render(createElement(ProjectDetail, { project: p, onChanged: () => undefined }));
    }

    it('shows each tranche: amount, condition, and not yet due or its 拨付申请’s status', async () => {
      await detail(project());
      expect(text('project-tranche-0-label')).toBe('第一期 · 任务书签订后');
      expect(text('project-tranche-0-amount')).toBe('¥360,000.00');
      expect(text('project-tranche-0-state')).toBe('已拨付');
      expect($('project-tranche-0-state')?.className).toContain('status-tag--success');
      expect(text('project-tranche-0-application')).toBe('拨付申请 SZKC-2027-0031');
      expect(text('project-tranche-1-state')).toBe('未到拨付条件');
      expect($('project-tranche-1-application')).toBeNull();
      expect(text('project-tranche-2-label')).toBe('第三期 · 验收通过后');
      expect(text('project-tranche-2-amount')).toBe('¥480,000.00');
      expect(text('project-tranche-2-state')).toBe('未到拨付条件');
      noCodes();
    });

    it('the administrator opens the report the project is ready for, and a change request', async () => {
      const navigateTo = vi.spyOn(Taro, 'navigateTo');
      await detail(project());
      expect(text('project-reports-none')).toContain('中期报告于 2028-06-30 前提交');
      expect(text('project-report-mid-term-submit')).toBe('提交中期报告');
      expect($('project-report-final-submit')).toBeNull();
      expect(text('project-change-new')).toBe('申请延期/变更/终止');
      noCodes();

      await click('project-report-mid-term-submit');
      await click('project-change-new');
      expect(navigateTo.mock.calls.map(([o]) => o.url)).toEqual([
        `/packages/projects/report/index?id=${PROJECT_ID}&kind=mid-term`,
        `/packages/projects/change/index?id=${PROJECT_ID}`,
      ]);
    });

    it('a returned report shows the bureau’s comment and is corrected with 修改后重新提交', async () => {
      await detail(project({ reports: [returnedMidTerm()] }));
      expect(text('project-report-mid-term-status')).toBe('退回修改');
      expect($('project-report-mid-term-status')?.className).toContain('status-tag--warning');
      expect(text('project-report-mid-term-comment')).toBe('退回意见：请补充市级资金支出明细');
      expect(text('project-report-mid-term-summary')).toBe(SUMMARY);
      expect(text('project-report-mid-term-submitted')).toBe(
        '2028-06-20 10:00 提交 · 2028-06-25 14:30 审查',
      );
      expect(text('project-report-mid-term-spent')).toBe(
        '已支出：市级资金 ¥300,000.50，自筹资金 ¥1,200,000.00',
      );
      // The files it was sent with: the kind, the name, the size.
      const files = Array.from(
        screen.container.querySelectorAll('#project-report-mid-term-files [role="listitem"]'),
      ).map((f) => Array.from(f.children).map((c) => c.textContent));
      expect(files).toEqual([['报告正文', '中期报告（盖章版）.pdf', '2.4 MB']]);
      expect(text('project-report-mid-term-submit')).toBe('修改后重新提交');
      noCodes();
    });

    it('hides every action from a member who is not the administrator', async () => {
      const seen = fakeApi(() => ({ data: null }));
      await detail(project({ mayAct: false, reports: [returnedMidTerm()] }));
      expect($('project-report-mid-term-submit')).toBeNull();
      expect($('project-change-new')).toBeNull();
      expect($('project-sign')).toBeNull();
      expect(text('project-reports-admin-only')).toBe(
        '项目报告由单位管理员提交，请提醒本单位管理员处理。',
      );
      // What was sent and said stays readable.
      expect(text('project-report-mid-term-comment')).toContain('请补充市级资金支出明细');
      expect(text('project-tranche-0-state')).toBe('已拨付');
      expect(seen).toEqual([]);
    });

    it('lists the change requests with the bureau’s word; one pending: no new request, and why', async () => {
      await detail(
        project({
          changesOpen: false,
          changes: [
            change(),
            change({
              id: 'c1000000-0000-4000-8000-000000000001',
              kind: 'change',
              kindName: '变更',
              months: null,
              status: 'rejected',
              statusName: '不同意',
              reason: '调整第二个节点的考核指标',
              decidedAt: new Date('2028-03-02T02:00:00Z'),
              decisionComment: '考核指标不得降低',
            }),
          ],
        }),
      );
      expect(text(`project-change-${CHANGE_ID}-title`)).toBe('延期 6 个月申请');
      expect(text(`project-change-${CHANGE_ID}-status`)).toBe('待审批');
      expect(text(`project-change-${CHANGE_ID}-reason`)).toBe(
        '理由：关键设备进口延迟，中试线建设顺延',
      );
      const rejected = 'project-change-c1000000-0000-4000-8000-000000000001';
      expect(text(`${rejected}-status`)).toBe('不同意');
      expect($(`${rejected}-status`)?.className).toContain('status-tag--danger');
      expect(text(`${rejected}-comment`)).toBe('市科技局意见：考核指标不得降低');
      expect($('project-change-new')).toBeNull();
      expect(text('project-change-pending')).toContain('已有待审批的变更申请');
      noCodes();
    });

    it('an approved extension shows the new end date', async () => {
      await detail(
        project({
          changes: [
            change({
              status: 'approved',
              statusName: '已同意',
              endOnBefore: '2029-06-30',
              endOnAfter: '2029-12-31',
              decidedAt: new Date('2028-07-10T02:00:00Z'),
              decisionComment: '同意延期',
            }),
          ],
        }),
      );
      expect(text(`project-change-${CHANGE_ID}-period`)).toBe(
        '实施期限由 2029-06-30 延至 2029-12-31',
      );
      expect(text(`project-change-${CHANGE_ID}-comment`)).toBe('市科技局意见：同意延期');
    });

    it('a terminated project says so first, with the reason and words of the termination', async () => {
      await detail(
        project({
          status: 'terminated',
          statusName: '已终止',
          reportsOpen: [],
          changesOpen: false,
          reports: [
            returnedMidTerm({
              status: 'failed',
              statusName: '不通过',
              comment: '核心指标未达到任务书要求',
            }),
          ],
          changes: [
            change({
              id: 'c2000000-0000-4000-8000-000000000002',
              kind: 'termination',
              kindName: '终止',
              months: null,
              status: 'approved',
              statusName: '已同意',
              reason: '核心指标未达到任务书要求',
              terminationReasonName: '中期检查不通过',
              byBureau: true,
              decidedAt: new Date('2028-07-20T02:00:00Z'),
            }),
          ],
        }),
      );
      expect(text('project-ended')).toContain('项目已终止（2028-07-20）');
      expect(text('project-ended-reason')).toBe('终止原因：中期检查不通过');
      expect(text('project-ended-text')).toBe('核心指标未达到任务书要求');
      expect($('project-ended')?.className).toContain('notice--danger');
      expect(text('project-tranche-1-state')).toBe('项目已终止，不再拨付');
      expect(text('project-report-mid-term-status')).toBe('不通过');
      expect($('project-report-mid-term-status')?.className).toContain('status-tag--danger');
      expect($('project-report-mid-term-submit')).toBeNull();
      expect($('project-change-new')).toBeNull();
      expect($('project-change-pending')).toBeNull();
      noCodes();
    });

    it('a completed project shows 已验收', async () => {
      await detail(
        project({
          status: 'completed',
          statusName: '已验收',
          reportsOpen: [],
          changesOpen: false,
          reports: [
            returnedMidTerm({ status: 'passed', statusName: '通过', comment: null }),
            returnedMidTerm({
              id: 'r2000000-0000-4000-8000-000000000002',
              kind: 'final',
              kindName: '结题验收报告',
              status: 'passed',
              statusName: '通过',
              comment: null,
              reviewedAt: new Date('2029-10-15T02:00:00Z'),
            }),
          ],
        }),
      );
      expect(text('project-ended')).toContain('项目已验收（2029-10-15）');
      expect($('project-ended')?.className).toContain('notice--success');
      expect(text('project-report-final-status')).toBe('通过');
    });
  });

  describe('the report form', () => {
    async function form(p: MyProject, kind: 'mid-term' | 'final' = 'mid-term') {
      const calls = { submitted: 0, stale: 0 };
      await render(
        createElement(ReportForm, {
          project: p,
          kind,
          onSubmitted: () => (calls.submitted += 1),
          onStale: () => (calls.stale += 1),
        }),
      );
      return calls;
    }
    /** Every field, and the files the report kind needs (the statement for the final report). */
    async function fillValid(kind: 'mid-term' | 'final' = 'mid-term') {
      await type('report-summary', SUMMARY);
      await click('report-milestone-0-done');
      await type('report-milestone-0-note', '小试完成，测试报告见附件');
      await type('report-milestone-1-note', '中试线设备已招标');
      await type('report-cityFundsSpent', '300,000.5');
      await type('report-ownFundsSpent', '1200000');
      await attach('report-document', '中期报告.pdf');
      if (kind === 'final') await attach('financial-statement', '专项审计报告.pdf');
    }

    it('has an upload row per kind of file the report kind asks for, the required ones marked', async () => {
      await form(project());
      const rows = () =>
        Array.from(screen.container.querySelectorAll('#report-attachments .evidence__row')).map(
          (row) => [row.id, row.querySelector('.evidence__head')?.textContent],
        );
      expect(rows()).toEqual([
        ['evidence-report-document', '报告正文必需'],
        ['evidence-financial-statement', '专项资金使用情况（审计报告）选交'],
        ['evidence-supporting-material', '成果证明等佐证材料选交'],
      ]);
      expect(text('evidence-report-document')).toContain('加盖单位公章的报告文本');
      noCodes();

      await render(createElement('div'));
      await form(project({ reportsOpen: ['final'] }), 'final');
      expect(rows()[1]).toEqual([
        'evidence-financial-statement',
        '专项资金使用情况（审计报告）必需',
      ]);
    });

    it('shows a block per contract milestone with its title, 完成时间 and 考核指标', async () => {
      await form(project());
      expect(text('report-title')).toBe('中期报告');
      expect(text('report-due')).toBe('中期检查 2028-06-30 前提交');
      expect(text('report-milestone-0')).toContain('1. 中期目标');
      expect(text('report-milestone-0')).toContain('完成时间 2028-06-30');
      expect(text('report-milestone-1')).toContain(
        '考核指标：建成年产十万片膜电极中试线，寿命超过一万小时',
      );
      expect($('report-milestone-0-done')?.getAttribute('aria-checked')).toBe('false');
      expect(text('report-milestone-0-done-text')).toBe('未完成');
      expect(text('report-cityFundsSpent-hint')).toBe('任务书市级资金 ¥1,200,000.00');
      expect($('report-returned')).toBeNull();
      noCodes();
    });

    it('checks with the domain schema before sending: its messages under the fields, nothing sent', async () => {
      const seen = fakeApi(() => ({ data: null }));
      await form(project());
      // Nothing said before the user has left a box.
      expect($('report-summary-error')).toBeNull();
      await click('report-submit');
      const emptySummary = schemaMessage(projectReportSchema, { summary: '' }, 'summary');
      expect(emptySummary).toBe('请填写工作进展与主要成果');
      expect(text('report-summary-error')).toBe(emptySummary);
      expect(text('report-milestone-0-note-error')).toBe('请填写完成情况');
      expect(text('report-milestone-1-note-error')).toBe('请填写完成情况');
      expect(text('report-cityFundsSpent-error')).toBe('请填写市级资金已支出');
      expect(text('report-ownFundsSpent-error')).toBe('请填写自筹资金已支出');
      expect($('report-nextSteps-error')).toBeNull();
      // The report itself is required: its row is marked and the uploads say so.
      expect(text('evidence-error')).toBe('请上传报告正文');
      expect($('evidence-report-document')?.className).toContain('evidence__row--missing');
      expect($('evidence-supporting-material')?.className).not.toContain('missing');
      expect(taroStub.toasts).toContain('请按提示修改标红的内容');
      expect(taroStub.modals).toEqual([]);
      expect(seen).toEqual([]);

      await type('report-summary', '进展顺利');
      expect(text('report-summary-error')).toBe('工作进展与主要成果至少20个字');
      await type('report-cityFundsSpent', '三十万');
      expect(text('report-cityFundsSpent-error')).toBe(
        '市级资金已支出请填写以元为单位的金额，最多两位小数',
      );
      await attach('report-document', '中期报告.pdf');
      expect($('evidence-error')).toBeNull();
      expect(text(`evidence-file-${uploads.fileIdOf('中期报告.pdf')}`)).toContain('中期报告.pdf');
      noCodes();
    });

    it('checks the spending against the 任务书 (reportProblems) as it is typed', async () => {
      await form(project());
      await type('report-cityFundsSpent', '1300000');
      await blur('report-cityFundsSpent');
      expect(text('report-cityFundsSpent-error')).toBe(
        '市级资金支出不能超过任务书约定的¥1,200,000.00',
      );
      await type('report-cityFundsSpent', '1200000');
      expect($('report-cityFundsSpent-error')).toBeNull();
    });

    it('sends the report with money in fen, one line per milestone, on the version shown', async () => {
      const seen = fakeApi((path) =>
        path === 'selection.projects.submitReport' ? { data: { id: PROJECT_ID } } : { data: null },
      );
      const calls = await form(project());
      await fillValid();
      expect($('report-milestone-0-done')?.getAttribute('aria-checked')).toBe('true');
      expect(text('report-milestone-0-done-text')).toBe('已完成');
      await click('report-submit');
      expect(taroStub.modals).toEqual([
        '中期报告提交后由市科技局审查，审查期间不能修改。确定提交吗？',
      ]);
      expect(sent(seen, 'selection.projects.submitReport')).toEqual([
        {
          id: PROJECT_ID,
          expectedVersion: 5,
          kind: 'mid-term',
          body: {
            summary: SUMMARY,
            milestones: [
              { done: true, note: '小试完成，测试报告见附件' },
              { done: false, note: '中试线设备已招标' },
            ],
            cityFundsSpentFen: 30_000_050n,
            ownFundsSpentFen: 120_000_000n,
          },
          attachments: [{ kind: 'report-document', fileId: uploads.fileIdOf('中期报告.pdf') }],
        },
      ]);
      expect(taroStub.toasts).toContain('中期报告已提交');
      expect(calls).toEqual({ submitted: 1, stale: 0 });
    });

    it('nothing is sent when the confirmation is declined', async () => {
      const seen = fakeApi(() => ({ data: null }));
      const calls = await form(project());
      await fillValid();
      taroStub.modalConfirm = false;
      await click('report-submit');
      expect(taroStub.modals).toHaveLength(1);
      expect(seen).toEqual([]);
      expect(calls.submitted).toBe(0);
    });

    it('a returned report starts from what was sent, with the bureau’s comment, and is sent again', async () => {
      const seen = fakeApi((path) =>
        path === 'selection.projects.submitReport' ? { data: { id: PROJECT_ID } } : { data: null },
      );
      const calls = await form(project({ reports: [returnedMidTerm()] }));
      expect(text('report-returned')).toContain(
        '市科技局于 2028-06-25 14:30 退回修改：请补充市级资金支出明细',
      );
      expect(valueOf('report-summary')).toBe(SUMMARY);
      expect($('report-milestone-0-done')?.getAttribute('aria-checked')).toBe('true');
      expect($('report-milestone-1-done')?.getAttribute('aria-checked')).toBe('false');
      expect(valueOf('report-milestone-0-note')).toBe('小试完成，测试报告见附件');
      expect(valueOf('report-cityFundsSpent')).toBe('300000.50');
      expect(valueOf('report-ownFundsSpent')).toBe('1200000');
      expect(valueOf('report-nextSteps')).toBe('推进中试线建设');
      expect(text('report-submit')).toBe('重新提交');
      // The files sent last time are kept unless removed; another may be added.
      expect(text(`evidence-file-${SENT_DOCUMENT.fileId}`)).toContain('中期报告（盖章版）.pdf');
      await attach('supporting-material', '发明专利受理通知书.pdf');

      await type('report-cityFundsSpent', '310000');
      await click('report-submit');
      const [input] = sent(seen, 'selection.projects.submitReport') as {
        body: Record<string, unknown>;
        attachments: unknown[];
      }[];
      expect(input?.body).toEqual({
        ...returnedMidTerm().body,
        cityFundsSpentFen: 31_000_000n,
      });
      expect(input?.attachments).toEqual([
        { kind: 'report-document', fileId: SENT_DOCUMENT.fileId },
        { kind: 'supporting-material', fileId: uploads.fileIdOf('发明专利受理通知书.pdf') },
      ]);
      expect(taroStub.toasts).toContain('已重新提交');
      expect(calls.submitted).toBe(1);
      noCodes();
    });

    it('the final report asks before it opens the acceptance', async () => {
      fakeApi(() => ({ data: { id: PROJECT_ID } }));
      await form(project({ reportsOpen: ['final'] }), 'final');
      expect(text('report-title')).toBe('结题验收报告');
      expect(text('report-due')).toBe('结题报告 2029-09-28 前提交');
      await fillValid();
      // The final report needs the financial statement (审计报告) as well.
      await click('report-submit');
      expect(text('evidence-error')).toBe('请上传专项资金使用情况（审计报告）');
      expect(taroStub.modals).toEqual([]);
      await attach('financial-statement', '专项审计报告.pdf');
      await click('report-submit');
      expect(taroStub.modals[0]).toContain('结题验收报告提交后项目进入验收');
      expect(taroStub.toasts).toContain('结题验收报告已提交');
    });

    it('shows the server’s fieldErrors under the right fields', async () => {
      const seen = fakeApi(() =>
        refusal('INVALID_INPUT', '完成情况至少4个字', {
          'body.milestones.1.note': ['完成情况至少4个字'],
          'body.cityFundsSpentFen': ['市级资金支出不能超过任务书约定的¥1,200,000.00'],
          attachments: ['附件文件不存在或不是您上传的，请重新上传'],
        }),
      );
      const calls = await form(project());
      await fillValid();
      await click('report-submit');
      expect(seen).toHaveLength(1);
      expect(text('report-milestone-1-note-error')).toBe('完成情况至少4个字');
      expect(text('report-cityFundsSpent-error')).toBe(
        '市级资金支出不能超过任务书约定的¥1,200,000.00',
      );
      expect(text('evidence-error')).toBe('附件文件不存在或不是您上传的，请重新上传');
      expect($('report-milestone-0-note-error')).toBeNull();
      expect($('report-form-error')).toBeNull();
      expect(calls).toEqual({ submitted: 0, stale: 0 });

      // Typing in the box takes the server's word on it away.
      await type('report-milestone-1-note', '中试线设备已完成招标');
      expect($('report-milestone-1-note-error')).toBeNull();
    });

    it('a refusal about no field is said above the button; a dated page is loaded again', async () => {
      let answer = refusal('INVALID_TRANSITION', '中期检查通过后才能提交结题验收报告');
      fakeApi(() => answer);
      const calls = await form(project({ reportsOpen: ['final'] }), 'final');
      await fillValid('final');
      await click('report-submit');
      expect(text('report-form-error')).toBe('中期检查通过后才能提交结题验收报告');
      expect(taroStub.toasts).toContain('中期检查通过后才能提交结题验收报告');
      expect(calls).toEqual({ submitted: 0, stale: 1 });

      answer = {
        error: {
          message: '该项目刚被他人更新，请刷新后再试',
          code: 'CONFLICT',
          httpStatus: 409,
          appCode: 'STALE_VERSION',
        },
      };
      await click('report-submit');
      expect(text('report-form-error')).toBe('该项目刚被他人更新，请刷新后再试');
      expect(calls.stale).toBe(2);
      // What was typed stays.
      expect(valueOf('report-summary')).toBe(SUMMARY);
    });
  });

  describe('the change request form', () => {
    async function form(p: MyProject = project()) {
      const calls = { submitted: 0, stale: 0 };
      await render(
        createElement(ChangeForm, {
          project: p,
          onSubmitted: () => (calls.submitted += 1),
          onStale: () => (calls.stale += 1),
        }),
      );
      return calls;
    }
    const REASON = '关键设备进口延迟，中试线建设需顺延六个月';

    it('sends an extension with its months', async () => {
      const seen = fakeApi(() => ({ data: { id: PROJECT_ID } }));
      const calls = await form();
      await click('change-kind-extension');
      expect(text('change-months-hint')).toBe(
        '每次延期不超过12个月；每个项目最多延期1次，已延期0次',
      );
      expect(text('change-reason-label')).toBe('延期理由');
      await type('change-months', '6');
      await type('change-reason', REASON);
      await click('change-submit');
      expect(taroStub.modals[0]).toContain('延期申请提交后由市科技局审批');
      expect(sent(seen, 'selection.projects.requestChange')).toEqual([
        {
          id: PROJECT_ID,
          expectedVersion: 5,
          request: { kind: 'extension', months: 6, reason: REASON },
        },
      ]);
      expect(taroStub.toasts).toContain('延期申请已提交');
      expect(calls).toEqual({ submitted: 1, stale: 0 });
      noCodes();
    });

    it('sends a change with its reason only (months typed before switching are left out)', async () => {
      const seen = fakeApi(() => ({ data: { id: PROJECT_ID } }));
      await form();
      await click('change-kind-extension');
      await type('change-months', '6');
      await click('change-kind-change');
      expect($('change-months')).toBeNull();
      expect(text('change-reason-label')).toBe('变更内容及理由');
      await type(
        'change-reason',
        '第二个节点的考核指标由寿命一万小时调整为八千小时并增加功率密度指标',
      );
      await click('change-submit');
      expect(sent(seen, 'selection.projects.requestChange')).toEqual([
        {
          id: PROJECT_ID,
          expectedVersion: 5,
          request: {
            kind: 'change',
            reason: '第二个节点的考核指标由寿命一万小时调整为八千小时并增加功率密度指标',
          },
        },
      ]);
    });

    it('sends a termination with the reason chosen, after a warning', async () => {
      const seen = fakeApi(() => ({ data: { id: PROJECT_ID } }));
      await form();
      await click('change-kind-termination');
      expect(text('change-termination-warning')).toContain('尚未拨付的市级资金不再拨付');
      // Only the reasons a unit may give.
      expect(
        Array.from(screen.container.querySelectorAll('#change-terminationReason [data-code]')).map(
          (e) => e.textContent,
        ),
      ).toEqual(['承担单位申请终止', '技术路线不可行或不可抗力']);
      await click('change-submit');
      expect(text('change-terminationReason-error')).toBe('请选择终止原因');
      expect(text('change-reason-error')).toBe('请填写终止说明');
      expect(seen).toEqual([]);

      await click('change-terminationReason-infeasible');
      await type('change-reason', '低铂催化剂路线经两轮验证无法达到寿命指标');
      await click('change-submit');
      expect(taroStub.modals[0]).toContain('终止申请经市科技局同意后项目即终止');
      expect(sent(seen, 'selection.projects.requestChange')).toEqual([
        {
          id: PROJECT_ID,
          expectedVersion: 5,
          request: {
            kind: 'termination',
            terminationReason: 'infeasible',
            reason: '低铂催化剂路线经两轮验证无法达到寿命指标',
          },
        },
      ]);
      noCodes();
    });

    it('checks the kind and the reason with the domain schema', async () => {
      const seen = fakeApi(() => ({ data: null }));
      await form();
      await click('change-submit');
      const noKind = schemaMessage(projectChangeRequestSchema, {}, 'kind');
      expect(noKind).toBe('请选择申请类型');
      expect(text('change-kind-error')).toBe(noKind);
      await click('change-kind-extension');
      await type('change-reason', '设备延迟');
      expect(text('change-reason-error')).toBe(
        schemaMessage(
          projectChangeRequestSchema,
          { kind: 'extension', reason: '设备延迟' },
          'reason',
        ),
      );
      expect(text('change-reason-error')).toBe('延期理由至少10个字');
      expect(text('change-months-error')).toBe('请填写延期月数');
      expect(seen).toEqual([]);
    });

    it('says the project’s limit on the months, and when no extension is left', async () => {
      const seen = fakeApi(() => ({ data: null }));
      await form();
      await click('change-kind-extension');
      await type('change-months', '18');
      await blur('change-months');
      expect(text('change-months-error')).toBe('每次延期不超过12个月');
      await type('change-reason', REASON);
      await click('change-submit');
      expect(seen).toEqual([]);
      await type('change-months', '12');
      expect($('change-months-error')).toBeNull();

      await render(createElement('div'));
      await form(project({ extension: { approved: 1, max: 1, maxMonths: 12 } }));
      await click('change-kind-extension');
      expect(text('change-form-error')).toBe('每个项目最多延期1次，本项目已延期');
      expect(text('change-months-hint')).toContain('已延期1次');
    });

    it('shows the server’s word: months under the box, one pending request above the button', async () => {
      let answer = refusal('INVALID_INPUT', '每次延期不超过12个月', {
        'request.months': ['每次延期不超过12个月'],
      });
      fakeApi(() => answer);
      const calls = await form();
      await click('change-kind-extension');
      await type('change-months', '6');
      await type('change-reason', REASON);
      await click('change-submit');
      expect(text('change-months-error')).toBe('每次延期不超过12个月');
      expect($('change-form-error')).toBeNull();

      answer = refusal('INVALID_TRANSITION', '项目已有待审批的变更申请，审批后才能再次申请');
      await type('change-months', '5');
      await click('change-submit');
      expect(text('change-form-error')).toBe('项目已有待审批的变更申请，审批后才能再次申请');
      expect(calls).toEqual({ submitted: 0, stale: 1 });
    });
  });
});

describe('messages about a project open it', () => {
  it.each(['project.report.reviewed', 'project.change.decided', 'project.terminated'])(
    '%s',
    (kind) => {
      expect(messageTarget({ kind, link: { page: 'project', id: PROJECT_ID } })).toEqual({
        route: '/packages/projects/detail/index',
        query: { id: PROJECT_ID },
      });
    },
  );
});
