import type { VueWrapper } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SUZHOU_FUTURE_2026_DRAFT_TEXT, clauseById } from '@kc/domain';
import type { Officer } from '../src/store/auth';
import ConsultationDetail from '../src/views/consultations/detail.vue';
import type { Consultation, ConsultationComment } from '../src/views/consultations/queries';
import { choose, click, errorsIn, inBody, settle, type } from './dom';
import { apiError, officers } from './helpers';
import { more, mountAs } from './mount';

const api = vi.hoisted(() => ({ byId: vi.fn(), answer: vi.fn(), publishFeedback: vi.fn() }));
vi.mock('../src/api/client', () => ({
  trpc: {
    consultations: {
      byId: { query: api.byId },
      answer: { mutate: api.answer },
      publishFeedback: { mutate: api.publishFeedback },
    },
  },
}));

const ID = '5e2b7c10-0000-4000-8000-000000000015';
const commentId = (seq: number) =>
  `5e2b7c10-0000-4000-8000-0000000001${String(seq).padStart(2, '0')}`;
const silent = { context: { silent: true } };

function comment(seq: number, over: Partial<ConsultationComment> = {}): ConsultationComment {
  return {
    id: commentId(seq),
    seq,
    author: '公众',
    body: `建议意见${seq}：提高首台套产品的奖励额度，并简化申报材料。`,
    createdAt: new Date(`2026-12-0${seq}T16:30:00Z`),
    outcome: null,
    outcomeName: '待处理',
    reason: null,
    duplicateOfId: null,
    duplicateOfSeq: null,
    answeredAt: null,
    version: 1,
    ...over,
  } as ConsultationComment;
}

/** Comments on 一 (the guiding idea) and 四.8 (transfer of results), in the text's order. */
function consultation(over: Partial<Consultation> = {}, comments?: ConsultationComment[]) {
  const all = comments ?? [
    comment(1, { author: '安徽宿氢新能源科技有限公司' }),
    comment(2),
    comment(3, {
      outcome: 'adopted',
      outcomeName: '采纳',
      answeredAt: new Date('2026-12-05T02:00:00Z'),
      version: 2,
    }),
  ];
  const groups = [
    {
      clauseId: '一',
      title: '一 指导思想',
      paragraphs: ['以习近平新时代中国特色社会主义思想为指导'],
      comments: all.filter((c) => c.seq === 2),
    },
    {
      clauseId: '四.8',
      title: '四.8 推动重大创新成果加速转化',
      paragraphs: clauseById(SUZHOU_FUTURE_2026_DRAFT_TEXT, '四.8')?.paragraphs ?? [],
      comments: all.filter((c) => c.seq !== 2),
    },
  ].filter((g) => g.comments.length > 0);
  return {
    id: ID,
    number: 'SZKC-ZQ-2026-001',
    title: '关于公开征求《以科技创新推进未来产业创新发展实施方案》意见的公告',
    policySetId: 'suzhou-future-2026-draft',
    opensOn: '2026-12-01',
    closesOn: '2026-12-30',
    days: 30,
    shortReason: null,
    contact: {
      department: '市科技局政策法规科',
      phone: '0557-3021234',
      email: 'kjj@suzhou.gov.cn',
    },
    note: null,
    stage: 'open',
    stageName: '征求意见中',
    feedbackPublished: false,
    feedbackPublishedAt: null,
    feedbackSummary: null,
    version: 1,
    groups,
    total: all.length,
    answered: all.filter((c) => c.outcome !== null).length,
    ...over,
  } as Consultation;
}

const closed = { stage: 'closed', stageName: '已截止' } as const;
const answered = (seq: number) =>
  comment(seq, { outcome: 'adopted', outcomeName: '采纳', version: 2 });

async function openPage(data: Consultation, officer: Officer = officers.admin) {
  api.byId.mockResolvedValue(data);
  return mountAs(officer, ConsultationDetail, { path: `/consultations/${ID}` });
}
const text = (wrapper: VueWrapper, testId: string) =>
  wrapper.find(`[data-testid="${testId}"]`).text();
const has = (wrapper: VueWrapper, testId: string) =>
  wrapper.find(`[data-testid="${testId}"]`).exists();
const publishButton = (wrapper: VueWrapper) =>
  wrapper.get('[data-testid="consultation-publish-feedback"]');

beforeEach(() => {
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
});

