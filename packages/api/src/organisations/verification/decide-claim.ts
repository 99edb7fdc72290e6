import type { Organisation, OrganisationClaim, TransactionClient } from '@kc/db';
import type { OfficerDecision } from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { notify } from '../../notifications/write';
import { membershipOf } from '../membership';
import { claimDetail } from './claim-queries';
import type { OfficerCtx } from './common';
import { assertPending, assertTrustRole, lockForDecision } from './common';

/** The reason stored with an upheld claim when the officer gives none (the row requires one). */
const UPHELD = '经核实，申诉人有权代表该单位，申诉成立';
const TAKEN_BY_ANOTHER = '该单位已由其他申诉人认领成功，本申诉不再受理';

/**
 * A claim upheld: every active membership ends ('claim-upheld'), the claimant becomes the
 * administrator, unused invitation codes die with the old people's authority, and the other
 * pending claims on the organisation are answered. Applications, the bank account and documents
 * belong to the organisation and stay with it.
 */
async function uphold(
  tx: TransactionClient,
  ctx: OfficerCtx,
  org: Organisation,
  claim: OrganisationClaim,
) {
  const now = ctx.now();
  if (await membershipOf(tx, claim.claimantUserId))
    throw appError('ALREADY_MEMBER', {
      message: '申诉人已加入其他单位，不能再认领该单位；请申诉人先退出原单位',
    });
  const formerMembers = await tx.organisationMember.findMany({
    where: { organisationId: org.id, status: 'active' },
    select: { id: true, userId: true },
  });
  await tx.organisationMember.updateMany({
    where: { organisationId: org.id, status: 'active' },
    data: {
      status: 'ended',
      endedAt: now,
      endReason: 'claim-upheld',
      endedBy: ctx.caller.userId,
      updatedAt: now,
    },
  });
  await tx.organisationInvite.updateMany({
    where: { organisationId: org.id, usedAt: null, revokedAt: null },
    data: { revokedBy: ctx.caller.userId, revokedAt: now },
  });
  await tx.organisationMember.create({
    data: {
      organisationId: org.id,
      userId: claim.claimantUserId,
      role: 'admin',
      origin: 'claim',
      joinedAt: now,
      createdAt: now,
      updatedAt: now,
    },
  });
  const others = await tx.organisationClaim.findMany({
    where: { organisationId: org.id, status: 'pending', id: { not: claim.id } },
    select: { id: true, claimantUserId: true },
  });
  await tx.organisationClaim.updateMany({
    where: { id: { in: others.map((o) => o.id) } },
    data: {
      status: 'rejected',
      decidedBy: ctx.caller.userId,
      decidedAt: now,
      decisionReason: TAKEN_BY_ANOTHER,
      updatedAt: now,
    },
  });
  for (const member of formerMembers)
    await notify(tx, {
      userId: member.userId,
      kind: 'organisation.claim-upheld-former',
      at: now,
      title: '您已不再是该单位的成员',
      body: `经县区审核，${org.name}的认领申诉成立，单位账号已移交给申诉人，您在该单位的成员身份已结束。如有异议，请联系所在县区科技部门。`,
    });
  await notify(tx, {
    userId: claim.claimantUserId,
    kind: 'organisation.claim-upheld',
    at: now,
    title: '认领申诉成立',
    body: `您对${org.name}的认领申诉已审核通过，您已成为该单位的管理员。`,
    link: { page: 'org-claim', id: claim.id },
  });
  for (const other of others)
    await notify(tx, {
      userId: other.claimantUserId,
      kind: 'organisation.claim-rejected',
      at: now,
      title: '认领申诉未通过',
      body: `您对${org.name}的认领申诉未通过。理由：${TAKEN_BY_ANOTHER}`,
      link: { page: 'org-claim', id: other.id },
    });
  return {
    endedMembers: formerMembers.length,
    rejectedClaims: others.map((o) => o.id),
  };
}

/**
 * The area officer (or the bureau) decides a claim after hearing both sides: upheld moves the
 * organisation to the claimant; rejected (with a reason) leaves everything as it was.
 */
export async function decideClaim(ctx: OfficerCtx, id: string, decision: OfficerDecision) {
  assertTrustRole(ctx.caller);
  await ctx.db.prisma.$transaction(async (tx) => {
    const found = await tx.organisationClaim.findUnique({ where: { id } });
    if (!found) throw appError('NOT_FOUND');
    const org = await lockForDecision(tx, ctx, found);
    const claim = await tx.organisationClaim.findUniqueOrThrow({ where: { id } });
    assertPending(claim.status, '认领申诉');
    const now = ctx.now();
    const approve = decision.decision === 'approve';
    const reason = decision.reason ?? UPHELD;
    const outcome = approve ? await uphold(tx, ctx, org, claim) : null;
    await tx.organisationClaim.update({
      where: { id },
      data: {
        status: approve ? 'upheld' : 'rejected',
        decidedBy: ctx.caller.userId,
        decidedAt: now,
        decisionReason: reason,
        updatedAt: now,
      },
    });
    if (!approve)
      await notify(tx, {
        userId: claim.claimantUserId,
        kind: 'organisation.claim-rejected',
        at: now,
        title: '认领申诉未通过',
        body: `您对${org.name}的认领申诉未通过。理由：${reason}`,
        link: { page: 'org-claim', id },
      });
    await writeAudit(tx, ctx, {
      action: approve ? 'organisation.claim.uphold' : 'organisation.claim.reject',
      objectType: 'organisation_claim',
      objectId: id,
      areaCode: org.areaCode,
      details: {
        organisationId: org.id,
        areaCode: org.areaCode,
        name: org.name,
        claimantUserId: claim.claimantUserId,
        claimantName: claim.claimantName,
        reason,
        ...(outcome
          ? { endedMembers: outcome.endedMembers, rejectedClaims: outcome.rejectedClaims }
          : {}),
      },
    });
  });
  return claimDetail(ctx, id);
}
