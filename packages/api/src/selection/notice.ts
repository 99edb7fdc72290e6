import type { SelectionCall, TransactionClient } from '@kc/db';
import { nextNumber } from '@kc/db';
import {
  DEFAULT_WORKING_CALENDAR,
  noticePeriod,
  selectionProgrammeName,
  todayInShanghai,
} from '@kc/domain';
import { writeAudit } from '../audit';
import { defaultNoticeWorkingDays } from '../awards/notice';
import { lockBatch } from '../awards/notice/common';
import { dbDate } from '../dates';
import { appError } from '../errors';
import { notifyOrganisation } from '../notifications/write';
import type { OfficerCtx } from '../vice-president/common';

/**
 * 立项公示 (issue 14): a call's decided list goes to public notice on the awards' notice
 * machinery — a notice batch of the call, published the day the bureau proposes the list, with
 * the same period, objections and closing. The call's steps (calls.ts) lock the call first, then
 * the batch, as the objections do.
 */

type Tx = TransactionClient;

/** The call's latest notice (running, closed, or withdrawn to decide again), or null. */
export async function latestNotice(tx: Pick<Tx, 'noticeBatch'>, callId: string) {
  return (await latestNotices(tx, [callId])).get(callId) ?? null;
}

/** `latestNotice` of each of `callIds`, in one read (a list page of calls). */
export async function latestNotices(tx: Pick<Tx, 'noticeBatch'>, callIds: string[]) {
  const rows = await tx.noticeBatch.findMany({
    where: { callId: { in: callIds }, status: { in: ['published', 'closed', 'withdrawn'] } },
    orderBy: [{ createdAt: 'desc' }, { number: 'desc' }],
    select: { callId: true, id: true, number: true, status: true, endsOn: true },
  });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (r.callId && !latest.has(r.callId)) latest.set(r.callId, r);
  return latest;
}

/** The call's notice still standing: running or closed; a withdrawn one stands no more. */
export async function standingNotice(tx: Pick<Tx, 'noticeBatch'>, callId: string) {
  const latest = await latestNotice(tx, callId);
  return latest && latest.status !== 'withdrawn' ? latest : null;
}

/** Publishes the call's selected submissions today, and tells each organisation on the list. */
export async function openSelectionNotice(tx: Tx, ctx: OfficerCtx, call: SelectionCall) {
  const now = ctx.now();
  const today = todayInShanghai(now);
  const selected = await tx.selectionSubmission.findMany({
    where: { callId: call.id, status: 'selected' },
    select: {
      id: true,
      number: true,
      title: true,
      organisationId: true,
      decidedCostFen: true,
      decidedCategory: true,
    },
    orderBy: { number: 'asc' },
  });
  const workingDays = defaultNoticeWorkingDays(today);
  const { endsOn } = noticePeriod(today, workingDays, DEFAULT_WORKING_CALENDAR);
  const number = await nextNumber(tx, 'notice', Number(today.slice(0, 4)));
  const batch = await tx.noticeBatch.create({
    data: {
      number,
      title: `${call.title}拟入选名单公示`,
      workingDays,
      status: 'published',
      publishedOn: dbDate(today),
      endsOn: dbDate(endsOn),
      publishedBy: ctx.caller.userId,
      publishedAt: now,
      createdBy: ctx.caller.userId,
      createdAt: now,
      updatedAt: now,
      callId: call.id,
      items: {
        // What the notice says stays as published, whatever the list is decided into later.
        create: selected.map((s) => ({
          submissionId: s.id,
          listedCostFen: s.decidedCostFen ?? 0n,
          listedCategory: s.decidedCategory,
          createdAt: now,
          updatedAt: now,
        })),
      },
    },
  });
  await writeAudit(tx, ctx, {
    action: 'notice.publish',
    objectType: 'notice-batch',
    objectId: batch.id,
    details: {
      number,
      call: call.number,
      publishedOn: today,
      endsOn,
      workingDays,
      calendar: DEFAULT_WORKING_CALENDAR.name,
      submissions: selected.map((s) => s.number),
    },
  });
  for (const s of selected)
    await notifyOrganisation(tx, s.organisationId, {
      kind: 'selection.notice',
      title: '拟入选名单公示',
      body: `您单位的申报“${s.title}”（${s.number}）列入${selectionProgrammeName(call.programme)}拟入选名单，公示期至${endsOn}。公示期满无异议的，按程序确定。`,
      at: now,
    });
  return { id: batch.id, number, endsOn };
}

/**
 * Takes the call's running notice back (an objection upheld, the list to be decided again). The
 * open objections must be resolved first: each is an answer the bureau owes someone.
 */
export async function withdrawSelectionNotice(tx: Tx, ctx: OfficerCtx, call: SelectionCall) {
  const now = ctx.now();
  const current = await standingNotice(tx, call.id);
  if (!current) return null;
  const batch = await lockBatch(tx, current.id);
  if (batch.status !== 'published')
    throw appError('INVALID_TRANSITION', {
      message: `公示批次 ${batch.number} 已结束，名单已确定，不能撤回`,
    });
  const open = await tx.objection.count({
    where: { status: 'open', noticeItem: { batchId: batch.id } },
  });
  if (open > 0)
    throw appError('OPEN_OBJECTIONS', {
      message: `公示批次 ${batch.number} 尚有 ${open} 条异议未处理，处理后方可撤回公示`,
    });
  await tx.noticeBatch.update({
    where: { id: batch.id },
    data: { status: 'withdrawn', closedBy: ctx.caller.userId, closedAt: now, updatedAt: now },
  });
  await writeAudit(tx, ctx, {
    action: 'notice.withdraw',
    objectType: 'notice-batch',
    objectId: batch.id,
    details: { number: batch.number, call: call.number },
  });
  return batch.id;
}
