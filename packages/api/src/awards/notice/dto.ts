import type { Prisma, TransactionClient } from '@kc/db';
import type { SelectionProgramme } from '@kc/domain';
import {
  applicationStatusName,
  areaName,
  noticeStartDate,
  policyRule,
  selectionProgramme,
  todayInShanghai,
} from '@kc/domain';
import { areaScope } from '../../access';
import type { OfficerCaller } from '../../caller';
import { dateOf } from '../../dates';
import { appError } from '../../errors';
import type { OfficerCtx } from './common';
import { noticeSettingsOn } from './common';
import type { NoticeBatchStatus, NoticeItemStatus, ObjectionStatus } from './statuses';
import {
  NOTICE_BATCH_STATUS_LABELS,
  OBJECTION_STATUS_LABELS,
  noticeItemStatusLabel,
} from './statuses';
import { policySetById } from '../../policy/catalogue';

/** Items of `areaCode` (an area officer's), whichever kind they list. */
export function itemsOfArea(areaCode: string) {
  return {
    OR: [{ application: { areaCode } }, { submission: { areaCode } }],
  } satisfies Prisma.NoticeItemWhereInput;
}

/** The items a reader sees: those of `areaCode` (an area officer), or all of them. */
function itemInclude(areaCode?: string) {
  return {
    where: areaCode ? itemsOfArea(areaCode) : {},
    include: {
      application: {
        include: {
          organisation: { select: { name: true } },
          researcher: { select: { name: true } },
        },
      },
      submission: {
        include: {
          organisation: { select: { name: true } },
          call: { select: { programme: true, year: true } },
        },
      },
      objections: { orderBy: [{ receivedAt: 'asc' as const }, { id: 'asc' as const }] },
    },
  } satisfies Prisma.NoticeBatch$itemsArgs;
}

type ItemRow = BatchRow['items'][number];

/** What an item lists, the same few facts for an award and for a selected submission. */
function listed(item: ItemRow) {
  const app = item.application;
  if (app)
    return {
      kind: 'award' as const,
      number: app.number,
      applicationId: app.id,
      applicationNumber: app.number,
      applicationStatus: app.status,
      applicationStatusLabel: applicationStatusName(app.status),
      submissionId: null,
      organisationName: app.organisation?.name ?? app.researcher?.name ?? '',
      areaCode: app.areaCode,
      ruleId: app.ruleId,
      ...ruleLabel(app.policySetId, app.ruleId),
      year: app.year,
      /** The approved amount (fen). Null only for an item pulled back by an upheld objection. */
      amountFen: app.approvedAmountFen,
      category: null,
    };
  const sub = item.submission;
  if (!sub) throw new Error(`notice item ${item.id} lists nothing`);
  const programme = selectionProgramme(sub.call.programme as SelectionProgramme);
  // As published: a later decision of the list does not rewrite an earlier notice.
  const category = item.listedCategory;
  return {
    kind: 'selection' as const,
    number: sub.number,
    applicationId: null,
    applicationNumber: null,
    applicationStatus: null,
    applicationStatusLabel: null,
    submissionId: sub.id,
    organisationName: sub.organisation.name,
    areaCode: sub.areaCode,
    ruleId: null,
    /** what is selected, and under which programme: 案例、项目或团队 */
    ruleName: `${sub.title}（${programme.name}${category ? `，${category}类` : ''}）`,
    clause: programme.clause,
    year: sub.call.year,
    /** the award it leads to, or the city funds of a project (fen); null once pulled */
    amountFen: item.status === 'pulled' ? null : item.listedCostFen,
    category,
  };
}

type BatchRow = Prisma.NoticeBatchGetPayload<{
  include: { items: ReturnType<typeof itemInclude> };
}>;

function ruleLabel(policySetId: string, ruleId: string) {
  const set = policySetById(policySetId);
  const rule = set ? policyRule(set, ruleId) : undefined;
  return { ruleName: rule?.name ?? ruleId, clause: rule?.clause ?? '' };
}

/**
 * The notice as published: who, for what (programme and clause), how much, under which
 * application number; and, for officers, the state of each item and its objections. Who
 * objected is shown to bureau officers only (objectors are protected from retaliation); with
 * no caller (the public pages) to nobody.
 */
export function noticeDto(batch: BatchRow, caller: OfficerCaller | null) {
  const bureau = caller?.role === 'bureau-admin' || caller?.role === 'bureau-reviewer';
  const status = batch.status as NoticeBatchStatus;
  const items = batch.items
    .map((item) => ({ item, what: listed(item) }))
    .sort((a, b) => (a.what.number < b.what.number ? -1 : a.what.number > b.what.number ? 1 : 0))
    .map(({ item, what }) => {
      const itemStatus = item.status as NoticeItemStatus;
      return {
        id: item.id,
        status: itemStatus,
        statusLabel: noticeItemStatusLabel(status, itemStatus, what.kind),
        ...what,
        areaName: areaName(what.areaCode),
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
  const publishedOn = dateOf(batch.publishedOn);
  return {
    id: batch.id,
    number: batch.number,
    title: batch.title,
    /** 立项公示: the selection call whose list this is; null for awards */
    callId: batch.callId,
    status,
    statusLabel: NOTICE_BATCH_STATUS_LABELS[status] ?? status,
    workingDays: batch.workingDays,
    publishedOn,
    /** The first day objections are taken (`noticePeriod` in the domain: the day of publication). */
    startsOn: publishedOn ? noticeStartDate(publishedOn) : null,
    /** The last day of the period (it ends at 24:00 Asia/Shanghai). */
    endsOn: dateOf(batch.endsOn),
    /**
     * Where objections go, printed on the notice: the setting of the policy version in force on
     * the publication day (a draft: the day it was created).
     */
    objectionContact: noticeSettingsOn(publishedOn ?? todayInShanghai(batch.createdAt))
      .noticeObjectionContact,
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

export async function loadBatch(
  db: Pick<TransactionClient, 'noticeBatch'>,
  ctx: OfficerCtx,
  id: string,
) {
  const batch = await db.noticeBatch.findUnique({
    where: { id },
    include: { items: itemInclude(areaScope(ctx.caller).areaCode) },
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
      ...(scope.areaCode ? { items: { some: itemsOfArea(scope.areaCode) } } : {}),
    },
    include: { items: itemInclude(scope.areaCode) },
    orderBy: [{ createdAt: 'desc' }, { number: 'desc' }],
    take: 100,
  });
  return batches.map((b) => noticeDto(b, ctx.caller));
}

/** Batches anyone may read: published (running), closed and withdrawn ones; a draft never. */
const PUBLIC_STATUSES: NoticeBatchStatus[] = ['published', 'closed', 'withdrawn'];

/**
 * Published and closed notices for the public pages, newest publication first, as the admin
 * reads them (the same query and DTO) with no caller: objectors are never named.
 */
export async function listPublicNotices(db: Pick<TransactionClient, 'noticeBatch'>) {
  const batches = await db.noticeBatch.findMany({
    where: { status: { in: PUBLIC_STATUSES } },
    include: { items: itemInclude() },
    orderBy: [{ publishedOn: 'desc' }, { number: 'desc' }],
    take: 100,
  });
  return batches.map((b) => noticeDto(b, null));
}

/** One published or closed notice, or null (unknown, or still a draft). */
export async function publicNoticeById(db: Pick<TransactionClient, 'noticeBatch'>, id: string) {
  const batch = await db.noticeBatch.findFirst({
    where: { id, status: { in: PUBLIC_STATUSES } },
    include: { items: itemInclude() },
  });
  return batch ? noticeDto(batch, null) : null;
}
