import type { InnovationNeed, Prisma, TransactionClient } from '@kc/db';
import { isUniqueViolationOn, nextNumber } from '@kc/db';
import type { NeedCuration, NeedForm, NeedKind, NeedStatus } from '@kc/domain';
import {
  NEED_CURATION,
  areaName,
  fieldName,
  needKindName,
  needStatusName,
  scenarioNeedSchema,
  subFieldName,
  technologyNeedSchema,
  todayInShanghai,
} from '@kc/domain';
import { canSeeArea, areaScope } from '../access';
import { writeAudit } from '../audit';
import { decodeJson, encodeJson } from '../awards/codec';
import { appError } from '../errors';
import { notifyOrganisation } from '../notifications/write';
import { requireMembership, requireVerified } from '../organisations/membership';
import { pageOf, pageWindow } from '../paging';
import { likeLiteral } from '../search';
import type { ApplicantCtx, OfficerCtx } from '../vice-president/common';

/**
 * 需求榜 (issue 14): needs are public, people are not. An organisation posts a need; an officer
 * of its area (or the bureau) publishes, returns or merges it; anyone reads the published board;
 * a logged-in researcher or firm responds (揭榜), and only the poster and officers see who did.
 */

const CHANGED = '该需求刚被更新，请刷新后再试';

/** What anyone may read of a published need: the need, and the organisation posting it. */
/** The form's own fields of each kind: all a public reader gets of the stored details. */
const PUBLIC_DETAIL_KEYS: Record<NeedKind, ReadonlySet<string>> = {
  scenario: new Set(Object.keys(scenarioNeedSchema.shape)),
  technology: new Set(Object.keys(technologyNeedSchema.shape)),
};

function publicDto(n: InnovationNeed & { organisation: { name: string } }) {
  const stored = decodeJson<Record<string, unknown>>(n.details) ?? {};
  // An allow-list, not a pass-through: a field stored later does not go public by itself.
  const allowed = PUBLIC_DETAIL_KEYS[n.kind as NeedKind];
  const details = Object.fromEntries(
    Object.entries(stored).filter(([key]) => allowed?.has(key) ?? false),
  );
  return {
    id: n.id,
    number: n.number,
    kind: n.kind as NeedKind,
    kindName: needKindName(n.kind),
    title: n.title,
    fieldCode: n.fieldCode,
    fieldName: fieldName(n.fieldCode),
    subFieldName:
      typeof details.subFieldCode === 'string' ? subFieldName(details.subFieldCode) : null,
    areaName: areaName(n.areaCode),
    organisationName: n.organisation.name,
    details,
    publishedAt: n.publishedAt,
  };
}

type NeedWithOrg = InnovationNeed & { organisation: { name: string } };

/** The responses (揭榜) to each of `needIds`, oldest first, in one read for a whole page. */
async function responsesOf(db: Pick<TransactionClient, 'needResponse'>, needIds: string[]) {
  const rows = await db.needResponse.findMany({
    where: { needId: { in: needIds } },
    include: {
      responder: {
        select: {
          displayName: true,
          researcher: { select: { name: true, institutionName: true, title: true } },
          memberships: {
            where: { status: 'active' },
            select: { organisation: { select: { name: true } } },
          },
        },
      },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const byNeed = new Map<string, typeof rows>();
  for (const r of rows) byNeed.set(r.needId, [...(byNeed.get(r.needId) ?? []), r]);
  return byNeed;
}

type Responses = Awaited<ReturnType<typeof responsesOf>>;

/** The poster's and officers' view: status, the return comment, and who responded (揭榜). */
function needDto(n: NeedWithOrg, responses: Responses) {
  return {
    ...publicDto(n),
    status: n.status as NeedStatus,
    statusName: needStatusName(n.status),
    returnComment: n.returnComment,
    version: n.version,
    /** when it was posted (提交时间) */
    createdAt: n.createdAt,
    responses: (responses.get(n.id) ?? []).map((r) => ({
      id: r.id,
      /** the researcher (with institution) or the firm that responded */
      who: r.responder.researcher
        ? `${r.responder.researcher.name}（${r.responder.researcher.institutionName}）`
        : (r.responder.memberships[0]?.organisation.name ?? r.responder.displayName),
      message: r.message,
      createdAt: r.createdAt,
    })),
  };
}

async function fullDto(db: Pick<TransactionClient, 'needResponse'>, n: NeedWithOrg) {
  return needDto(n, await responsesOf(db, [n.id]));
}

/** `fullDto` of a page of needs, with one read of their responses. */
async function fullDtos(db: Pick<TransactionClient, 'needResponse'>, needs: NeedWithOrg[]) {
  const responses = await responsesOf(
    db,
    needs.map((n) => n.id),
  );
  return needs.map((n) => needDto(n, responses));
}

const WITH_ORG = { organisation: { select: { name: true } } } as const;

/** The stored form: the title and field in their columns, the rest as details (money as text). */
function needData(form: NeedForm) {
  const { kind: _kind, title, fieldCode, ...details } = form;
  return { title, fieldCode, details: encodeJson(details) };
}

export async function postNeed(ctx: ApplicantCtx, form: NeedForm) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const { organisation } = await requireMembership(tx, ctx.caller.userId);
    // A public posting speaks for the organisation: it must be verified (认证).
    requireVerified(organisation);
    const need = await tx.innovationNeed.create({
      data: {
        ...needData(form),
        number: await nextNumber(tx, 'need', Number(todayInShanghai(now).slice(0, 4))),
        kind: form.kind,
        organisationId: organisation.id,
        postedBy: ctx.caller.userId,
        areaCode: organisation.areaCode,
        createdAt: now,
        updatedAt: now,
      },
      include: WITH_ORG,
    });
    await writeAudit(tx, ctx, {
      action: 'need.post',
      objectType: 'innovation_need',
      objectId: need.id,
      areaCode: need.areaCode,
      details: { number: need.number, title: need.title, kind: need.kind },
    });
    return fullDto(tx, need);
  });
}

