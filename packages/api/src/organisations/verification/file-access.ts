import type { Db } from '@kc/db';
import type { CanOfficerSeeFile } from '../../files/service';
import { canSeeArea } from '../../access';
import { TRUST_ROLES } from './common';

/**
 * An officer who handles verifications may download the licence, 授权委托书 or claim material of
 * an organisation in their area (bureau roles: anywhere), unless they declared a conflict of
 * interest with it. The grant names the request, so the download's audit record says which.
 */
export function organisationFileAccess(db: Db): CanOfficerSeeFile {
  return async (officer, file) => {
    if (!TRUST_ROLES.includes(officer.role)) return false;
    const prisma = db.prisma;
    const [verifications, changes, claims] = await Promise.all([
      prisma.organisationVerification.findMany({
        where: { OR: [{ licenceFileId: file.id }, { authorisationFileId: file.id }] },
        select: { id: true, organisationId: true, areaCode: true },
      }),
      prisma.organisationChange.findMany({
        where: { licenceFileId: file.id },
        select: { id: true, organisationId: true, areaCode: true },
      }),
      prisma.organisationClaim.findMany({
        where: { OR: [{ licenceFileId: file.id }, { authorityFileId: file.id }] },
        select: { id: true, organisationId: true, areaCode: true },
      }),
    ]);
    const links = [
      ...verifications.map((r) => ({ ...r, key: 'verificationId' })),
      ...changes.map((r) => ({ ...r, key: 'changeId' })),
      ...claims.map((r) => ({ ...r, key: 'claimId' })),
    ];
    for (const link of links) {
      if (!canSeeArea(officer, link.areaCode)) continue;
      const conflict = await prisma.conflictOfInterest.count({
        where: { officerUserId: officer.userId, organisationId: link.organisationId },
      });
      if (conflict > 0) continue;
      return {
        areaCode: link.areaCode,
        details: { organisationId: link.organisationId, [link.key]: link.id },
      };
    }
    return false;
  };
}
