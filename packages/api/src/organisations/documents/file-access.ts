import type { Db } from '@kc/db';
import { canSeeArea } from '../../access';
import type { CanApplicantSeeFile, CanOfficerSeeFile } from '../../files/service';

/**
 * A member may download the files of their organisation: its 资料库 documents and the evidence of
 * its applications, whichever colleague uploaded them (the organisation's affairs are the
 * organisation's, not one person's).
 */
export function memberFileAccess(db: Db): CanApplicantSeeFile {
  return async (applicant, file) => {
    const prisma = db.prisma;
    const membership = await prisma.organisationMember.findFirst({
      where: { userId: applicant.userId, status: 'active' },
      select: { organisationId: true },
    });
    if (!membership) return false;
    const { organisationId } = membership;
    const [documents, evidence] = await Promise.all([
      prisma.organisationDocument.count({ where: { fileId: file.id, organisationId } }),
      prisma.applicationEvidence.count({
        where: { fileId: file.id, application: { organisationId } },
      }),
    ]);
    return documents + evidence > 0;
  };
}

/**
 * An officer may download an organisation's 资料库 documents where they may see the organisation
 * (their area; bureau roles: anywhere), unless they declared a conflict of interest with it. The
 * grant names the organisation and the document, for the download's audit record.
 */
export function documentFileAccess(db: Db): CanOfficerSeeFile {
  return async (officer, file) => {
    const prisma = db.prisma;
    const docs = await prisma.organisationDocument.findMany({
      where: { fileId: file.id },
      select: { id: true, kind: true, organisation: { select: { id: true, areaCode: true } } },
    });
    for (const doc of docs) {
      if (!canSeeArea(officer, doc.organisation.areaCode)) continue;
      const conflict = await prisma.conflictOfInterest.count({
        where: { officerUserId: officer.userId, organisationId: doc.organisation.id },
      });
      if (conflict > 0) continue;
      return {
        areaCode: doc.organisation.areaCode,
        details: {
          organisationId: doc.organisation.id,
          documentId: doc.id,
          documentKind: doc.kind,
        },
      };
    }
    return false;
  };
}
