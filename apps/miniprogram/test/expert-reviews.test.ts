// @vitest-environment jsdom
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { SUBMISSION_FORMS, selectionSettingsVersion } from '@kc/domain';
import type { MyExpert } from '../src/packages/expert/data';
import type {
  ExpertPanel,
  MySheet,
  PanelSubmission,
  ReviewTask,
} from '../src/packages/expert/reviews';
import { type FakeOutcome, fakeApi, sent } from './support/fake-api';
import { createScreen } from './support/screen';
import { taroStub } from './stubs/taro';

/** Taro's components as plain tags (as in expert-form.test.ts), so the pages run in jsdom. */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));

const { TaskList } = await import('../src/packages/expert/reviews/TaskList');
const { PanelView } = await import('../src/packages/expert/panel/PanelView');
const { ScoreView } = await import('../src/packages/expert/score/ScoreView');
const { StatusCard } = await import('../src/packages/expert/profile/StatusCard');
const { SubmissionContent } = await import('../src/packages/selection/submission/SubmissionParts');
const reviews = await import('../src/packages/expert/reviews');

/** The settings panels are drawn under: a comment at or below 60, at or above 90. */
const SETTINGS = selectionSettingsVersion('selection-2026-01');
const RUBRIC = {
  criteria: [
    { code: 'innovation', name: '创新性', maxPoints: 30, guidance: '技术路线新颖，有自主知识产权' },
    { code: 'feasibility', name: '可行性', maxPoints: 25 },
    { code: 'team', name: '团队实力', maxPoints: 20 },
    { code: 'benefit', name: '预期效益', maxPoints: 25 },
  ],
};

const INVITED = 'a1000000-0000-4000-8000-000000000001';
const ACCEPTED = 'a1000000-0000-4000-8000-000000000002';
const CLOSED = 'a1000000-0000-4000-8000-000000000003';
const SUB_1 = 's1000000-0000-4000-8000-000000000001';
const SUB_2 = 's1000000-0000-4000-8000-000000000002';
const SUB_3 = 's1000000-0000-4000-8000-000000000003';

const task = (over: Partial<ReviewTask>): ReviewTask =>
  ({
    assignmentId: INVITED,
    panelId: 'p1',
    callTitle: '2027年度未来产业重点科技项目',
    panelName: '低碳能源组',
    status: 'invited',
    statusName: '待确认',
    panelClosed: false,
    submissions: 3,
    sheets: 0,
    ...over,
  }) as ReviewTask;

const PROJECT_FORM = {
  projectName: '氢燃料电池膜电极国产化',
  fieldCode: 'low-carbon-energy',
  goals: '建成年产十万片膜电极中试线，铂载量降至每平方厘米零点二毫克以下，寿命超过一万小时。',
  cityFundsFen: 100_000_000n,
  ownFundsFen: 250_000_050n,
  months: 24,
};

const scored = (scores: Record<string, number>, comment: string | null = null): MySheet => ({
  conflict: false,
  conflictReason: null,
  scores,
  total: Object.values(scores).reduce((s, v) => s + v, 0),
  comment,
});

const submissionOf = (over: Partial<PanelSubmission> = {}): PanelSubmission =>
  ({
    id: SUB_1,
    number: 'SZKC-SB-2027-0001',
    title: '氢燃料电池膜电极国产化',
    organisationName: '安徽宿氢新能源科技有限公司',
    form: PROJECT_FORM,
    team: [{ unitName: '宿州学院', personName: '王五', part: '膜电极催化剂研发' }],
    mySheet: null,
    ...over,
  }) as PanelSubmission;

const panelOf = (over: Partial<ExpertPanel> = {}): ExpertPanel =>
  ({
    callTitle: '2027年度未来产业重点科技项目',
    programme: 'key-project',
    panelName: '低碳能源组',
    closed: false,
    rubric: RUBRIC,
    settingsVersion: 'selection-2026-01',
    commentAtOrBelow: 60,
    commentAtOrAbove: 90,
    submissions: [submissionOf()],
    ...over,
  }) as ExpertPanel;

