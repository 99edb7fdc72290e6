import { nextNumber } from '@kc/db';
import type { CalendarDate } from '@kc/domain';
import { todayInShanghai } from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import type { OfficerCtx } from './common';
import { assertDraft, lockBatch, lockListable, noticeSettingsOn } from './common';
import { loadBatch, noticeDto } from './dto';

/** A batch holds at most this many applications (one transaction publishes or closes them all). */
export const MAX_NOTICE_ITEMS = 100;

/** The notice length of the policy version in force (setting publicNoticeWorkingDays). */
export function defaultNoticeWorkingDays(today: CalendarDate): number {
  return noticeSettingsOn(today).publicNoticeWorkingDays;
}

export interface CreateNoticeInput {
  title: string;
  workingDays?: number | undefined;
  applicationIds: string[];
}

export async function createNotice(ctx: OfficerCtx, input: CreateNoticeInput) {
  const today = todayInShanghai(ctx.now());
  const workingDays = input.workingDays ?? defaultNoticeWorkingDays(today);
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw appError('INVALID_INPUT', {
      message: '公示期至少为1个工作日',
      fieldErrors: { workingDays: ['公示期至少为1个工作日'] },
    });
  }
  return ctx.db.prisma.$transaction(async (tx) => {
    const apps = await lockListable(tx, input.applicationIds);
    const number = await nextNumber(tx, 'notice', Number(today.slice(0, 4)));
    const batch = await tx.noticeBatch.create({
      data: {
        number,
        title: input.title,
        workingDays,
        createdBy: ctx.caller.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
        items: {
          create: apps.map((a) => ({
            applicationId: a.id,
            createdAt: ctx.now(),
            updatedAt: ctx.now(),
          })),
        },
      },
    });
    await writeAudit(tx, ctx, {
      action: 'notice.create',
      objectType: 'notice-batch',
      objectId: batch.id,
      details: {
        number,
        title: input.title,
        workingDays,
        applications: apps.map((a) => a.number),
      },
    });
    return noticeDto(await loadBatch(tx, ctx, batch.id), ctx.caller);
  });
}

export async function addNoticeItems(
  ctx: OfficerCtx,
  input: { batchId: string; applicationIds: string[] },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const batch = await lockBatch(tx, input.batchId);
    assertDraft(batch);
    const count = await tx.noticeItem.count({ where: { batchId: batch.id } });
    if (count + new Set(input.applicationIds).size > MAX_NOTICE_ITEMS) {
      throw appError('INVALID_INPUT', {
        message: `一个公示批次最多列入${MAX_NOTICE_ITEMS}项申请，请另建批次`,
      });
    }
    const apps = await lockListable(tx, input.applicationIds, batch.number);
    await tx.noticeItem.createMany({
      data: apps.map((a) => ({
        batchId: batch.id,
        applicationId: a.id,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })),
    });
    await writeAudit(tx, ctx, {
      action: 'notice.add-items',
      objectType: 'notice-batch',
      objectId: batch.id,
      details: { number: batch.number, applications: apps.map((a) => a.number) },
    });
    return noticeDto(await loadBatch(tx, ctx, batch.id), ctx.caller);
  });
}

export async function removeNoticeItem(ctx: OfficerCtx, input: { itemId: string }) {
  const found = await ctx.db.prisma.noticeItem.findUnique({
    where: { id: input.itemId },
    select: { batchId: true },
  });
  if (!found) throw appError('NOT_FOUND');
  return ctx.db.prisma.$transaction(async (tx) => {
    const batch = await lockBatch(tx, found.batchId);
    assertDraft(batch);
    const item = await tx.noticeItem.findUnique({
      where: { id: input.itemId },
      include: { application: { select: { number: true } } },
    });
    if (!item || item.batchId !== batch.id) throw appError('NOT_FOUND');
    await tx.noticeItem.delete({ where: { id: item.id } });
    await writeAudit(tx, ctx, {
      action: 'notice.remove-item',
      objectType: 'notice-batch',
      objectId: batch.id,
      details: { number: batch.number, application: item.application?.number },
    });
    return noticeDto(await loadBatch(tx, ctx, batch.id), ctx.caller);
  });
}
