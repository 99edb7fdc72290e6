import type { Prisma, TransactionClient } from '@kc/db';
import { rowsOf } from '@kc/db';
import { FILE_HOLDERS } from './holders';

/**
 * A stored file no relation points to, as a `storedFile` filter. Every relation of `StoredFile`
 * is listed; a new one must be added here (`file-holders.test.ts` checks the schema's list).
 */
export const NO_RELATION_HOLDS_FILE = {
  evidence: { none: {} },
  vpAgreements: { none: {} },
  vpAgreementTemplates: { none: {} },
  verificationLicences: { none: {} },
  verificationAuthorisations: { none: {} },
  changeLicences: { none: {} },
  claimLicences: { none: {} },
  claimAuthorities: { none: {} },
  dataExports: { none: {} },
  documents: { none: {} },
  listImports: { none: {} },
  projectReportFiles: { none: {} },
} as const satisfies Prisma.StoredFileWhereInput;

/**
 * The stored files matching `where` that no record holds: neither a relation of `StoredFile`
 * nor a holder of files/holders.ts (a submission's attachments in JSON, an alliance's charter).
 * What account cancellation and the retention job may delete, in the same transaction.
 *
 * The candidates are locked first (FOR UPDATE, which a transaction attaching one of them waits
 * on or holds off: a relation's foreign key check, or the FOR KEY SHARE of `lockOwnFiles`), and
 * only then checked, each check a statement of its own (READ COMMITTED): an attachment committed
 * meanwhile is seen, and one still to come finds the file gone.
 */
export async function unreferencedFiles(
  tx: TransactionClient,
  where: Prisma.StoredFileWhereInput,
): Promise<{ id: string; sha256: string }[]> {
  const candidates = (await tx.storedFile.findMany({ where, select: { id: true } })).map(
    (f) => f.id,
  );
  if (candidates.length === 0) return [];
  await tx.$queryRaw`
    SELECT id FROM stored_file WHERE id = ANY(${candidates}::uuid[]) ORDER BY id FOR UPDATE`;
  const files = await tx.storedFile.findMany({
    where: { id: { in: candidates }, ...NO_RELATION_HOLDS_FILE },
    select: { id: true, sha256: true },
  });
  if (files.length === 0) return files;
  const read = { prisma: tx, rows: rowsOf(tx) };
  const ids = files.map((f) => f.id);
  const held = new Set<string>();
  for (const holders of Object.values(FILE_HOLDERS))
    for (const h of await holders(read, ids)) held.add(h.fileId);
  return files.filter((f) => !held.has(f.id));
}

/**
 * The caller's own files among `ids`, locked against deletion (FOR KEY SHARE) until the
 * transaction ends: for a record about to name them outside a relation (a submission's JSON
 * attachments), as a foreign key would. 注销 running meanwhile either waits for the commit and
 * then sees the record, or has removed the file and the record is refused.
 */
export async function lockOwnFiles(
  tx: TransactionClient,
  userId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM stored_file
     WHERE id = ANY(${[...ids]}::uuid[]) AND owner_user_id = ${userId}::uuid
     ORDER BY id FOR KEY SHARE`;
  return rows.map((r) => r.id);
}
