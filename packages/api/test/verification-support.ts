import { randomBytes } from 'node:crypto';
import type { OrganisationProfileInput, VerificationSubmitInput } from '@kc/domain';
import { creditCodeCheckChar } from '@kc/domain';
import { firmInput } from './fixtures';
import type { Harness } from './harness';

let serial = 7000;

/**
 * A valid credit code: `prefix` is the registering authority and type (91 firm, 12 institution)
 * followed by the six-digit division, e.g. `91341302` for a firm registered in 埇桥区.
 */
export function codeIn(prefix = '91341302'): string {
  const first17 = `${prefix}MA${String(serial++).padStart(7, '0')}`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
}

/** A stored file owned by `userId`, as `POST /files` leaves it (tested in apps/server). */
export async function storedFile(
  h: Harness,
  userId: string,
  name = '营业执照.jpg',
  mimeType = 'image/jpeg',
) {
  return h.prisma.storedFile.create({
    data: {
      createdAt: h.clock.now,
      sha256: randomBytes(32).toString('hex'),
      sizeBytes: 2048,
      mimeType,
      originalName: name,
      ownerUserId: userId,
    },
  });
}

/** A newly registered (not yet verified) organisation, its administrator and their uploads. */
export async function registeredOrg(h: Harness, overrides: Partial<OrganisationProfileInput> = {}) {
  const client = await h.applicant();
  const org = await client.profile.saveOrganisation.mutate(
    firmInput({ creditCode: codeIn(), name: `宿州认证测试科技有限公司${serial}`, ...overrides }),
  );
  const userId = (await client.auth.me.query()).id;
  const upload = (name?: string, mimeType?: string) => storedFile(h, userId, name, mimeType);
  return { client, org, userId, upload };
}

export type RegisteredOrg = Awaited<ReturnType<typeof registeredOrg>>;

/** The legal representative submitting in person, with the licence uploaded. */
export async function legalRepSubmission(
  firm: RegisteredOrg,
  overrides: Partial<VerificationSubmitInput> = {},
): Promise<VerificationSubmitInput> {
  const licence = await firm.upload();
  return {
    licenceKind: 'business-licence',
    licenceFileId: licence.id,
    legalRepName: '陈晓东',
    actingRole: 'legal-representative',
    ...overrides,
  };
}

/** Registered and verified through the API by the 埇桥区 officer (or `officer`). */
export async function verifiedOrg(
  h: Harness,
  overrides: Partial<OrganisationProfileInput> = {},
  officer = 'yongqiao',
) {
  const firm = await registeredOrg(h, overrides);
  const submitted = await firm.client.myOrg.verification.submit.mutate(
    await legalRepSubmission(firm),
  );
  const reviewer = await h.officer(officer);
  await reviewer.orgReview.verifications.decide.mutate({
    id: submitted.latest!.id,
    decision: 'approve',
  });
  return firm;
}

/** An officer declares a conflict of interest with an organisation (as `conflict.declare` does). */
export async function declareConflict(h: Harness, username: string, organisationId: string) {
  const officer = await h.prisma.user.findUniqueOrThrow({ where: { username } });
  await h.prisma.conflictOfInterest.create({
    data: {
      officerUserId: officer.id,
      organisationId,
      reason: '近亲属在该单位任职',
      declaredAt: h.clock.now,
    },
  });
}

/** The audit rows written about one record, oldest first. */
export function auditOf(h: Harness, objectId: string) {
  return h.prisma.auditLog.findMany({ where: { objectId }, orderBy: { id: 'asc' } });
}
