import type { Organisation, TransactionClient } from '@kc/db';
import type { AreaCode, VerificationSubmit } from '@kc/domain';
import { checkRegistrationArea, isAreaCode, verificationStatusName } from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { orgTypeFromDb } from '../../mappers';
import { requireMembership, requireOrgAdmin } from '../membership';
import type { ApplicantCtx } from './common';
import { lockOrganisation } from '../../awards/locks';
import { checkAuthorityPapers } from './common';
import { verificationDto } from './dto';

const FILES = { licenceFile: true, authorisationFile: true } as const;

/** What the credit code says against the chosen area: flagged for the officer, never refused. */
export function registrationCheckOf(org: Pick<Organisation, 'creditCode' | 'areaCode'>) {
  return isAreaCode(org.areaCode)
    ? checkRegistrationArea(org.creditCode, org.areaCode as AreaCode)
    : { flags: [], notes: [] };
}

async function latestSubmission(
  db: Pick<TransactionClient, 'organisationVerification'>,
  id: string,
) {
  return db.organisationVerification.findFirst({
    where: { organisationId: id },
    include: FILES,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
}

/**
 * 机构认证 as the organisation's people see it: the status, the latest submission with the
 * officer's decision and reason, and what the credit code says against the area (so a 市外注册
 * firm knows the officer will ask about it). Any member may look; administrators act.
 */
export async function latestVerification(ctx: ApplicantCtx) {
  const prisma = ctx.db.prisma;
  const { organisation: org, role } = await requireMembership(prisma, ctx.caller.userId);
  const latest = await latestSubmission(prisma, org.id);
  const registration = registrationCheckOf(org);
  const open = org.verificationStatus === 'unverified' || org.verificationStatus === 'rejected';
  return {
    organisation: {
      id: org.id,
      name: org.name,
      creditCode: org.creditCode,
      type: orgTypeFromDb(org.type),
      areaCode: org.areaCode,
      legalRepresentative: org.legalRepresentative,
      verifiedAt: org.verifiedAt,
    },
    status: org.verificationStatus,
    statusLabel: verificationStatusName(org.verificationStatus),
    isAdmin: role === 'admin',
    canSubmit: role === 'admin' && open,
    canWithdraw: role === 'admin' && org.verificationStatus === 'pending',
    registrationFlags: registration.flags,
    registrationNotes: registration.notes,
    latest: latest ? verificationDto(latest) : null,
  };
}

/** Refuses a submission the organisation's state does not allow. */
function assertMaySubmit(org: Organisation): void {
  if (org.verificationStatus === 'pending') throw appError('VERIFICATION_PENDING');
  if (org.verificationStatus === 'verified') throw appError('ALREADY_VERIFIED');
}

/**
 * An administrator submits the licence, the legal representative and their own role (with a
 * 授权委托书 unless they are the legal representative). The submission keeps a snapshot of the
 * organisation and the registration flags; the organisation is then 认证审核中 and its credit
 * code, name and type stay put until the officer decides. A rejected organisation submits again.
 */
export async function submitVerification(ctx: ApplicantCtx, input: VerificationSubmit) {
  const userId = ctx.caller.userId;
  await ctx.db.prisma.$transaction(async (tx) => {
    const membership = await requireOrgAdmin(tx, userId);
    const org = await lockOrganisation(tx, membership.organisation.id);
    assertMaySubmit(org);
    const { needsAuthorisation } = await checkAuthorityPapers(tx, userId, org, input);
    const { flags } = registrationCheckOf(org);
    const now = ctx.now();
    const row = await tx.organisationVerification.create({
      data: {
        organisationId: org.id,
        submittedBy: userId,
        status: 'pending',
        licenceKind: input.licenceKind,
        licenceFileId: input.licenceFileId,
        legalRepName: input.legalRepName,
        applicantRole: input.actingRole,
        authorisationFileId: needsAuthorisation ? (input.authorisationFileId ?? null) : null,
        name: org.name,
        creditCode: org.creditCode,
        type: org.type,
        areaCode: org.areaCode,
        flags,
        createdAt: now,
        updatedAt: now,
      },
    });
    await tx.organisation.update({
      where: { id: org.id },
      data: { verificationStatus: 'pending', version: { increment: 1 }, updatedAt: now },
    });
    await writeAudit(tx, ctx, {
      action: 'organisation.verification.submit',
      objectType: 'organisation_verification',
      objectId: row.id,
      areaCode: org.areaCode,
      details: {
        organisationId: org.id,
        areaCode: org.areaCode,
        name: org.name,
        licenceKind: input.licenceKind,
        actingRole: input.actingRole,
        flags,
      },
    });
  });
  return latestVerification(ctx);
}

/**
 * An administrator takes a pending submission back (e.g. a wrong file). The organisation returns
 * to where it was before: 认证未通过 after an earlier rejection, 未认证 otherwise.
 */
export async function withdrawVerification(ctx: ApplicantCtx) {
  await ctx.db.prisma.$transaction(async (tx) => {
    const membership = await requireOrgAdmin(tx, ctx.caller.userId);
    const org = await lockOrganisation(tx, membership.organisation.id);
    const pending = await tx.organisationVerification.findFirst({
      where: { organisationId: org.id, status: 'pending' },
    });
    if (!pending)
      throw appError('INVALID_TRANSITION', { message: '没有审核中的机构认证申请，无需撤回' });
    const now = ctx.now();
    await tx.organisationVerification.update({
      where: { id: pending.id },
      data: { status: 'withdrawn', updatedAt: now },
    });
    const rejectedBefore = await tx.organisationVerification.count({
      where: { organisationId: org.id, status: 'rejected' },
    });
    await tx.organisation.update({
      where: { id: org.id },
      data: {
        verificationStatus: rejectedBefore > 0 ? 'rejected' : 'unverified',
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    await writeAudit(tx, ctx, {
      action: 'organisation.verification.withdraw',
      objectType: 'organisation_verification',
      objectId: pending.id,
      areaCode: org.areaCode,
      details: { organisationId: org.id, areaCode: org.areaCode, name: org.name },
    });
  });
  return latestVerification(ctx);
}