describe('征求意见: one consultation', () => {
  it('shows the period, contact and counts, then the comments clause by clause in the text’s order', async () => {
    const { wrapper } = await openPage(consultation());
    expect(api.byId).toHaveBeenCalledWith({ id: ID });
    expect(text(wrapper, 'consultation-stage')).toBe('征求意见中');
    const head = text(wrapper, 'consultation-head');
    for (const words of [
      '宿州市科学技术局以科技创新推进未来产业创新发展实施方案（征求意见稿）',
      '2026-12-01 至 2026-12-30（30日）',
      '市科技局政策法规科',
      '0557-3021234',
      'kjj@suzhou.gov.cn',
    ])
      expect(head).toContain(words);
    expect(text(wrapper, 'consultation-counts')).toBe('已处理 1 / 共 3');

    const groups = wrapper.findAll('[data-testid^="clause-group-"]');
    expect(groups.map((g) => g.find('h3').text())).toEqual([
      '一 指导思想1 条意见',
      '四.8 推动重大创新成果加速转化2 条意见',
    ]);
    // The clause's words, as the published text has them, fold open above its comments.
    expect(groups[1]?.text()).toContain('条款原文');
    expect(groups[1]?.text()).toContain('给予10%的补助，单项成果补助金额最高50万元');

    const first = text(wrapper, 'comment-1');
    expect(first).toContain('意见1');
    expect(first).toContain('安徽宿氢新能源科技有限公司');
    // 2026-12-01 16:30 UTC is the 2nd in Suzhou.
    expect(first).toContain('2026-12-02 00:30');
    expect(text(wrapper, 'comment-1-status')).toBe('待处理');
    expect(text(wrapper, 'comment-2-author')).toBe('公众');
    expect(text(wrapper, 'comment-3-status')).toBe('采纳');
    expect(text(wrapper, 'comment-3-answer')).toBe('修改处理');
    for (const raw of ['adopted', 'suzhou-future-2026-draft', ID, commentId(1)])
      expect(wrapper.text()).not.toContain(raw);
    wrapper.unmount();
  });

  it('can show only the comments still to answer', async () => {
    const { wrapper } = await openPage(consultation());
    expect(text(wrapper, 'consultation-unanswered-only')).toContain('只看未处理（2 条）');
    await choose(wrapper, 'ElCheckbox', 'consultation-unanswered-only', true);
    expect(has(wrapper, 'comment-1')).toBe(true);
    expect(has(wrapper, 'comment-2')).toBe(true);
    expect(has(wrapper, 'comment-3')).toBe(false);
    wrapper.unmount();
  });

  it('says when nothing has come in yet', async () => {
    const { wrapper } = await openPage(
      consultation({ stage: 'upcoming', stageName: '即将开始', opensOn: '2027-01-04' }, []),
    );
    expect(text(wrapper, 'consultation-no-comments')).toContain('征求意见自2027-01-04开始');
    wrapper.unmount();
  });
});

