import type { Db } from '@kc/db';
import { canSeeArea } from '../access';
import type { CanApplicantSeeFile, CanOfficerSeeFile } from '../files/service';

/**
 * An alliance's charter (章程) is read where the registration is decided: by an officer of the
 * lead firm's area or the bureau (the grant names the alliance for the download's audit record),
 * and by the lead firm's members, whichever colleague uploaded it. It is not public: the public
 * pages say only that it is on file.
 */
export function allianceCharterOfficerAccess(db: Db): CanOfficerSeeFile {
  return async (officer, file) => {
    const alliances = await db.prisma.alliance.findMany({
      where: { charterFileId: file.id },
      select: { id: true, number: true, areaCode: true },
    });
    const seen = alliances.find((a) => canSeeArea(officer, a.areaCode));
    return seen
      ? { areaCode: seen.areaCode, details: { allianceId: seen.id, number: seen.number } }
      : false;
  };
}

export function allianceCharterMemberAccess(db: Db): CanApplicantSeeFile {
  return async (applicant, file) =>
    (await db.prisma.alliance.count({
      where: {
        charterFileId: file.id,
        leadOrganisation: {
          members: { some: { userId: applicant.userId, status: 'active' } },
        },
      },
    })) > 0;
}
