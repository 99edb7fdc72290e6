import { z } from 'zod';
import type { Db } from '@kc/db';
import {
  applicationQueueName,
  applicationStatusName,
  areaName,
  auditActionName,
  auditObjectTypeName,
  fieldName,
  programmeName,
  redactPII,
} from '@kc/domain';
import { areaScope, isCaseworker } from '../access';
import { auditFilterSchema, auditRowDtos, auditWhere, mayReadAudit } from '../audit-search';
import { reviewQueueFilterSchema } from '../awards/review-queue-filter';
import { reviewQueueWhere } from '../awards/review-service';
import { fenToYuanNumber } from '../awards/disbursement/export';
import { ruleInfo } from '../awards/disbursement/common';
import { ledgerFilterSchema, ledgerWhere } from '../awards/disbursement/ledger';
import { ledgerKindName } from '../awards/disbursement/statuses';
import type { OfficerCaller } from '../caller';
import type { Context } from '../context';
import type { Cell, SheetColumn } from '../xlsx';

/**
 * What an officer may export in the background (导出全部（后台生成）), as data: the list's own
 * filter schema, who may ask, the sheet's columns and its rows, read in keyset pages (never
 * OFFSET: page 400 costs what page 1 does) under the requester's scope as it is when the file is
 * built. Text cells pass the PII redactor, as the lists' masks do.
 */
export const EXPORT_PAGE_SIZE = 500;

interface KindDef<F extends z.ZodType> {
  label: string;
  filters: F;
  /** The list's own rule: only who may open the list may export it. */
  mayRequest(caller: OfficerCaller): boolean;
  /** Throws what the list would for these filters (another area…); nothing is read. */
  check(caller: OfficerCaller, filters: z.infer<F>): void;
  columns: readonly SheetColumn[];
  pages(db: Db, caller: OfficerCaller, filters: z.infer<F>, now: Date): AsyncIterable<Cell[][]>;
}

const AMOUNT = '#,##0.00';
const text = (s: string | null | undefined) => (s ? redactPII(s) : '');
const yuan = (fen: bigint | null) => (fen === null ? null : fenToYuanNumber(fen));
/** 2026-11-27 10:00:00, Asia/Shanghai (no daylight saving: a fixed +8 h). */
const shanghaiTime = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') : '';

/** A context that carries only the requester: the list's where-builders read `caller`. */
const asCtx = (caller: OfficerCaller) => ({ caller }) as Context & { caller: OfficerCaller };

const reviewQueue: KindDef<typeof reviewQueueFilterSchema> = {
  label: '审核队列',
  filters: reviewQueueFilterSchema,
  mayRequest: isCaseworker,
  check: (caller, filters) => void reviewQueueWhere(asCtx(caller), filters),
  columns: [
    { header: '申请编号', width: 20, text: true },
    { header: '奖补事项', width: 34 },
    { header: '申请人', width: 30 },
    { header: '县区/园区', width: 16 },
    { header: '年度', width: 8 },
    { header: '状态', width: 14 },
    { header: '测算金额（元）', width: 16, numFmt: AMOUNT },
    { header: '核定金额（元）', width: 16, numFmt: AMOUNT },
    { header: '提交时间', width: 20 },
    { header: '免申即享', width: 10 },
  ],
  async *pages(db, caller, filters) {
    // The queue's own where (area scope included); keyed on the unique 申请编号.
    const where = reviewQueueWhere(asCtx(caller), filters);
    const page = (after: string | null) =>
      db.prisma.application.findMany({
        where: after ? { AND: [where, { number: { gt: after } }] } : where,
        include: {
          organisation: { select: { name: true } },
          researcher: { select: { name: true } },
          invitation: { select: { id: true } },
        },
        orderBy: { number: 'asc' },
        take: EXPORT_PAGE_SIZE,
      });
    let after: string | null = null;
    for (;;) {
      const rows = await page(after);
      if (rows.length === 0) return;
      yield rows.map((r) => [
        r.number,
        programmeName(r.ruleId),
        text(r.organisation?.name ?? r.researcher?.name),
        r.areaCode ? areaName(r.areaCode) : '',
        r.year,
        applicationStatusName(r.status),
        yuan(r.computedAmountFen),
        yuan(r.approvedAmountFen),
        shanghaiTime(r.submittedAt),
        r.invitation ? '是' : '',
      ]);
      after = rows.at(-1)?.number ?? null;
      if (rows.length < EXPORT_PAGE_SIZE) return;
    }
  },
};

const auditLog: KindDef<typeof auditFilterSchema> = {
  label: '审计日志',
  filters: auditFilterSchema,
  mayRequest: mayReadAudit,
  check: (caller) => void areaScope(caller),
  columns: [
    { header: '时间', width: 20 },
    { header: '操作人', width: 24 },
    { header: '角色', width: 12 },
    { header: '操作', width: 24 },
    { header: '对象类型', width: 14 },
    { header: '对象', width: 30 },
    { header: '县区/园区', width: 16 },
    { header: '详情', width: 60 },
    { header: '网络地址', width: 16 },
  ],
  async *pages(db, caller, filters, now) {
    const where = await auditWhere(db.prisma, caller, filters);
    // Newest first, as the page lists it: keyed on the row id, which grows with time.
    const page = (before: bigint | null) =>
      db.prisma.auditLog.findMany({
        where: before === null ? where : { AND: [where, { id: { lt: before } }] },
        orderBy: { id: 'desc' },
        take: EXPORT_PAGE_SIZE,
      });
    let before: bigint | null = null;
    for (;;) {
      const rows = await page(before);
      if (rows.length === 0) return;
      const dtos = await auditRowDtos(db.rows, rows, now);
      yield dtos.map((r) => [
        shanghaiTime(r.at),
        text(r.actorName ?? '系统'),
        r.actorRoleName ?? '',
        r.actionLabel,
        r.objectTypeLabel,
        text(r.objectLabel),
        r.areaName ?? '',
        text(JSON.stringify(r.details ?? {})),
        r.ip ?? '',
      ]);
      before = rows.at(-1)?.id ?? null;
      if (rows.length < EXPORT_PAGE_SIZE) return;
    }
  },
};