describe('征求意见: 处理 a comment', () => {
  it('will not answer 不予采纳 without a reason, in the domain’s words, and sends the answer on the version shown', async () => {
    api.answer.mockResolvedValue({
      id: commentId(1),
      outcome: 'not-adopted',
      outcomeName: '不予采纳',
    });
    const { wrapper } = await openPage(consultation());
    await click('comment-1-answer');
    expect(inBody('answer-dialog')?.textContent).toContain('建议意见1');
    expect(inBody('answer-dialog')?.textContent).toContain(
      '处理结果和理由在发布意见采纳情况时与意见一并公开',
    );
    await choose(wrapper, 'ElRadioGroup', 'answer-outcome', 'not-adopted');
    await click('answer-confirm');
    expect(api.answer).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(errorsIn('answer-dialog')['理由（将公开）']).toBe('不予采纳的，请填写理由'),
    );

    await type('answer-reason', ' 首台套奖励额度已按省级标准设定 ');
    await click('answer-confirm');
    expect(api.answer).toHaveBeenCalledWith(
      {
        commentId: commentId(1),
        expectedVersion: 1,
        answer: { outcome: 'not-adopted', reason: '首台套奖励额度已按省级标准设定' },
      },
      silent,
    );
    // Refetched: the page shows what the server now holds.
    await vi.waitFor(() => expect(api.byId).toHaveBeenCalledTimes(2));
    wrapper.unmount();
  });

  it('adopts without asking for a reason', async () => {
    api.answer.mockResolvedValue({ id: commentId(2), outcome: 'adopted', outcomeName: '采纳' });
    const { wrapper } = await openPage(consultation());
    await click('comment-2-answer');
    await choose(wrapper, 'ElRadioGroup', 'answer-outcome', 'adopted');
    await click('answer-confirm');
    expect(api.answer).toHaveBeenCalledWith(
      { commentId: commentId(2), expectedVersion: 1, answer: { outcome: 'adopted' } },
      silent,
    );
    wrapper.unmount();
  });

  it('names the comment a duplicate repeats, from the others by 意见N and their first words', async () => {
    api.answer.mockResolvedValue({
      id: commentId(2),
      outcome: 'duplicate',
      outcomeName: '重复意见',
    });
    const { wrapper } = await openPage(
      consultation({}, [
        comment(1),
        comment(2),
        comment(3, {
          outcome: 'duplicate',
          outcomeName: '重复意见',
          duplicateOfId: commentId(1),
          duplicateOfSeq: 1,
          version: 2,
        }),
      ]),
    );
    expect(text(wrapper, 'comment-3-result')).toContain('与意见1重复');
    await click('comment-2-answer');
    await choose(wrapper, 'ElRadioGroup', 'answer-outcome', 'duplicate');
    await click('answer-confirm');
    expect(api.answer).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(errorsIn('answer-dialog')['与哪条意见重复']).toBe('请选择重复的意见'),
    );
    const select = wrapper.findAllComponents({ name: 'ElOption' }).map((o) => ({
      label: o.props('label') as string,
      disabled: o.props('disabled') as boolean,
    }));
    expect(select).toEqual([
      { label: '意见1：建议意见1：提高首台套产品的奖励额度，并简化申报…', disabled: false },
      // A duplicate of a duplicate is refused: the first one raised is what is answered.
      { label: '意见3：建议意见3：提高首台套产品的奖励额度，并简化申报…', disabled: true },
    ]);
    await choose(wrapper, 'ElSelect', 'answer-duplicate-of', commentId(1));
    await click('answer-confirm');
    expect(api.answer).toHaveBeenCalledWith(
      {
        commentId: commentId(2),
        expectedVersion: 1,
        answer: { outcome: 'duplicate', duplicateOf: commentId(1) },
      },
      silent,
    );
    wrapper.unmount();
  });

  it('shows a refusal because the answers were published meanwhile in Chinese, and the page then only reads', async () => {
    api.answer.mockRejectedValue(
      apiError('FEEDBACK_PUBLISHED', '意见采纳情况已发布，处理结果不能再修改'),
    );
    const { wrapper } = await openPage(consultation());
    api.byId.mockResolvedValue(
      consultation({
        ...closed,
        stageName: '已发布采纳情况',
        feedbackPublished: true,
        feedbackPublishedAt: new Date('2027-01-05T02:00:00Z'),
      }),
    );
    await click('comment-1-answer');
    await choose(wrapper, 'ElRadioGroup', 'answer-outcome', 'adopted');
    await click('answer-confirm');
    await settle();
    const error = inBody('answer-error')?.textContent ?? '';
    expect(error).toContain('意见采纳情况已发布，处理结果不能再修改');
    expect(error).not.toContain('FEEDBACK_PUBLISHED');
    await vi.waitFor(() => expect(has(wrapper, 'consultation-published')).toBe(true));
    expect(inBody('answer-confirm')?.hasAttribute('disabled')).toBe(true);
    expect(has(wrapper, 'comment-2-answer')).toBe(false);
    wrapper.unmount();
  });

  it('on a stale version says so in Chinese and answers again on the reloaded version', async () => {
    api.answer
      .mockRejectedValueOnce(apiError('STALE_VERSION', '该征求意见刚被更新，请刷新后再试'))
      .mockResolvedValue({ id: commentId(1), outcome: 'adopted', outcomeName: '采纳' });
    const { wrapper } = await openPage(consultation());
    api.byId.mockResolvedValue(
      consultation({}, [
        comment(1, {
          outcome: 'partly-adopted',
          outcomeName: '部分采纳',
          reason: '已吸收',
          version: 2,
        }),
        comment(2),
        answered(3),
      ]),
    );
    await click('comment-1-answer');
    await choose(wrapper, 'ElRadioGroup', 'answer-outcome', 'adopted');
    await click('answer-confirm');
    await settle();
    const error = inBody('answer-error')?.textContent ?? '';
    expect(error).toContain('该征求意见刚被更新，请刷新后再试');
    expect(error).toContain('已重新载入该意见的最新状态');
    expect(error).not.toContain('STALE_VERSION');
    await click('answer-confirm');
    expect(api.answer).toHaveBeenLastCalledWith(
      expect.objectContaining({ commentId: commentId(1), expectedVersion: 2 }),
      silent,
    );
    wrapper.unmount();
  });
});

