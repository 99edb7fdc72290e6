import { Prisma } from '@kc/db';
import type { Db } from '@kc/db';
import { canSeeArea } from '../access';
import type { CanApplicantSeeFile, CanOfficerSeeFile } from '../files/service';

/** The submissions that carry this file among their attachments (stored as superjson's `{ json }`). */
async function submissionsWith(db: Db, fileId: string) {
  return db.rows<{
    id: string;
    number: string;
    areaCode: string;
    organisationId: string;
    panelId: string | null;
    status: string;
  }>(Prisma.sql`
    SELECT id::text, number, area_code AS "areaCode", organisation_id::text AS "organisationId",
           panel_id::text AS "panelId", status
      FROM selection_submission
     WHERE evidence -> 'json' @> ${JSON.stringify([{ fileId }])}::jsonb`);
}

/**
 * An officer may download the attachments of a submission they may check: its area's officer,
 * or the bureau. The grant names the submission for the download's audit record.
 */
export function submissionFileOfficerAccess(db: Db): CanOfficerSeeFile {
  return async (officer, file) => {
    for (const s of await submissionsWith(db, file.id))
      // A draft is the organisation's own until submitted.
      if (!['draft', 'withdrawn'].includes(s.status) && canSeeArea(officer, s.areaCode))
        return { areaCode: s.areaCode, details: { submissionId: s.id, number: s.number } };
    return false;
  };
}

/**
 * An expert may download the attachments of the submissions on a panel they accepted, and only
 * while they are on it (a declined or reserve place opens nothing).
 */
export function submissionFileExpertAccess(db: Db): CanApplicantSeeFile {
  return async (applicant, file) => {
    const panels = (await submissionsWith(db, file.id)).flatMap((s) =>
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

/** Every member of the submitting organisation, whoever of them uploaded the file. */
export function submissionFileMemberAccess(db: Db): CanApplicantSeeFile {
  return async (applicant, file) => {
    const organisations = (await submissionsWith(db, file.id)).map((s) => s.organisationId);
    if (organisations.length === 0) return false;
    const member = await db.prisma.organisationMember.count({
      where: { userId: applicant.userId, status: 'active', organisationId: { in: organisations } },
    });
    return member > 0;
  };
}