async function ownNeed(tx: TransactionClient, ctx: ApplicantCtx, id: string) {
  const { organisation } = await requireMembership(tx, ctx.caller.userId);
  await tx.$executeRaw`SELECT 1 FROM innovation_need WHERE id = ${id}::uuid FOR UPDATE`;
  const need = await tx.innovationNeed.findUnique({ where: { id }, include: WITH_ORG });
  if (!need || need.organisationId !== organisation.id) throw appError('NOT_FOUND');
  return need;
}

/** A returned need, corrected, goes back for review; a published one cannot be edited. */
export async function updateNeed(
  ctx: ApplicantCtx,
  id: string,
  expectedVersion: number,
  form: NeedForm,
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const need = await ownNeed(tx, ctx, id);
    if (need.version !== expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
    if (!['submitted', 'returned'].includes(need.status))
      throw appError('INVALID_TRANSITION', {
        message: `需求当前为“${needStatusName(need.status)}”，不能修改`,
      });
    if (form.kind !== need.kind)
      throw appError('INVALID_INPUT', {
        message: '需求提交后不能更换类型，如需发布另一类需求请另行发布',
      });
    const saved = await tx.innovationNeed.update({
      where: { id },
      data: {
        ...needData(form),
        status: 'submitted',
        returnComment: null,
        version: { increment: 1 },
        updatedAt: now,
      },
      include: WITH_ORG,
    });
    await writeAudit(tx, ctx, {
      action: 'need.update',
      objectType: 'innovation_need',
      objectId: id,
      areaCode: need.areaCode,
      details: { number: need.number, title: saved.title },
    });
    return fullDto(tx, saved);
  });
}

