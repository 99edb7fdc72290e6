import type { CalendarDate } from '@kc/domain';
import {
  DEFAULT_WORKING_CALENDAR,
  addCalendarDays,
  isNoticePeriodOver,
  noticePeriod,
  todayInShanghai,
  uncoveredYears,
} from '@kc/domain';
import { writeAudit } from '../../audit';
import { dateOf, dbDate } from '../../dates';
import { appError } from '../../errors';
import type { OfficerCtx } from './common';
import { lockBatch, readLocked, transitionApplication } from './common';
import { loadBatch, noticeDto } from './dto';

/**
 * Publishes a draft batch: the period is `workingDays` working days after `publishedOn`
 * (default: today in Shanghai), and every listed application goes approved → in-notice.
 * `warnings` says when the period runs into a year whose holidays the working calendar does not
 * know yet (then only weekends are skipped: check the end date against the official schedule).
 */
export async function publishNotice(
  ctx: OfficerCtx,
  input: { batchId: string; publishedOn?: CalendarDate | undefined },
) {
  const now = ctx.now();
  const today = todayInShanghai(now);
  return ctx.db.prisma.$transaction(async (tx) => {
    const batch = await lockBatch(tx, input.batchId);
    if (batch.status !== 'draft') {
      throw appError('INVALID_TRANSITION', { message: `公示批次 ${batch.number} 已发布` });
    }
    const publishedOn = input.publishedOn ?? today;
    const createdOn = todayInShanghai(batch.createdAt);
    if (publishedOn > today || publishedOn < createdOn) {
      throw appError('INVALID_INPUT', {
        message: `发布日期应在批次创建日 ${createdOn} 至今天 ${today} 之间`,
        fieldErrors: { publishedOn: [`发布日期应在 ${createdOn} 至 ${today} 之间`] },
      });
    }
    const { endsOn } = noticePeriod(publishedOn, batch.workingDays, DEFAULT_WORKING_CALENDAR);
    const items = await tx.noticeItem.findMany({
      where: { batchId: batch.id },
      select: { applicationId: true },
      orderBy: { applicationId: 'asc' },
    });
    if (items.length === 0) {
      throw appError('INVALID_TRANSITION', { message: '公示批次中没有申请，不能发布' });
    }
    const details = {
      noticeBatchId: batch.id,
      noticeNumber: batch.number,
      publishedOn,
      endsOn,
    };
    const numbers: string[] = [];
    for (const { applicationId } of items) {
      // A selection's notice is published by its call (`propose`), never as a draft batch.
      if (!applicationId) continue;
      const app = await readLocked(tx, applicationId);
      await transitionApplication(tx, ctx, app, 'publish-notice', { details });
      numbers.push(app.number);
    }
    await tx.noticeBatch.update({
      where: { id: batch.id },
      data: {
        status: 'published',
        publishedOn: dbDate(publishedOn),
        endsOn: dbDate(endsOn),
        publishedBy: ctx.caller.userId,
        publishedAt: now,
        updatedAt: now,
      },
    });
    const missing = uncoveredYears(DEFAULT_WORKING_CALENDAR, publishedOn, endsOn);
    const warnings = missing.map(
      (year) =>
        `工作日历（${DEFAULT_WORKING_CALENDAR.name}）尚未录入${year}年法定节假日安排，` +
        `公示期截止日 ${endsOn} 仅按双休日推算，请对照国务院办公厅公布的安排核对`,
    );
    await writeAudit(tx, ctx, {
      action: 'notice.publish',
      objectType: 'notice-batch',
      objectId: batch.id,
      details: {
        number: batch.number,
        publishedOn,
        endsOn,
        workingDays: batch.workingDays,
        calendar: DEFAULT_WORKING_CALENDAR.name,
        applications: numbers.sort(),
        ...(warnings.length ? { warnings } : {}),
      },
    });
    return { notice: noticeDto(await loadBatch(tx, ctx, batch.id), ctx.caller), warnings };
  });
}

/**
 * Closes a published batch once its period is over and every objection is resolved: the items
 * still standing (listed, or kept after a dismissed objection) go in-notice → notice-passed.
 */
export async function closeNotice(ctx: OfficerCtx, input: { batchId: string }) {
  const now = ctx.now();
  const today = todayInShanghai(now);
  return ctx.db.prisma.$transaction(async (tx) => {
    const batch = await lockBatch(tx, input.batchId);
    if (batch.status !== 'published' || !batch.endsOn) {
      throw appError('INVALID_TRANSITION', {
        message:
          batch.status === 'draft'
            ? `公示批次 ${batch.number} 尚未发布`
            : `公示批次 ${batch.number} 已结束`,
      });
    }
    const endsOn = dateOf(batch.endsOn);
    if (!isNoticePeriodOver(endsOn, today)) {
      throw appError('NOTICE_NOT_OVER', {
        message: `公示期至 ${endsOn} 24时止，${addCalendarDays(endsOn, 1)} 起方可结束公示`,
      });
    }
    const open = await tx.objection.findMany({
      where: { status: 'open', noticeItem: { batchId: batch.id } },
      select: {
        noticeItem: {
          select: {
            application: { select: { number: true } },
            submission: { select: { number: true } },
          },
        },
      },
    });
    if (open.length > 0) {
      const numbers = [
        ...new Set(
          open.map(
            (o) => o.noticeItem.application?.number ?? o.noticeItem.submission?.number ?? '',
          ),
        ),
      ].sort();
      throw appError('OPEN_OBJECTIONS', {
        message: `尚有 ${open.length} 条异议未处理（${batch.callId ? '申报' : '申请'} ${numbers.join('、')}），处理后方可结束公示`,
      });
    }
    const items = await tx.noticeItem.findMany({
      where: { batchId: batch.id },
      select: { applicationId: true, status: true, submission: { select: { number: true } } },
      orderBy: [{ applicationId: 'asc' }, { submissionId: 'asc' }],
    });
    const details = { noticeBatchId: batch.id, noticeNumber: batch.number, endsOn };
    const passed: string[] = [];
    const pulled: string[] = [];
    for (const item of items) {
      // A selected submission stays selected: its call concludes the list (`conclude`).
      if (!item.applicationId) {
        (item.status === 'pulled' ? pulled : passed).push(item.submission?.number ?? '');
        continue;
      }
      const app = await readLocked(tx, item.applicationId);
      if (item.status === 'pulled') {
        pulled.push(app.number);
        continue;
      }
      await transitionApplication(tx, ctx, app, 'close-notice', { details });
      passed.push(app.number);
    }
    await tx.noticeBatch.update({
      where: { id: batch.id },
      data: { status: 'closed', closedBy: ctx.caller.userId, closedAt: now, updatedAt: now },
    });
    await writeAudit(tx, ctx, {
      action: 'notice.close',
      objectType: 'notice-batch',
      objectId: batch.id,
      details: { number: batch.number, endsOn, passed: passed.sort(), pulled: pulled.sort() },
    });
    return noticeDto(await loadBatch(tx, ctx, batch.id), ctx.caller);
  });
}
