// @vitest-environment jsdom
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  PERSONAL_DATA_IN_COMMENT,
  SUZHOU_FUTURE_2026_DRAFT_TEXT,
  clauseById,
  clauseTitle,
} from '@kc/domain';
import type {
  ConsultationClause,
  MyComment,
  PublicConsultation,
  Speaker,
} from '../src/packages/policy-comments/data';
import { messageTarget } from '../src/pages/messages/links';
import { type FakeOutcome, fakeApi, sent } from './support/fake-api';
import { createScreen } from './support/screen';
import { taroStub } from './stubs/taro';

/** Taro's components as plain tags, so the pages run in jsdom. */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));

const { CommentForm } = await import('../src/packages/policy-comments/comment/CommentForm');
const { ConsultationView } =
  await import('../src/packages/policy-comments/detail/ConsultationView');
const { MyCommentList } = await import('../src/packages/policy-comments/mine/index');
const { ConsultationList } = await import('../src/packages/policy-comments/list/index');
const { openConsultation } = await import('../src/pages/programmes/ConsultationEntry');
const data = await import('../src/packages/policy-comments/data');

/**
 * 征求意见 (issue 15) in the mini-program: the draft clause by clause, a comment on one clause
 * checked with the domain's own schema before it is sent, the 以单位名义 option for members of an
 * organisation, the caller's comments, and the bureau's answers once published.
 */

const ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const FIRM: Speaker = { organisationName: '安徽宿氢新能源科技有限公司', verified: true };
const BODY = '建议将单项成果补助上限由50万元提高到80万元。';

function clause(id: string, over: Partial<ConsultationClause> = {}): ConsultationClause {
  const c = clauseById(SUZHOU_FUTURE_2026_DRAFT_TEXT, id);
  if (!c) throw new Error(`no clause ${id}`);
  return {
    ...c,
    paragraphs: [...c.paragraphs],
    title: clauseTitle(c),
    commentable: c.paragraphs.length > 0,
    comments: 0,
    feedback: [],
    ...over,
  } as ConsultationClause;
}

function consultation(over: Partial<PublicConsultation> = {}): PublicConsultation {
  const t = SUZHOU_FUTURE_2026_DRAFT_TEXT;
  return {
    id: ID,
    number: 'SZKC-ZQ-2026-001',
    title: '《以科技创新推进未来产业创新发展实施方案（征求意见稿）》公开征求意见',
    policySetId: 'suzhou-future-2026-draft',
    opensOn: '2026-12-01',
    closesOn: '2026-12-30',
    days: 30,
    shortReason: null,
    contact: { department: '宿州市科学技术局政策法规科', phone: '0557-3021234' },
    note: null,
    stage: 'open',
    stageName: '征求意见中',
    feedbackPublished: false,
    feedbackPublishedAt: null,
    feedbackSummary: null,
    version: 1,
    text: { title: t.title, status: t.status, preamble: t.preamble },
    clauses: t.clauses.map((c) => clause(c.id, c.id === '四.8' ? { comments: 2 } : {})),
    total: 2,
    limits: { minChars: 5, maxChars: 1000 },
    ...over,
  } as PublicConsultation;
}

