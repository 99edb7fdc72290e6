import type { Organisation, TransactionClient } from '@kc/db';
import type { AreaCode, AwardApplicant, QualificationCode } from '@kc/domain';
import { QUALIFICATION_CODES, isAreaCode } from '@kc/domain';
import { appError } from '../errors';
import { orgTypeFromDb } from '../mappers';

type Reader = Pick<
  TransactionClient,
  'organisation' | 'researcher' | 'organisationMember' | 'organisationQualification'
>;

export interface ApplicantProfile {
  applicant: AwardApplicant;
  organisationId: string | null;
  researcherId: string | null;
  /** The area that reviews the application; null = city-wide (bureau only). */
  areaCode: AreaCode | null;
  /** An organisation's verification status (money needs 'verified'); null for a researcher. */
  verificationStatus: string | null;
}

const QUALIFICATION_SET = new Set<string>(QUALIFICATION_CODES);

/**
 * An organisation as the award engine sees it. Only verified qualifications count (an official
 * list or an officer saw them): what suggests a programme and what pays rests on verified facts,
 * never on what the profile declares (自报). Every registered organisation chose an area inside
 * Suzhou, so it is inside the city.
 */
export async function organisationApplicant(
  db: Pick<TransactionClient, 'organisationQualification'>,
  org: Organisation,
): Promise<ApplicantProfile> {
  const verified = await db.organisationQualification.findMany({
    where: { organisationId: org.id },
    select: { kind: true },
  });
  return organisationProfile(org, verified);
}

/** `organisationApplicant` once the verified qualifications are read (with the organisation). */
export function organisationProfile(
  org: Pick<Organisation, 'id' | 'name' | 'type' | 'areaCode' | 'verificationStatus'>,
  verified: readonly { kind: string }[],
): ApplicantProfile {
  const areaCode = isAreaCode(org.areaCode) ? org.areaCode : null;
  return {
    applicant: {
      kind: 'organisation',
      id: org.id,
      name: org.name,
      type: orgTypeFromDb(org.type),
      areaCode,
      insideCity: areaCode !== null,
      qualifications: [
        ...new Set(verified.map((q) => q.kind).filter((k) => QUALIFICATION_SET.has(k))),
      ] as QualificationCode[],
    },
    organisationId: org.id,
    researcherId: null,
    areaCode,
    verificationStatus: org.verificationStatus,
  };
}

/**
 * The organisation the user is an active member of (at most one: unique index), with its verified
 * qualifications, in one read; null for a researcher or a user without an organisation.
 */
export function callerOrganisation(db: Pick<TransactionClient, 'organisation'>, userId: string) {
  return db.organisation.findFirst({
    where: { members: { some: { userId, status: 'active' } } },
    include: { verifiedQualifications: { select: { kind: true } } },
  });
}

export type CallerOrganisation = NonNullable<Awaited<ReturnType<typeof callerOrganisation>>>;

/** A researcher applies in their own name; their institution may be anywhere. */
export function researcherApplicant(researcher: { id: string; name: string }): ApplicantProfile {
  return {
    applicant: { kind: 'researcher', id: researcher.id, name: researcher.name, insideCity: false },
    organisationId: null,
    researcherId: researcher.id,
    areaCode: null,
    verificationStatus: null,
  };
}

/** The caller as an applicant: the organisation they are a member of, or their researcher profile. */
export async function applicantProfileOf(db: Reader, userId: string): Promise<ApplicantProfile> {
  const org = await callerOrganisation(db, userId);
  return org
    ? organisationProfile(org, org.verifiedQualifications)
    : researcherProfileOf(db, userId);
}

/** The caller's researcher profile (they belong to no organisation). */
export async function researcherProfileOf(
  db: Pick<TransactionClient, 'researcher'>,
  userId: string,
): Promise<ApplicantProfile> {
  const researcher = await db.researcher.findUnique({ where: { userId } });
  if (researcher) return researcherApplicant(researcher);
  throw appError('PROFILE_REQUIRED');
}

/**
 * The applicant of a stored application: its organisation (whoever of its people drafted it;
 * applications belong to the organisation, not to the people) or its researcher.
 */
export async function applicationApplicant(
  db: Reader,
  app: { organisationId: string | null; researcherId: string | null },
): Promise<ApplicantProfile> {
  if (app.organisationId) {
    const org = await db.organisation.findUniqueOrThrow({ where: { id: app.organisationId } });
    return organisationApplicant(db, org);
  }
  if (app.researcherId) {
    const researcher = await db.researcher.findUniqueOrThrow({ where: { id: app.researcherId } });
    return researcherApplicant(researcher);
  }
  throw appError('PROFILE_REQUIRED');
}
