import type { Expert, Prisma } from '@kc/db';
import type { ExpertDecisionInput, ExpertProfile, ExpertStatus } from '@kc/domain';
import {
  EXPERT_DECISIONS,
  expertChangesNeedingReview,
  expertStatusName,
  fieldName,
  maskMobile,
  researcherTitleName,
  subFieldName,
} from '@kc/domain';
import { writeAudit } from '../audit';
import { appError } from '../errors';
import { notify } from '../notifications/write';
import { pageOf, pageWindow } from '../paging';
import { likeLiteral } from '../search';
import type { ApplicantCtx, OfficerCtx } from '../vice-president/common';

/**
 * The expert pool (专家库, issue 14). An expert registers in the mini-program; a bureau officer
 * approves, rejects, suspends or reinstates them, always with a reason the expert reads but for
 * approval. Only active experts are drawn (selection/draw.ts in the domain).
 */

/** What the expert sees of their own record (their own mobile in full: it is theirs). */
function ownDto(e: Expert) {
  return {
    ...profileOf(e),
    id: e.id,
    status: e.status as ExpertStatus,
    statusName: expertStatusName(e.status),
    statusReason: e.statusReason,
    version: e.version,
    updatedAt: e.updatedAt,
  };
}

function profileOf(e: Expert): ExpertProfile {
  return {
    name: e.name,
    mobile: e.mobile,
    title: e.title as ExpertProfile['title'],
    unitName: e.unitName,
    unitCreditCode: e.unitCreditCode ?? undefined,
    fieldCodes: e.fieldCodes as ExpertProfile['fieldCodes'],
    subFieldCodes: e.subFieldCodes as ExpertProfile['subFieldCodes'],
    expertise: e.expertise,
    conflicts: e.conflicts,
  };
}

/** What officers see in the pool: the mobile masked (revealMobile shows it, audited). */
export function expertOfficerDto(e: Expert) {
  return {
    id: e.id,
    name: e.name,
    mobileMasked: maskMobile(e.mobile),
    title: e.title,
    titleName: researcherTitleName(e.title),
    unitName: e.unitName,
    unitCreditCode: e.unitCreditCode,
    fieldCodes: e.fieldCodes,
    fieldNames: e.fieldCodes.map(fieldName),
    subFieldNames: e.subFieldCodes.map(subFieldName),
    expertise: e.expertise,
    conflicts: e.conflicts,
    status: e.status as ExpertStatus,
    statusName: expertStatusName(e.status),
    statusReason: e.statusReason,
    decidedAt: e.decidedAt,
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export async function myExpert(ctx: ApplicantCtx) {
  const e = await ctx.db.prisma.expert.findUnique({ where: { userId: ctx.caller.userId } });
  return e ? ownDto(e) : null;
}

/**
 * Registers the caller as an expert, or saves their edits. A rejected expert who edits applies
 * again; an active one goes back to review when the edit changes who they are or what they
 * review; a suspended one cannot edit until the bureau reinstates them.
 */
export async function saveMyExpert(ctx: ApplicantCtx, input: ExpertProfile) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const before = await tx.expert.findUnique({ where: { userId: ctx.caller.userId } });
    const data = {
      ...input,
      unitCreditCode: input.unitCreditCode ?? null,
      updatedAt: now,
    };
    if (!before) {
      const created = await tx.expert.create({
        data: { ...data, userId: ctx.caller.userId, status: 'pending', createdAt: now },
      });
      await writeAudit(tx, ctx, {
        action: 'expert.register',
        objectType: 'expert',
        objectId: created.id,
        details: { name: created.name, unitName: created.unitName },
      });
      return ownDto(created);
    }
    if (before.status === 'suspended') throw appError('EXPERT_SUSPENDED');
    const backToReview =
      before.status === 'rejected' ||
      (before.status === 'active' &&
        expertChangesNeedingReview(profileOf(before), input).length > 0);
    const saved = await tx.expert.update({
      where: { id: before.id },
      data: {
        ...data,
        version: { increment: 1 },
        ...(backToReview ? { status: 'pending', statusReason: null } : {}),
      },
    });
    await writeAudit(tx, ctx, {
      action: 'expert.update',
      objectType: 'expert',
      objectId: saved.id,
      details: {
        name: saved.name,
        ...(backToReview ? { status: { from: before.status, to: 'pending' } } : {}),
      },
    });
    return ownDto(saved);
  });
}

