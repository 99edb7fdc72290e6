import type { OfficialListImport, TransactionClient } from '@kc/db';
import type { OfficialListKind } from '@kc/domain';
import { parseListRow } from '@kc/domain';
import { writeAudit } from '../../audit';
import { dbDate } from '../../dates';
import type { OfficerCtx, RawRow } from './common';
import { lockImport } from './common';
import { importDetail } from './imports';
import { recogniseEntry } from './match';

/**
 * 确认导入, in one transaction: an entry for every matched and unmatched row (one per list kind
 * and natural key: an entry another import already holds is left as it is, so a concurrent
 * commit of the same rows leaves one), and for each new matched entry its verified
 * qualification and, where the policy pays, a 免申即享 invitation. Conflicts and invalid rows are
 * not applied. Unmatched entries wait for their firm: they never become organisations.
 */
export async function commitImport(ctx: OfficerCtx, importId: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const found = await lockImport(tx, importId);
    const result = await commitLockedImport(tx, ctx, found);
    return { ...(await importDetail(tx, { importId, page: 1, pageSize: 20 })), result };
  });
}

/** The commit itself, on an import in preview the caller holds locked (`lockImport`). */
export async function commitLockedImport(
  tx: TransactionClient,
  ctx: OfficerCtx,
  found: OfficialListImport,
) {
  const importId = found.id;
  const kind = found.listKind as OfficialListKind;
  const rows = await tx.officialListRow.findMany({
    where: { importId, outcome: { in: ['matched', 'unmatched'] } },
    orderBy: { rowNumber: 'asc' },
  });
  const at = ctx.now();
  const data = rows.flatMap((row) => {
    // The stored cells parse exactly as they did in the preview (the parser is pure).
    const parsed = parseListRow(kind, (row.raw as unknown as RawRow).cells);
    if (!parsed.ok) return [];
    const { entry } = parsed;
    const organisationId = row.outcome === 'matched' ? row.organisationId : null;
    return [
      {
        listKind: kind,
        entryKey: entry.entryKey,
        importId,
        creditCode: entry.creditCode,
        name: entry.name,
        documentNo: entry.documentNo,
        recognisedOn: dbDate(entry.recognisedOn),
        level: entry.level,
        detail: entry.detail,
        organisationId,
        matchedAt: organisationId ? at : null,
        createdAt: at,
      },
    ];
  });
  const created = await tx.officialListEntry.createManyAndReturn({
    data,
    skipDuplicates: true,
  });

  let qualifications = 0;
  let invitations = 0;
  const matched = created.filter((e) => e.organisationId);
  const organisations = await tx.organisation.findMany({
    where: { id: { in: matched.map((e) => e.organisationId ?? '') } },
  });
  for (const entry of matched.sort((a, b) => +a.recognisedOn - +b.recognisedOn)) {
    const org = organisations.find((o) => o.id === entry.organisationId);
    if (!org) continue;
    const done = await recogniseEntry(tx, ctx, entry, org, found.title);
    if (done.qualified) qualifications++;
    if (done.invitationId) invitations++;
  }

  await tx.officialListImport.update({
    where: { id: importId },
    data: { status: 'committed', committedBy: ctx.caller.userId, committedAt: at, updatedAt: at },
  });
  const result = {
    entries: created.length,
    matched: matched.length,
    unmatched: created.length - matched.length,
    qualifications,
    invitations,
    /** Rows whose entry another import committed in the meantime. */
    alreadyImported: data.length - created.length,
  };
  await writeAudit(tx, ctx, {
    action: 'official-list.commit',
    objectType: 'official_list_import',
    objectId: importId,
    details: {
      kind,
      title: found.title,
      fileId: found.fileId,
      rowCount: found.rowCount,
      counts: found.counts,
      ...result,
    },
  });
  return result;
}