/** 资金台账: finance's own list (and the bureau admin's, as the page is), in booking order. */
const ledger: KindDef<typeof ledgerFilterSchema> = {
  label: '资金台账',
  filters: ledgerFilterSchema,
  mayRequest: (caller) => caller.role === 'finance-officer' || caller.role === 'bureau-admin',
  check: () => undefined,
  columns: [
    { header: '记账时间', width: 20 },
    { header: '类型', width: 10 },
    { header: '申请编号', width: 20, text: true },
    { header: '申请人', width: 30 },
    { header: '奖补事项', width: 34 },
    { header: '年度', width: 8 },
    { header: '金额（元）', width: 16, numFmt: AMOUNT },
    { header: '拨付批次', width: 18, text: true },
    { header: '备注', width: 30 },
  ],
  async *pages(db, _caller, filters) {
    const where = ledgerWhere(filters);
    const page = (after: bigint | null) =>
      db.prisma.ledgerEntry.findMany({
        where: after === null ? where : { AND: [where, { id: { gt: after } }] },
        include: {
          application: {
            select: {
              number: true,
              policySetId: true,
              organisation: { select: { name: true } },
              researcher: { select: { name: true } },
            },
          },
          disbursement: { select: { batch: { select: { number: true } } } },
        },
        orderBy: { id: 'asc' },
        take: EXPORT_PAGE_SIZE,
      });
    let after: bigint | null = null;
    for (;;) {
      const rows = await page(after);
      if (rows.length === 0) return;
      yield rows.map((e) => [
        shanghaiTime(e.at),
        ledgerKindName(e.kind),
        e.application.number,
        text(e.application.organisation?.name ?? e.application.researcher?.name),
        ruleInfo(e.application.policySetId, e.ruleId).ruleName,
        e.year,
        yuan(e.amountFen),
        e.disbursement?.batch.number ?? '',
        text(e.note),
      ]);
      after = rows.at(-1)?.id ?? null;
      if (rows.length < EXPORT_PAGE_SIZE) return;
    }
  },
};

export const EXPORT_KINDS = {
  'review.queue': reviewQueue,
  'audit.log': auditLog,
  ledger,
} as const;
export type ExportKind = keyof typeof EXPORT_KINDS;

export function isExportKind(kind: string): kind is ExportKind {
  return Object.hasOwn(EXPORT_KINDS, kind);
}

export function exportKindLabel(kind: string): string {
  return isExportKind(kind) ? EXPORT_KINDS[kind].label : '其他导出';
}

/** How each filter reads in Chinese (the audit row of a request and 我的导出 show it). */
const FILTER_TEXT: Record<string, (value: string | number) => string> = {
  status: (v) => `状态：${applicationStatusName(String(v))}`,
  queue: (v) => `待办：${applicationQueueName(String(v))}`,
  ruleId: (v) => `奖补事项：${programmeName(String(v))}`,
  areaCode: (v) => `县区/园区：${areaName(String(v))}`,
  year: (v) => `年度：${v}`,
  fieldCode: (v) => `产业领域：${fieldName(String(v))}`,
  q: (v) => `关键词：${v}`,
  actor: (v) => `操作人：${v}`,
  action: (v) => `操作：${auditActionName(String(v)) ?? v}`,
  objectType: (v) => `对象类型：${auditObjectTypeName(String(v)) ?? v}`,
  objectId: () => '指定对象',
  from: (v) => `起始日期：${v}`,
  to: (v) => `截止日期：${v}`,
};

/** 状态：待审核；关键词：氢能 — or 全部 when nothing narrows the list. */
export function describeFilters(request: ExportRequest): string {
  const parts = Object.entries(request.filters as Record<string, string | number | undefined>)
    .filter(
      (entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '',
    )
    .map(([key, value]) => FILTER_TEXT[key]?.(value) ?? '其他条件');
  return parts.length > 0 ? parts.join('；') : '全部';
}

/** exports.request's input: the kind and that list's own filters. */
export const exportRequestSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('review.queue'), filters: reviewQueueFilterSchema.default({}) }),
    z.object({ kind: z.literal('audit.log'), filters: auditFilterSchema.default({}) }),
    z.object({ kind: z.literal('ledger'), filters: ledgerFilterSchema.default({}) }),
  ],
  { error: '未知的导出类别' },
);
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const EXPORT_STATUS_LABELS = {
  queued: '排队中',
  running: '生成中',
  done: '已完成',
  failed: '失败',
} as const;
export type ExportStatus = keyof typeof EXPORT_STATUS_LABELS;
