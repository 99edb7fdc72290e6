// @vitest-environment jsdom
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import Taro from '@tarojs/taro';
import type { ExpertAcceptance } from '../src/packages/expert/acceptance';
import type { ReviewTask } from '../src/packages/expert/reviews';
import { fakeApi, sent } from './support/fake-api';
import { createScreen } from './support/screen';
import { taroStub } from './stubs/taro';

/** Taro's components as plain tags, so the pages run in jsdom. */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));
/** Opening a file stands in for WeChat's download and document viewer. */
const opened = vi.hoisted(() => [] as string[]);
vi.mock('../src/services/stored-file', () => ({
  openStoredFile: async (fileId: string) => {
    opened.push(fileId);
  },
}));

const { TaskList } = await import('../src/packages/expert/reviews/TaskList');
const { AcceptanceView } = await import('../src/packages/expert/acceptance/AcceptanceView');
const acceptance = await import('../src/packages/expert/acceptance');
const reviews = await import('../src/packages/expert/reviews');

/**
 * 项目验收 in the mini-program (验收专家组, issue 14): the task in the expert's review list,
 * labelled 项目验收; the final report with its milestones, money and files; the verdict checked
 * with the domain's schema as the API checks it; and, once the panel is complete, its conclusion.
 */
const TASK = 'c1000000-0000-4000-8000-000000000001';
const FILE = 'f1000000-0000-4000-8000-000000000001';

const task = (over: Partial<ReviewTask> = {}): ReviewTask =>
  ({
    assignmentId: TASK,
    panelId: 'p1',
    kind: 'acceptance',
    kindName: '项目验收',
    callTitle: '低空物流无人机高可靠飞控系统研发',
    projectNumber: 'SZKC-XM-2027-0001',
    panelName: '验收专家组',
    status: 'invited',
    statusName: '待确认',
    panelClosed: false,
    submissions: 1,
    sheets: 0,
    ...over,
  }) as ReviewTask;

const view = (over: Partial<ExpertAcceptance> = {}): ExpertAcceptance =>
  ({
    assignmentId: TASK,
    panelName: '验收专家组',
    closed: false,
    complete: false,
    panelSize: 5,
    minValidVerdicts: 3,
    project: {
      number: 'SZKC-XM-2027-0001',
      title: '低空物流无人机高可靠飞控系统研发',
      programmeName: '未来产业重点科技项目（揭榜挂帅）',
      organisationName: '宿州云翼航空科技有限公司',
      fieldName: '空天信息',
      team: [{ unitName: '宿州学院', personName: '王五', part: '飞控算法验证' }],
      contract: {
        startOn: '2027-09-01',
        endOn: '2029-08-31',
        cityFundsFen: 2_000_000_00n,
        ownFundsFen: 3_000_000_00n,
        milestones: [
          { title: '中期目标', dueOn: '2028-08-31', indicators: '完成飞控原型机并通过第三方测试' },
          { title: '项目完成', dueOn: '2029-08-31', indicators: '完成不少于500架次的示范飞行' },
        ],
      },
    },
    report: {
      kindName: '结题验收报告',
      submissions: 1,
      submittedAt: new Date('2029-09-01T02:30:00Z'),
      superseded: false,
      body: {
        summary: '完成全部考核指标：示范飞行512架次，申请发明专利6件。',
        milestones: [
          { done: true, note: '原型机已通过第三方测试' },
          { done: false, note: '示范飞行完成480架次' },
        ],
        cityFundsSpentFen: 1_900_000_00n,
        ownFundsSpentFen: 3_100_000_00n,
      },
      attachments: [
        {
          kind: 'report-document',
          kindName: '报告正文',
          fileId: FILE,
          name: '结题验收报告（盖章版）.pdf',
          sizeBytes: 2_516_582,
          mimeType: 'application/pdf',
        },
      ],
    },
    mine: null,
    conclusion: null,
    ...over,
  }) as ExpertAcceptance;

