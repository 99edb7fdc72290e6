import type { VpResultForm, VpWorkLogForm } from '@kc/domain';
import { termEndDate, todayInShanghai } from '@kc/domain';
import { writeAudit } from '../audit';
import { dbDate } from '../dates';
import { appError } from '../errors';
import type { ApplicantCtx } from './common';
import { organisationOfMember, settingsOf } from './common';
import { agreementTemplateOf } from './agreement-template';
import { counterpartOf } from './counterpart';
import { resultDto, secondmentDto, workLogDto } from './dto';
import { INCLUDE, assertActive, detailOf, lockSecondment, termOf } from './secondment-rows';
import type { Row } from './secondment-rows';

/*
 * A secondment as the firm and the researcher work on it: the agreement, work logs, results.
 */

type Side = 'firm' | 'researcher';

/** The caller's side in a secondment, or NOT_FOUND when they are on neither. */
function sideOf(ctx: ApplicantCtx, row: Row): Side {
  if (row.need.organisation.members.some((m) => m.userId === ctx.caller.userId)) return 'firm';
  if (row.candidate.researcher.userId === ctx.caller.userId) return 'researcher';
  throw appError('NOT_FOUND');
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
        { need: { organisation: organisationOfMember(ctx.caller.userId) } },
        { candidate: { researcher: { userId: ctx.caller.userId } } },
      ],
    },
    include: INCLUDE,
    orderBy: { createdAt: 'desc' },
  });
  return rows.map((row) => {
    const mySide = sideOf(ctx, row);
    return { ...secondmentDto(row), mySide, counterpart: counterpartOf(row, mySide) };
  });
}

export async function mySecondment(ctx: ApplicantCtx, id: string) {
  const row = await ctx.db.prisma.vpSecondment.findUnique({ where: { id }, include: INCLUDE });
  if (!row) throw appError('NOT_FOUND');
  const mySide = sideOf(ctx, row);
  return {
    ...(await detailOf(ctx.db.prisma, row)),
    mySide,
    counterpart: counterpartOf(row, mySide),
    agreementTemplate: await agreementTemplateOf(ctx.db.prisma, row.callId),
  };
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
        updatedAt: ctx.now(),
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
        fieldErrors: { 'log.month': ['月份须在任职期内，且不能晚于本月'] },
      });
    const log = await tx.vpWorkLog.upsert({
      where: { secondmentId_month: { secondmentId, month: input.month } },
      create: {
        ...input,
        secondmentId,
        createdBy: ctx.caller.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      },
      update: {
        daysOnSite: input.daysOnSite,
        activities: input.activities,
        updatedAt: ctx.now(),
      },
    });
    await writeAudit(tx, ctx, {
      action: 'vp.secondment.work-log',
      objectType: 'vp_secondment',
      objectId: secondmentId,
      areaCode: row.areaCode,
      details: { month: log.month, daysOnSite: log.daysOnSite },
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
        fieldErrors: { 'result.occurredOn': ['取得日期须在任职开始之后，且不能晚于今天'] },
      });
    const result = await tx.vpResult.create({
      data: {
        secondmentId,
        kind: input.kind,
        title: input.title,
        occurredOn: dbDate(input.occurredOn),
        contractAmountFen: input.contractAmount ?? null,
        quantity: input.quantity,
        createdAt: ctx.now(),
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
