import type { Db, ReadRows, TransactionClient } from '@kc/db';
import { canSeeArea } from '../access';
import type { CanApplicantSeeFile, CanOfficerSeeFile } from './service';

/**
 * A record that holds a file among its attachments — a selection submission, an alliance's
 * charter, a project report — as far as who may download the file goes: whose record it is and
 * in which area. Each kind of record says only how to find the ones holding a file; who may see
 * them is decided once, here.
 */
export interface FileHolder {
  /** the file it holds (of those asked about) */
  fileId: string;
  /** the organisation whose record it is: its active members may download the file */
  organisationId: string;
  /** the record's area: its area officer and the bureau may download the file */
  areaCode: string;
  /** false while the record is still the organisation's own (a draft): no officer sees it yet */
  seenByOfficers: boolean;
  /** names the record in the officer download's audit record */
  details: Record<string, unknown>;
}

/**
 * What a holder rule reads with: the database, for a download; a transaction's client and its
 * `rowsOf` reader, for what 注销 and the retention job may delete (files/unreferenced.ts).
 */
export interface HolderReads {
  prisma: TransactionClient;
  rows: ReadRows;
}

/**
 * The records holding any of the files (none: this rule grants nothing, and keeps nothing). The
 * same rule decides who may download a file and that it is in use (files/holders.ts).
 */
export type FileHolders = (
  read: HolderReads,
  fileIds: readonly string[],
) => Promise<readonly FileHolder[]>;

/** An officer may download the file of a record they may see: its area's officer, or the bureau. */
export function holderOfficerAccess(db: Db, holders: FileHolders): CanOfficerSeeFile {
  return async (officer, file) => {
    const seen = (await holders(db, [file.id])).find(
      (h) => h.seenByOfficers && canSeeArea(officer, h.areaCode),
    );
    return seen ? { areaCode: seen.areaCode, details: seen.details } : false;
  };
}

/** Every active member of the record's organisation, whichever colleague uploaded the file. */
export function holderMemberAccess(db: Db, holders: FileHolders): CanApplicantSeeFile {
  return async (applicant, file) => {
    const organisations = [...new Set((await holders(db, [file.id])).map((h) => h.organisationId))];
    if (organisations.length === 0) return false;
    const member = await db.prisma.organisationMember.count({
      where: { userId: applicant.userId, status: 'active', organisationId: { in: organisations } },
    });
    return member > 0;
  };
}
