import type { Prisma, TransactionClient } from '@kc/db';
import type { VpEvaluationForm, VpResultForm, VpWorkLogForm } from '@kc/domain';
import { VP_EVALUATOR_ROLES, termEndDate, todayInShanghai, vpGradeName } from '@kc/domain';
import { areaScope, canSeeArea } from '../access';
import { writeAudit } from '../audit';
import { dateOf, dbDate } from '../dates';
import { appError } from '../errors';
import { notify } from '../notifications/write';
import type { ApplicantCtx, OfficerCtx } from './common';
import { assertBureau, settingsOf } from './common';
import { evaluationDto, resultDto, secondmentDto, workLogDto } from './dto';

const INCLUDE = {
  need: { include: { organisation: true } },
  candidate: { include: { researcher: true } },
  agreementFile: true,
  call: true,
} as const;

type Row = Prisma.VpSecondmentGetPayload<{ include: typeof INCLUDE }>;
type Side = 'firm' | 'researcher';

/** The caller's side in a secondment, or NOT_FOUND when they are on neither. */
function sideOf(ctx: ApplicantCtx, row: Row): Side {
  if (row.need.organisation.ownerUserId === ctx.caller.userId) return 'firm';
  if (row.candidate.researcher.userId === ctx.caller.userId) return 'researcher';
  throw appError('NOT_FOUND');
}

async function lockSecondment(tx: TransactionClient, id: string): Promise<Row> {
  await tx.$queryRaw`SELECT id FROM vp_secondment WHERE id = ${id}::uuid FOR UPDATE`;
  const row = await tx.vpSecondment.findUnique({ where: { id }, include: INCLUDE });
  if (!row) throw appError('NOT_FOUND');
  return row;
}

async function detailOf(
  db: Pick<TransactionClient, 'vpWorkLog' | 'vpResult' | 'vpEvaluation'>,
  row: Row,
) {
  const [logs, results, evaluations] = await Promise.all([
    db.vpWorkLog.findMany({ where: { secondmentId: row.id }, orderBy: { month: 'desc' } }),
    db.vpResult.findMany({ where: { secondmentId: row.id }, orderBy: { occurredOn: 'desc' } }),
    db.vpEvaluation.findMany({ where: { secondmentId: row.id }, orderBy: { year: 'desc' } }),
  ]);
  return {
    ...secondmentDto(row),
    workLogs: logs.map(workLogDto),
    daysOnSiteTotal: logs.reduce((sum, l) => sum + l.daysOnSite, 0),
    results: results.map(resultDto),
    evaluations: evaluations.map(evaluationDto),
  };
}

// ---------------------------------------------------------------------------------------------
// Firms and researchers
// ---------------------------------------------------------------------------------------------

/** The caller's secondments, as firm or as researcher (cancelled ones are not shown). */
export async function mySecondments(ctx: ApplicantCtx) {
  const rows = await ctx.db.prisma.vpSecondment.findMany({
    where: {
      status: { not: 'cancelled' },
      OR: [
        { need: { organisation: { ownerUserId: ctx.caller.userId } } },
        { candidate: { researcher: { userId: ctx.caller.userId } } },
      ],
    },
    include: INCLUDE,
    orderBy: { createdAt: 'desc' },
  });
  return rows.map((row) => ({ ...secondmentDto(row), mySide: sideOf(ctx, row) }));
}

export async function mySecondment(ctx: ApplicantCtx, id: string) {
  const row = await ctx.db.prisma.vpSecondment.findUnique({ where: { id }, include: INCLUDE });
  if (!row) throw appError('NOT_FOUND');
  const mySide = sideOf(ctx, row);
  return { ...(await detailOf(ctx.db.prisma, row)), mySide };
}

/**
 * Either party uploads the signed three-party agreement (their own upload, a PDF or an image).
 * If the call is already confirmed the term starts today; otherwise when the call is confirmed.
 */
