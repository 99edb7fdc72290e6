import type { Db } from '@kc/db';
import { writeAudit } from '../audit';
import type { OfficerCaller } from '../caller';
import type { Context } from '../context';
import { appError } from '../errors';
import type { CanOfficerSeeFile } from '../files/service';
import type { ExportRequest, ExportStatus } from './kinds';
import { describeFilters, EXPORT_KINDS, EXPORT_STATUS_LABELS, exportKindLabel } from './kinds';
import type { JobQueue } from '../jobs/runtime';

type OfficerCtx = Context & { caller: OfficerCaller };

/** Unfinished exports an officer may have at once: each one reads a whole list. */
export const MAX_OPEN_EXPORTS = 3;

/** A finished file is offered this long, then the retention job removes it. */
export const EXPORT_KEEP_DAYS = 7;

/** The export job's id is the export's: a second send of the same export is dropped. */
export const EXPORT_QUEUE = 'data-export';

/** One build job per export; its id is the export's, so a second send is dropped. */
export async function enqueueExport(queue: JobQueue, exportId: string): Promise<void> {
  await queue.send(EXPORT_QUEUE, { exportId }, { id: exportId, singletonKey: exportId });
}

const notExpired = (now: Date) => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

/**
 * Queues a background export of a list the officer may open, with the filters on their screen.
 * The filters are checked now (another area's filter is refused here, not in an hour) and again
 * when the file is built, under the officer's scope at that time.
 */
export async function requestExport(ctx: OfficerCtx, input: ExportRequest) {
  const kind = EXPORT_KINDS[input.kind];
  if (!kind.mayRequest(ctx.caller))
    throw appError('FORBIDDEN', { message: `您无权导出${kind.label}` });
  // The list's own scope check (another area in the filter…), before anything is queued.
  kind.check(ctx.caller, input.filters as never);

  const prisma = ctx.db.prisma;
  const open = await prisma.dataExport.count({
    where: { requestedById: ctx.caller.userId, status: { in: ['queued', 'running'] } },
  });
  if (open >= MAX_OPEN_EXPORTS)
    throw appError('RATE_LIMITED', {
      message: `您已有${open}个导出正在生成，请等其完成后再申请`,
    });
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.dataExport.create({
      data: {
        requestedById: ctx.caller.userId,
        kind: input.kind,
        params: { filters: input.filters, areaCode: ctx.caller.areaCode },
        status: 'queued',
        createdAt: ctx.now(),
      },
    });
    await writeAudit(tx, ctx, {
      action: 'export.request',
      objectType: 'data_export',
      objectId: created.id,
      areaCode: ctx.caller.areaCode,
      // `title` names the record in the audit list (audit-objects.ts reads it).
      details: {
        title: `${kind.label}导出`,
        kindName: kind.label,
        filterSummary: describeFilters(input),
        filters: input.filters,
      },
    });
    return created;
  });
  // After the commit, so the job finds the row. A lost send leaves it 排队中 until the outbox
  // scan (jobs/dispatch.ts, every 5 minutes) sends it again: the row is the outbox.
  if (ctx.jobs) {
    await enqueueExport(ctx.jobs, row.id).catch((error: unknown) =>
      ctx.log.error({ err: error }, 'export job not queued'),
    );
  } else ctx.log.warn({ exportId: row.id }, 'no job queue: the export waits for a worker');
  return exportDto(row, ctx.now());
}

type ExportRow = {
  id: string;
  kind: string;
  status: string;
  rowCount: number | null;
  fileId: string | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
};

export function exportDto(row: ExportRow, now: Date) {
  const status = (row.status in EXPORT_STATUS_LABELS ? row.status : 'queued') as ExportStatus;
  const downloadable =
    status === 'done' && row.fileId !== null && (!row.expiresAt || row.expiresAt > now);
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: exportKindLabel(row.kind),
    status,
    statusLabel: EXPORT_STATUS_LABELS[status],
    rowCount: row.rowCount,
    error: status === 'failed' ? row.error : null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    expiresAt: row.expiresAt,
    fileId: downloadable ? row.fileId : null,
  };
}

/** The officer's own exports, newest first; expired ones are no longer offered. */
export async function myExports(ctx: OfficerCtx) {
  const now = ctx.now();
  const rows = await ctx.db.prisma.dataExport.findMany({
    where: { requestedById: ctx.caller.userId, ...notExpired(now) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 50,
  });
  return rows.map((r) => exportDto(r, now));
}

/**
 * GET /files/:id for an export's file: its requester only, while it is offered. Anyone else is
 * told what the file service tells every stranger (NOT_FOUND), and the download is audited.
 */
export function exportFileAccess(db: Db, now: () => Date): CanOfficerSeeFile {
  return async (officer, file) => {
    if (file.ownerUserId !== officer.userId) return false;
    const row = await db.prisma.dataExport.findFirst({
      where: {
        fileId: file.id,
        requestedById: officer.userId,
        status: 'done',
        ...notExpired(now()),
      },
      select: { id: true, kind: true },
    });
    return row ? { details: { exportId: row.id, kind: exportKindLabel(row.kind) } } : false;
  };
}
