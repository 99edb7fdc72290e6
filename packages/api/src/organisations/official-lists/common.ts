import type { OfficialListEntry, TransactionClient } from '@kc/db';
import type { ListEntry, ListRowOutcome, OfficialListKind } from '@kc/domain';
import { LIST_COLUMNS } from '@kc/domain';
import type { ApplicantCaller, OfficerCaller } from '../../caller';
import type { Context } from '../../context';
import { dateOf } from '../../dates';
import { appError } from '../../errors';

export type OfficerCtx = Context & { caller: OfficerCaller };
export type ApplicantCtx = Context & { caller: ApplicantCaller };

/** How an import's rows are counted (official_list_import.counts). */
export type OutcomeCounts = Record<ListRowOutcome, number>;

export function emptyCounts(): OutcomeCounts {
  return { matched: 0, unmatched: 0, conflict: 0, invalid: 0, unchanged: 0 };
}

/** The row as read, by field: what `official_list_row.raw` keeps. */
export interface RawRow {
  cells: Record<string, string>;
}

/** A row's cells by field, from the sheet's columns. */
export function cellsByField(columns: Record<string, number>, cells: string[]) {
  return Object.fromEntries(
    Object.entries(columns).map(([key, index]) => [key, (cells[index] ?? '').trim()]),
  );
}

/** The cells under their column titles, in the template's order (the preview's table). */
export function titledCells(kind: string, raw: unknown) {
  const cells = (raw as RawRow | null)?.cells ?? {};
  const columns = LIST_COLUMNS[kind as OfficialListKind] ?? [];
  return columns.map((c) => ({ key: c.key, title: c.title, value: cells[c.key] ?? '' }));
}

/** A stored entry as the domain knows it (for `invitationFor`). */
export function domainEntry(row: OfficialListEntry): ListEntry {
  return {
    kind: row.listKind as OfficialListKind,
    entryKey: row.entryKey,
    creditCode: row.creditCode,
    name: row.name,
    documentNo: row.documentNo,
    recognisedOn: dateOf(row.recognisedOn),
    level: row.level as ListEntry['level'],
    detail: (row.detail ?? {}) as ListEntry['detail'],
  };
}

/** Holds the import row for the rest of the transaction: one commit or discard at a time. */
export async function lockImport(tx: TransactionClient, importId: string) {
  await tx.$queryRaw`SELECT id FROM official_list_import WHERE id = ${importId}::uuid FOR UPDATE`;
  const found = await tx.officialListImport.findUnique({ where: { id: importId } });
  if (!found) throw appError('NOT_FOUND');
  if (found.status !== 'preview') {
    throw appError('LIST_IMPORT_CLOSED', {
      message:
        found.status === 'committed'
          ? '该名单已确认导入，不能再次导入或放弃'
          : '该名单导入已放弃，请重新上传预览',
    });
  }
  return found;
}