describe('clauses, stages and messages', () => {
  it('names every clause of the draft by a distinct ASCII key, found again from it', () => {
    expect(['四', '四（三）', '四.8', '四.10', '三（五）'].map(data.clauseKey)).toEqual([
      '4',
      '4-s3',
      '4-8',
      '4-10',
      '3-s5',
    ]);
    const keys = SUZHOU_FUTURE_2026_DRAFT_TEXT.clauses.map((c) => data.clauseKey(c.id));
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[0-9a-z-]+$/);
    expect(data.clauseByKey(SUZHOU_FUTURE_2026_DRAFT_TEXT.clauses, '4-8')?.id).toBe('四.8');
  });

  it('says the period in Chinese dates and the days left', () => {
    const c = consultation();
    expect(data.periodText(c)).toBe('2026年12月1日至2026年12月30日（共30日）');
    expect(data.daysText(c, '2026-12-20')).toBe('剩余 10 天');
    expect(data.daysText(c, '2026-12-30')).toBe('今天截止');
    expect(data.daysText({ ...c, stage: 'upcoming' }, '2026-11-28')).toBe('3 天后开始');
    expect(data.daysText({ ...c, stage: 'closed' }, '2027-01-02')).toBeNull();
  });

  it('puts the consultation taking comments on the 政策 tab, the one closing first', () => {
    const open = (id: string, closesOn: string) => ({
      ...consultation({ id, closesOn }),
      comments: 0,
    });
    const closed = {
      ...consultation({ id: 'old', stage: 'closed', closesOn: '2026-01-01' }),
      comments: 3,
    };
    expect(openConsultation([closed])).toBeNull();
    expect(
      openConsultation([open('late', '2027-01-30'), closed, open('soon', '2026-12-30')])?.id,
    ).toBe('soon');
  });

  it('opens the 采纳情况 message on the consultation', () => {
    expect(
      messageTarget({ kind: 'policy.feedback', link: { page: 'policy-consultation', id: ID } }),
    ).toEqual({ route: '/packages/policy-comments/detail/index', query: { id: ID } });
  });
});

