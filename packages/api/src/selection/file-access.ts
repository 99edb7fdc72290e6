import { Prisma } from '@kc/db';
import type { Db } from '@kc/db';
import type { FileHolders, HolderReads } from '../files/holder-access';
import type { CanApplicantSeeFile } from '../files/service';

/**
 * The submissions that carry any of these files among their attachments (stored as superjson's
 * `{ json }`), whatever their status: a draft's files are already the organisation's.
 */
async function submissionsWith(read: HolderReads, fileIds: readonly string[]) {
  if (fileIds.length === 0) return [];
  return read.rows<{
    id: string;
    number: string;
    areaCode: string;
    organisationId: string;
    panelId: string | null;
    status: string;
    fileId: string;
  }>(Prisma.sql`
    SELECT s.id::text, s.number, s.area_code AS "areaCode",
           s.organisation_id::text AS "organisationId", s.panel_id::text AS "panelId", s.status,
           f.id AS "fileId"
      FROM unnest(${[...fileIds]}::text[]) AS f(id)
      JOIN selection_submission s
        ON s.evidence -> 'json' @> jsonb_build_array(jsonb_build_object('fileId', f.id))`);
}

export const submissionHolders: FileHolders = async (read, fileIds) =>
  (await submissionsWith(read, fileIds)).map((s) => ({
    fileId: s.fileId,
    organisationId: s.organisationId,
    areaCode: s.areaCode,
    // A draft is the organisation's own until submitted.
    seenByOfficers: !['draft', 'withdrawn'].includes(s.status),
    details: { submissionId: s.id, number: s.number },
  }));

/**
 * An expert may download the attachments of the submissions on a panel they accepted, and only
 * while they are on it (a declined or reserve place opens nothing).
 */
export function submissionFileExpertAccess(db: Db): CanApplicantSeeFile {
  return async (applicant, file) => {
    const panels = (await submissionsWith(db, [file.id])).flatMap((s) =>
      s.panelId ? [s.panelId] : [],
    );
    if (panels.length === 0) return false;
    const accepted = await db.prisma.reviewAssignment.count({
      where: {
        panelId: { in: panels },
        status: 'accepted',
        expert: { userId: applicant.userId, status: 'active' },
      },
    });
    return accepted > 0;
  };
}