describe('review tasks: the rules the pages follow', () => {
  it('a decline needs a reason, in the API’s words', () => {
    expect(reviews.declineReasonError('')).toBe('请说明不能参加的原因');
    expect(reviews.declineReasonError('   ')).toBe('请说明不能参加的原因');
    expect(reviews.declineReasonError('x'.repeat(201))).toBe('原因不能超过200字');
    expect(reviews.declineReasonError('评审期间在外地出差')).toBeNull();
  });

  it('counts only the invitations that can still be answered, and lists them first', () => {
    const tasks = [
      task({ assignmentId: ACCEPTED, status: 'accepted', statusName: '已确认参加', sheets: 1 }),
      task({ assignmentId: CLOSED, status: 'accepted', panelClosed: true, sheets: 3 }),
      task({ assignmentId: 'late', panelClosed: true }),
      task({}),
    ];
    expect(reviews.pendingCount(tasks)).toBe(1);
    const { invitations, accepted } = reviews.orderTasks(tasks);
    expect(invitations.map((t) => t.assignmentId)).toEqual([INVITED, 'late']);
    expect(accepted.map((t) => t.assignmentId)).toEqual([ACCEPTED, CLOSED]);
    expect(reviews.progressText(tasks[0] as ReviewTask)).toBe('已评 1 / 3');
  });

  it('requires a comment at or below 60 and at or above 90, as the domain’s schema does', () => {
    const draft = (benefit: number, comment = '') =>
      ({
        conflict: 'none',
        scores: { innovation: '30', feasibility: '25', team: '20', benefit: String(benefit) },
        comment,
        reason: '',
      }) as const;
    const errors = (benefit: number, comment = '') => {
      const r = reviews.checkSheet({ ...draft(benefit, comment) }, RUBRIC, SETTINGS);
      return r.ok ? {} : r.errors;
    };
    expect(errors(17)).toEqual({ comment: '总分92分，不低于90分，请填写评审意见说明理由' });
    expect(errors(15)).toEqual({ comment: '总分90分，不低于90分，请填写评审意见说明理由' });
    expect(errors(14)).toEqual({});
    expect(errors(10)).toEqual({});
    expect(errors(17, '  ')).toEqual({
      comment: '总分92分，不低于90分，请填写评审意见说明理由',
    });
    expect(errors(17, '技术路线领先，团队完整')).toEqual({});
    const low = reviews.checkSheet(
      {
        conflict: 'none',
        scores: { innovation: '20', feasibility: '15', team: '15', benefit: '10' },
        comment: '',
        reason: '',
      },
      RUBRIC,
      SETTINGS,
    );
    expect(low.ok ? null : low.errors.comment).toBe('总分60分，不高于60分，请填写评审意见说明理由');

    const live = (benefit: number) =>
      reviews.commentRule(reviews.liveTotal({ ...draft(benefit) }, RUBRIC), SETTINGS);
    expect(live(17)).toEqual({
      required: true,
      hint: '总分92分，不低于90分，须填写评审意见说明理由',
    });
    expect(live(10)).toEqual({
      required: false,
      hint: '总分不高于60分或不低于90分时，须填写评审意见说明理由',
    });
  });

  it('checks a sheet under the settings its panel runs under: a comment at or below 60, at or above 90', () => {
    expect(reviews.reviewSettings({ settingsVersion: 'selection-2026-01' }).scoring).toMatchObject({
      commentAtOrBelow: 60,
      commentAtOrAbove: 90,
    });
    // A version this build does not know still gets a form (the server checks as well).
    expect(reviews.reviewSettings({ settingsVersion: 'selection-2099-01' }).version).toBe(
      SETTINGS.version,
    );
  });

  it('says per box what is wrong with a score', () => {
    const r = reviews.checkSheet(
      {
        conflict: 'none',
        scores: { innovation: '31', feasibility: '12.5', team: '', benefit: '20' },
        comment: '',
        reason: '',
      },
      RUBRIC,
      SETTINGS,
    );
    expect(r.ok ? null : r.errors).toEqual({
      'scores.innovation': '“创新性”不能超过30分',
      'scores.feasibility': '“可行性”应为整数分',
      'scores.team': '请为“团队实力”打分',
    });
  });

  it('shows a sheet as 未评, 已评 with its total, or 已回避', () => {
    expect(reviews.sheetState(null).label).toBe('未评');
    expect(
      reviews.sheetState(scored({ innovation: 25, feasibility: 20, team: 20, benefit: 20 })),
    ).toEqual({ tone: 'scored', label: '已评 总分 85' });
    expect(
      reviews.sheetState({
        conflict: true,
        conflictReason: '本人在该单位兼职',
        scores: null,
        total: null,
        comment: null,
      }).label,
    ).toBe('已回避');
  });

  it('reads a submission by its programme’s labels, money in yuan (bigint or a string of fen)', () => {
    const html = (form: Record<string, unknown>) =>
      renderToStaticMarkup(
        createElement(SubmissionContent, {
          id: 'x',
          schema: SUBMISSION_FORMS['key-project'],
          form,
        }),
      );
    const bigints = html(PROJECT_FORM);
    expect(bigints).toContain('申请市级资金');
    expect(bigints).toContain('¥1,000,000.00');
    expect(bigints).toContain('¥2,500,000.50');
    expect(bigints).toContain('低碳能源');
    expect(bigints).toContain('实施期限（月）');
    const strings = html({ ...PROJECT_FORM, cityFundsFen: '100000000', ownFundsFen: '250000050' });
    expect(strings).toContain('¥1,000,000.00');
    expect(strings).toContain('¥2,500,000.50');
  });
});

