import type { TransactionClient } from '@kc/db';
import type { AreaCode, AwardApplicant, QualificationCode } from '@kc/domain';
import { isAreaCode } from '@kc/domain';
import { appError } from '../errors';
import { orgTypeFromDb } from '../mappers';

type Reader = Pick<TransactionClient, 'organisation' | 'researcher'>;

export interface ApplicantProfile {
  applicant: AwardApplicant;
  organisationId: string | null;
  researcherId: string | null;
  /** The area that reviews the application; null = city-wide (bureau only). */
  areaCode: AreaCode | null;
}

/**
 * The applicant as the award engine sees them, built from the caller's own stored profile.
 * Every registered organisation chose an area inside Suzhou, so it is inside the city; a
 * researcher's institution may be anywhere, so a researcher is not.
 */
export async function applicantProfileOf(db: Reader, userId: string): Promise<ApplicantProfile> {
  const org = await db.organisation.findUnique({ where: { ownerUserId: userId } });
  if (org) {
    const areaCode = isAreaCode(org.areaCode) ? org.areaCode : null;
    return {
      applicant: {
        kind: 'organisation',
        id: org.id,
        name: org.name,
        type: orgTypeFromDb(org.type),
        areaCode,
        insideCity: areaCode !== null,
        qualifications: org.qualifications as QualificationCode[],
      },
      organisationId: org.id,
      researcherId: null,
      areaCode,
    };
  }
  const researcher = await db.researcher.findUnique({ where: { userId } });
  if (researcher) {
    return {
      applicant: {
        kind: 'researcher',
        id: researcher.id,
        name: researcher.name,
        insideCity: false,
      },
      organisationId: null,
      researcherId: researcher.id,
      areaCode: null,
    };
  }
  throw appError('PROFILE_REQUIRED');
}
