import type { TransactionClient } from '@kc/db';
import {
  CONFLICT_OF_INTEREST_MESSAGE,
  mayRecordObjection,
  noticeStartDate,
  todayInShanghai,
} from '@kc/domain';
import { writeAudit } from '../../audit';
import { dateOf } from '../../dates';
import { appError } from '../../errors';
import type { OfficerCtx } from './common';
import { lockBatch, readLocked, transitionApplication } from './common';
import { loadBatch, noticeDto } from './dto';
import { releaseAward } from './release';
import type { ListedSubject } from './submissions';
import { lockSubmission, pullSubmission } from './submissions';

async function itemWithBatch(ctx: OfficerCtx, itemId: string) {
  const item = await ctx.db.prisma.noticeItem.findUnique({
    where: { id: itemId },
    select: { id: true, batchId: true, applicationId: true, submissionId: true },
  });
  if (!item) throw appError('NOT_FOUND');
  return item;
}

/** Locks what the item lists (after its batch): an application, or a selected submission. */
async function lockSubject(
  tx: TransactionClient,
  item: { applicationId: string | null; submissionId: string | null },
): Promise<ListedSubject> {
  if (item.applicationId) {
    const app = await readLocked(tx, item.applicationId);
    const { organisationId } = await tx.application.findUniqueOrThrow({
      where: { id: app.id },
      select: { organisationId: true },
    });
    return { kind: 'award', ...app, organisationId };
  }
  return lockSubmission(tx, item.submissionId as string);
}

/** How a notice names what it lists: 申请 (an award) or 申报 (a selection). */
const noun = (s: ListedSubject) => (s.kind === 'award' ? '申请' : '申报');
/** The audit record's key for it. */
const subjectRef = (s: ListedSubject) =>
  s.kind === 'award' ? { application: s.number } : { submission: s.number };

export interface RecordObjectionInput {
  itemId: string;
  objector: string;
  content: string;
  /** When the objection reached the bureau (default: now); it must fall inside the period. */
  receivedAt?: Date | undefined;
}

/**
 * Records an objection received during the notice (the domain's `mayRecordObjection`: from the
 * day of publication to the last day, Asia/Shanghai). It may be entered later, while the batch
 * is still open, as long as it was received in time. The item becomes `objected`.
 */
export async function recordObjection(ctx: OfficerCtx, input: RecordObjectionInput) {
  const now = ctx.now();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime()) {
    throw appError('INVALID_INPUT', {
      message: '收到时间不能晚于当前时间',
      fieldErrors: { receivedAt: ['收到时间不能晚于当前时间'] },
    });
  }
  const found = await itemWithBatch(ctx, input.itemId);
  return ctx.db.prisma.$transaction(async (tx) => {
    const batch = await lockBatch(tx, found.batchId);
    const app = await lockSubject(tx, found);
    const item = await tx.noticeItem.findUniqueOrThrow({ where: { id: found.id } });
    if (batch.status !== 'published' || !batch.publishedOn || !batch.endsOn) {
      throw appError('OUTSIDE_NOTICE_PERIOD', {
        message:
          batch.status === 'draft'
            ? `公示批次 ${batch.number} 尚未发布，不能登记异议`
            : `公示批次 ${batch.number} 已结束，不能登记异议`,
      });
    }
    const period = {
      startsOn: noticeStartDate(dateOf(batch.publishedOn)),
      endsOn: dateOf(batch.endsOn),
    };
    const day = todayInShanghai(receivedAt);
    if (!mayRecordObjection(period, receivedAt)) {
      throw appError('OUTSIDE_NOTICE_PERIOD', {
        message: `公示期为 ${period.startsOn} 至 ${period.endsOn}，${day} 收到的异议不在公示期内`,
      });
    }
    if (item.status === 'pulled') {
      throw appError('INVALID_TRANSITION', {
        message: `${noun(app)} ${app.number} 已因异议成立撤出公示，无需再登记异议`,
      });
    }
    const objection = await tx.objection.create({
      data: {
        noticeItemId: item.id,
        receivedAt,
        objector: input.objector,
        content: input.content,
        createdBy: ctx.caller.userId,
        createdAt: now,
        updatedAt: now,
      },
    });
    await tx.noticeItem.update({
      where: { id: item.id },
      data: { status: 'objected', updatedAt: now },
    });
    // The applicant's timeline says an objection came in; who objected stays with the bureau.
    if (app.kind === 'award')
      await tx.applicationEvent.create({
        data: {
          applicationId: app.id,
          actorUserId: ctx.caller.userId,
          actorRole: ctx.caller.role,
          action: 'record-objection',
          at: now,
          fromStatus: app.status,
          toStatus: app.status,
          details: {
            noticeBatchId: batch.id,
            noticeNumber: batch.number,
            objectionId: objection.id,
          },
        },
      });
    await writeAudit(tx, ctx, {
      action: 'notice.record-objection',
      objectType: 'objection',
      objectId: objection.id,
      areaCode: app.areaCode,
      details: {
        noticeNumber: batch.number,
        ...subjectRef(app),
        receivedOn: day,
        objector: input.objector,
        content: input.content,
      },
    });
    return noticeDto(await loadBatch(tx, ctx, batch.id), ctx.caller);
  });
}

