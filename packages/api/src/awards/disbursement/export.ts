/**
 * 拨付清单 (.xlsx) of one disbursement batch, for the finance office and the bank.
 *
 * Amounts. The database holds integer fen; the sheet holds yuan as numbers (so the finance
 * office can sum and filter) shown with two decimals. `fenToYuanNumber` divides the fen integer
 * by 100 once: for 0 ≤ fen < 2^53 `Number(fen)` is exact, and IEEE-754 division is correctly
 * rounded, so the result is the double nearest to the exact amount — the very value Excel stores
 * when a person types "123.45". Excel shows 15 significant digits, so with 2 decimals every
 * amount below 10^13 yuan (10^15 fen) displays to the exact fen; larger amounts are refused
 * rather than shown rounded (no budget comes near). No arithmetic is done on these floats: the
 * total row is the bigint sum of the fen amounts, converted the same way (not a SUM formula).
 * Account numbers and credit codes are text cells, so leading zeros and all 19+ digits survive.
 */
import type ExcelJS from 'exceljs';
import { formatYuan, todayInShanghai } from '@kc/domain';
import { writeAudit } from '../../audit';
import { XLSX_MIME, newWorkbook, workbookBytes } from '../../xlsx';
import { batchDto } from './batch-dto';
import type { BatchDto } from './batch-dto';
import type { OfficerCtx } from './common';

export { XLSX_MIME } from '../../xlsx';

/**
 * The batch's 拨付清单 as an .xlsx file, base64 in the tRPC answer (the admin turns it into a
 * Blob download). It carries bank account numbers: every export is audited.
 */
export async function exportBatchXlsx(ctx: OfficerCtx, batchId: string) {
  // The bank needs the full numbers; the router lets finance officers only export.
  const batch = await batchDto(ctx.db.prisma, batchId, 'full');
  const file = await buildDisbursementWorkbook(batch, {
    exportedAt: ctx.now(),
    exportedBy: ctx.caller.displayName,
  });
  await writeAudit(ctx.db.prisma, ctx, {
    action: 'disbursement.export',
    objectType: 'disbursement_batch',
    objectId: batch.id,
    details: {
      number: batch.number,
      status: batch.status,
      items: batch.itemCount,
      total: formatYuan(batch.totalFen),
    },
  });
  return {
    filename: `拨付清单-${batch.number}.xlsx`,
    mimeType: XLSX_MIME,
    sizeBytes: file.length,
    base64: file.toString('base64'),
  };
}

/** The largest amount the sheet can show exactly (see the module comment), exclusive. */
export const MAX_EXPORT_FEN = 10n ** 15n;

export function fenToYuanNumber(fen: bigint): number {
  if (fen < 0n || fen >= MAX_EXPORT_FEN) {
    throw new RangeError(`Amount out of range for the export: ${fen} fen`);
  }
  return Number(fen) / 100;
}

export const EXPORT_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '申请编号', width: 18 },
  { header: '单位名称', width: 30 },
  { header: '统一社会信用代码', width: 22 },
  { header: '开户名称', width: 30 },
  { header: '开户银行', width: 30 },
  { header: '银行账号', width: 26 },
  { header: '奖补事项', width: 34 },
  { header: '政策条款', width: 10 },
  { header: '金额（元）', width: 18 },
] as const;

const AMOUNT_FORMAT = '#,##0.00';
const TITLE = '宿州市科学技术局 科技创新奖补资金拨付清单';

/** Row numbers of the sheet's parts (1-based), for readers and tests. */
export const EXPORT_LAYOUT = {
  titleRow: 1,
  batchRow: 2,
  datesRow: 3,
  headerRow: 4,
  firstItemRow: 5,
};

export async function buildDisbursementWorkbook(
  batch: BatchDto,
  options: { exportedAt: Date; exportedBy: string },
): Promise<Buffer> {
  const wb = newWorkbook(options.exportedAt);
  const ws = wb.addWorksheet('拨付清单', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: EXPORT_LAYOUT.headerRow }],
  });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ width: c.width }));
  const lastCol = EXPORT_COLUMNS.length;
  const day = (d: Date | null) => (d ? todayInShanghai(d) : '—');
  const gap = '\u3000\u3000'; // two full-width spaces between the header's parts

  const header = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, 1, row, lastCol);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: row === EXPORT_LAYOUT.titleRow ? 'center' : 'left' };
  };
  header(EXPORT_LAYOUT.titleRow, TITLE, { bold: true, size: 16 });
  header(
    EXPORT_LAYOUT.batchRow,
    `批次编号：${batch.number}${gap}批次名称：${batch.title ?? '—'}${gap}状态：${batch.statusLabel}`,
    { size: 11 },
  );
  header(
    EXPORT_LAYOUT.datesRow,
    `制单日期：${day(batch.createdAt)}（${batch.createdBy?.displayName ?? ''}）${gap}` +
      `确认日期：${day(batch.confirmedAt)}${batch.confirmedBy ? `（${batch.confirmedBy.displayName}）` : ''}${gap}` +
      `拨付日期：${day(batch.paidAt)}${gap}导出日期：${day(options.exportedAt)}（${options.exportedBy}）`,
    { size: 11 },
  );

  const headerRow = ws.getRow(EXPORT_LAYOUT.headerRow);
  headerRow.values = EXPORT_COLUMNS.map((c) => c.header);
  headerRow.font = { bold: true };
  headerRow.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };

  batch.items.forEach((item, i) => {
    const row = ws.getRow(EXPORT_LAYOUT.firstItemRow + i);
    row.values = [
      i + 1,
      item.applicationNumber,
      item.organisationName,
      item.creditCode ?? '',
      item.payeeName ?? '',
      item.payeeBankName ?? '',
      item.payeeAccountNo ?? '',
      item.ruleName,
      item.clause,
      fenToYuanNumber(item.amountFen),
    ];
    for (const col of [2, 4, 7]) ws.getCell(row.number, col).numFmt = '@';
    ws.getCell(row.number, lastCol).numFmt = AMOUNT_FORMAT;
  });

  const totalFen = batch.items.reduce((sum, item) => sum + item.amountFen, 0n);
  const totalRowNo = EXPORT_LAYOUT.firstItemRow + batch.items.length;
  ws.mergeCells(totalRowNo, 1, totalRowNo, lastCol - 1);
  ws.getCell(totalRowNo, 1).value = `合计（共 ${batch.items.length} 笔）`;
  ws.getCell(totalRowNo, 1).alignment = { horizontal: 'center' };
  const totalCell = ws.getCell(totalRowNo, lastCol);
  totalCell.value = fenToYuanNumber(totalFen);
  totalCell.numFmt = AMOUNT_FORMAT;
  ws.getRow(totalRowNo).font = { bold: true };

  for (let r = EXPORT_LAYOUT.headerRow; r <= totalRowNo; r++) {
    for (let c = 1; c <= lastCol; c++) ws.getCell(r, c).border = border;
  }

  return workbookBytes(wb);
}
