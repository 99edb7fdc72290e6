import type { Db } from '@kc/db';
import type { AwardApplicant } from '@kc/domain';
import { hasAppCode } from '../errors';
import { organisationProfile, researcherProfileOf } from './applicant';

interface OrganisationRow {
  id: string;
  name: string;
  type: 'FIRM' | 'UNIVERSITY' | 'INSTITUTE' | 'INCUBATOR';
  areaCode: string;
  verificationStatus: string;
  kinds: string[];
}

/**
 * The caller as programmes.open weighs each programme's fit: `applicantProfileOf`'s applicant,
 * but an organisation and its verified qualifications in one statement (Prisma's include sends
 * two; the list is read on every visit to 申报指南: issue 13). A researcher's profile, or null
 * without any profile (the list is then shown without fit).
 */
export async function applicantForFit(
  prisma: Db['prisma'],
  userId: string,
): Promise<AwardApplicant | null> {
  const [org] = await prisma.$queryRaw<OrganisationRow[]>`
    SELECT o.id::text AS "id", o.name AS "name", o.type::text AS "type",
           o.area_code AS "areaCode", o.verification_status AS "verificationStatus",
           ARRAY(SELECT q.kind FROM organisation_qualification q
                 WHERE q.organisation_id = o.id) AS "kinds"
    FROM organisation o JOIN organisation_member m ON m.organisation_id = o.id
    WHERE m.user_id = ${userId}::uuid AND m.status = 'active'
    LIMIT 1`;
  if (org)
    return organisationProfile(
      org,
      org.kinds.map((kind) => ({ kind })),
    ).applicant;
  return researcherProfileOf(prisma, userId).then(
    (profile) => profile.applicant,
    (error: unknown) => {
      if (hasAppCode(error, 'PROFILE_REQUIRED')) return null;
      throw error;
    },
  );
}
