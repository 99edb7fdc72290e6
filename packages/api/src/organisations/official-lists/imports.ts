import type { OfficialListImport, Prisma, StoredFile, TransactionClient } from '@kc/db';
import type { ListRowOutcome, OfficialListKind } from '@kc/domain';
import { listImportStatusName, listRowOutcomeName, officialListKindName } from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { pageOf, pageWindow } from '../../paging';
import type { OfficerCtx, OutcomeCounts } from './common';
import { emptyCounts, lockImport, titledCells } from './common';

type Reader = Pick<TransactionClient, 'officialListImport' | 'officialListRow' | 'user'>;
type ImportRow = OfficialListImport & { file: StoredFile };

/** An import as the history and the preview show it: file, who, when, counts. */
export async function importDtos(db: Pick<TransactionClient, 'user'>, rows: ImportRow[]) {
  const people = await db.user.findMany({
    where: {
      id: { in: [...new Set(rows.flatMap((r) => [r.importedBy, r.committedBy ?? r.importedBy]))] },
    },
    select: { id: true, displayName: true },
  });
  const nameOf = (id: string | null) =>
    id ? (people.find((p) => p.id === id)?.displayName ?? '') : null;
  return rows.map((r) => ({
    id: r.id,
    kind: r.listKind as OfficialListKind,
    kindName: officialListKindName(r.listKind),
    title: r.title,
    status: r.status,
    statusLabel: listImportStatusName(r.status),
    rowCount: r.rowCount,
    counts: { ...emptyCounts(), ...(r.counts as Partial<OutcomeCounts>) },
    file: {
      id: r.file.id,
      originalName: r.file.originalName,
      sizeBytes: r.file.sizeBytes,
      mimeType: r.file.mimeType,
    },
    importedBy: nameOf(r.importedBy),
    createdAt: r.createdAt,
    committedBy: nameOf(r.committedBy),
    committedAt: r.committedAt,
  }));
}

export type ImportDto = Awaited<ReturnType<typeof importDtos>>[number];

/** The import with one page of its rows (all, or of one outcome). */
export async function importDetail(
  db: Reader,
  input: { importId: string; outcome?: ListRowOutcome | undefined; page: number; pageSize: number },
) {
  const row = await db.officialListImport.findUnique({
    where: { id: input.importId },
    include: { file: true },
  });
  if (!row) throw appError('NOT_FOUND');
  const [dto] = await importDtos(db, [row]);
  if (!dto) throw appError('NOT_FOUND');
  const where: Prisma.OfficialListRowWhereInput = {
    importId: row.id,
    ...(input.outcome ? { outcome: input.outcome } : {}),
  };
  const [items, total] = await Promise.all([
    db.officialListRow.findMany({
      where,
      orderBy: { rowNumber: 'asc' },
      ...pageWindow(input),
    }),
    db.officialListRow.count({ where }),
  ]);
  return {
    ...dto,
    rows: pageOf(
      items.map((r) => ({
        rowNumber: r.rowNumber,
        outcome: r.outcome as ListRowOutcome,
        outcomeLabel: listRowOutcomeName(r.outcome),
        reason: r.reason,
        creditCode: r.creditCode,
        name: r.name,
        organisationId: r.organisationId,
        cells: titledCells(row.listKind, r.raw),
      })),
      total,
      input,
    ),
  };
}

/** 导入记录: newest first, of one kind or all. */
export async function listImports(
  ctx: OfficerCtx,
  input: { kind?: OfficialListKind | undefined; page: number; pageSize: number },
) {
  const prisma = ctx.db.prisma;
  const where: Prisma.OfficialListImportWhereInput = input.kind ? { listKind: input.kind } : {};
  const [rows, total] = await Promise.all([
    prisma.officialListImport.findMany({
      where,
      include: { file: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(input),
    }),
    prisma.officialListImport.count({ where }),
  ]);
  return pageOf(await importDtos(prisma, rows), total, input);
}

/** 放弃导入: a preview that will not be committed; kept in the history as discarded. */
export async function discardImport(ctx: OfficerCtx, importId: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const found = await lockImport(tx, importId);
    await tx.officialListImport.update({
      where: { id: found.id },
      data: { status: 'discarded', updatedAt: ctx.now() },
    });
    await writeAudit(tx, ctx, {
      action: 'official-list.discard',
      objectType: 'official_list_import',
      objectId: found.id,
      details: { kind: found.listKind, title: found.title, fileId: found.fileId },
    });
    return importDetail(tx, { importId, page: 1, pageSize: 20 });
  });
}
