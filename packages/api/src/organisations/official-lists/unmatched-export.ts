/**
 * 未匹配单位清单 (.xlsx): the committed list entries no organisation on the platform holds yet,
 * for officers to contact the firms and invite them to register. Built on the server with
 * exceljs like every export (see awards/disbursement/export.ts), sent base64 in the answer.
 */
import ExcelJS from 'exceljs';
import type { Prisma } from '@kc/db';
import type { OfficialListKind } from '@kc/domain';
import { officialListKindName, platformLevelName, todayInShanghai } from '@kc/domain';
import { writeAudit } from '../../audit';
import { XLSX_MIME } from '../../awards/disbursement/export';
import { dateOf } from '../../dates';
import type { OfficerCtx } from './common';

export const UNMATCHED_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '名单类型', width: 24 },
  { header: '名单名称', width: 36 },
  { header: '单位名称', width: 34 },
  { header: '统一社会信用代码', width: 22 },
  { header: '证书编号或文号', width: 26 },
  { header: '认定日期', width: 12 },
  { header: '认定级别', width: 10 },
  { header: '平台或孵化器名称', width: 34 },
] as const;

export async function exportUnmatchedXlsx(
  ctx: OfficerCtx,
  input: { kind?: OfficialListKind | undefined; importId?: string | undefined },
) {
  const where: Prisma.OfficialListEntryWhereInput = {
    organisationId: null,
    ...(input.kind ? { listKind: input.kind } : {}),
    ...(input.importId ? { importId: input.importId } : {}),
  };
  const entries = await ctx.db.prisma.officialListEntry.findMany({
    where,
    include: { import: { select: { title: true } } },
    orderBy: [{ listKind: 'asc' }, { recognisedOn: 'asc' }, { entryKey: 'asc' }],
  });

  const wb = new ExcelJS.Workbook();
  wb.creator = '宿州科创';
  wb.created = ctx.now();
  const ws = wb.addWorksheet('未匹配单位', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = UNMATCHED_COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, UNMATCHED_COLUMNS.length);
  ws.getCell(1, 1).value =
    `官方认定名单中尚未在平台注册或认证的单位（共 ${entries.length} 家次）` +
    `\u3000导出日期：${todayInShanghai(ctx.now())}（${ctx.caller.displayName}）`;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  const header = ws.getRow(2);
  header.values = UNMATCHED_COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  entries.forEach((e, i) => {
    const detail = (e.detail ?? {}) as { platformName?: string };
    const row = ws.getRow(3 + i);
    row.values = [
      i + 1,
      officialListKindName(e.listKind),
      e.import.title,
      e.name,
      e.creditCode,
      e.documentNo,
      dateOf(e.recognisedOn),
      e.level ? platformLevelName(e.level) : '',
      detail.platformName ?? '',
    ];
    // Codes and numbers stay text: leading zeros and all 18 characters survive.
    for (const col of [5, 6, 7]) ws.getCell(row.number, col).numFmt = '@';
  });
  const file = Buffer.from(await wb.xlsx.writeBuffer());

  await writeAudit(ctx.db.prisma, ctx, {
    action: 'official-list.export-unmatched',
    objectType: 'official_list_entry',
    details: {
      kind: input.kind ?? null,
      importId: input.importId ?? null,
      entries: entries.length,
    },
  });
  const scope = input.kind ? officialListKindName(input.kind) : '官方认定名单';
  return {
    filename: `未匹配单位-${scope}-${todayInShanghai(ctx.now())}.xlsx`,
    mimeType: XLSX_MIME,
    sizeBytes: file.length,
    count: entries.length,
    base64: file.toString('base64'),
  };
}
