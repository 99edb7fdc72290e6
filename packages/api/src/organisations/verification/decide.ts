import type { OfficerDecision } from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { notifyOrganisation } from '../../notifications/write';
import type { OfficerCtx } from './common';
import { assertPending, assertTrustRole, lockForDecision } from './common';
import { onOrganisationVerified } from './hooks';
import { verificationDetail } from './queries';

/**
 * The area officer (or the bureau) verifies an organisation from its licence, or rejects the
 * submission with a reason the applicant sees. One transaction: the submission, the
 * organisation's status, the audit record and the members' message stand or fall together.
 */
export async function decideVerification(ctx: OfficerCtx, id: string, decision: OfficerDecision) {
  assertTrustRole(ctx.caller);
  await ctx.db.prisma.$transaction(async (tx) => {
    const found = await tx.organisationVerification.findUnique({ where: { id } });
    if (!found) throw appError('NOT_FOUND');
    const org = await lockForDecision(tx, ctx, found);
    // Read again under the lock: a withdrawal may have won the race.
    const row = await tx.organisationVerification.findUniqueOrThrow({ where: { id } });
    assertPending(row.status, '机构认证申请');
    const now = ctx.now();
    const approve = decision.decision === 'approve';
    await tx.organisationVerification.update({
      where: { id },
      data: {
        status: approve ? 'verified' : 'rejected',
        decidedBy: ctx.caller.userId,
        decidedAt: now,
        decisionReason: decision.reason ?? null,
        updatedAt: now,
      },
    });
    const updated = await tx.organisation.update({
      where: { id: org.id },
      data: approve
        ? {
            verificationStatus: 'verified',
            verifiedAt: now,
            legalRepresentative: row.legalRepName,
            version: { increment: 1 },
            updatedAt: now,
          }
        : { verificationStatus: 'rejected', version: { increment: 1 }, updatedAt: now },
    });
    await writeAudit(tx, ctx, {
      action: approve ? 'organisation.verification.approve' : 'organisation.verification.reject',
      objectType: 'organisation_verification',
      objectId: id,
      areaCode: org.areaCode,
      details: {
        organisationId: org.id,
        areaCode: org.areaCode,
        name: org.name,
        creditCode: org.creditCode,
        flags: row.flags,
        ...(decision.reason ? { reason: decision.reason } : {}),
      },
    });
    await notifyOrganisation(tx, org.id, {
      kind: approve ? 'organisation.verified' : 'organisation.verification-rejected',
      at: now,
      title: approve ? '机构认证已通过' : '机构认证未通过',
      body: approve
        ? `${org.name}已通过机构认证，可以提交奖补申请和科技副总需求。统一社会信用代码、名称和类型如需修改，请提交变更申请。`
        : `${org.name}的机构认证未通过。理由：${decision.reason ?? ''}。请按意见补正后重新提交。`,
      link: { page: 'org-verify', id },
    });
    if (approve) await onOrganisationVerified(tx, ctx, updated);
  });
  return verificationDetail(ctx, id);
}
