/**
 * Public notice (公示): the bureau lists approved awards for a number of working days before
 * money is paid; anyone may object, and an upheld objection takes the award back to review.
 *
 * Batch lifecycle: draft (items may be added and removed; no application changes) → published
 * (every item's application approved → in-notice; objections may be recorded during the period)
 * → closed (after the period, with no open objection: in-notice → notice-passed).
 *
 * Locks, always in this order: the notice batch row, then application rows (ascending id), then
 * the programme budget row (`lockApplication` / `lockBudget`, as the review service does).
 * Every change writes its timeline events and audit records in the same transaction.
 */
import type { Prisma, TransactionClient } from '@kc/db';
import { nextNumber } from '@kc/db';
import type { ApplicationAction, ApplicationStatus, CalendarDate } from '@kc/domain';
import {
  CONFLICT_OF_INTEREST_MESSAGE,
  DEFAULT_POLICY_SETTINGS,
  DEFAULT_WORKING_CALENDAR,
  addCalendarDays,
  applicationStatusName,
  areaName,
  findPolicySet,
  formatYuan,
  isNoticePeriodOver,
  noticeEndDate,
  planTransition,
  policyRule,
  policySetFor,
  todayInShanghai,
  uncoveredYears,
} from '@kc/domain';
import { areaScope } from '../access';
import { writeAudit } from '../audit';
import type { OfficerCaller } from '../caller';
import type { Context } from '../context';
import { dateOf, dbDate } from '../dates';
import { appError } from '../errors';
import { lockApplication, lockBudget } from './locks';
import { changeStatus, transitionRefused } from './transition';
import { officerActor } from './review-service';

type OfficerCtx = Context & { caller: OfficerCaller };

export const NOTICE_BATCH_STATUS_LABELS = {
  draft: '草稿',
  published: '公示中',
  closed: '已结束',
} as const;
export type NoticeBatchStatus = keyof typeof NOTICE_BATCH_STATUS_LABELS;

export const NOTICE_ITEM_STATUS_LABELS = {
  listed: '公示中',
  objected: '有异议待处理',
  kept: '异议不成立',
  pulled: '异议成立，已撤回重审',
} as const;
export type NoticeItemStatus = keyof typeof NOTICE_ITEM_STATUS_LABELS;

export const OBJECTION_STATUS_LABELS = {
  open: '待处理',
  upheld: '异议成立',
  dismissed: '异议不成立',
} as const;
export type ObjectionStatus = keyof typeof OBJECTION_STATUS_LABELS;

/** A batch holds at most this many applications (one transaction publishes or closes them all). */
export const MAX_NOTICE_ITEMS = 100;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

function itemInclude(ctx: OfficerCtx) {
  const scope = areaScope(ctx.caller);
  return {
    where: scope.areaCode ? { application: { areaCode: scope.areaCode } } : {},
    include: {
      application: {
        include: {
          organisation: { select: { name: true } },
          researcher: { select: { name: true } },
        },
      },
      objections: { orderBy: [{ receivedAt: 'asc' as const }, { id: 'asc' as const }] },
    },
    orderBy: { application: { number: 'asc' as const } },
  } satisfies Prisma.NoticeBatch$itemsArgs;
}

type BatchRow = Prisma.NoticeBatchGetPayload<{
  include: { items: ReturnType<typeof itemInclude> };
}>;

function ruleLabel(policySetId: string, ruleId: string) {
  const set = findPolicySet(policySetId);
  const rule = set ? policyRule(set, ruleId) : undefined;
  return { ruleName: rule?.name ?? ruleId, clause: rule?.clause ?? '' };
}

/**
 * The notice as published: who, for what (programme and clause), how much, under which
 * application number; and, for officers, the state of each item and its objections. Who
 * objected is shown to bureau officers only (objectors are protected from retaliation).
 */
