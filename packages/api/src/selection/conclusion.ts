import type { SelectionCall, TransactionClient } from '@kc/db';
import type { ResultDocument, SelectionProgramme } from '@kc/domain';
import { resultListKind, resultListSheet, resultListTitle, todayInShanghai } from '@kc/domain';
import { decodeJson } from '../awards/codec';
import { appError } from '../errors';
import { prismaFileRecords } from '../files/prisma-records';
import { commitLockedImport } from '../organisations/official-lists/commit';
import { lockImport } from '../organisations/official-lists/common';
import { classifyRows, storePreview } from '../organisations/official-lists/preview';
import { readListFile } from '../organisations/official-lists/read-list';
import type { OfficerCtx } from '../vice-president/common';
import { XLSX_MIME, newWorkbook, workbookBytes } from '../xlsx';

/**
 * 确定结果 of a scenario-case or talent-team call: the result list is written as the official
 * list it is (its title, the list's own header, one row per selected submission), kept in the
 * file store as the document's list, and imported through the same path as a list the bureau
 * uploads — preview, then commit — so each selected case or team becomes a verified qualification
 * of its organisation and a 免申即享 invitation to the award (organisations/official-lists).
 * Projects (key-project, disruptive-tech) are not award facts: they have no list here.
 */

async function resultListBytes(
  title: string,
  sheet: { header: string[]; rows: string[][] },
  at: Date,
): Promise<Buffer> {
  const wb = newWorkbook(at);
  const ws = wb.addWorksheet('名单', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = sheet.header.map((h) => ({ width: Math.max(14, h.length * 2 + 4) }));
  // A title line above the header, as the bureau's lists have; the import reads it as the title.
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, sheet.header.length);
  ws.addRow(sheet.header).font = { bold: true };
  for (const row of sheet.rows) {
    const added = ws.addRow(row);
    // Codes and numbers are text: a credit code keeps every character.
    added.eachCell((cell) => (cell.numFmt = '@'));
  }
  return workbookBytes(wb);
}

export interface ConcludedList {
  listId: string;
  title: string;
  entries: number;
  invitations: number;
}

export async function importResultList(
  tx: TransactionClient,
  ctx: OfficerCtx,
  call: SelectionCall,
  document: ResultDocument,
): Promise<ConcludedList | null> {
  const kind = resultListKind(call.programme as SelectionProgramme);
  if (!kind) return null;
  const selected = await tx.selectionSubmission.findMany({
    where: { callId: call.id, status: 'selected' },
    include: { organisation: { select: { name: true, creditCode: true } } },
    orderBy: [{ decidedRank: 'asc' }, { number: 'asc' }],
  });
  if (selected.length === 0) return null;
  if (!ctx.fileStore) throw new Error('selection.calls.advance needs the file store (ApiDeps)');

  const title = resultListTitle(kind, call.year);
  const sheet = resultListSheet(
    kind,
    selected.map((s) => ({
      number: s.number,
      form: decodeJson<Record<string, unknown>>(s.form) ?? {},
      category: s.decidedCategory,
      organisation: s.organisation,
    })),
    document,
    // The call's 年度, not the document's date: a case counts in its selection's year (四.1).
    call.year,
  );
  const bytes = await resultListBytes(`${title}（${document.documentNo}）`, sheet, ctx.now());
  const stored = await ctx.fileStore.put(bytes);
  const file = await prismaFileRecords(tx, ctx.now).create({
    sha256: stored.sha256,
    sizeBytes: stored.size,
    mimeType: XLSX_MIME,
    originalName: `${title}.xlsx`,
    ownerUserId: ctx.caller.userId,
  });

  // Read back as any uploaded list is: what is imported is what the file says.
  const table = await readListFile(kind, bytes, XLSX_MIME);
  const rows = await classifyRows(tx, kind, table, todayInShanghai(ctx.now()));
  // The rows are the platform's own submissions: one the list would refuse (a case already on
  // the list of the call's year, a name changed since, a 年度 more than a year from the
  // document's date) is for the officer to settle before the result.
  const refused = rows.filter((r) => r.outcome === 'invalid' || r.outcome === 'conflict');
  if (refused.length > 0) {
    const number = (r: (typeof rows)[number]) => r.raw.cells.submissionNumber ?? '';
    throw appError('RESULT_LIST_REFUSED', {
      message: `结果名单有 ${refused.length} 行不能导入：${refused
        .map((r) => `${number(r)} ${r.reason ?? ''}`)
        .join('；')}`,
    });
  }
  const listId = await storePreview(tx, ctx, { kind, title, file, rows });
  const result = await commitLockedImport(tx, ctx, await lockImport(tx, listId));
  return { listId, title, entries: result.entries, invitations: result.invitations };
}
