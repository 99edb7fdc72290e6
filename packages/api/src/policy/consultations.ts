import type { PolicyConsultation, PolicyComment, TransactionClient } from '@kc/db';
import { nextNumber } from '@kc/db';
import type { CommentAnswer, CommentInput, ConsultationForm, PolicyText } from '@kc/domain';
import {
  COMMENT_RULES,
  COMMENT_STAGE_NAMES,
  clauseById,
  clauseTitle,
  commentOutcomeName,
  commentStage,
  commentableClauses,
  periodDays,
  policyTextFor,
  todayInShanghai,
} from '@kc/domain';
import type { Context } from '../context';
import { writeAudit } from '../audit';
import { dateOf, dbDate, shanghaiDayStart } from '../dates';
import { appError } from '../errors';
import { notify } from '../notifications/write';
import { requireMembership, requireVerified } from '../organisations/membership';
import type { ApplicantCtx, OfficerCtx } from '../vice-president/common';
import { policySetById } from './catalogue';

/**
 * 征求意见 (issue 15): the bureau publishes a policy version's text for comments over a period;
 * anyone signed in comments clause by clause (as 公众, or for their organisation); the bureau
 * answers each comment and publishes the answers (意见采纳情况), and each commenter is told. The
 * limits are the domain's (COMMENT_RULES); the public never sees who a person is.
 */

function policyTextOf(policySetId: string): PolicyText {
  const text = policyTextFor(policySetId);
  if (!text) throw appError('NOT_FOUND', { message: '该政策版本没有可公开的文本' });
  return text;
}

/** The public queries need no caller: the database and the clock (the public pages call them). */
type Reader = Pick<Context, 'db' | 'now'>;

const CHANGED = '该征求意见刚被更新，请刷新后再试';

export async function createConsultation(ctx: OfficerCtx, input: ConsultationForm) {
  const set = policySetById(input.policySetId);
  if (!set || !policyTextFor(input.policySetId))
    throw appError('INVALID_INPUT', {
      fieldErrors: { policySetId: ['请选择有正式文本的政策版本'] },
    });
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await tx.policyConsultation.create({
      data: {
        number: await nextNumber(tx, 'consultation', Number(todayInShanghai(now).slice(0, 4))),
        policySetId: set.id,
        title: input.title,
        opensOn: dbDate(input.opensOn),
        closesOn: dbDate(input.closesOn),
        shortReason: input.shortReason ?? null,
        contact: input.contact,
        note: input.note ?? null,
        createdBy: ctx.caller.userId,
        createdAt: now,
        updatedAt: now,
      },
    });
    await writeAudit(tx, ctx, {
      action: 'policy.consultation.publish',
      objectType: 'policy_consultation',
      objectId: row.id,
      details: {
        number: row.number,
        title: row.title,
        policySetId: set.id,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        days: periodDays(input),
      },
    });
    return consultationHead(row, now);
  });
}

/** The period as calendar dates (Asia/Shanghai days, stored as `@db.Date`). */
const periodOf = (c: Pick<PolicyConsultation, 'opensOn' | 'closesOn'>) => ({
  opensOn: dateOf(c.opensOn),
  closesOn: dateOf(c.closesOn),
});

/** What every list shows of a consultation: its period and where it stands today. */
function consultationHead(c: PolicyConsultation, now: Date) {
  const period = periodOf(c);
  const stage = commentStage(period, todayInShanghai(now));
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    policySetId: c.policySetId,
    ...period,
    days: periodDays(period),
    shortReason: c.shortReason,
    contact: c.contact as { department: string; phone: string; email?: string },
    note: c.note,
    stage,
    stageName: c.feedbackPublishedAt ? '已发布采纳情况' : COMMENT_STAGE_NAMES[stage],
    feedbackPublished: c.feedbackPublishedAt !== null,
    feedbackPublishedAt: c.feedbackPublishedAt,
    feedbackSummary: c.feedbackSummary,
    version: c.version,
  };
}

/** Who the public reads as the author: the organisation they spoke for, or 公众. */
const publicAuthor = (c: Pick<PolicyComment, 'organisationName'>) => c.organisationName ?? '公众';

/** A comment's answer as everyone may read it once published (and its author at any time). */
function answerOf(c: PolicyComment) {
  return {
    outcome: c.outcome,
    outcomeName: commentOutcomeName(c.outcome ?? ''),
    reason: c.reason,
    duplicateOfId: c.duplicateOfId,
  };
}

