import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

/**
 * 征求意见 (issue 15): the bureau publishes the draft for comments; people comment clause by
 * clause (as 公众 or for their verified organisation); the bureau answers every comment and
 * publishes the answers; each commenter is told; the record stays after the period.
 */
describe('public consultation on the draft', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<Harness['officer']>>;
  let consultationId = '';
  const contact = { department: '宿州市科学技术局政策法规科', phone: '0557-3021234' };
  // 2026-12-01 10:00 in Shanghai.
  const start = new Date('2026-12-01T02:00:00Z');

  beforeAll(async () => {
    h = await createHarness({ start });
    admin = await h.officer('admin');
  });
  afterAll(() => h.close());

  const at = (iso: string) => {
    h.clock.now = new Date(iso);
  };

  it('only the bureau administrator publishes a consultation; a short period must say why', async () => {
    const reviewer = await h.officer('reviewer');
    const input = {
      policySetId: 'suzhou-future-2026-draft',
      title: '《以科技创新推进未来产业创新发展实施方案（征求意见稿）》公开征求意见',
      opensOn: '2026-12-01',
      closesOn: '2026-12-15',
      contact,
    };
    expect((await failure(() => reviewer.consultations.create.mutate(input))).appCode).toBe(
      'FORBIDDEN',
    );
    expect(await failure(() => admin.consultations.create.mutate(input))).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { shortReason: ['征求意见期限为15日，少于30日的须说明理由'] },
    });
    expect(
      (
        await failure(() =>
          admin.consultations.create.mutate({
            ...input,
            closesOn: '2026-12-30',
            policySetId: 'no-such-version',
          }),
        )
      ).fieldErrors,
    ).toEqual({ policySetId: ['请选择有正式文本的政策版本'] });
    const made = await admin.consultations.create.mutate({ ...input, closesOn: '2026-12-30' });
    expect(made).toMatchObject({
      number: 'SZKC-ZQ-2026-001',
      days: 30,
      stage: 'open',
      stageName: '征求意见中',
    });
    consultationId = made.id;
    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: 'policy.consultation.publish' },
    });
    expect(audit.details).toMatchObject({ number: 'SZKC-ZQ-2026-001', days: 30 });
  });

  it('anyone reads the draft clause by clause, without signing in', async () => {
    const page = await h.client().consultations.publicById.query({ id: consultationId });
    const clause = page.clauses.find((c) => c.id === '四.8');
    expect(clause).toMatchObject({
      title: '四.8 推动重大创新成果加速转化',
      commentable: true,
      comments: 0,
    });
    expect(clause?.paragraphs.join('')).toContain('单项成果补助金额最高50万元');
    expect(page.clauses.find((c) => c.id === '四')?.commentable).toBe(false);
    expect((await h.client().consultations.published.query())[0]?.id).toBe(consultationId);
  });

  let firmComment = '';
  let citizenComment = '';
  it('a firm comments on 四.8 for its organisation; a citizen as 公众; personal data is refused', async () => {
    const firm = await h.applicant('demo-openid-firm-1');
    const sent = await firm.consultations.comment.mutate({
      consultationId,
      comment: {
        clauseId: '四.8',
        body: '建议将单项成果补助上限由50万元提高到80万元，以吸引更多重大成果在宿转化。',
        asOrganisation: true,
      },
    });
    expect(sent).toMatchObject({
      clauseTitle: '四.8 推动重大创新成果加速转化',
      author: '安徽宿氢新能源科技有限公司',
      outcomeName: '待处理',
    });
    firmComment = sent.id;

    at('2026-12-01T03:00:00Z');
    const citizen = await h.applicant();
    const refused = await failure(() =>
      citizen.consultations.comment.mutate({
        consultationId,
        comment: { clauseId: '四.8', body: '同意提高上限，有事打我电话13855712036' },
      }),
    );
    expect(refused.appCode).toBe('INVALID_INPUT');
    expect(refused.fieldErrors?.['comment.body']?.[0]).toContain('请勿填写手机号码');
    // Speaking for an organisation needs one.
    expect(
      (
        await failure(() =>
          citizen.consultations.comment.mutate({
            consultationId,
            comment: { clauseId: '四.8', body: '同意提高上限的意见。', asOrganisation: true },
          }),
        )
      ).appCode,
    ).toBe('NOT_ORG_MEMBER');
    citizenComment = (
      await citizen.consultations.comment.mutate({
        consultationId,
        comment: { clauseId: '四.8', body: '赞成提高补助上限，同时建议明确申报时限。' },
      })
    ).id;
    // Nothing half-written: the refused comments left no row.
    expect(await h.prisma.policyComment.count()).toBe(2);
    const page = await h.client().consultations.publicById.query({ id: consultationId });
    expect(page.clauses.find((c) => c.id === '四.8')?.comments).toBe(2);
    // No answer, no author, no text in public before the answers are published.
    expect(page.clauses.find((c) => c.id === '四.8')?.feedback).toEqual([]);
  });

  it('one person sends at most 20 comments a day', async () => {
    const busy = await h.applicant();
    for (let i = 0; i < 20; i++)
      await busy.consultations.comment.mutate({
        consultationId,
        comment: { clauseId: '四.1', body: `关于应用场景的第${i + 1}条建议。` },
      });
    const refused = await failure(() =>
      busy.consultations.comment.mutate({
        consultationId,
        comment: { clauseId: '四.1', body: '关于应用场景的又一条建议。' },
      }),
    );
    expect(refused).toMatchObject({
      appCode: 'RATE_LIMITED',
      message: '每人每天最多提出20条意见，请明天再提',
    });
    at('2026-12-02T02:00:00Z');
    await busy.consultations.comment.mutate({
      consultationId,
      comment: { clauseId: '四.1', body: '第二天的建议可以提出。' },
    });
  });

  it('officers see the comments grouped by clause and answer each; the answers wait for publication', async () => {
    // A day later: the officer signs in again (the test clock moved past the session).
    admin = await h.officer('admin');
    const view = await admin.consultations.byId.query({ id: consultationId });
    expect(view.groups.map((g) => [g.clauseId, g.comments.length])).toEqual([
      ['四.1', 21],
      ['四.8', 2],
    ]);
    const group = view.groups.find((g) => g.clauseId === '四.8');
    const [first, second] = group?.comments ?? [];
    expect(first).toMatchObject({ author: '安徽宿氢新能源科技有限公司', outcomeName: '待处理' });
    expect(second?.author).toBe('公众');

    expect(
      await failure(() =>
        admin.consultations.answer.mutate({
          commentId: firmComment,
          expectedVersion: 1,
          answer: { outcome: 'not-adopted' },
        }),
      ),
    ).toMatchObject({ fieldErrors: { 'answer.reason': ['不予采纳的，请填写理由'] } });
    await admin.consultations.answer.mutate({
      commentId: firmComment,
      expectedVersion: 1,
      answer: { outcome: 'adopted' },
    });
    // A stale answer (someone answered meanwhile) is refused, not overwritten.
    expect(
      (
        await failure(() =>
          admin.consultations.answer.mutate({
            commentId: firmComment,
            expectedVersion: 1,
            answer: { outcome: 'duplicate', duplicateOf: citizenComment },
          }),
        )
      ).appCode,
    ).toBe('STALE_VERSION');
    await admin.consultations.answer.mutate({
      commentId: citizenComment,
      expectedVersion: 1,
      answer: { outcome: 'duplicate', duplicateOf: firmComment },
    });
    // The commenter does not see the answer before it is published.
    const firm = await h.applicant('demo-openid-firm-1');
    expect((await firm.consultations.mine.query({ consultationId }))[0]).toMatchObject({
      outcomeName: '待处理',
      answered: false,
    });
    const audit = await h.prisma.auditLog.findMany({ where: { action: 'policy.comment.answer' } });
    expect(audit.map((a) => (a.details as { outcome: string }).outcome)).toEqual([
      '采纳',
      '重复意见',
    ]);
  });

  it('the answers are published only after the period and once every comment is answered', async () => {
    const view = await admin.consultations.byId.query({ id: consultationId });
    const publish = async () =>
      (await h.officer('admin')).consultations.publishFeedback.mutate({
        id: consultationId,
        expectedVersion: view.version,
        summary: '共收到意见23条，采纳1条，重复意见1条，其余21条正在研究。',
      });
    expect((await failure(publish)).message).toBe('征求意见2026-12-30截止后才能发布意见采纳情况');
    // The last day still takes comments; the day after does not.
    at('2026-12-30T15:59:00Z');
    admin = await h.officer('admin');
    const late = await h.applicant();
    await late.consultations.comment.mutate({
      consultationId,
      comment: { clauseId: '四.10', body: '建议对高企再次认定的奖励保持不变。' },
    });
    at('2026-12-30T16:00:00Z');
    admin = await h.officer('admin');
    expect(
      await failure(() =>
        late.consultations.comment.mutate({
          consultationId,
          comment: { clauseId: '四.10', body: '截止后再提的意见。' },
        }),
      ),
    ).toMatchObject({
      appCode: 'CONSULTATION_NOT_OPEN',
      message: '征求意见已于2026-12-30截止，不再接收意见',
    });
    expect(await failure(publish)).toMatchObject({
      appCode: 'COMMENTS_UNANSWERED',
      message: '还有22条意见未处理，全部处理后才能发布意见采纳情况',
    });
    const open = await h.prisma.policyComment.findMany({ where: { outcome: null } });
    for (const m of open)
      await admin.consultations.answer.mutate({
        commentId: m.id,
        expectedVersion: m.version,
        answer: { outcome: 'not-adopted', reason: '应用场景评选办法另行制定，届时一并研究。' },
      });
    const done = await publish();
    expect(done).toMatchObject({ feedbackPublished: true, stageName: '已发布采纳情况' });
    expect((await failure(publish)).appCode).toBe('FEEDBACK_PUBLISHED');
    expect(
      (
        await failure(() =>
          admin.consultations.answer.mutate({
            commentId: firmComment,
            expectedVersion: 2,
            answer: { outcome: 'partly-adopted', reason: '改为部分采纳' },
          }),
        )
      ).appCode,
    ).toBe('FEEDBACK_PUBLISHED');
  });

  it('everyone reads the answers; each commenter is told once, and sees theirs', async () => {
    const page = await h.client().consultations.publicById.query({ id: consultationId });
    const feedback = page.clauses.find((c) => c.id === '四.8')?.feedback ?? [];
    expect(feedback.map((f) => [f.author, f.outcomeName])).toEqual([
      ['安徽宿氢新能源科技有限公司', '采纳'],
      ['公众', '重复意见'],
    ]);
    expect(page.feedbackSummary).toContain('采纳1条');
    const firm = await h.applicant('demo-openid-firm-1');
    expect((await firm.consultations.mine.query({ consultationId }))[0]).toMatchObject({
      outcomeName: '采纳',
      answered: true,
    });
    const told = await h.prisma.notification.findMany({ where: { kind: 'policy.feedback' } });
    // The firm, the citizen, the busy one and the late one: four people, one message each.
    expect(told).toHaveLength(4);
    expect(new Set(told.map((n) => n.userId)).size).toBe(4);
    expect(told[0]).toMatchObject({ linkPage: 'policy-consultation', linkId: consultationId });
  });
});
