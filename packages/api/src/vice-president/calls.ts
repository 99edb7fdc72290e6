import type { VpCallAction, VpCallForm, VpCallStatus } from '@kc/domain';
import {
  isNoticePeriodOver,
  noticePeriod,
  planVpCallTransition,
  termEndDate,
  todayInShanghai,
  vpCallActionName,
  vpSettingsFor,
} from '@kc/domain';
import { nextNumber } from '@kc/db';
import { writeAudit } from '../audit';
import type { Context } from '../context';
import { dateOf, dbDate } from '../dates';
import { appError } from '../errors';
import type { OfficerCtx } from './common';
import { assertBureau, lockCall, settingsOf } from './common';
import { callDto } from './dto';
import { TEMPLATE_INCLUDE } from './agreement-template';
import { confirmMatches } from './matching';

/** Opens a call for firm needs. The settings in force today are fixed on it. */
export async function createCall(ctx: OfficerCtx, input: VpCallForm) {
  assertBureau(ctx.caller);
  if (input.applicationsDeadline < input.needsDeadline) {
    throw appError('INVALID_INPUT', {
      message: '人才报名截止日期不能早于需求征集截止日期',
      fieldErrors: { applicationsDeadline: ['人才报名截止日期不能早于需求征集截止日期'] },
    });
  }
  const today = todayInShanghai(ctx.now());
  const settings = vpSettingsFor(today);
  return ctx.db.prisma.$transaction(async (tx) => {
    const call = await tx.vpCall.create({
      data: {
        number: await nextNumber(tx, 'vpCall', input.year),
        year: input.year,
        title: input.title,
        settingsVersion: settings.version,
        needsDeadline: dbDate(input.needsDeadline),
        applicationsDeadline: dbDate(input.applicationsDeadline),
        referenceDate: dbDate(input.referenceDate),
        createdBy: ctx.caller.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      },
    });
    await writeAudit(tx, ctx, {
      action: 'vp.call.create',
      objectType: 'vp_call',
      objectId: call.id,
      details: { number: call.number, title: call.title, settingsVersion: settings.version },
    });
    return callDto(call);
  });
}

/** Calls, newest first. Everyone logged in may see them (firms and researchers need to). */
export async function listCalls(ctx: Context, filter: { status?: VpCallStatus | undefined }) {
  const calls = await ctx.db.prisma.vpCall.findMany({
    where: filter.status ? { status: filter.status } : {},
    include: TEMPLATE_INCLUDE,
    orderBy: [{ year: 'desc' }, { number: 'desc' }],
  });
  return calls.map(callDto);
}

export async function getCall(ctx: Context, callId: string) {
  const call = await ctx.db.prisma.vpCall.findUnique({
    where: { id: callId },
    include: TEMPLATE_INCLUDE,
  });
  if (!call) throw appError('NOT_FOUND');
  const [needs, candidates, secondments] = await Promise.all([
    ctx.db.prisma.vpNeed.count({ where: { callId, status: 'active' } }),
    ctx.db.prisma.vpCandidate.count({ where: { callId, status: 'active' } }),
    ctx.db.prisma.vpSecondment.groupBy({ by: ['status'], where: { callId }, _count: true }),
  ]);
  return {
    ...callDto(call),
    counts: {
      needs,
      candidates,
      secondments: Object.fromEntries(secondments.map((g) => [g.status, g._count])),
    },
  };
}

export interface AdvanceRequest {
  callId: string;
  action: VpCallAction;
  /** the call version the officer saw */
  expectedVersion?: number | undefined;
  /** confirm-matches: the run the officer reviewed */
  runId?: string | undefined;
  comment?: string | undefined;
}