function noticeDto(batch: BatchRow, caller: OfficerCaller) {
  const bureau = caller.role === 'bureau-admin' || caller.role === 'bureau-reviewer';
  const items = batch.items.map((item) => {
    const app = item.application;
    const status = item.status as NoticeItemStatus;
    return {
      id: item.id,
      status,
      statusLabel: NOTICE_ITEM_STATUS_LABELS[status] ?? status,
      applicationId: app.id,
      applicationNumber: app.number,
      applicationStatus: app.status,
      applicationStatusLabel: applicationStatusName(app.status),
      organisationName: app.organisation?.name ?? app.researcher?.name ?? '',
      areaCode: app.areaCode,
      areaName: areaName(app.areaCode),
      ruleId: app.ruleId,
      ...ruleLabel(app.policySetId, app.ruleId),
      year: app.year,
      /** The approved amount (fen). Null only for an item pulled back by an upheld objection. */
      amountFen: app.approvedAmountFen,
      objections: item.objections.map((o) => {
        const objectionStatus = o.status as ObjectionStatus;
        return {
          id: o.id,
          receivedAt: o.receivedAt,
          objector: bureau ? o.objector : null,
          content: o.content,
          status: objectionStatus,
          statusLabel: OBJECTION_STATUS_LABELS[objectionStatus] ?? objectionStatus,
          resolution: o.resolution,
          resolvedAt: o.resolvedAt,
        };
      }),
    };
  });
  const status = batch.status as NoticeBatchStatus;
  const publishedOn = dateOf(batch.publishedOn);
  return {
    id: batch.id,
    number: batch.number,
    title: batch.title,
    status,
    statusLabel: NOTICE_BATCH_STATUS_LABELS[status] ?? status,
    workingDays: batch.workingDays,
    publishedOn,
    /** The first day of the period: the day after publication (民法典 第二百零一条). */
    startsOn: publishedOn ? addCalendarDays(publishedOn, 1) : null,
    /** The last day of the period (it ends at 24:00 Asia/Shanghai). */
    endsOn: dateOf(batch.endsOn),
    createdAt: batch.createdAt,
    publishedAt: batch.publishedAt,
    closedAt: batch.closedAt,
    items,
    itemCount: items.length,
    /** Sum of the listed awards still standing (pulled items excluded), fen. */
    totalFen: items.reduce(
      (sum, i) => (i.status === 'pulled' ? sum : sum + (i.amountFen ?? 0n)),
      0n,
    ),
    openObjections: items.reduce(
      (n, i) => n + i.objections.filter((o) => o.status === 'open').length,
      0,
    ),
  };
}

export type NoticeDto = ReturnType<typeof noticeDto>;

async function loadBatch(db: Pick<TransactionClient, 'noticeBatch'>, ctx: OfficerCtx, id: string) {
  const batch = await db.noticeBatch.findUnique({
    where: { id },
    include: { items: itemInclude(ctx) },
  });
  if (!batch) throw appError('NOT_FOUND');
  // An area officer sees a batch only through its own area's items.
  if (areaScope(ctx.caller).areaCode && batch.items.length === 0) throw appError('NOT_FOUND');
  return batch;
}

export async function noticeById(ctx: OfficerCtx, id: string): Promise<NoticeDto> {
  return noticeDto(await loadBatch(ctx.db.prisma, ctx, id), ctx.caller);
}

export async function listNotices(
  ctx: OfficerCtx,
  filter: { status?: NoticeBatchStatus | undefined },
): Promise<NoticeDto[]> {
  const scope = areaScope(ctx.caller);
  const batches = await ctx.db.prisma.noticeBatch.findMany({
    where: {
      ...(filter.status ? { status: filter.status } : {}),
      ...(scope.areaCode ? { items: { some: { application: { areaCode: scope.areaCode } } } } : {}),
    },
    include: { items: itemInclude(ctx) },
    orderBy: [{ createdAt: 'desc' }, { number: 'desc' }],
    take: 100,
  });
  return batches.map((b) => noticeDto(b, ctx.caller));
}

// ---------------------------------------------------------------------------------------------
// Shared steps
// ---------------------------------------------------------------------------------------------

