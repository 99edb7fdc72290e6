import type { Db } from '@kc/db';
import { canSeeArea } from '../access';
import type { CanOfficerSeeFile } from '../files/service';

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
