import { isAreaCode } from '@kc/domain';
import type { OfficerCaller } from '../caller';
import { prismaFileRecords } from '../files/prisma-records';
import type { JobDeps } from '../jobs/deps';
import type { JobMeta } from '../jobs/runtime';
import { keyedId } from '../jobs/reminders';
import { roleFromDb } from '../mappers';
import { XLSX_MIME, streamSheet } from '../xlsx';
import { EXPORT_KINDS, exportKindLabel, isExportKind } from './kinds';
import { EXPORT_KEEP_DAYS } from './service';

/** A failure whose message is for the officer (Chinese); anything else is told generically. */
export class ExportFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFailure';
  }
}

const GENERIC_FAILURE = '生成导出文件时出错，系统将自动重试';
const FINAL_FAILURE = '生成导出文件失败，请稍后重新申请导出';

/** The requester as a caller, as they are now: a role or area changed since is what counts. */
async function requester(deps: JobDeps, userId: string): Promise<OfficerCaller> {
  const user = await deps.db.prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.disabled || user.kind !== 'OFFICER' || !user.role || !user.username)
    throw new ExportFailure('申请导出的账号已停用，不再生成文件');
  return {
    kind: 'officer',
    userId: user.id,
    sessionId: 'export-job',
    username: user.username,
    displayName: user.displayName,
    role: roleFromDb(user.role),
    areaCode: user.areaCode && isAreaCode(user.areaCode) ? user.areaCode : null,
  };
}

/**
 * The `data-export` job: builds the file of one export, stores it (owned by the requester) and
 * tells the requester. A retry of an export already done does nothing; a failed attempt records
 * its Chinese error and is thrown again, so pg-boss retries it with back-off (queues.ts).
 */
export async function runExport(
  deps: JobDeps,
  data: Record<string, unknown>,
  meta: Pick<JobMeta, 'retryCount' | 'retryLimit'>,
): Promise<{ exportId: string; status: string; rowCount?: number }> {
  const exportId = String(data.exportId ?? '');
  const prisma = deps.db.prisma;
  const row = await prisma.dataExport.findUnique({ where: { id: exportId } });
  if (!row) return { exportId, status: 'missing' };
  if (row.status === 'done') return { exportId, status: 'done' };
  await prisma.dataExport.update({ where: { id: row.id }, data: { status: 'running' } });

  try {
    if (!deps.files) throw new Error('no file store for exports');
    if (!isExportKind(row.kind)) throw new ExportFailure('未知的导出类别');
    const kind = EXPORT_KINDS[row.kind];
    const caller = await requester(deps, row.requestedById);
    if (!kind.mayRequest(caller)) throw new ExportFailure(`您已无权导出${kind.label}`);
    const params = (row.params ?? {}) as { filters?: unknown };
    const filters = kind.filters.parse(params.filters ?? {});
    const now = deps.now();
    const { bytes, rowCount } = await streamSheet({
      createdAt: now,
      name: kind.label,
      columns: kind.columns,
      pages: kind.pages(deps.db, caller, filters as never, now),
    });
    const stored = await deps.files.put(bytes);
    const stamp = now.toISOString().slice(0, 10);
    const file = await prismaFileRecords(prisma, deps.now).create({
      sha256: stored.sha256,
      sizeBytes: stored.size,
      mimeType: XLSX_MIME,
      originalName: `${kind.label}-${stamp}.xlsx`,
      ownerUserId: caller.userId,
    });
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.dataExport.updateMany({
        where: { id: row.id, status: { not: 'done' } },
        data: {
          status: 'done',
          rowCount,
          fileId: file.id,
          error: null,
          finishedAt: now,
          expiresAt: new Date(now.getTime() + EXPORT_KEEP_DAYS * 24 * 3600_000),
        },
      });
      if (count === 0) return; // another attempt finished it first
      await tx.notification.createMany({
        data: [
          {
            id: keyedId(`data-export:${row.id}`),
            userId: caller.userId,
            kind: 'export.done',
            title: '导出已完成',
            body: `导出已完成：${kind.label}，共 ${rowCount} 行，请于${EXPORT_KEEP_DAYS}天内下载`,
            linkPage: 'data-export',
            linkId: row.id,
            createdAt: now,
            // Officers sign in with a password, not WeChat: nothing to push.
            pushStatus: 'skipped',
          },
        ],
        skipDuplicates: true,
      });
    });
    return { exportId, status: 'done', rowCount };
  } catch (error) {
    const last = meta.retryCount >= meta.retryLimit;
    const message =
      error instanceof ExportFailure ? error.message : last ? FINAL_FAILURE : GENERIC_FAILURE;
    deps.log.warn({ err: error, exportId }, 'export failed');
    await prisma.dataExport.updateMany({
      where: { id: row.id, status: { not: 'done' } },
      data: { status: 'failed', error: message, finishedAt: deps.now() },
    });
    if (last) {
      await prisma.notification.createMany({
        data: [
          {
            id: keyedId(`data-export-failed:${row.id}`),
            userId: row.requestedById,
            kind: 'export.failed',
            title: '导出失败',
            body: `导出失败：${exportKindLabel(row.kind)}，${message}`,
            linkPage: 'data-export',
            linkId: row.id,
            createdAt: deps.now(),
            pushStatus: 'skipped',
          },
        ],
        skipDuplicates: true,
      });
    }
    throw error;
  }
}