describe('项目验收: the rules the page follows', () => {
  it('checks a verdict as the API does: the conflict question first, a comment unless 通过', () => {
    const draft = (over: Partial<ReturnType<typeof acceptance.verdictDraft>>) => ({
      ...acceptance.verdictDraft(null),
      ...over,
    });
    const errors = (d: ReturnType<typeof draft>) => {
      const r = acceptance.checkVerdict(d);
      return r.ok ? r.sheet : r.errors;
    };
    expect(errors(draft({}))).toEqual({ conflict: '请确认与该项目是否存在利益关系' });
    expect(errors(draft({ conflict: 'none' }))).toEqual({ verdict: '请选择验收意见' });
    expect(errors(draft({ conflict: 'none', verdict: 'revise', comment: '  ' }))).toEqual({
      comment: '选择“需整改”或“不通过”的，须填写验收意见说明理由',
    });
    expect(errors(draft({ conflict: 'none', verdict: 'pass' }))).toEqual({
      conflict: 'none',
      verdict: 'pass',
    });
    expect(errors(draft({ conflict: 'none', verdict: 'fail', comment: ' 未完成 ' }))).toEqual({
      conflict: 'none',
      verdict: 'fail',
      comment: '未完成',
    });
    expect(errors(draft({ conflict: 'declared', verdict: 'pass' }))).toEqual({
      reason: '请说明需要回避的原因',
    });
  });

  it('says where the expert stands, and whether the form is open', () => {
    expect(acceptance.standing(view())).toContain('请阅读结题验收报告及附件后提出验收意见');
    expect(acceptance.standing(view({ complete: true }))).toBe(
      '验收专家组意见已汇齐，意见不能再修改，可查看专家组的意见。',
    );
    expect(acceptance.standing(view({ closed: true }))).toBe(
      '本次验收已结束，验收意见不能再修改。',
    );
    const recused = view({
      mine: {
        conflict: true,
        conflictReason: '兼职',
        verdict: null,
        verdictName: null,
        comment: null,
        submittedAt: new Date(),
      },
    });
    expect(acceptance.mayGiveVerdict(recused)).toBe(false);
    expect(acceptance.mayGiveVerdict(view())).toBe(true);
    expect(reviews.progressText(task())).toBe('待提出验收意见');
    expect(reviews.progressText(task({ sheets: 1 }))).toBe('已提出验收意见');
    expect(reviews.taskHint(task({ status: 'accepted', sheets: 1 }))).toBe(
      '已提出验收意见；专家组意见汇齐前仍可修改',
    );
  });

  it('no longer offers a change once the panel is complete, closed, or the expert recused', () => {
    const done = (over: Partial<ReviewTask>) =>
      reviews.taskHint(task({ status: 'accepted', sheets: 1, ...over }));
    expect(done({ panelComplete: true })).toBe(
      '已提交（专家组意见已汇齐，不能再修改），可查看专家组的意见',
    );
    expect(done({ panelComplete: true, panelClosed: true })).toBe(
      '已提交（验收已结束），可查看本人的验收意见',
    );
    // Closed before this expert answered (the project ended): nothing of theirs to see.
    expect(done({ panelClosed: true, sheets: 0 })).toBe('验收已结束');
    expect(done({ conflictDeclared: true })).toBe('已申报回避，本次验收不计您的意见');
    expect(reviews.progressText(task({ sheets: 1, conflictDeclared: true }))).toBe('已申报回避');
  });
});