describe('征求意见: 发布意见采纳情况', () => {
  it('is off while comments are still being taken, and says until when', async () => {
    const { wrapper } = await openPage(consultation());
    expect(publishButton(wrapper).attributes('disabled')).toBeDefined();
    expect(text(wrapper, 'consultation-publish-feedback-why')).toBe(
      '征求意见2026-12-30截止后才能发布意见采纳情况',
    );
    wrapper.unmount();
  });

  it('is off after the period while comments are unanswered, and says how many', async () => {
    const { wrapper } = await openPage(consultation(closed));
    expect(publishButton(wrapper).attributes('disabled')).toBeDefined();
    expect(text(wrapper, 'consultation-publish-feedback-why')).toBe(
      '还有2条意见未处理，全部处理后才能发布意见采纳情况',
    );
    wrapper.unmount();
  });

  it('is the bureau administrator’s only', async () => {
    const { wrapper } = await openPage(consultation(closed), more.reviewer);
    expect(has(wrapper, 'consultation-publish-feedback')).toBe(false);
    // The reviewer answers comments all the same.
    expect(has(wrapper, 'comment-1-answer')).toBe(true);
    wrapper.unmount();
  });

  it('publishes a summary checked with the domain’s words, saying what follows', async () => {
    api.publishFeedback.mockResolvedValue({});
    const data = consultation(closed, [answered(1), answered(2), answered(3)]);
    const { wrapper } = await openPage(data);
    expect(has(wrapper, 'consultation-publish-feedback-why')).toBe(false);
    await publishButton(wrapper).trigger('click');
    await settle();
    expect(inBody('feedback-consequence')?.textContent).toContain(
      '公开全部意见的处理结果，并通知每一位提出意见的人；发布后不能修改',
    );
    expect(inBody('feedback-tally')?.textContent).toContain('共 3 条意见：采纳 3 条');
    await type('feedback-summary', '共收到三条');
    await click('feedback-confirm');
    expect(api.publishFeedback).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(errorsIn('feedback-dialog')['采纳情况说明（将公开）']).toBe('采纳情况说明至少10个字'),
    );
    await type('feedback-summary', '共收到意见3条，均予采纳，已据此修改实施方案相关条款。');
    await click('feedback-confirm');
    expect(api.publishFeedback).toHaveBeenCalledWith(
      {
        id: ID,
        expectedVersion: 1,
        summary: '共收到意见3条，均予采纳，已据此修改实施方案相关条款。',
      },
      silent,
    );
    wrapper.unmount();
  });

  it('shows the server’s refusal in Chinese, never the code', async () => {
    api.publishFeedback.mockRejectedValue(
      apiError('COMMENTS_UNANSWERED', '还有1条意见未处理，全部处理后才能发布意见采纳情况'),
    );
    const { wrapper } = await openPage(
      consultation(closed, [answered(1), answered(2), answered(3)]),
    );
    await publishButton(wrapper).trigger('click');
    await settle();
    await type('feedback-summary', '共收到意见3条，均予采纳，已据此修改实施方案相关条款。');
    await click('feedback-confirm');
    const error = inBody('feedback-error')?.textContent ?? '';
    expect(error).toContain('还有1条意见未处理，全部处理后才能发布意见采纳情况');
    expect(error).not.toContain('COMMENTS_UNANSWERED');
    wrapper.unmount();
  });

  it('leaves everything read-only once published', async () => {
    const { wrapper } = await openPage(
      consultation(
        {
          ...closed,
          stageName: '已发布采纳情况',
          feedbackPublished: true,
          feedbackPublishedAt: new Date('2027-01-05T02:00:00Z'),
          feedbackSummary: '共收到意见3条，均予采纳。',
          version: 2,
        },
        [answered(1), answered(2), answered(3)],
      ),
    );
    expect(text(wrapper, 'consultation-published')).toContain(
      '意见采纳情况已于 2027-01-05 10:00 发布',
    );
    expect(text(wrapper, 'consultation-feedback-summary')).toBe('共收到意见3条，均予采纳。');
    expect(has(wrapper, 'consultation-publish-feedback')).toBe(false);
    expect(has(wrapper, 'consultation-unanswered-only')).toBe(false);
    for (const seq of [1, 2, 3]) expect(has(wrapper, `comment-${seq}-answer`)).toBe(false);
    wrapper.unmount();
  });
});
