/**
 * The one sheet code of every .xlsx the server builds (STYLE.md: exports are built on the server
 * with exceljs, one path for all of them): a sheet is a name, columns (header, width, number
 * format) and rows; the header is bold and frozen. Small workbooks are built in memory
 * (`addSheet`); officers' large lists are streamed row by row (`streamSheet`), so the rows are
 * never all held at once.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Cell = string | number | null;

export interface SheetColumn {
  header: string;
  width: number;
  /** Applied to number cells of the column (amounts, ratios). */
  numFmt?: string;
  /** A text cell whatever it holds: codes and numbers keep leading zeros and all digits. */
  text?: boolean;
}

export interface SheetSpec {
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly Cell[][];
}

export function newWorkbook(createdAt: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '宿州科创';
  wb.created = createdAt;
  return wb;
}

function formatCells(row: ExcelJS.Row, columns: readonly SheetColumn[], values: readonly Cell[]) {
  columns.forEach((c, i) => {
    if (c.numFmt && typeof values[i] === 'number') row.getCell(i + 1).numFmt = c.numFmt;
    if (c.text) row.getCell(i + 1).numFmt = '@';
  });
}

export function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ width: c.width }));
  ws.addRow(spec.columns.map((c) => c.header)).font = { bold: true };
  for (const values of spec.rows) formatCells(ws.addRow(values), spec.columns, values);
  return ws;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * One sheet written as its rows arrive (pages from a keyset scan): each row is committed to the
 * zip stream at once. What stays in memory is the compressed file, not the rows.
 */
export async function streamSheet(options: {
  createdAt: Date;
  name: string;
  columns: readonly SheetColumn[];
  pages: AsyncIterable<readonly Cell[][]>;
}): Promise<{ bytes: Buffer; rowCount: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  wb.creator = '宿州科创';
  wb.created = options.createdAt;
  const ws = wb.addWorksheet(options.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = options.columns.map((c) => ({ width: c.width }));
  const header = ws.addRow(options.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  let rowCount = 0;
  for await (const page of options.pages) {
    for (const values of page) {
      const row = ws.addRow(values);
      formatCells(row, options.columns, values);
      row.commit();
      rowCount += 1;
    }
  }
  ws.commit();
  await wb.commit();
  await ended;
  return { bytes: Buffer.concat(chunks), rowCount };
}