export async function myNeeds(ctx: ApplicantCtx) {
  const membership = await requireMembership(ctx.db.prisma, ctx.caller.userId);
  const needs = await ctx.db.prisma.innovationNeed.findMany({
    where: { organisationId: membership.organisation.id },
    include: {
      ...WITH_ORG,
      vpNeeds: { select: { callId: true, status: true, call: { select: { title: true } } } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  const responses = await responsesOf(
    ctx.db.prisma,
    needs.map((n) => n.id),
  );
  return needs.map(({ vpNeeds, ...n }) => ({
    ...needDto(n, responses),
    /** the 科技副总 needs it was turned into, by call (a technology need, once per call) */
    vpNeeds: vpNeeds.map((v) => ({
      callId: v.callId,
      callTitle: v.call.title,
      withdrawn: v.status === 'withdrawn',
    })),
  }));
}

/** The officers' queue: an area officer sees their area's needs, the bureau all. */
export async function officerNeeds(
  ctx: OfficerCtx,
  input: {
    page: number;
    pageSize: number;
    status?: NeedStatus | undefined;
    kind?: NeedKind | undefined;
  },
) {
  const { areaCode } = areaScope(ctx.caller);
  const where: Prisma.InnovationNeedWhereInput = {
    ...(areaCode ? { areaCode } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.db.prisma.innovationNeed.count({ where }),
    ctx.db.prisma.innovationNeed.findMany({
      where,
      include: WITH_ORG,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(input),
    }),
  ]);
  return pageOf(await fullDtos(ctx.db.prisma, rows), total, input);
}

/**
 * An officer curates: publish, return with a comment, merge into another need (a duplicate), or
 * close a published one. The poster's organisation is told of each.
 */
export async function curateNeed(
  ctx: OfficerCtx,
  req: {
    id: string;
    expectedVersion: number;
    action: NeedCuration;
    comment?: string | undefined;
    mergeIntoId?: string | undefined;
  },
) {
  const now = ctx.now();
  const rule = NEED_CURATION[req.action];
  return ctx.db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM innovation_need WHERE id = ${req.id}::uuid FOR UPDATE`;
    const need = await tx.innovationNeed.findUnique({ where: { id: req.id }, include: WITH_ORG });
    if (!need || !canSeeArea(ctx.caller, need.areaCode)) throw appError('NOT_FOUND');
    if (need.version !== req.expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
    if (!(rule.from as readonly string[]).includes(need.status))
      throw appError('INVALID_TRANSITION', {
        message: `需求当前为“${needStatusName(need.status)}”，不能${rule.name}`,
      });
    const comment = req.comment?.trim() || null;
    if (req.action === 'return' && !comment)
      throw appError('INVALID_INPUT', { fieldErrors: { comment: ['请写明需要修改的内容'] } });
    let mergedIntoId: string | null = null;
    if (req.action === 'merge') {
      const target = req.mergeIntoId
        ? await tx.innovationNeed.findUnique({ where: { id: req.mergeIntoId } })
        : null;
      if (!target || target.id === need.id || target.status !== 'published')
        throw appError('INVALID_INPUT', {
          fieldErrors: { mergeIntoId: ['请选择一项已发布的其他需求'] },
        });
      // A duplicate is the same kind of need: a scenario is not merged into a technology need.
      if (target.kind !== need.kind)
        throw appError('INVALID_INPUT', {
          fieldErrors: { mergeIntoId: ['只能合并到同一类型的需求'] },
        });
      mergedIntoId = target.id;
    }
    const saved = await tx.innovationNeed.update({
      where: { id: need.id },
      data: {
        status: rule.to,
        returnComment: req.action === 'return' ? comment : null,
        mergedIntoId,
        ...(req.action === 'publish' ? { publishedAt: now } : {}),
        version: { increment: 1 },
        updatedAt: now,
      },
      include: WITH_ORG,
    });
    await writeAudit(tx, ctx, {
      action: `need.${req.action}`,
      objectType: 'innovation_need',
      objectId: need.id,
      areaCode: need.areaCode,
      details: {
        number: need.number,
        status: { from: need.status, to: rule.to },
        ...(comment ? { comment } : {}),
      },
    });
    await notifyOrganisation(tx, need.organisationId, {
      kind: `need.${req.action}`,
      at: now,
      title: `需求“${need.title}”${rule.name === '发布' ? '已发布' : `：${rule.name}`}`,
      body: comment ? `意见：${comment}` : '详情请在“我的需求”中查看。',
    });
    return fullDto(tx, saved);
  });
}

/** The public board: published needs, newest first, with a keyword over their titles. */
export async function publishedNeeds(
  db: Pick<TransactionClient, 'innovationNeed'>,
  input: {
    page: number;
    pageSize: number;
    kind?: NeedKind | undefined;
    fieldCode?: string | undefined;
    q?: string | undefined;
  },
) {
  const where: Prisma.InnovationNeedWhereInput = {
    status: 'published',
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.fieldCode ? { fieldCode: input.fieldCode } : {}),
    ...(input.q ? { title: { contains: likeLiteral(input.q) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.innovationNeed.count({ where }),
    db.innovationNeed.findMany({
      where,
      include: WITH_ORG,
      orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(input),
    }),
  ]);
  return pageOf(rows.map(publicDto), total, input);
}

export async function publishedNeed(db: Pick<TransactionClient, 'innovationNeed'>, id: string) {
  const need = await db.innovationNeed.findUnique({ where: { id }, include: WITH_ORG });
  if (!need || need.status !== 'published') throw appError('NOT_FOUND');
  return publicDto(need);
}

/** 揭榜: once per person per need; the poster's organisation is told. */
export async function respondToNeed(ctx: ApplicantCtx, id: string, message: string) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const need = await tx.innovationNeed.findUnique({ where: { id } });
    if (!need || need.status !== 'published') throw appError('NOT_FOUND');
    const [researcher, membership] = await Promise.all([
      tx.researcher.findUnique({ where: { userId: ctx.caller.userId } }),
      tx.organisationMember.findFirst({ where: { userId: ctx.caller.userId, status: 'active' } }),
    ]);
    if (!researcher && !membership)
      throw appError('PROFILE_REQUIRED', { message: '请先完善科研人员或单位资料，再揭榜' });
    if (membership?.organisationId === need.organisationId)
      throw appError('INVALID_INPUT', { message: '不能对本单位发布的需求揭榜' });
    try {
      await tx.needResponse.create({
        data: { needId: id, responderUserId: ctx.caller.userId, message, createdAt: now },
      });
    } catch (error) {
      if (isUniqueViolationOn(error, 'need_id', 'responder_user_id'))
        throw appError('INVALID_INPUT', { message: '您已对该需求揭榜，无需重复提交' });
      throw error;
    }
    await writeAudit(tx, ctx, {
      action: 'need.respond',
      objectType: 'innovation_need',
      objectId: id,
      areaCode: need.areaCode,
      details: { number: need.number },
    });
    await notifyOrganisation(tx, need.organisationId, {
      kind: 'need.response',
      at: now,
      title: `需求“${need.title}”有新的揭榜`,
      body: '请在“我的需求”中查看揭榜方和说明。',
    });
    return { responded: true };
  });
}
