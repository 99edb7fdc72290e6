import type { VpNeedForm } from '@kc/domain';
import { checkFirmEligibility, isAreaCode } from '@kc/domain';
import { areaScope, assertAreaAllowed } from '../access';
import { writeAudit } from '../audit';
import type { Context } from '../context';
import { appError } from '../errors';
import { orgTypeFromDb } from '../mappers';
import { requireVerified } from '../organisations/membership';
import type { ApplicantCtx, OfficerCtx } from './common';
import {
  assertCallStatus,
  bumpInputRevision,
  lockCall,
  organisationOfMember,
  ownOrganisation,
  settingsOf,
} from './common';
import { needDto, ownNeedDto } from './dto';
import { PROGRESS_INCLUDE, progressOf } from './progress';

const INCLUDE = {
  organisation: { include: { members: { where: { status: 'active' }, select: { userId: true } } } },
  ...PROGRESS_INCLUDE,
} as const;

/** The firm's and the officers' view of a need: with where it stands in its call. */
function trackedNeedDto(need: Parameters<typeof ownNeedDto>[0] & Parameters<typeof progressOf>[1]) {
  return { ...ownNeedDto(need), progress: progressOf('need', need) };
}

/** A firm posts a need while the call is open. The firm's conditions are checked first. */
export async function createNeed(
  ctx: ApplicantCtx,
  callId: string,
  input: VpNeedForm,
  /** the organisation's published 攻关需求 this need is turned from (issue 14) */
  fromNeedId?: string,
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, callId);
    assertCallStatus(call, 'open');
    const org = await ownOrganisation(tx, ctx.caller.userId);
    requireVerified(org);
    const source = fromNeedId ? await convertibleNeed(tx, org.id, callId, fromNeedId) : null;
    const findings = checkFirmEligibility(
      {
        organisationType: orgTypeFromDb(org.type),
        areaCode: org.areaCode,
        qualifications: org.qualifications,
      },
      settingsOf(call),
    );
    if (findings.length)
      throw appError('VP_FIRM_NOT_ELIGIBLE', {
        message: findings.map((f) => f.message).join('；'),
      });
    if (input.positions > settingsOf(call).maxPositionsPerNeed)
      throw appError('INVALID_INPUT', {
        message: `每项需求最多${settingsOf(call).maxPositionsPerNeed}人`,
        fieldErrors: {
          'need.positions': [`每项需求最多${settingsOf(call).maxPositionsPerNeed}人`],
        },
      });
    const need = await tx.vpNeed.create({
      data: {
        ...input,
        sourceNeedId: source?.id ?? null,
        callId,
        organisationId: org.id,
        areaCode: org.areaCode,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      },
      include: INCLUDE,
    });
    await bumpInputRevision(tx, callId);
    await writeAudit(tx, ctx, {
      action: 'vp.need.create',
      objectType: 'vp_need',
      objectId: need.id,
      areaCode: need.areaCode,
      details: { callId, title: need.title, ...(source ? { fromNeed: source.number } : {}) },
    });
    return trackedNeedDto(need);
  });
}

/**
 * The 攻关需求 a 科技副总 need may be turned from: the organisation's own technology need, published
 * on the board, not yet turned into a need of this call.
 */
async function convertibleNeed(
  tx: Parameters<typeof lockCall>[0],
  organisationId: string,
  callId: string,
  needId: string,
) {
  const source = await tx.innovationNeed.findUnique({ where: { id: needId } });
  if (!source || source.organisationId !== organisationId) throw appError('NOT_FOUND');
  if (source.kind !== 'technology' || source.status !== 'published')
    throw appError('INVALID_INPUT', {
      message: '只有本单位已发布的技术攻关需求可以转为科技副总需求',
    });
  const done = await tx.vpNeed.count({ where: { callId, sourceNeedId: needId } });
  if (done > 0)
    throw appError('INVALID_INPUT', {
      message: `需求${source.number}已转为本批次的科技副总需求，不能重复转入`,
    });
  return source;
}

async function ownNeed(ctx: ApplicantCtx, tx: Parameters<typeof lockCall>[0], needId: string) {
  const need = await tx.vpNeed.findUnique({ where: { id: needId }, include: INCLUDE });
  // Another firm's need answers exactly like a missing one.
  if (!need || !need.organisation.members.some((m) => m.userId === ctx.caller.userId))
    throw appError('NOT_FOUND');
  return need;
}

/** Edits or withdraws one's own need, only while the call is still collecting needs. */
export async function updateNeed(ctx: ApplicantCtx, needId: string, input: VpNeedForm) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const before = await ownNeed(ctx, tx, needId);
    const call = await lockCall(tx, before.callId);
    assertCallStatus(call, 'open');
    if (before.status !== 'active') throw appError('INVALID_TRANSITION', { message: '需求已撤回' });
    const need = await tx.vpNeed.update({
      where: { id: needId },
      data: { ...input, updatedAt: ctx.now() },
      include: INCLUDE,
    });
    await bumpInputRevision(tx, call.id);
    await writeAudit(tx, ctx, {
      action: 'vp.need.update',
      objectType: 'vp_need',
      objectId: need.id,
      areaCode: need.areaCode,
      details: { callId: call.id, title: need.title },
    });
    return trackedNeedDto(need);
  });
}

export async function withdrawNeed(ctx: ApplicantCtx, needId: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const before = await ownNeed(ctx, tx, needId);
    const call = await lockCall(tx, before.callId);
    assertCallStatus(call, 'open');
    const need = await tx.vpNeed.update({
      where: { id: needId },
      data: { status: 'withdrawn', updatedAt: ctx.now() },
      include: INCLUDE,
    });
    await bumpInputRevision(tx, call.id);
    await writeAudit(tx, ctx, {
      action: 'vp.need.withdraw',
      objectType: 'vp_need',
      objectId: need.id,
      areaCode: need.areaCode,
    });
    return trackedNeedDto(need);
  });
}

/** The firm's own needs, in every call. */
export async function myNeeds(ctx: ApplicantCtx) {
  const needs = await ctx.db.prisma.vpNeed.findMany({
    where: { organisation: organisationOfMember(ctx.caller.userId) },
    include: INCLUDE,
    orderBy: { createdAt: 'desc' },
  });
  return needs.map(trackedNeedDto);
}

/**
 * The call's active needs as researchers read them while choosing to apply: what the firms
 * want, with no contact details.
 */
export async function publishedNeeds(ctx: Context, callId: string) {
  const needs = await ctx.db.prisma.vpNeed.findMany({
    where: { callId, status: 'active', call: { status: { not: 'open' } } },
    include: INCLUDE,
    orderBy: [{ fieldCode: 'asc' }, { createdAt: 'asc' }],
  });
  return needs.map(needDto);
}

/** Officers: a call's needs, confined to the officer's area. */
export async function callNeeds(
  ctx: OfficerCtx,
  filter: { callId: string; areaCode?: string | undefined; includeWithdrawn?: boolean | undefined },
) {
  const requested = filter.areaCode && isAreaCode(filter.areaCode) ? filter.areaCode : undefined;
  assertAreaAllowed(ctx.caller, requested);
  const scope = areaScope(ctx.caller);
  const needs = await ctx.db.prisma.vpNeed.findMany({
    where: {
      callId: filter.callId,
      ...(filter.includeWithdrawn ? {} : { status: 'active' }),
      ...(scope.areaCode || requested ? { areaCode: scope.areaCode ?? requested } : {}),
    },
    include: INCLUDE,
    orderBy: [{ areaCode: 'asc' }, { createdAt: 'asc' }],
  });
  return needs.map(trackedNeedDto);
}