describe('review tasks on screen', () => {
  const screen = createScreen();
  const { $, text, render, click, type } = screen;

  describe('the task list', () => {
    async function showTasks(tasks: ReviewTask[]) {
      let changed = 0;
      await render(createElement(TaskList, { tasks, onChanged: () => (changed += 1) }));
      return () => changed;
    }

    it('puts invitations first, then accepted panels with 已评 n / m and whether they closed', async () => {
      await showTasks([
        task({ assignmentId: ACCEPTED, status: 'accepted', statusName: '已确认参加', sheets: 1 }),
        task({ assignmentId: CLOSED, status: 'accepted', panelClosed: true, sheets: 3 }),
        task({}),
      ]);
      const order = Array.from(screen.container.querySelectorAll('.card[id^="review-"]')).map(
        (e) => e.id,
      );
      expect(order).toEqual([`review-${INVITED}`, `review-${ACCEPTED}`, `review-${CLOSED}`]);
      expect(text('reviews-intro')).toContain('当前有 1 项邀请待确认');
      expect(text(`review-${INVITED}-status`)).toBe('待确认');
      expect($(`review-${INVITED}-accept`)).not.toBeNull();
      expect(text(`review-${ACCEPTED}-progress`)).toContain('已评 1 / 3');
      expect(text(`review-${ACCEPTED}-status`)).toBe('评分中');
      expect(text(`review-${ACCEPTED}-hint`)).toBe('还有 2 项申报待评');
      expect(text(`review-${CLOSED}-progress`)).toContain('已评 3 / 3');
      expect(text(`review-${CLOSED}-status`)).toBe('评分结束');
      expect(text(`review-${CLOSED}-hint`)).toContain('已结束评分');
    });

    it('says when there is nothing to review', async () => {
      await showTasks([]);
      expect(text('reviews-empty')).toContain('暂无评审任务');
    });

    it('accepts an invitation', async () => {
      const seen = fakeApi(() => ({ data: { status: 'accepted', replacedByReserve: false } }));
      const changed = await showTasks([task({})]);
      await click(`review-${INVITED}-accept`);
      expect(sent(seen, 'selection.reviews.respond')).toEqual([
        { assignmentId: INVITED, accept: true },
      ]);
      expect(taroStub.toasts).toContain('已确认参加');
      expect(changed()).toBe(1);
    });

    it('refuses to decline without a reason, tells of the reserve, and sends the reason', async () => {
      const seen = fakeApi(() => ({ data: { status: 'declined', replacedByReserve: true } }));
      const changed = await showTasks([task({})]);
      await click(`review-${INVITED}-decline`);
      expect(text(`review-${INVITED}-reserve`)).toContain('由备选专家递补');
      await click(`review-${INVITED}-decline-submit`);
      expect(text(`review-${INVITED}-reason-error`)).toBe('请说明不能参加的原因');
      expect(seen).toEqual([]);
      expect(changed()).toBe(0);

      await type(`review-${INVITED}-reason`, '  评审期间在外地出差  ');
      expect($(`review-${INVITED}-reason-error`)).toBeNull();
      await click(`review-${INVITED}-decline-submit`);
      expect(sent(seen, 'selection.reviews.respond')).toEqual([
        { assignmentId: INVITED, accept: false, reason: '评审期间在外地出差' },
      ]);
      expect(taroStub.toasts).toContain('已回复不能参加，将由备选专家递补');
      expect(changed()).toBe(1);
    });

    it('shows the API’s word on the reason under the box', async () => {
      fakeApi(() => ({
        error: {
          message: '提交的信息有误',
          code: 'BAD_REQUEST',
          httpStatus: 400,
          appCode: 'INVALID_INPUT',
          fieldErrors: { reason: ['请说明不能参加的原因'] },
        },
      }));
      await showTasks([task({})]);
      await click(`review-${INVITED}-decline`);
      await type(`review-${INVITED}-reason`, '出差');
      await click(`review-${INVITED}-decline-submit`);
      expect(text(`review-${INVITED}-reason-error`)).toBe('请说明不能参加的原因');
    });

    it('offers no answer to an invitation of a panel that has closed', async () => {
      await showTasks([task({ panelClosed: true })]);
      expect($(`review-${INVITED}-accept`)).toBeNull();
      expect($(`review-${INVITED}-decline`)).toBeNull();
      expect(text(`review-${INVITED}-closed`)).toContain('已结束评分');
    });
  });

  describe('the panel', () => {
    it('lists the submissions with the expert’s own sheet: 未评, 已评 总分 x, 已回避', async () => {
      await render(
        createElement(PanelView, {
          assignmentId: ACCEPTED,
          panel: panelOf({
            submissions: [
              submissionOf(),
              submissionOf({
                id: SUB_2,
                mySheet: scored({ innovation: 25, feasibility: 20, team: 20, benefit: 20 }),
              }),
              submissionOf({
                id: SUB_3,
                mySheet: {
                  conflict: true,
                  conflictReason: '本人在该单位兼职',
                  scores: null,
                  total: null,
                  comment: null,
                },
              }),
            ],
          }),
        }),
      );
      expect(text(`panel-submission-${SUB_1}-sheet`)).toBe('未评');
      expect(text(`panel-submission-${SUB_2}-sheet`)).toBe('已评 总分 85');
      expect(text(`panel-submission-${SUB_3}-sheet`)).toBe('已回避');
      expect(text('panel-progress')).toBe('已评 2 / 3');
      expect(text('panel-status')).toBe('评分中');
      expect($('panel-closed')).toBeNull();
    });

    it('says when the panel has closed', async () => {
      await render(
        createElement(PanelView, { assignmentId: ACCEPTED, panel: panelOf({ closed: true }) }),
      );
      expect(text('panel-status')).toBe('评分结束');
      expect(text('panel-closed')).toContain('评分不能再修改');
      expect($('panel-page')?.getAttribute('data-closed')).toBe('true');
    });
  });

  describe('scoring one submission', () => {
    async function showScore(
      over: { panel?: Partial<ExpertPanel>; submission?: Partial<PanelSubmission> } = {},
    ) {
      const saved: MySheet[] = [];
      let closed = 0;
      const submission = submissionOf(over.submission);
      await render(
        createElement(ScoreView, {
          assignmentId: ACCEPTED,
          panel: panelOf({ submissions: [submission], ...over.panel }),
          submission,
          settings: SETTINGS,
          onSaved: (sheet: MySheet) => saved.push(sheet),
          onClosed: () => (closed += 1),
        }),
      );
      return { saved, closed: () => closed };
    }
    async function score(values: Record<string, number>) {
      for (const [code, v] of Object.entries(values)) await type(`score-${code}`, String(v));
    }

    it('shows the submission: title, organisation, its fields by label, money in yuan, units', async () => {
      fakeApi(() => ({ data: null }));
      await showScore();
      expect(text('score-submission-title')).toBe('氢燃料电池膜电极国产化');
      expect(text('score-submission-org')).toContain('安徽宿氢新能源科技有限公司');
      const content = text('score-submission-content') ?? '';
      expect(content).toContain('项目名称');
      expect(content).toContain('¥1,000,000.00');
      expect(content).toContain('低碳能源');
      expect(text('score-submission-members')).toContain('负责人：王五');
      // No criteria before the expert confirms there is no conflict.
      expect($('score-innovation')).toBeNull();
    });

    it('asks first whether there is a conflict of interest', async () => {
      const seen = fakeApi(() => ({ data: { saved: true, total: 0 } }));
      await showScore();
      await click('score-save');
      expect(text('score-conflict-error')).toBe('请确认与该申报是否存在利益关系');
      expect(seen).toEqual([]);
    });

    it('refuses a total of 92 without a comment, and saves it with one; 85 needs none', async () => {
      const seen = fakeApi(() => ({ data: { saved: true, total: 92 } }));
      const { saved } = await showScore();
      await click('score-conflict-none');
      expect(text('score-innovation-label')).toBe('创新性（0–30分）');
      expect(text('score-innovation-hint')).toBe('技术路线新颖，有自主知识产权');
      await score({ innovation: 30, feasibility: 25 });
      expect(text('score-total')).toContain('已评 2 / 4 项');
      await score({ team: 20, benefit: 17 });
      expect(text('score-total-value')).toBe('92');
      expect(text('score-comment-hint')).toBe('总分92分，不低于90分，须填写评审意见说明理由');

      await click('score-save');
      expect(text('score-comment-error')).toBe('总分92分，不低于90分，请填写评审意见说明理由');
      expect(taroStub.toasts).toContain('请按提示修改标红的内容');
      expect(seen).toEqual([]);

      // 85: no comment asked for, and none sent.
      await type('score-benefit', '10');
      expect(text('score-total-value')).toBe('85');
      expect($('score-comment-error')).toBeNull();
      await click('score-save');
      expect(sent(seen, 'selection.reviews.score')).toEqual([
        {
          assignmentId: ACCEPTED,
          submissionId: SUB_1,
          sheet: {
            conflict: 'none',
            scores: { innovation: 30, feasibility: 25, team: 20, benefit: 10 },
          },
        },
      ]);
      expect(saved.map((s) => [s.conflict, s.total])).toEqual([[false, 85]]);
      expect(taroStub.toasts).toContain('评分已保存');
    });

    it('sends a 92 with its comment', async () => {
      const seen = fakeApi(() => ({ data: { saved: true, total: 92 } }));
      const { saved } = await showScore();
      await click('score-conflict-none');
      await score({ innovation: 30, feasibility: 25, team: 20, benefit: 17 });
      await type('score-comment', '技术路线领先，产学研分工清楚');
      await click('score-save');
      expect(sent(seen, 'selection.reviews.score')[0]).toMatchObject({
        sheet: {
          conflict: 'none',
          scores: { innovation: 30, feasibility: 25, team: 20, benefit: 17 },
          comment: '技术路线领先，产学研分工清楚',
        },
      });
      expect(saved[0]).toMatchObject({ total: 92, comment: '技术路线领先，产学研分工清楚' });
    });

    it('says per box what is wrong with a score, and sends nothing', async () => {
      const seen = fakeApi(() => ({ data: null }));
      await showScore();
      await click('score-conflict-none');
      await score({ innovation: 31, feasibility: 25, team: 20 });
      await click('score-save');
      expect(text('score-innovation-error')).toBe('“创新性”不能超过30分');
      expect(text('score-benefit-error')).toBe('请为“预期效益”打分');
      expect(seen).toEqual([]);
    });

    it('a declared conflict needs a reason, and is sent as {conflict: declared, reason}', async () => {
      const seen = fakeApi(() => ({ data: { saved: true, total: null } }));
      const { saved } = await showScore();
      await click('score-conflict-declared');
      expect($('score-innovation')).toBeNull();
      expect(text('score-save')).toBe('提交回避申报');
      await click('score-save');
      expect(text('score-reason-error')).toBe('请说明需要回避的原因');
      expect(seen).toEqual([]);

      await type('score-reason', '本人在该申报单位兼职');
      await click('score-save');
      expect(sent(seen, 'selection.reviews.score')).toEqual([
        {
          assignmentId: ACCEPTED,
          submissionId: SUB_1,
          sheet: { conflict: 'declared', reason: '本人在该申报单位兼职' },
        },
      ]);
      expect(saved).toEqual([
        {
          conflict: true,
          conflictReason: '本人在该申报单位兼职',
          scores: null,
          total: null,
          comment: null,
        },
      ]);
      expect(taroStub.toasts).toContain('已申报回避');
    });

    it('starts from the saved sheet, to revise it', async () => {
      const seen = fakeApi(() => ({ data: { saved: true, total: 80 } }));
      await showScore({
        submission: {
          mySheet: scored({ innovation: 25, feasibility: 20, team: 20, benefit: 20 }, '较好'),
        },
      });
      expect(($('score-innovation') as HTMLInputElement).value).toBe('25');
      expect(($('score-comment') as HTMLTextAreaElement).value).toBe('较好');
      expect(text('score-total-value')).toBe('85');
      expect(text('score-save')).toBe('保存修改');
      await type('score-benefit', '15');
      await click('score-save');
      expect(sent(seen, 'selection.reviews.score')[0]).toMatchObject({
        sheet: { scores: { benefit: 15 }, comment: '较好' },
      });
    });

    it('puts the API’s field errors under their boxes, and reloads when the panel closed', async () => {
      const refuse = (error: Extract<FakeOutcome, { error: unknown }>['error']) =>
        fakeApi(() => ({ error }));
      refuse({
        message: '“创新性”不能超过25分',
        code: 'BAD_REQUEST',
        httpStatus: 400,
        appCode: 'INVALID_INPUT',
        fieldErrors: { 'scores.innovation': ['“创新性”不能超过25分'] },
      });
      const view = await showScore();
      await click('score-conflict-none');
      await score({ innovation: 28, feasibility: 20, team: 15, benefit: 15 });
      await click('score-save');
      expect(text('score-innovation-error')).toBe('“创新性”不能超过25分');
      expect($('score-form-error')).toBeNull();

      refuse({
        message: '该评审组已结束评分，不能再修改',
        code: 'CONFLICT',
        httpStatus: 409,
        appCode: 'PANEL_CLOSED',
      });
      await click('score-save');
      expect(taroStub.toasts).toContain('该评审组已结束评分，不能再修改');
      expect(view.closed()).toBe(1);
    });

    it('after the panel closes, shows the sheet read-only', async () => {
      await showScore({
        panel: { closed: true },
        submission: {
          mySheet: scored({ innovation: 25, feasibility: 20, team: 20, benefit: 20 }, '较好'),
        },
      });
      expect($('score-page')?.getAttribute('data-mode')).toBe('readonly');
      expect(text('score-closed')).toContain('评分不能再修改');
      expect(text('score-innovation-value')).toBe('25 分');
      expect(text('score-total-value')).toBe('85 分');
      expect(text('score-comment-value')).toBe('较好');
      expect($('score-save')).toBeNull();
      expect($('score-conflict-none')).toBeNull();
      expect(screen.container.querySelector('input, textarea')).toBeNull();
    });

    it('a closed panel with no sheet says so', async () => {
      await showScore({ panel: { closed: true } });
      expect(text('score-none')).toBe('您未对本申报评分。');
      expect($('score-save')).toBeNull();
    });
  });
});

describe('the entry to 评审任务 in 专家库', () => {
  const expert = (status: string, statusName: string) =>
    ({
      id: 'e1',
      name: '周明远',
      mobile: '13912345678',
      title: 'professor',
      unitName: '宿州学院',
      fieldCodes: ['general-intelligence'],
      subFieldCodes: [],
      expertise: '智能算力调度',
      conflicts: [],
      status,
      statusName,
      statusReason: null,
      version: 1,
      updatedAt: new Date('2026-12-01T02:00:00Z'),
    }) as unknown as MyExpert;

  it('is offered to an expert 在库, with the invitations waiting', () => {
    const html = renderToStaticMarkup(
      createElement(StatusCard, { expert: expert('active', '在库'), pendingReviews: 2 }),
    );
    expect(html).toContain('id="expert-reviews"');
    expect(html).toMatch(/id="expert-reviews-hint"[^>]*>2 项邀请待确认</);
  });

  it('is not offered before the expert is in the pool', () => {
    const html = renderToStaticMarkup(
      createElement(StatusCard, { expert: expert('pending', '待审核'), pendingReviews: 2 }),
    );
    expect(html).not.toContain('expert-reviews');
  });
});