describe('项目验收 on screen', () => {
  const screen = createScreen();
  const { $, text, render, click, type } = screen;

  it('lists the task as 项目验收 with its project, and opens it once accepted', async () => {
    await render(createElement(TaskList, { tasks: [task()], onChanged: () => undefined }));
    expect(text(`review-${TASK}-title`)).toBe('低空物流无人机高可靠飞控系统研发');
    expect(text(`review-${TASK}-kind`)).toBe('项目验收 · SZKC-XM-2027-0001');
    expect(text(`review-${TASK}`)).toContain('确认参加后可阅读结题验收报告并提出验收意见');

    const navigateTo = vi.spyOn(Taro, 'navigateTo');
    await render(
      createElement(TaskList, {
        tasks: [task({ status: 'accepted', statusName: '已确认参加' })],
        onChanged: () => undefined,
      }),
    );
    expect(text(`review-${TASK}-status`)).toBe('验收中');
    expect(text(`review-${TASK}-progress`)).toContain('待提出验收意见');
    await click(`review-${TASK}`);
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packages/expert/acceptance/index?assignmentId=${TASK}`,
    });
  });

  it('says on the card when the verdicts are all in, or the acceptance is over, and never 可修改 then', async () => {
    const DONE = 'c1000000-0000-4000-8000-000000000002';
    const OVER = 'c1000000-0000-4000-8000-000000000003';
    const accepted = { status: 'accepted', statusName: '已确认参加', sheets: 1 } as const;
    await render(
      createElement(TaskList, {
        tasks: [
          task(accepted),
          task({ ...accepted, assignmentId: DONE, panelComplete: true }),
          task({ ...accepted, assignmentId: OVER, panelComplete: true, panelClosed: true }),
        ],
        onChanged: () => undefined,
      }),
    );
    expect(text(`review-${TASK}-status`)).toBe('验收中');
    expect(text(`review-${TASK}-hint`)).toContain('仍可修改');
    expect(text(`review-${DONE}-status`)).toBe('意见已汇齐');
    expect(text(`review-${DONE}-hint`)).toBe(
      '已提交（专家组意见已汇齐，不能再修改），可查看专家组的意见',
    );
    expect(text(`review-${OVER}-status`)).toBe('验收已结束');
    expect(text(`review-${OVER}-hint`)).toBe('已提交（验收已结束），可查看本人的验收意见');
    for (const id of [DONE, OVER]) expect(text(`review-${id}`)).not.toContain('可修改');
  });

  it('shows the report: milestones against the 任务书, the money spent, the partners and the files', async () => {
    await render(
      createElement(AcceptanceView, {
        view: view(),
        onSaved: () => undefined,
        onStale: () => undefined,
      }),
    );
    expect(text('acceptance-title')).toBe('低空物流无人机高可靠飞控系统研发');
    expect(text('acceptance-unit')).toContain('宿州云翼航空科技有限公司');
    expect(text('acceptance-summary')).toContain('示范飞行512架次');
    expect(text('acceptance-city-spent')).toBe('¥1,900,000.00（任务书 ¥2,000,000.00）');
    expect(text('acceptance-milestone-1')).toContain('完成不少于500架次的示范飞行');
    expect(text('acceptance-milestone-1-line')).toBe('✗ 未完成：示范飞行完成480架次');
    expect(text('acceptance-team')).toContain('宿州学院（王五）：飞控算法验证');
    expect(text('acceptance-file-0')).toContain('结题验收报告（盖章版）.pdf');
    await click('acceptance-file-0');
    expect(opened).toEqual([FILE]);
    expect($('acceptance-conclusion')).toBeNull();
    expect($('acceptance-page')?.getAttribute('data-mode')).toBe('form');
  });

  it('asks for a comment on 需整改 before sending, then sends the verdict and shows the answer', async () => {
    const answered = view({
      mine: {
        conflict: false,
        conflictReason: null,
        verdict: 'revise',
        verdictName: '需整改',
        comment: '示范飞行架次未达到任务书要求',
        submittedAt: new Date('2029-09-05T02:00:00Z'),
      },
    });
    const seen = fakeApi(() => ({ data: answered }));
    const saved: ExpertAcceptance[] = [];
    await render(
      createElement(AcceptanceView, {
        view: view(),
        onSaved: (next: ExpertAcceptance) => saved.push(next),
        onStale: () => undefined,
      }),
    );
    await click('acceptance-submit');
    expect(text('verdict-conflict-error')).toBe('请确认与该项目是否存在利益关系');
    expect(seen).toEqual([]);

    await click('verdict-conflict-none');
    await click('verdict-verdict-pass');
    // 通过 needs no comment; the box says when one is needed.
    expect($('verdict-comment-error')).toBeNull();
    expect(text('verdict-comment-hint')).toBe('选择“需整改”或“不通过”的，须填写验收意见说明理由');
    await click('verdict-verdict-revise');
    expect(text('verdict-comment-error')).toBe('选择“需整改”或“不通过”的，须填写验收意见说明理由');
    await click('acceptance-submit');
    expect(seen).toEqual([]);

    await type('verdict-comment', '  示范飞行架次未达到任务书要求 ');
    await click('acceptance-submit');
    expect(taroStub.modals.at(-1)).toContain('验收专家组意见汇齐前可以修改');
    expect(sent(seen, 'selection.reviews.verdict')).toEqual([
      {
        assignmentId: TASK,
        sheet: { conflict: 'none', verdict: 'revise', comment: '示范飞行架次未达到任务书要求' },
      },
    ]);
    expect(taroStub.toasts).toContain('验收意见已提交');
    expect(saved).toEqual([answered]);
  });

  it('declares a conflict with its reason', async () => {
    const seen = fakeApi(() => ({ data: view() }));
    await render(
      createElement(AcceptanceView, {
        view: view(),
        onSaved: () => undefined,
        onStale: () => undefined,
      }),
    );
    await click('verdict-conflict-declared');
    expect($('verdict-verdict')).toBeNull();
    expect(text('acceptance-submit')).toBe('提交回避申报');
    await click('acceptance-submit');
    expect(text('verdict-reason-error')).toBe('请说明需要回避的原因');
    await type('verdict-reason', '本人在承担单位兼职');
    await click('acceptance-submit');
    expect(sent(seen, 'selection.reviews.verdict')).toEqual([
      { assignmentId: TASK, sheet: { conflict: 'declared', reason: '本人在承担单位兼职' } },
    ]);
    expect(taroStub.toasts).toContain('已申报回避');
  });

  it('puts the API’s words under the box, and reloads when the panel completed meanwhile', async () => {
    let stale = 0;
    fakeApi(() => ({
      error: {
        message: '验收专家组意见已汇齐，不能再修改',
        code: 'CONFLICT',
        httpStatus: 409,
        appCode: 'INVALID_TRANSITION',
      },
    }));
    await render(
      createElement(AcceptanceView, {
        view: view(),
        onSaved: () => undefined,
        onStale: () => (stale += 1),
      }),
    );
    await click('verdict-conflict-none');
    await click('verdict-verdict-pass');
    await click('acceptance-submit');
    expect(text('acceptance-refusal')).toBe('验收专家组意见已汇齐，不能再修改');
    expect(stale).toBe(1);
  });

  it('once complete, shows the panel’s conclusion and the verdicts unnamed, and nothing to change', async () => {
    await render(
      createElement(AcceptanceView, {
        view: view({
          complete: true,
          mine: {
            conflict: false,
            conflictReason: null,
            verdict: 'pass',
            verdictName: '通过',
            comment: null,
            submittedAt: new Date(),
          },
          conclusion: {
            tally: { pass: 3, revise: 1, fail: 0 },
            valid: 4,
            conflicts: 1,
            majority: 'pass',
            majorityName: '通过',
            explanation: '有效意见4份（通过3、需整改1、不通过0；1位专家回避），多数意见为“通过”。',
            verdicts: [
              { mine: true, verdictName: '通过', comment: null },
              { mine: false, verdictName: '通过', comment: '指标全部完成' },
              { mine: false, verdictName: '需整改', comment: '审计报告未附' },
              { mine: false, verdictName: '通过', comment: null },
            ],
          },
        }),
        onSaved: () => undefined,
        onStale: () => undefined,
      }),
    );
    expect($('acceptance-page')?.getAttribute('data-mode')).toBe('readonly');
    expect(text('acceptance-explanation')).toContain('多数意见为“通过”');
    expect(text('acceptance-verdict-0')).toBe('本人：通过');
    expect(text('acceptance-verdict-2')).toContain('专家3：需整改');
    expect(text('acceptance-verdict-2')).toContain('审计报告未附');
    expect(text('acceptance-mine-value')).toBe('通过');
    expect($('acceptance-submit')).toBeNull();
    expect(screen.container.querySelector('input, textarea')).toBeNull();
  });
});