/** The consultations on the public pages and in the mini-program: newest first. */
export async function publishedConsultations(ctx: Reader) {
  const rows = await ctx.db.prisma.policyConsultation.findMany({
    orderBy: [{ opensOn: 'desc' }, { createdAt: 'desc' }],
    take: 50,
  });
  const counts = await commentCounts(
    ctx.db.prisma,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...consultationHead(r, ctx.now()), comments: counts.get(r.id) ?? 0 }));
}

async function commentCounts(db: Pick<TransactionClient, 'policyComment'>, ids: string[]) {
  const groups = await db.policyComment.groupBy({
    by: ['consultationId'],
    where: { consultationId: { in: ids } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.consultationId, g._count._all]));
}

/**
 * The draft clause by clause with how many comments each has; once the answers are published,
 * every comment with its answer (its author shown as 公众 or the organisation, never a person).
 */
export async function publicConsultation(ctx: Reader, id: string) {
  const c = await ctx.db.prisma.policyConsultation.findUnique({ where: { id } });
  if (!c) throw appError('NOT_FOUND');
  const text = policyTextOf(c.policySetId);
  const comments = await ctx.db.prisma.policyComment.findMany({
    where: { consultationId: id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const published = c.feedbackPublishedAt !== null;
  const byClause = new Map<string, PolicyComment[]>();
  for (const m of comments) byClause.set(m.clauseId, [...(byClause.get(m.clauseId) ?? []), m]);
  return {
    ...consultationHead(c, ctx.now()),
    text: { title: text.title, status: text.status, preamble: text.preamble },
    clauses: text.clauses.map((clause) => ({
      ...clause,
      title: clauseTitle(clause),
      commentable: clause.paragraphs.length > 0,
      comments: byClause.get(clause.id)?.length ?? 0,
      feedback: published
        ? (byClause.get(clause.id) ?? []).map((m) => ({
            id: m.id,
            author: publicAuthor(m),
            body: m.body,
            createdAt: m.createdAt,
            ...answerOf(m),
          }))
        : [],
    })),
    total: comments.length,
    limits: { minChars: COMMENT_RULES.minChars, maxChars: COMMENT_RULES.maxChars },
  };
}

/** Locks the consultation, so comments and answers wait for the answers' publication. */
async function lockedConsultation(tx: TransactionClient, id: string) {
  await tx.$executeRaw`SELECT 1 FROM policy_consultation WHERE id = ${id}::uuid FOR SHARE`;
  const c = await tx.policyConsultation.findUnique({ where: { id } });
  if (!c) throw appError('NOT_FOUND');
  return c;
}

export async function submitComment(
  ctx: ApplicantCtx,
  consultationId: string,
  input: CommentInput,
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const c = await lockedConsultation(tx, consultationId);
    const today = todayInShanghai(now);
    const period = periodOf(c);
    const stage = commentStage(period, today);
    if (stage !== 'open')
      throw appError('CONSULTATION_NOT_OPEN', {
        message:
          stage === 'upcoming'
            ? `征求意见自${period.opensOn}开始，届时再提出意见`
            : `征求意见已于${period.closesOn}截止，不再接收意见`,
      });
    // The domain's schema checked the clause against the draft; this consultation may be of another.
    const clause = clauseById(policyTextOf(c.policySetId), input.clauseId);
    if (!clause || clause.paragraphs.length === 0)
      throw appError('INVALID_INPUT', { fieldErrors: { clauseId: ['请选择要提意见的条款'] } });
    // Per person per Shanghai day, counted under the lock of their own user row.
    await tx.$executeRaw`SELECT 1 FROM "user" WHERE id = ${ctx.caller.userId}::uuid FOR UPDATE`;
    const sentToday = await tx.policyComment.count({
      where: { userId: ctx.caller.userId, createdAt: { gte: shanghaiDayStart(today) } },
    });
    if (sentToday >= COMMENT_RULES.perPersonPerDay)
      throw appError('RATE_LIMITED', {
        message: `每人每天最多提出${COMMENT_RULES.perPersonPerDay}条意见，请明天再提`,
      });
    let organisation: { id: string; name: string } | null = null;
    if (input.asOrganisation) {
      const membership = await requireMembership(tx, ctx.caller.userId);
      requireVerified(membership.organisation);
      organisation = { id: membership.organisation.id, name: membership.organisation.name };
    }
    const row = await tx.policyComment.create({
      data: {
        consultationId: c.id,
        clauseId: clause.id,
        userId: ctx.caller.userId,
        organisationId: organisation?.id ?? null,
        organisationName: organisation?.name ?? null,
        body: input.body,
        createdAt: now,
        updatedAt: now,
      },
    });
    return myCommentDto(row, c);
  });
}

function myCommentDto(
  m: PolicyComment,
  c: Pick<PolicyConsultation, 'policySetId' | 'feedbackPublishedAt'>,
) {
  const clause = clauseById(policyTextOf(c.policySetId), m.clauseId);
  const published = c.feedbackPublishedAt !== null;
  return {
    id: m.id,
    clauseId: m.clauseId,
    clauseTitle: clause ? clauseTitle(clause) : m.clauseId,
    body: m.body,
    author: publicAuthor(m),
    createdAt: m.createdAt,
    // The answer reaches the commenter when it is published, as it reaches everyone.
    answered: published && m.outcome !== null,
    ...(published
      ? answerOf(m)
      : { outcome: null, outcomeName: '待处理', reason: null, duplicateOfId: null }),
  };
}

/** The caller's comments on one consultation (or all), newest first, with the answers once out. */
export async function myComments(ctx: ApplicantCtx, consultationId?: string) {
  const rows = await ctx.db.prisma.policyComment.findMany({
    where: { userId: ctx.caller.userId, ...(consultationId ? { consultationId } : {}) },
    include: { consultation: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  return rows.map((m) => ({
    ...myCommentDto(m, m.consultation),
    consultationId: m.consultationId,
    consultationTitle: m.consultation.title,
  }));
}

/** The officers' list: every consultation with its counts of comments and of those answered. */
export async function officerConsultations(ctx: OfficerCtx) {
  const rows = await ctx.db.prisma.policyConsultation.findMany({
    orderBy: [{ opensOn: 'desc' }, { createdAt: 'desc' }],
  });
  const ids = rows.map((r) => r.id);
  const [all, answered] = await Promise.all([
    commentCounts(ctx.db.prisma, ids),
    ctx.db.prisma.policyComment.groupBy({
      by: ['consultationId'],
      where: { consultationId: { in: ids }, outcome: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const answeredBy = new Map(answered.map((g) => [g.consultationId, g._count._all]));
  return rows.map((r) => ({
    ...consultationHead(r, ctx.now()),
    comments: all.get(r.id) ?? 0,
    answered: answeredBy.get(r.id) ?? 0,
  }));
}

/**
 * One consultation for the officers: its comments grouped by clause in the text's order, each
 * with its author as the public reads it (the organisation, or 公众: an answer is to the argument,
 * not the person) and its answer.
 */
export async function officerConsultation(ctx: OfficerCtx, id: string) {
  const c = await ctx.db.prisma.policyConsultation.findUnique({ where: { id } });
  if (!c) throw appError('NOT_FOUND');
  const text = policyTextOf(c.policySetId);
  const comments = await ctx.db.prisma.policyComment.findMany({
    where: { consultationId: id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const numberOf = new Map(comments.map((m, i) => [m.id, i + 1]));
  const groups = commentableClauses(text)
    .map((clause) => ({
      clauseId: clause.id,
      title: clauseTitle(clause),
      paragraphs: clause.paragraphs,
      comments: comments
        .filter((m) => m.clauseId === clause.id)
        .map((m) => ({
          id: m.id,
          /** 意见1, 意见2… in the order received: how officers refer to a comment (重复 of 意见3) */
          seq: numberOf.get(m.id) ?? 0,
          author: publicAuthor(m),
          body: m.body,
          createdAt: m.createdAt,
          ...answerOf(m),
          duplicateOfSeq: m.duplicateOfId ? (numberOf.get(m.duplicateOfId) ?? null) : null,
          answeredAt: m.answeredAt,
          version: m.version,
        })),
    }))
    .filter((g) => g.comments.length > 0);
  return {
    ...consultationHead(c, ctx.now()),
    groups,
    total: comments.length,
    answered: comments.filter((m) => m.outcome !== null).length,
  };
}

/** The bureau answers one comment; until the answers are published it may answer again. */
export async function answerComment(
  ctx: OfficerCtx,
  input: { commentId: string; expectedVersion: number; answer: CommentAnswer },
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const m = await tx.policyComment.findUnique({ where: { id: input.commentId } });
    if (!m) throw appError('NOT_FOUND');
    const c = await lockedConsultation(tx, m.consultationId);
    if (c.feedbackPublishedAt) throw appError('FEEDBACK_PUBLISHED');
    const { answer } = input;
    if (answer.duplicateOf) {
      const original = await tx.policyComment.findUnique({ where: { id: answer.duplicateOf } });
      if (!original || original.consultationId !== m.consultationId || original.id === m.id)
        throw appError('INVALID_INPUT', {
          fieldErrors: { duplicateOf: ['请选择本次征求意见中的另一条意见'] },
        });
      if (original.outcome === 'duplicate')
        throw appError('INVALID_INPUT', {
          fieldErrors: { duplicateOf: ['所选意见本身是重复意见，请选择最早提出的那一条'] },
        });
    }
    const updated = await tx.policyComment.updateMany({
      where: { id: m.id, version: input.expectedVersion },
      data: {
        outcome: answer.outcome,
        reason: answer.reason ?? null,
        duplicateOfId: answer.duplicateOf ?? null,
        answeredBy: ctx.caller.userId,
        answeredAt: now,
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    if (updated.count === 0) throw appError('STALE_VERSION', { message: CHANGED });
    await writeAudit(tx, ctx, {
      action: 'policy.comment.answer',
      objectType: 'policy_consultation',
      objectId: c.id,
      details: {
        number: c.number,
        clauseId: m.clauseId,
        outcome: commentOutcomeName(answer.outcome),
        ...(answer.reason ? { reason: answer.reason } : {}),
        ...(m.outcome ? { before: commentOutcomeName(m.outcome) } : {}),
      },
    });
    return { id: m.id, outcome: answer.outcome, outcomeName: commentOutcomeName(answer.outcome) };
  });
}

/**
 * 发布意见采纳情况: once the period has closed and every comment is answered, the answers go on
 * the public pages with the bureau's summary, and every commenter is told. Published once.
 */
export async function publishFeedback(
  ctx: OfficerCtx,
  input: { id: string; expectedVersion: number; summary: string },
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM policy_consultation WHERE id = ${input.id}::uuid FOR UPDATE`;
    const c = await tx.policyConsultation.findUnique({ where: { id: input.id } });
    if (!c) throw appError('NOT_FOUND');
    if (c.feedbackPublishedAt) throw appError('FEEDBACK_PUBLISHED');
    if (c.version !== input.expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
    const period = periodOf(c);
    if (commentStage(period, todayInShanghai(now)) !== 'closed')
      throw appError('INVALID_TRANSITION', {
        message: `征求意见${period.closesOn}截止后才能发布意见采纳情况`,
      });
    const open = await tx.policyComment.count({ where: { consultationId: c.id, outcome: null } });
    if (open > 0)
      throw appError('COMMENTS_UNANSWERED', {
        message: `还有${open}条意见未处理，全部处理后才能发布意见采纳情况`,
      });
    const row = await tx.policyConsultation.update({
      where: { id: c.id },
      data: {
        feedbackSummary: input.summary,
        feedbackPublishedAt: now,
        feedbackPublishedBy: ctx.caller.userId,
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    const commenters = await tx.policyComment.findMany({
      where: { consultationId: c.id },
      distinct: ['userId'],
      select: { userId: true },
    });
    for (const { userId } of commenters)
      await notify(tx, {
        userId,
        kind: 'policy.feedback',
        title: '征求意见采纳情况已发布',
        body: `您对《${c.title}》提出的意见已有处理结果，请查看意见采纳情况。`,
        link: { page: 'policy-consultation', id: c.id },
        at: now,
      });
    await writeAudit(tx, ctx, {
      action: 'policy.consultation.feedback',
      objectType: 'policy_consultation',
      objectId: c.id,
      details: {
        number: c.number,
        comments: await tx.policyComment.count({ where: { consultationId: c.id } }),
        commenters: commenters.length,
      },
    });
    return consultationHead(row, now);
  });
}
