import type { Db } from '@kc/db';
import { canSeeArea } from '../access';
import type { CanOfficerSeeFile } from '../files/service';

/**
 * An officer may download a file when it is evidence of a submitted application in their area
 * and they have declared no conflict with the applicant. The grant names the application, so the
 * audit record of the download says which one. `inBatch` narrows it to awards that are in a
 * disbursement batch (finance's rule, files/officer-access.ts).
 */
export function evidenceAccess(db: Db, options: { inBatch?: boolean } = {}): CanOfficerSeeFile {
  return async (officer, file) => {
    const links = await db.prisma.applicationEvidence.findMany({
      where: {
        fileId: file.id,
        application: options.inBatch
          ? { disbursement: { isNot: null } }
          : { status: { not: 'draft' } },
      },
      select: {
        application: { select: { id: true, number: true, areaCode: true, organisationId: true } },
      },
    });
    for (const { application } of links) {
      if (!canSeeArea(officer, application.areaCode)) continue;
      if (application.organisationId) {
        const conflict = await db.prisma.conflictOfInterest.count({
          where: { officerUserId: officer.userId, organisationId: application.organisationId },
        });
        if (conflict > 0) continue;
      }
      return {
        areaCode: application.areaCode,
        details: { applicationId: application.id, number: application.number },
      };
    }
    return false;
  };
}