export async function uploadAgreement(
  ctx: ApplicantCtx,
  req: { secondmentId: string; fileId: string },
) {
  const today = todayInShanghai(ctx.now());
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await lockSecondment(tx, req.secondmentId);
    sideOf(ctx, row);
    if (row.status !== 'pending')
      throw appError('INVALID_TRANSITION', {
        message: '该科技副总已开始履职或已结束，不能更换三方协议',
      });
    const file = await tx.storedFile.findUnique({ where: { id: req.fileId } });
    if (!file || file.ownerUserId !== ctx.caller.userId)
      throw appError('INVALID_INPUT', {
        message: '协议文件不存在或不是您上传的',
        fieldErrors: { fileId: ['协议文件不存在或不是您上传的'] },
      });
    if (file.mimeType !== 'application/pdf' && !file.mimeType.startsWith('image/'))
      throw appError('INVALID_INPUT', {
        message: '三方协议须为PDF文件或图片',
        fieldErrors: { fileId: ['三方协议须为PDF文件或图片'] },
      });
    const starts = row.call.status === 'confirmed';
    const settings = settingsOf(row.call);
    const updated = await tx.vpSecondment.update({
      where: { id: row.id },
      data: {
        agreementFileId: file.id,
        agreementAt: ctx.now(),
        version: { increment: 1 },
        ...(starts
          ? {
              status: 'active',
              startDate: dbDate(today),
              endDate: dbDate(termEndDate(today, settings.termYears)),
            }
          : {}),
      },
      include: INCLUDE,
    });
    await writeAudit(tx, ctx, {
      action: 'vp.secondment.agreement',
      objectType: 'vp_secondment',
      objectId: row.id,
      areaCode: row.areaCode,
      details: { fileId: file.id, started: starts },
    });
    return secondmentDto(updated);
  });
}

function assertActive(row: Row): void {
  if (row.status !== 'active') throw appError('VP_NOT_ACTIVE');
}

/** The term of a started secondment (the database guarantees both dates once it is active). */
function termOf(row: Row): { start: string; end: string } {
  const start = dateOf(row.startDate);
  const end = dateOf(row.endDate);
  if (!start || !end) throw appError('VP_NOT_ACTIVE');
  return { start, end };
}

/**
 * The researcher records a month's work (one log per month; recording it again replaces it).
 * The month must fall within the term and not be in the future.
 */
export async function saveWorkLog(ctx: ApplicantCtx, secondmentId: string, input: VpWorkLogForm) {
  const thisMonth = todayInShanghai(ctx.now()).slice(0, 7);
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await lockSecondment(tx, secondmentId);
    if (sideOf(ctx, row) !== 'researcher')
      throw appError('FORBIDDEN', { message: '工作日志由科技副总本人填写' });
    assertActive(row);
    const term = termOf(row);
    const startMonth = term.start.slice(0, 7);
    const endMonth = term.end.slice(0, 7);
    if (input.month > thisMonth || input.month < startMonth || input.month > endMonth)
      throw appError('INVALID_INPUT', {
        message: `月份须在任职期内（${startMonth}至${endMonth < thisMonth ? endMonth : thisMonth}）`,
        fieldErrors: { month: ['月份须在任职期内，且不能晚于本月'] },
      });
    const log = await tx.vpWorkLog.upsert({
      where: { secondmentId_month: { secondmentId, month: input.month } },
      create: { ...input, secondmentId, createdBy: ctx.caller.userId },
      update: { daysOnSite: input.daysOnSite, activities: input.activities },
    });
    return workLogDto(log);
  });
}

/** Either party records a result of the secondment, during or after the term. */
export async function addResult(ctx: ApplicantCtx, secondmentId: string, input: VpResultForm) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await lockSecondment(tx, secondmentId);
    sideOf(ctx, row);
    if (row.status !== 'active' && row.status !== 'completed') throw appError('VP_NOT_ACTIVE');
    if (input.occurredOn < termOf(row).start || input.occurredOn > todayInShanghai(ctx.now()))
      throw appError('INVALID_INPUT', {
        message: '取得日期须在任职开始之后，且不能晚于今天',
        fieldErrors: { occurredOn: ['取得日期须在任职开始之后，且不能晚于今天'] },
      });
    const result = await tx.vpResult.create({
      data: {
        secondmentId,
        kind: input.kind,
        title: input.title,
        occurredOn: dbDate(input.occurredOn),
        contractAmountFen: input.contractAmount ?? null,
        quantity: input.quantity,
        note: input.note ?? null,
        createdBy: ctx.caller.userId,
      },
    });
    await writeAudit(tx, ctx, {
      action: 'vp.secondment.result',
      objectType: 'vp_secondment',
      objectId: secondmentId,
      areaCode: row.areaCode,
      details: { resultId: result.id, kind: result.kind },
    });
    return resultDto(result);
  });
}

// ---------------------------------------------------------------------------------------------
// Officers
// ---------------------------------------------------------------------------------------------

/** Secondments in the officer's area (all of them for bureau roles). */
export async function listSecondments(
  ctx: OfficerCtx,
  filter: { callId?: string | undefined; status?: string | undefined },
) {
  const scope = areaScope(ctx.caller);
  const rows = await ctx.db.prisma.vpSecondment.findMany({
    where: {
      ...(filter.callId ? { callId: filter.callId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(scope.areaCode ? { areaCode: scope.areaCode } : {}),
    },
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
        fieldErrors: { year: [`考核年度须在${startYear}至${thisYear}年之间`] },
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
        },
      });
    }
    await notify(tx, {
      userId: row.candidate.researcher.userId,
      kind: 'vp.evaluated',
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