async function lockBatch(tx: TransactionClient, batchId: string) {
  await tx.$queryRaw`SELECT id FROM notice_batch WHERE id = ${batchId}::uuid FOR UPDATE`;
  const batch = await tx.noticeBatch.findUnique({ where: { id: batchId } });
  if (!batch) throw appError('NOT_FOUND');
  return batch;
}

function assertDraft(batch: { number: string; status: string }) {
  if (batch.status !== 'draft') {
    throw appError('INVALID_TRANSITION', {
      message: `公示批次 ${batch.number} 已发布，不能再增减申请`,
    });
  }
}

/** Locks the applications (ascending id) and refuses any that may not go into a notice. */
async function lockListable(tx: TransactionClient, ids: string[], batchNumber?: string) {
  const sorted = [...new Set(ids)].sort();
  for (const id of sorted) await lockApplication(tx, id);
  const rows = await tx.application.findMany({
    where: { id: { in: sorted } },
    select: {
      id: true,
      number: true,
      status: true,
      areaCode: true,
      noticeItems: {
        where: { status: { not: 'pulled' }, batch: { status: { in: ['draft', 'published'] } } },
        select: { batch: { select: { number: true } } },
      },
    },
    orderBy: { number: 'asc' },
  });
  if (rows.length !== sorted.length) {
    throw appError('NOT_FOUND', { message: '所选申请中有不存在的记录，请刷新后重试' });
  }
  const problems: string[] = [];
  for (const row of rows) {
    const open = row.noticeItems[0]?.batch.number;
    if (row.status !== 'approved') {
      problems.push(
        `申请 ${row.number} 当前为“${applicationStatusName(row.status)}”，只有已批准的申请才能列入公示`,
      );
    } else if (open) {
      problems.push(
        open === batchNumber
          ? `申请 ${row.number} 已在本公示批次中`
          : `申请 ${row.number} 已列入公示批次 ${open}，同一申请只能列入一个未结束的公示`,
      );
    }
  }
  if (problems.length > 0) throw appError('NOTICE_ITEM_REFUSED', { message: problems.join('；') });
  return rows;
}

interface LockedApplication {
  id: string;
  number: string;
  status: string;
  areaCode: string | null;
  version: number;
}

/**
 * Moves one (locked) application through the state machine (`changeStatus`: status, version,
 * timeline event) and writes its audit record. `data` carries extra column changes (the
 * uphold's cleared amount and decision time).
 */
async function transitionApplication(
  tx: TransactionClient,
  ctx: OfficerCtx,
  app: LockedApplication,
  action: Extract<ApplicationAction, 'publish-notice' | 'close-notice' | 'uphold-objection'>,
  extra: {
    comment?: string;
    details: Record<string, unknown>;
    data?: Prisma.ApplicationUncheckedUpdateManyInput;
  },
) {
  const plan = planTransition({
    status: app.status as ApplicationStatus,
    action,
    actor: officerActor(ctx.caller),
    applicationAreaCode: app.areaCode,
    comment: extra.comment ?? null,
  });
  if (!plan.ok) {
    throw transitionRefused(plan, app.number);
  }
  await changeStatus(tx, app, {
    to: plan.to,
    action,
    actor: { userId: ctx.caller.userId, role: ctx.caller.role },
    at: ctx.now(),
    comment: extra.comment,
    ...(extra.data ? { data: extra.data } : {}),
    details: extra.details,
  });
  await writeAudit(tx, ctx, {
    action: `application.${action}`,
    objectType: 'application',
    objectId: app.id,
    areaCode: app.areaCode,
    details: { number: app.number, from: app.status, to: plan.to, ...extra.details },
  });
  return plan.to;
}

async function readLocked(tx: TransactionClient, id: string): Promise<LockedApplication> {
  await lockApplication(tx, id);
  return tx.application.findUniqueOrThrow({
    where: { id },
    select: { id: true, number: true, status: true, areaCode: true, version: true },
  });
}

// ---------------------------------------------------------------------------------------------
// Draft batches
// ---------------------------------------------------------------------------------------------

