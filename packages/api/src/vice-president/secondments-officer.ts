import type { Prisma, TransactionClient } from '@kc/db';
import type { VpEvaluationForm } from '@kc/domain';
import { VP_EVALUATOR_ROLES, todayInShanghai, vpGradeName } from '@kc/domain';
import { areaScope, canSeeArea } from '../access';
import { writeAudit } from '../audit';
import { appError } from '../errors';
import { notify } from '../notifications/write';
import type { OfficerCtx } from './common';
import { assertBureau } from './common';
import { evaluationDto, secondmentDto } from './dto';
import { INCLUDE, assertActive, detailOf, lockSecondment, termOf } from './secondment-rows';
import type { Row } from './secondment-rows';

// ---------------------------------------------------------------------------------------------
// Officers
// ---------------------------------------------------------------------------------------------

export interface SecondmentFilter {
  callId?: string | undefined;
  status?: string | undefined;
  /** `evaluation`: serving and not yet evaluated for this year (Asia/Shanghai) */
  due?: 'evaluation' | undefined;
}

/**
 * Which secondments the officer's list shows for a filter, in their area (all of them for bureau
 * roles). The workbench counts its 科技副总 tiles with it, so a tile's number is its list's length.
 */
export function secondmentWhere(
  ctx: OfficerCtx,
  filter: SecondmentFilter,
): Prisma.VpSecondmentWhereInput {
  const scope = areaScope(ctx.caller);
  const year = Number(todayInShanghai(ctx.now()).slice(0, 4));
  return {
    ...(filter.callId ? { callId: filter.callId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.due === 'evaluation'
      ? { AND: [{ status: 'active' }, { evaluations: { none: { year } } }] }
      : {}),
    ...(scope.areaCode ? { areaCode: scope.areaCode } : {}),
  };
}

export async function listSecondments(ctx: OfficerCtx, filter: SecondmentFilter) {
  const rows = await ctx.db.prisma.vpSecondment.findMany({
    where: secondmentWhere(ctx, filter),
    include: INCLUDE,
    orderBy: [{ createdAt: 'desc' }],
  });
  return rows.map(secondmentDto);
}

async function officerRow(ctx: OfficerCtx, tx: TransactionClient, id: string): Promise<Row> {
  const row = await lockSecondment(tx, id);
  if (!canSeeArea(ctx.caller, row.areaCode)) throw appError('NOT_FOUND');
  return row;
}

export async function secondmentDetail(ctx: OfficerCtx, id: string) {
  const row = await ctx.db.prisma.vpSecondment.findUnique({ where: { id }, include: INCLUDE });
  if (!row || !canSeeArea(ctx.caller, row.areaCode)) throw appError('NOT_FOUND');
  return detailOf(ctx.db.prisma, row);
}

/**
 * The annual evaluation. Bureau roles anywhere, area officers in their own area; never an
 * officer who declared a conflict with the firm. 不合格 ends the secondment at once.
 */
export async function evaluate(ctx: OfficerCtx, secondmentId: string, input: VpEvaluationForm) {
  if (!VP_EVALUATOR_ROLES.includes(ctx.caller.role))
    throw appError('FORBIDDEN', { message: '只有市局或所在县区园区的管理人员可以考核科技副总' });
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await officerRow(ctx, tx, secondmentId);
    assertActive(row);
    const conflict = await tx.conflictOfInterest.count({
      where: { officerUserId: ctx.caller.userId, organisationId: row.organisationId },
    });
    if (conflict > 0) throw appError('CONFLICT_OF_INTEREST');
    const startYear = Number(termOf(row).start.slice(0, 4));
    const thisYear = Number(todayInShanghai(ctx.now()).slice(0, 4));
    if (input.year < startYear || input.year > thisYear)
      throw appError('INVALID_INPUT', {
        message: `考核年度须在${startYear}至${thisYear}年之间`,
        fieldErrors: { 'evaluation.year': [`考核年度须在${startYear}至${thisYear}年之间`] },
      });
    const done = await tx.vpEvaluation.findUnique({
      where: { secondmentId_year: { secondmentId, year: input.year } },
    });
    if (done) throw appError('VP_ALREADY_EVALUATED');
    const evaluation = await tx.vpEvaluation.create({
      data: {
        ...input,
        comment: input.comment ?? null,
        secondmentId,
        evaluatedBy: ctx.caller.userId,
        createdAt: ctx.now(),
      },
    });
    if (input.grade === 'unqualified') {
      await tx.vpSecondment.update({
        where: { id: secondmentId },
        data: {
          status: 'terminated',
          endedAt: ctx.now(),
          endReason: `${input.year}年度考核不合格：${input.comment}`,
          version: { increment: 1 },
          updatedAt: ctx.now(),
        },
      });
    }
    await notify(tx, {
      userId: row.candidate.researcher.userId,
      kind: 'vp.evaluated',
      at: ctx.now(),
      title: `${input.year}年度考核结果：${vpGradeName(input.grade)}`,
      body:
        input.grade === 'unqualified'
          ? `您在${row.need.organisation.name}的科技副总${input.year}年度考核不合格，选派已终止。意见：${input.comment ?? ''}`
          : `您在${row.need.organisation.name}的科技副总${input.year}年度考核等次为${vpGradeName(input.grade)}。`,
      link: { page: 'secondment', id: row.id },
    });
    await writeAudit(tx, ctx, {
      action: 'vp.secondment.evaluate',
      objectType: 'vp_secondment',
      objectId: secondmentId,
      areaCode: row.areaCode,
      details: { year: input.year, grade: input.grade, gradeName: vpGradeName(input.grade) },
    });
    return evaluationDto(evaluation);
  });
}

/**
 * Ends a secondment: `complete` once the term is over, `terminate` early with a reason
 * (the researcher leaves, the firm closes …). Bureau roles only.
 */
export async function endSecondment(
  ctx: OfficerCtx,
  req: { secondmentId: string; kind: 'complete' | 'terminate'; reason?: string | undefined },
) {
  assertBureau(ctx.caller);
  const today = todayInShanghai(ctx.now());
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await officerRow(ctx, tx, req.secondmentId);
    assertActive(row);
    const { end } = termOf(row);
    if (req.kind === 'complete' && end >= today)
      throw appError('INVALID_TRANSITION', { message: `任期至${end}，期满后才能结束` });
    const reason = req.reason?.trim() || (req.kind === 'complete' ? '任期届满' : '');
    if (!reason)
      throw appError('INVALID_INPUT', {
        message: '提前终止须填写理由',
        fieldErrors: { reason: ['提前终止须填写理由'] },
      });
    const updated = await tx.vpSecondment.update({
      where: { id: row.id },
      data: {
        status: req.kind === 'complete' ? 'completed' : 'terminated',
        endedAt: ctx.now(),
        endReason: reason,
        version: { increment: 1 },
        updatedAt: ctx.now(),
      },
      include: INCLUDE,
    });
    await writeAudit(tx, ctx, {
      action: `vp.secondment.${req.kind}`,
      objectType: 'vp_secondment',
      objectId: row.id,
      areaCode: row.areaCode,
      details: { reason: updated.endReason },
    });
    return secondmentDto(updated);
  });
}
