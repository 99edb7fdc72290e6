import ExcelJS from 'exceljs';
import type { OfficialListKind } from '@kc/domain';
import { mapListHeader } from '@kc/domain';
import { appError } from '../../errors';
import { CSV_FILE_TYPE, decodeCsvText } from '../../files/sniff';
import { CsvSyntaxError, parseCsv } from './csv';

/** More rows than any one recognition list has; larger files are split by the bureau. */
export const MAX_LIST_ROWS = 10_000;
/** Real lists open with a title or a note above the header: it is looked for this far down. */
const HEADER_SEARCH_ROWS = 10;

export interface ListTable {
  /** Which column holds each field (`mapListHeader`). */
  columns: Record<string, number>;
  /** Data rows below the header, blank ones left out; `rowNumber` as Excel or an editor shows it. */
  rows: { rowNumber: number; cells: string[] }[];
  /** The list's own title, when a line above the header holds just that (e.g. 2026年…名单). */
  title: string | null;
}

type Line = { rowNumber: number; cells: string[] };

function unreadable(message: string) {
  return appError('LIST_FILE_UNREADABLE', { message });
}

/** The sheet's lines as text (.xlsx via exceljs, .csv by our own RFC 4180 reader). */
async function linesOf(bytes: Uint8Array, mimeType: string): Promise<Line[]> {
  if (mimeType === CSV_FILE_TYPE.mimeType) {
    const decoded = decodeCsvText(bytes);
    if (!decoded)
      throw unreadable('CSV 文件须为 UTF-8 或 GBK 编码，请在 Excel 中另存为 CSV 后重试');
    try {
      return parseCsv(decoded.text).map((r) => ({ rowNumber: r.line, cells: r.fields }));
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw unreadable(`名单文件格式有误：${error.message}`);
      throw error;
    }
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw unreadable('Excel 文件已损坏或无法读取，请在 Excel 中重新保存为 .xlsx 后重试');
  }
  // The first sheet that holds anything (a workbook may open with an empty or hidden sheet).
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible' && ws.actualRowCount > 0);
  if (!sheet) return [];
  const lines: Line[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    lines.push({ rowNumber: row.number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return lines;
}

/**
 * A cell as the text a person reads in it. Dates become YYYY-MM-DD (exceljs gives the sheet's
 * date as a UTC midnight); whole numbers are written out in full, never as 9.14E+17.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 })
      : String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ('text' in value) {
    const text = (value as { text: unknown }).text;
    return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue);
  }
  return '';
}

const blank = (line: Line) => line.cells.every((c) => c.trim() === '');

/**
 * Reads an uploaded list: finds the header row (the first of the top rows naming every required
 * column), then the data rows under it. A file without such a row is refused as a whole,
 * naming the missing columns of the row that came closest.
 */
export async function readListFile(
  kind: OfficialListKind,
  bytes: Uint8Array,
  mimeType: string,
): Promise<ListTable> {
  const lines = (await linesOf(bytes, mimeType)).filter((l) => !blank(l));
  if (lines.length === 0) throw unreadable('名单文件中没有数据');

  let best: { index: number; columns: Record<string, number>; missing: string[] } | null = null;
  for (const [index, line] of lines.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const mapped = mapListHeader(kind, line.cells);
    if (!best || mapped.missing.length < best.missing.length) best = { index, ...mapped };
    if (mapped.missing.length === 0) break;
  }
  if (!best || best.missing.length > 0) {
    const missing = best?.missing ?? [];
    throw appError('LIST_HEADER_MISSING', {
      message: `名单缺少必需的列：${missing.join('、')}（请核对所选名单类型，或使用样表的表头）`,
      fieldErrors: { fileId: missing.map((m) => `缺少“${m}”列`) },
    });
  }
  const rows = lines.slice(best.index + 1);
  if (rows.length === 0) throw unreadable('名单只有表头，没有数据行');
  if (rows.length > MAX_LIST_ROWS) {
    throw unreadable(`名单有 ${rows.length} 行，一次最多导入 ${MAX_LIST_ROWS} 行，请分批导入`);
  }
  // A title row holds one text (a merged cell reads as that text in every cell it spans).
  const titles = lines
    .slice(0, best.index)
    .map((l) => [...new Set(l.cells.map((c) => c.trim()).filter((c) => c !== ''))])
    .filter((texts) => texts.length === 1);
  const title = titles[0]?.[0]?.slice(0, 100) ?? null;
  return { columns: best.columns, rows, title };
}