/** The notice length of the policy version in force (setting publicNoticeWorkingDays). */
export function defaultNoticeWorkingDays(today: CalendarDate): number {
  return (policySetFor(today)?.settings ?? DEFAULT_POLICY_SETTINGS).publicNoticeWorkingDays;
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
      details: { number: batch.number, application: item.application.number },
    });
    return noticeDto(await loadBatch(tx, ctx, batch.id), ctx.caller);
  });
}

// ---------------------------------------------------------------------------------------------
// Publishing and closing
// ---------------------------------------------------------------------------------------------

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
    const endsOn = noticeEndDate(publishedOn, batch.workingDays, DEFAULT_WORKING_CALENDAR);
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
      select: { noticeItem: { select: { application: { select: { number: true } } } } },
    });
    if (open.length > 0) {
      const numbers = [...new Set(open.map((o) => o.noticeItem.application.number))].sort();
      throw appError('OPEN_OBJECTIONS', {
        message: `尚有 ${open.length} 条异议未处理（申请 ${numbers.join('、')}），处理后方可结束公示`,
      });
    }
    const items = await tx.noticeItem.findMany({
      where: { batchId: batch.id },
      select: { applicationId: true, status: true },
      orderBy: { applicationId: 'asc' },
    });
    const details = { noticeBatchId: batch.id, noticeNumber: batch.number, endsOn };
    const passed: string[] = [];
    const pulled: string[] = [];
    for (const item of items) {
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

// ---------------------------------------------------------------------------------------------
// Objections
// ---------------------------------------------------------------------------------------------

async function itemWithBatch(ctx: OfficerCtx, itemId: string) {
  const item = await ctx.db.prisma.noticeItem.findUnique({
    where: { id: itemId },
    select: { id: true, batchId: true, applicationId: true },
  });
  if (!item) throw appError('NOT_FOUND');
  return item;
}

export interface RecordObjectionInput {
  itemId: string;
  objector: string;
  content: string;
  /** When the objection reached the bureau (default: now); it must fall inside the period. */
  receivedAt?: Date | undefined;
}

/**
 * Records an objection received during the period (the day after publication up to and
 * including the last day, Asia/Shanghai dates). It may be entered later, while the batch is
 * still open, as long as it was received in time. The item becomes `objected`.
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
    const app = await readLocked(tx, found.applicationId);
    const item = await tx.noticeItem.findUniqueOrThrow({ where: { id: found.id } });
    if (batch.status !== 'published' || !batch.publishedOn || !batch.endsOn) {
      throw appError('OUTSIDE_NOTICE_PERIOD', {
        message:
          batch.status === 'draft'
            ? `公示批次 ${batch.number} 尚未发布，不能登记异议`
            : `公示批次 ${batch.number} 已结束，不能登记异议`,
      });
    }
    const publishedOn = dateOf(batch.publishedOn);
    const endsOn = dateOf(batch.endsOn);
    const day = todayInShanghai(receivedAt);
    if (day <= publishedOn || day > endsOn) {
      throw appError('OUTSIDE_NOTICE_PERIOD', {
        message: `公示期为 ${addCalendarDays(publishedOn, 1)} 至 ${endsOn}，${day} 收到的异议不在公示期内`,
      });
    }
    if (item.status === 'pulled') {
      throw appError('INVALID_TRANSITION', {
        message: `申请 ${app.number} 已因异议成立撤出公示，无需再登记异议`,
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
    await tx.applicationEvent.create({
      data: {
        applicationId: app.id,
        actorUserId: ctx.caller.userId,
        actorRole: ctx.caller.role,
        action: 'record-objection',
        at: now,
        fromStatus: app.status,
        toStatus: app.status,
        details: { noticeBatchId: batch.id, noticeNumber: batch.number, objectionId: objection.id },
      },
    });
    await writeAudit(tx, ctx, {
      action: 'notice.record-objection',
      objectType: 'objection',
      objectId: objection.id,
      areaCode: app.areaCode,
      details: {
        noticeNumber: batch.number,
        application: app.number,
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
    select: { noticeItem: { select: { id: true, batchId: true, applicationId: true } } },
  });
  if (!found) throw appError('NOT_FOUND');
  const { batchId, applicationId } = found.noticeItem;
  return ctx.db.prisma.$transaction(async (tx) => {
    const batch = await lockBatch(tx, batchId);
    const app = await readLocked(tx, applicationId);
    const objection = await tx.objection.findUniqueOrThrow({ where: { id: input.objectionId } });
    if (objection.status !== 'open') {
      throw appError('INVALID_TRANSITION', { message: '该异议已处理，不能重复处理' });
    }
    const full = await tx.application.findUniqueOrThrow({
      where: { id: app.id },
      select: {
        organisationId: true,
        ruleId: true,
        year: true,
        approvedAmountFen: true,
      },
    });
    if (
      full.organisationId &&
      (await tx.conflictOfInterest.count({
        where: { officerUserId: ctx.caller.userId, organisationId: full.organisationId },
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
        details: { ...ref, application: app.number, resolution: input.resolution },
      });
      return noticeDto(await loadBatch(tx, ctx, batch.id), ctx.caller);
    }

    // Uphold: the award is withdrawn, and its money with it.
    const release = await releaseAward(tx, ctx, {
      applicationId: app.id,
      number: app.number,
      ruleId: full.ruleId,
      year: full.year,
      approvedAmountFen: full.approvedAmountFen,
    });
    await transitionApplication(tx, ctx, app, 'uphold-objection', {
      comment: input.resolution,
      details: { noticeBatchId: batch.id, ...ref, ...release },
      data: { approvedAmountFen: null, overrideReason: null, decidedAt: null },
    });
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
        resolution: `同一申请的另一异议已成立，申请已撤出公示，本异议一并办结（${input.resolution}）`,
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
        application: app.number,
        resolution: input.resolution,
        closedWithIt: others.count,
        ...release,
      },
    });
    return noticeDto(await loadBatch(tx, ctx, batch.id), ctx.caller);
  });
}

/**
 * Gives back what the approval took, under the programme budget's row lock (the application row
 * is already locked): the commitment and the quota place, journalled as a `release` of the same
 * approval round as the commit; and the once-only keys.
 */
async function releaseAward(
  tx: TransactionClient,
  ctx: OfficerCtx,
  app: {
    applicationId: string;
    number: string;
    ruleId: string;
    year: number;
    approvedAmountFen: bigint | null;
  },
) {
  if (!(await lockBudget(tx, app.ruleId, app.year))) {
    throw new Error(`release: no budget row for ${app.ruleId}/${app.year} (${app.number})`);
  }
  const commit = await tx.ledgerEntry.findFirst({
    where: { applicationId: app.applicationId, kind: 'commit' },
    orderBy: { approvalRound: 'desc' },
  });
  // The ledger and the application must agree to the fen; if they do not, stop rather than guess.
  if (!commit || app.approvedAmountFen === null || commit.amountFen !== app.approvedAmountFen) {
    ctx.log.error(
      { application: app.number, commit: commit?.amountFen.toString() ?? null },
      'notice uphold: ledger commit and approved amount disagree',
    );
    throw new Error(`release: ledger and application disagree for ${app.number}`);
  }
  const amount = commit.amountFen;
  await tx.programmeBudget.update({
    where: { ruleId_year: { ruleId: app.ruleId, year: app.year } },
    data: {
      committedFen: { decrement: amount },
      approvedCount: { decrement: 1 },
      updatedAt: ctx.now(),
    },
  });
  await tx.ledgerEntry.create({
    data: {
      ruleId: app.ruleId,
      year: app.year,
      applicationId: app.applicationId,
      approvalRound: commit.approvalRound,
      kind: 'release',
      at: ctx.now(),
      amountFen: amount,
      actorUserId: ctx.caller.userId,
      note: `公示异议成立，撤回批准（${formatYuan(amount)}）`,
    },
  });
  const keys = await tx.awardOnceKey.deleteMany({ where: { applicationId: app.applicationId } });
  return {
    releasedFen: amount.toString(),
    approvalRound: commit.approvalRound,
    onceKeysReleased: keys.count,
  };
}