export interface ResolveObjectionInput {
  objectionId: string;
  outcome: 'dismiss' | 'uphold';
  resolution: string;
}

/**
 * Resolves an open objection. Dismissed: the item is kept (once no other objection on it is
 * open). Upheld: the item is pulled, the application goes in-notice → bureau-review, and the
 * award stops standing in the same transaction: the budget commitment and quota place are given
 * back (ledger `release`, same approval round as the commit), its once-only keys are freed and
 * its approved amount and decision time are cleared, so it can be decided again. Other open
 * objections on the same item are closed with it (their aim is met).
 */
export async function resolveObjection(ctx: OfficerCtx, input: ResolveObjectionInput) {
  const now = ctx.now();
  const found = await ctx.db.prisma.objection.findUnique({
    where: { id: input.objectionId },
    select: {
      noticeItem: {
        select: {
          id: true,
          batchId: true,
          applicationId: true,
          submissionId: true,
          batch: { select: { callId: true } },
        },
      },
    },
  });
  if (!found) throw appError('NOT_FOUND');
  const { batchId } = found.noticeItem;
  const callId = found.noticeItem.batch.callId;
  return ctx.db.prisma.$transaction(async (tx) => {
    // A selection's call first, as its own steps lock it (withdrawing the notice): then the batch.
    if (callId)
      await tx.$executeRaw`SELECT 1 FROM selection_call WHERE id = ${callId}::uuid FOR UPDATE`;
    const batch = await lockBatch(tx, batchId);
    const app = await lockSubject(tx, found.noticeItem);
    const objection = await tx.objection.findUniqueOrThrow({ where: { id: input.objectionId } });
    if (objection.status !== 'open') {
      throw appError('INVALID_TRANSITION', { message: '该异议已处理，不能重复处理' });
    }
    if (
      app.organisationId &&
      (await tx.conflictOfInterest.count({
        where: { officerUserId: ctx.caller.userId, organisationId: app.organisationId },
      })) > 0
    ) {
      throw appError('CONFLICT_OF_INTEREST', { message: CONFLICT_OF_INTEREST_MESSAGE });
    }
    const resolved = {
      resolution: input.resolution,
      resolvedBy: ctx.caller.userId,
      resolvedAt: now,
    };
    const ref = { noticeNumber: batch.number, objectionId: objection.id };

    if (input.outcome === 'dismiss') {
      await tx.objection.update({
        where: { id: objection.id },
        data: { status: 'dismissed', ...resolved, updatedAt: now },
      });
      const stillOpen = await tx.objection.count({
        where: { noticeItemId: objection.noticeItemId, status: 'open' },
      });
      if (stillOpen === 0) {
        await tx.noticeItem.update({
          where: { id: objection.noticeItemId },
          data: { status: 'kept', updatedAt: now },
        });
      }
      if (app.kind === 'award')
        await tx.applicationEvent.create({
          data: {
            applicationId: app.id,
            actorUserId: ctx.caller.userId,
            actorRole: ctx.caller.role,
            action: 'dismiss-objection',
            at: now,
            fromStatus: app.status,
            toStatus: app.status,
            comment: input.resolution,
            details: { noticeBatchId: batch.id, ...ref },
          },
        });
      await writeAudit(tx, ctx, {
        action: 'notice.dismiss-objection',
        objectType: 'objection',
        objectId: objection.id,
        areaCode: app.areaCode,
        details: { ...ref, ...subjectRef(app), resolution: input.resolution },
      });
      return noticeDto(await loadBatch(tx, ctx, batch.id), ctx.caller);
    }

    // Uphold: the award is withdrawn, and its money with it; a submission leaves the list.
    let release: Record<string, unknown>;
    if (app.kind === 'award') {
      const full = await tx.application.findUniqueOrThrow({
        where: { id: app.id },
        select: { ruleId: true, year: true, approvedAmountFen: true },
      });
      release = await releaseAward(tx, ctx, {
        applicationId: app.id,
        number: app.number,
        ...full,
      });
      await transitionApplication(tx, ctx, app, 'uphold-objection', {
        comment: input.resolution,
        details: { noticeBatchId: batch.id, ...ref, ...release },
        data: { approvedAmountFen: null, overrideReason: null, decidedAt: null },
      });
    } else release = await pullSubmission(tx, ctx, app, input.resolution);
    await tx.objection.update({
      where: { id: objection.id },
      data: { status: 'upheld', ...resolved, updatedAt: now },
    });
    const others = await tx.objection.updateMany({
      where: { noticeItemId: objection.noticeItemId, status: 'open' },
      data: {
        status: 'upheld',
        ...resolved,
        updatedAt: now,
        resolution: `同一${noun(app)}的另一异议已成立，${noun(app)}已撤出公示，本异议一并办结（${input.resolution}）`,
      },
    });
    await tx.noticeItem.update({
      where: { id: objection.noticeItemId },
      data: { status: 'pulled', updatedAt: now },
    });
    await writeAudit(tx, ctx, {
      action: 'notice.uphold-objection',
      objectType: 'objection',
      objectId: objection.id,
      areaCode: app.areaCode,
      details: {
        ...ref,
        ...subjectRef(app),
        resolution: input.resolution,
        closedWithIt: others.count,
        ...release,
      },
    });
    return noticeDto(await loadBatch(tx, ctx, batch.id), ctx.caller);
  });
}
