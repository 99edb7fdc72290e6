import type { Db } from '@kc/db';
import { canSeeArea } from '../access';
import type { CanApplicantSeeFile, CanOfficerSeeFile } from '../files/service';

/**
 * An officer may download a three-party agreement of a secondment in their area. The grant
 * names the secondment, so the audit record of the download says which one.
 */
export function vpAgreementAccess(db: Db): CanOfficerSeeFile {
  return async (officer, file) => {
    const secondments = await db.prisma.vpSecondment.findMany({
      where: { agreementFileId: file.id },
      select: { id: true, areaCode: true, callId: true },
    });
    const visible = secondments.find((s) => canSeeArea(officer, s.areaCode));
    return visible
      ? {
          areaCode: visible.areaCode,
          details: { secondmentId: visible.id, callId: visible.callId },
        }
      : false;
  };
}

/** Any officer may download a call's agreement template: a blank form, no one's data. */
export function vpTemplateOfficerAccess(db: Db): CanOfficerSeeFile {
  return async (_officer, file) => {
    const call = await db.prisma.vpCall.findFirst({
      where: { agreementTemplateFileId: file.id },
      select: { id: true },
    });
    return call ? { details: { callId: call.id } } : false;
  };
}

/** The parties of a secondment (firm members, the researcher) may download its call's template. */
export function vpTemplateApplicantAccess(db: Db): CanApplicantSeeFile {
  return async (applicant, file) => {
    const parties = await db.prisma.vpSecondment.count({
      where: {
        status: { not: 'cancelled' },
        call: { agreementTemplateFileId: file.id },
        OR: [
          {
            need: {
              organisation: { members: { some: { userId: applicant.userId, status: 'active' } } },
            },
          },
          { candidate: { researcher: { userId: applicant.userId } } },
        ],
      },
    });
    return parties > 0;
  };
}