/** Moves a call on. Each action's own checks and effects run in the same transaction. */
export async function advanceCall(ctx: OfficerCtx, req: AdvanceRequest) {
  assertBureau(ctx.caller);
  const today = todayInShanghai(ctx.now());
  return ctx.db.prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, req.callId);
    if (req.expectedVersion !== undefined && req.expectedVersion !== call.version)
      throw appError('STALE_VERSION', { message: '该批次已被他人更新，请刷新后再试' });
    const plan = planVpCallTransition(call.status as VpCallStatus, req.action);
    if (!plan.ok) {
      if (req.action === 'confirm-matches' && call.confirmedRunId)
        throw appError('VP_ALREADY_CONFIRMED');
      throw appError('INVALID_TRANSITION', {
        message: `当前阶段不能“${vpCallActionName(req.action)}”`,
      });
    }
    const settings = settingsOf(call);
    const data: Parameters<typeof tx.vpCall.update>[0]['data'] = {
      status: plan.to,
      version: { increment: 1 },
      updatedAt: ctx.now(),
    };
    const details: Record<string, unknown> = { from: call.status, to: plan.to };

    switch (req.action) {
      case 'confirm-matches': {
        const confirmed = await confirmMatches(tx, call, req.runId, ctx.now());
        // The same rule as the award notices: open from today, counted in working days after it.
        const period = noticePeriod(today, settings.noticeWorkingDays);
        Object.assign(data, {
          confirmedRunId: confirmed.runId,
          noticeStartsOn: dbDate(period.startsOn),
          noticeEndsOn: dbDate(period.endsOn),
        });
        Object.assign(details, { ...confirmed, noticeEndsOn: period.endsOn });
        break;
      }
      case 'return-to-matching': {
        if (!req.comment?.trim())
          throw appError('INVALID_INPUT', {
            message: '撤回公示须填写理由',
            fieldErrors: { comment: ['撤回公示须填写理由'] },
          });
        const cancelled = await tx.vpSecondment.updateMany({
          where: { callId: call.id, status: 'pending' },
          data: {
            status: 'cancelled',
            endedAt: ctx.now(),
            endReason: req.comment.trim(),
            updatedAt: ctx.now(),
          },
        });
        Object.assign(data, { confirmedRunId: null, noticeStartsOn: null, noticeEndsOn: null });
        details.cancelledSecondments = cancelled.count;
        break;
      }
      case 'confirm-call': {
        const endsOn = dateOf(call.noticeEndsOn);
        if (!endsOn || !isNoticePeriodOver(endsOn, today))
          throw appError('NOTICE_NOT_OVER', { message: `公示期至${endsOn}，期满后才能确认选派` });
        // Terms with a signed agreement start today; the rest start when theirs is uploaded.
        const ready = await tx.vpSecondment.updateMany({
          where: { callId: call.id, status: 'pending', agreementFileId: { not: null } },
          data: {
            status: 'active',
            startDate: dbDate(today),
            endDate: dbDate(termEndDate(today, settings.termYears)),
            version: { increment: 1 },
            updatedAt: ctx.now(),
          },
        });
        details.startedTerms = ready.count;
        break;
      }
      case 'close': {
        const running = await tx.vpSecondment.count({
          where: { callId: call.id, status: 'active' },
        });
        if (running > 0) throw appError('VP_TERMS_RUNNING');
        const cancelled = await tx.vpSecondment.updateMany({
          where: { callId: call.id, status: 'pending' },
          data: {
            status: 'cancelled',
            endedAt: ctx.now(),
            endReason: '批次结束时仍未签订三方协议',
            updatedAt: ctx.now(),
          },
        });
        details.cancelledSecondments = cancelled.count;
        break;
      }
      case 'open-applications':
      case 'start-matching':
        break;
    }

    const updated = await tx.vpCall.update({
      where: { id: call.id },
      data: { ...data, updatedAt: ctx.now() },
      include: TEMPLATE_INCLUDE,
    });
    await writeAudit(tx, ctx, {
      action: `vp.call.${req.action}`,
      objectType: 'vp_call',
      objectId: call.id,
      details: { ...details, comment: req.comment?.trim() || undefined },
    });
    return callDto(updated);
  });
}