export interface ExpertListInput {
  page: number;
  pageSize: number;
  status?: ExpertStatus | undefined;
  fieldCode?: string | undefined;
  q?: string | undefined;
}

/** The pool as officers browse it, newest first (the page opens on those waiting for review). */
export async function listExperts(ctx: OfficerCtx, input: ExpertListInput) {
  const where: Prisma.ExpertWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.fieldCode ? { fieldCodes: { has: input.fieldCode } } : {}),
    ...(input.q
      ? {
          OR: [
            { name: { contains: likeLiteral(input.q) } },
            { unitName: { contains: likeLiteral(input.q) } },
            { expertise: { contains: likeLiteral(input.q) } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.db.prisma.expert.count({ where }),
    ctx.db.prisma.expert.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(input),
    }),
  ]);
  return pageOf(rows.map(expertOfficerDto), total, input);
}

export async function expertById(ctx: OfficerCtx, id: string) {
  const e = await ctx.db.prisma.expert.findUnique({ where: { id } });
  if (!e) throw appError('NOT_FOUND');
  return expertOfficerDto(e);
}

const DECISION_MESSAGES = {
  approve: {
    title: '您已入选市科技局评审专家库',
    body: () => '评审邀请将通过消息通知您，请留意。',
  },
  reject: {
    title: '专家入库申请未通过',
    body: (r: string) => `原因：${r}。修改资料后可重新提交。`,
  },
  suspend: {
    title: '您的专家资格已暂停',
    body: (r: string) => `原因：${r}。如有疑问请联系市科技局。`,
  },
  reinstate: { title: '您的专家资格已恢复', body: (r: string) => `说明：${r}` },
} as const;

/**
 * An officer's decision on an expert, against the version they read: a decision made on a
 * record that has changed since (the expert edited it) is refused, not applied to what the
 * officer did not see.
 */
export async function decideExpert(
  ctx: OfficerCtx,
  input: ExpertDecisionInput & { id: string; expectedVersion: number },
) {
  const rule = EXPERT_DECISIONS[input.decision];
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const before = await tx.expert.findUnique({ where: { id: input.id } });
    if (!before) throw appError('NOT_FOUND');
    if (before.version !== input.expectedVersion) throw appError('EXPERT_STALE');
    if (!(rule.from as readonly string[]).includes(before.status))
      throw appError('INVALID_TRANSITION', {
        message: `该专家当前为“${expertStatusName(before.status)}”，不能${rule.name}`,
      });
    const reason = input.reason ?? null;
    const { count } = await tx.expert.updateMany({
      where: { id: before.id, version: before.version },
      data: {
        status: rule.to,
        statusReason: reason,
        decidedBy: ctx.caller.userId,
        decidedAt: now,
        updatedAt: now,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw appError('EXPERT_STALE');
    await writeAudit(tx, ctx, {
      action: `expert.${input.decision}`,
      objectType: 'expert',
      objectId: before.id,
      details: {
        name: before.name,
        status: { from: before.status, to: rule.to },
        ...(reason ? { reason } : {}),
      },
    });
    const message = DECISION_MESSAGES[input.decision];
    await notify(tx, {
      userId: before.userId,
      kind: `expert.${input.decision}`,
      at: now,
      title: message.title,
      body: message.body(reason ?? ''),
    });
    const after = await tx.expert.findUniqueOrThrow({ where: { id: before.id } });
    return expertOfficerDto(after);
  });
}

export async function revealExpertMobile(ctx: OfficerCtx, id: string, reason: string) {
  const e = await ctx.db.prisma.expert.findUnique({ where: { id } });
  if (!e) throw appError('NOT_FOUND');
  await writeAudit(ctx.db.prisma, ctx, {
    action: 'expert.reveal-mobile',
    objectType: 'expert',
    objectId: e.id,
    details: { name: e.name, reason },
  });
  return { mobile: e.mobile };
}
