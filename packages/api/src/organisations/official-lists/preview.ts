import type { Readable } from 'node:stream';
import type { Prisma, TransactionClient } from '@kc/db';
import type { ListEntry, ListRowOutcome, OfficialListKind } from '@kc/domain';
import {
  invitationFor,
  officialListKindName,
  parseListRow,
  policyRule,
  sameOrganisationName,
  todayInShanghai,
  verifiedQualificationName,
} from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { CSV_FILE_TYPE, ACCEPTED_FILE_TYPES } from '../../files/sniff';
import type { OfficerCtx, OutcomeCounts, RawRow } from './common';
import { cellsByField, emptyCounts } from './common';
import { importDetail } from './imports';
import type { ListTable } from './read-list';
import { readListFile } from './read-list';
import { policySetOn } from '../../policy/catalogue';

const LIST_MIME_TYPES = new Set([ACCEPTED_FILE_TYPES.xlsx.mimeType, CSV_FILE_TYPE.mimeType]);

export interface ClassifiedRow {
  rowNumber: number;
  raw: RawRow;
  creditCode: string | null;
  name: string | null;
  entryKey: string | null;
  outcome: ListRowOutcome;
  reason: string | null;
  organisationId: string | null;
}

type Reader = Pick<TransactionClient, 'officialListEntry' | 'organisation'>;

/** What a matched row will do on commit, in the officer's words. */
function matchedReason(entry: ListEntry, today: string): string {
  const qualification = `记为已核验资质“${verifiedQualificationName(entry.kind)}”`;
  const invitation = invitationFor(entry);
  const set = policySetOn(today);
  const rule = invitation && set ? policyRule(set, invitation.ruleId) : undefined;
  return rule
    ? `${qualification}，并发出免申即享邀请：${rule.name}（${rule.clause}）`
    : qualification;
}

/**
 * Every row's outcome, in this order: invalid (every reason the row is not an entry), a key
 * already seen higher up in the file (invalid), unchanged (committed before: importing the same
 * list twice changes nothing), then by the credit code — matched (a verified organisation of the
 * same name), conflict (a verified organisation of another name), or unmatched (none yet, or
 * registered but not verified: matched when it is).
 */