describe('on screen', () => {
  const screen = createScreen();
  const { $, text, render, click, type } = screen;

  const renderForm = (speaker: Speaker | null, id = '四.8') =>
    render(
      createElement(CommentForm, {
        consultation: consultation(),
        clause: clause(id),
        speaker,
        onStale: () => undefined,
      }),
    );

  it('refuses a phone number in a comment with the domain’s words, before sending anything', async () => {
    const seen = fakeApi(() => ({ data: null }));
    await renderForm(null);
    expect(text('comment-clause-title')).toBe('四.8 推动重大创新成果加速转化');
    expect(text('comment-clause')).toContain('单项成果补助金额最高50万元');
    expect(text('comment-privacy')).toContain(PERSONAL_DATA_IN_COMMENT);
    await type('comment-body', '同意提高上限，有事打我电话138 5571 2036');
    await click('comment-submit');
    expect(text('comment-body-error')).toBe(PERSONAL_DATA_IN_COMMENT);
    expect(taroStub.modals).toEqual([]);
    expect(seen).toHaveLength(0);
  });

  it('counts the characters against the limit of 1,000 and asks for at least five', async () => {
    fakeApi(() => ({ data: null }));
    await renderForm(null);
    expect(text('comment-body-count')).toBe('已输入 0/1000');
    expect(text('comment-body-hint')).toBe('5至1000个字');
    await type('comment-body', '同意');
    expect(text('comment-body-count')).toBe('已输入 2/1000');
    await click('comment-submit');
    expect(text('comment-body-error')).toBe('意见内容至少5个字');
    await type('comment-body', BODY);
    expect(text('comment-body-count')).toBe(`已输入 ${BODY.length}/1000`);
    expect($('comment-body-error')).toBeNull();
  });

  it('sends a citizen’s comment as 公众, after saying it will be public', async () => {
    const seen = fakeApi((path) =>
      path === 'consultations.comment'
        ? { data: { id: 'm-1', outcomeName: '待处理' } }
        : { data: null },
    );
    await renderForm(null);
    // Not a member of an organisation: no option to speak for one.
    expect($('comment-as-org')).toBeNull();
    expect(text('comment-as-public')).toBe('将以“公众”名义公开，不显示您的姓名');
    await type('comment-body', BODY);
    await click('comment-submit');
    expect(taroStub.modals[0]).toBe(
      '意见将以“公众”的名义公开展示，提交后不能修改或撤回。确定提交吗？',
    );
    expect(sent(seen, 'consultations.comment')).toEqual([
      { consultationId: ID, comment: { clauseId: '四.8', body: BODY, asOrganisation: false } },
    ]);
    expect(text('comment-done')).toContain('将以“公众”的名义公开');
    expect(taroStub.toasts).toContain('意见已提交');
  });

  it('offers a member of a verified organisation to comment in its name', async () => {
    const seen = fakeApi(() => ({ data: { id: 'm-2' } }));
    await renderForm(FIRM);
    expect($('comment-as-public')).toBeNull();
    expect($('comment-as-org')?.getAttribute('aria-checked')).toBe('false');
    await click('comment-as-org');
    expect($('comment-as-org')?.getAttribute('aria-checked')).toBe('true');
    expect(text('comment-as-org-text')).toBe('将以“安徽宿氢新能源科技有限公司”的名义公开');
    await type('comment-body', BODY);
    await click('comment-submit');
    expect(sent(seen, 'consultations.comment')[0]).toMatchObject({
      comment: { asOrganisation: true },
    });
  });

  it('greys the option out while the member’s organisation is not verified', async () => {
    fakeApi(() => ({ data: null }));
    await renderForm({ ...FIRM, verified: false });
    expect($('comment-as-org')?.getAttribute('aria-disabled')).toBe('true');
    expect(text('comment-as-org-hint')).toBe('本单位通过机构认证后，才能以单位名义提出意见');
    await click('comment-as-org');
    expect($('comment-as-org')?.getAttribute('aria-checked')).toBe('false');
  });

  it('shows the API’s refusals in Chinese: under the box, under the option, or above the button', async () => {
    const refusals: FakeOutcome[] = [
      {
        error: {
          message: '提交的信息有误',
          code: 'BAD_REQUEST',
          httpStatus: 400,
          appCode: 'INVALID_INPUT',
          fieldErrors: { 'comment.body': ['意见内容应包含文字或数字'] },
        },
      },
      {
        error: {
          message: '您还不是任何单位的成员，请先注册单位或使用邀请码加入',
          code: 'PRECONDITION_FAILED',
          httpStatus: 412,
          appCode: 'NOT_ORG_MEMBER',
        },
      },
      {
        error: {
          message: '每人每天最多提出20条意见，请明天再提',
          code: 'TOO_MANY_REQUESTS',
          httpStatus: 429,
          appCode: 'RATE_LIMITED',
        },
      },
    ];
    fakeApi(() => refusals.shift() ?? { data: null });
    await renderForm(FIRM);
    await click('comment-as-org');
    await type('comment-body', BODY);
    await click('comment-submit');
    expect(text('comment-body-error')).toBe('意见内容应包含文字或数字');
    await type('comment-body', `${BODY}！`);
    await click('comment-submit');
    expect(text('comment-as-org-error')).toBe(
      '您还不是任何单位的成员，请先注册单位或使用邀请码加入',
    );
    await click('comment-as-org');
    await click('comment-submit');
    expect(text('comment-form-error')).toBe('每人每天最多提出20条意见，请明天再提');
    expect(taroStub.toasts).toContain('每人每天最多提出20条意见，请明天再提');
    expect($('comment-done')).toBeNull();
  });

  it('shows the draft clause by clause, parts as headings, 提意见 on each clause while open', async () => {
    await render(createElement(ConsultationView, { consultation: consultation() }));
    expect(text('consultation-stage')).toBe('征求意见中');
    expect(text('consultation-period')).toBe('2026年12月1日至2026年12月30日（共30日）');
    expect(text('consultation-contact-phone')).toBe('0557-3021234');
    expect(text('clause-4-heading')).toBe('四、重点任务');
    expect(text('clause-4-s1-heading')).toBe('（一）加强未来产业关键核心技术攻关');
    // A part or a section with no words of its own takes no comments.
    expect($('clause-4')).toBeNull();
    expect($('clause-4-s1')).toBeNull();
    // 一、 has words of its own: a heading, and its text to comment on.
    expect(text('clause-1-heading')).toBe('一、指导思想');
    expect($('clause-1-comment')).not.toBeNull();
    expect(text('clause-3-s1-title')).toBe('三（一） 通用智能');
    expect(text('clause-4-8-title')).toBe('四.8 推动重大创新成果加速转化');
    expect(text('clause-4-8')).toContain('单项成果补助金额最高50万元');
    expect(text('clause-4-8-count')).toBe('已收到意见 2 条');
    expect(text('clause-4-8-comment')).toBe('提意见');
    expect($('clause-3-s5-comment')).not.toBeNull();
    expect($('consultation-feedback')).toBeNull();
  });

  it('shows the published answers under their clauses, and no more 提意见', async () => {
    const answered = clause('四.8', {
      comments: 2,
      feedback: [
        {
          id: 'f-1',
          author: '安徽宿氢新能源科技有限公司',
          body: BODY,
          createdAt: new Date('2026-12-01T02:00:00Z'),
          outcome: 'adopted',
          outcomeName: '采纳',
          reason: null,
          duplicateOfId: null,
        },
        {
          id: 'f-2',
          author: '公众',
          body: '赞成提高补助上限，同时建议明确申报时限。',
          createdAt: new Date('2026-12-01T03:00:00Z'),
          outcome: 'not-adopted',
          outcomeName: '不予采纳',
          reason: '申报时限在申兑指南中明确。',
          duplicateOfId: null,
        },
      ],
    });
    const c = consultation({
      stage: 'closed',
      stageName: '已发布采纳情况',
      feedbackPublished: true,
      feedbackPublishedAt: new Date('2027-01-10T02:00:00Z'),
      feedbackSummary: '共收到意见2条，采纳1条，不予采纳1条。',
    });
    c.clauses = c.clauses.map((x) => (x.id === '四.8' ? answered : x));
    await render(createElement(ConsultationView, { consultation: c }));
    expect(text('consultation-stage')).toBe('已发布采纳情况');
    expect(text('consultation-feedback-summary')).toBe('共收到意见2条，采纳1条，不予采纳1条。');
    expect(text('consultation-feedback')).toContain('2027-01-10 发布');
    expect(text('clause-4-8-feedback-0-author')).toBe('安徽宿氢新能源科技有限公司 · 2026-12-01');
    expect(text('clause-4-8-feedback-0-outcome')).toBe('采纳');
    expect(text('clause-4-8-feedback-1-author')).toContain('公众');
    expect(text('clause-4-8-feedback-1-outcome')).toBe('不予采纳');
    expect(text('clause-4-8-feedback-1-reason')).toBe('理由：申报时限在申兑指南中明确。');
    expect($('clause-4-8-comment')).toBeNull();
    expect($('clause-4-1-feedback')).toBeNull();
  });

  it('lists the consultations with where each stands', async () => {
    await render(
      createElement(ConsultationList, {
        list: [{ ...consultation({ stage: 'closed', stageName: '已截止' }), comments: 23 }],
      }),
    );
    expect(text(`consultation-${ID}-stage`)).toBe('已截止');
    expect(text(`consultation-${ID}`)).toContain('已收到意见 23 条');
    await render(createElement(ConsultationList, { list: [] }));
    expect($('consultations-empty')).not.toBeNull();
  });

  it('lists the caller’s comments: 待处理 until the answers are published, then the answer and why', async () => {
    const mine = (over: Partial<MyComment>): MyComment =>
      ({
        id: 'm-1',
        clauseId: '四.8',
        clauseTitle: '四.8 推动重大创新成果加速转化',
        body: BODY,
        author: '公众',
        createdAt: new Date('2026-12-01T02:00:00Z'),
        answered: false,
        outcome: null,
        outcomeName: '待处理',
        reason: null,
        duplicateOfId: null,
        consultationId: ID,
        consultationTitle: '《实施方案（征求意见稿）》公开征求意见',
        ...over,
      }) as MyComment;
    await render(
      createElement(MyCommentList, {
        comments: [
          mine({}),
          mine({
            id: 'm-2',
            answered: true,
            outcome: 'partly-adopted',
            outcomeName: '部分采纳',
            reason: '上限调整为60万元。',
          }),
        ],
      }),
    );
    expect(text('my-comment-m-1-status')).toBe('待处理');
    expect(text('my-comment-m-1-clause')).toBe('四.8 推动重大创新成果加速转化');
    expect(text('my-comment-m-1-author')).toBe('以“公众”名义 · 2026-12-01 10:00 提出');
    expect($('my-comment-m-1-reason')).toBeNull();
    expect(text('my-comment-m-2-status')).toBe('部分采纳');
    expect(text('my-comment-m-2-reason')).toBe('理由：上限调整为60万元。');
    expect(text('my-comment-m-2-consultation')).toContain('公开征求意见');
  });
});