export async function classifyRows(
  db: Reader,
  kind: OfficialListKind,
  table: ListTable,
  today: string,
): Promise<ClassifiedRow[]> {
  const parsed = table.rows.map((row) => {
    const cells = cellsByField(table.columns, row.cells);
    return { rowNumber: row.rowNumber, cells, result: parseListRow(kind, cells) };
  });
  const entries = parsed.flatMap((p) => (p.result.ok ? [p.result.entry] : []));
  const [existing, organisations] = await Promise.all([
    db.officialListEntry.findMany({
      where: { listKind: kind, entryKey: { in: entries.map((e) => e.entryKey) } },
      select: { entryKey: true, import: { select: { title: true, committedAt: true } } },
    }),
    db.organisation.findMany({
      where: { creditCode: { in: entries.map((e) => e.creditCode) } },
      select: { id: true, name: true, creditCode: true, verificationStatus: true },
    }),
  ]);
  const committed = new Map(existing.map((e) => [e.entryKey, e.import]));
  const orgByCode = new Map(organisations.map((o) => [o.creditCode, o]));
  const firstRowOfKey = new Map<string, number>();

  return parsed.map(({ rowNumber, cells, result }): ClassifiedRow => {
    const base = {
      rowNumber,
      raw: { cells },
      creditCode: result.ok ? result.entry.creditCode : cells.creditCode || null,
      name: (result.ok ? result.entry.name : cells.name) || null,
      entryKey: result.ok ? result.entry.entryKey : null,
      organisationId: null,
    };
    if (!result.ok) return { ...base, outcome: 'invalid', reason: result.reasons.join('；') };
    const entry = result.entry;
    const earlier = firstRowOfKey.get(entry.entryKey);
    if (earlier !== undefined) {
      return { ...base, outcome: 'invalid', reason: `与第 ${earlier} 行重复` };
    }
    firstRowOfKey.set(entry.entryKey, rowNumber);
    const before = committed.get(entry.entryKey);
    if (before) {
      const on = before.committedAt ? `于 ${todayInShanghai(before.committedAt)} ` : '';
      return {
        ...base,
        outcome: 'unchanged',
        reason: `已${on}随《${before.title}》导入，本次不作变更`,
      };
    }
    const org = orgByCode.get(entry.creditCode);
    if (!org) {
      return { ...base, outcome: 'unmatched', reason: '平台暂无该统一社会信用代码的单位' };
    }
    if (org.verificationStatus !== 'verified') {
      return {
        ...base,
        outcome: 'unmatched',
        reason: '该单位已在平台注册但尚未通过机构认证，认证通过后自动匹配',
      };
    }
    if (!sameOrganisationName(entry.name, org.name)) {
      return {
        ...base,
        organisationId: org.id,
        outcome: 'conflict',
        reason: `名单为“${entry.name}”，平台登记为“${org.name}”，请核实后处理`,
      };
    }
    return {
      ...base,
      organisationId: org.id,
      outcome: 'matched',
      reason: matchedReason(entry, today),
    };
  });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Without a title of its own, a list is called by its file name (less the extension). */
function defaultTitle(originalName: string, kind: OfficialListKind): string {
  const base = originalName.replace(/\.(xlsx|csv|txt)$/i, '').trim();
  return base || officialListKindName(kind);
}

/**
 * 预览: reads the uploaded list (the caller's own upload), gives every row its outcome and
 * stores the import as 'preview' with its rows and counts. Nothing else changes until commit.
 */
export async function previewList(
  ctx: OfficerCtx,
  input: { kind: OfficialListKind; fileId: string; title?: string | undefined },
) {
  const prisma = ctx.db.prisma;
  const file = await prisma.storedFile.findUnique({ where: { id: input.fileId } });
  if (!file || file.ownerUserId !== ctx.caller.userId) {
    throw appError('NOT_FOUND', {
      message: '名单文件不存在，请重新上传',
      fieldErrors: { fileId: ['名单文件不存在，请重新上传'] },
    });
  }
  if (!LIST_MIME_TYPES.has(file.mimeType)) throw appError('LIST_FILE_UNREADABLE');
  if (!ctx.fileStore)
    throw new Error('officialLists.preview needs the file store (ApiDeps.fileStore)');
  const bytes = await readAll(await ctx.fileStore.get(file.sha256));
  const table = await readListFile(input.kind, bytes, file.mimeType);
  const today = todayInShanghai(ctx.now());
  const rows = await classifyRows(prisma, input.kind, table, today);

  return prisma.$transaction(async (tx) => {
    const importId = await storePreview(tx, ctx, {
      kind: input.kind,
      title: input.title?.trim() || table.title || defaultTitle(file.originalName, input.kind),
      file,
      rows,
    });
    return importDetail(tx, { importId, page: 1, pageSize: 20 });
  });
}

/** Keeps a read list as an import in preview, with its rows, their counts and the audit record. */
export async function storePreview(
  tx: TransactionClient,
  ctx: OfficerCtx,
  input: {
    kind: OfficialListKind;
    title: string;
    file: { id: string; originalName: string };
    rows: ClassifiedRow[];
  },
): Promise<string> {
  const { kind, title, file, rows } = input;
  const counts = emptyCounts();
  for (const row of rows) counts[row.outcome]++;
  const created = await tx.officialListImport.create({
    data: {
      listKind: kind,
      title,
      fileId: file.id,
      status: 'preview',
      rowCount: rows.length,
      counts: counts satisfies OutcomeCounts as unknown as Prisma.InputJsonValue,
      importedBy: ctx.caller.userId,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    },
  });
  await tx.officialListRow.createMany({
    data: rows.map((r) => ({
      importId: created.id,
      rowNumber: r.rowNumber,
      raw: r.raw as unknown as Prisma.InputJsonValue,
      creditCode: r.creditCode,
      name: r.name,
      entryKey: r.entryKey,
      outcome: r.outcome,
      reason: r.reason,
      organisationId: r.organisationId,
    })),
  });
  await writeAudit(tx, ctx, {
    action: 'official-list.preview',
    objectType: 'official_list_import',
    objectId: created.id,
    details: {
      kind,
      title,
      fileId: file.id,
      originalName: file.originalName,
      rowCount: rows.length,
      counts,
    },
  });
  return created.id;
}
