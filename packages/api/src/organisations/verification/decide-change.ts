import { isUniqueViolationOn } from '@kc/db';
import type { OfficerDecision, OrganisationType } from '@kc/domain';
import { lockedFieldName } from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { orgTypeToDb } from '../../mappers';
import { notifyOrganisation } from '../../notifications/write';
import { refuseTakenCode } from './changes';
import type { OfficerCtx } from './common';
import { assertPending, assertTrustRole, lockForDecision } from './common';
import { changeDetail } from './queries';

const TAKEN_MEANWHILE = '变更后的统一社会信用代码已被平台上的其他单位注册，不能通过该变更';

type Locked = { name?: string; creditCode?: string; type?: string };

/**
 * Approving a change request writes the new name, credit code or type onto the organisation;
 * the request keeps the old values (`previous`), and the audit record names both. Rejecting
 * needs a reason, which the organisation's people read.
 */
export async function decideChange(ctx: OfficerCtx, id: string, decision: OfficerDecision) {
  assertTrustRole(ctx.caller);
  try {
    await ctx.db.prisma.$transaction(async (tx) => {
      const found = await tx.organisationChange.findUnique({ where: { id } });
      if (!found) throw appError('NOT_FOUND');
      const org = await lockForDecision(tx, ctx, found);
      const row = await tx.organisationChange.findUniqueOrThrow({ where: { id } });
      assertPending(row.status, '变更申请');
      const approve = decision.decision === 'approve';
      const changes = row.changes as Locked;
      const now = ctx.now();
      if (approve) {
        if (changes.creditCode)
          await refuseTakenCode(tx, changes.creditCode, org.id, TAKEN_MEANWHILE);
        await tx.organisation.update({
          where: { id: org.id },
          data: {
            ...(changes.name ? { name: changes.name } : {}),
            ...(changes.creditCode ? { creditCode: changes.creditCode } : {}),
            ...(changes.type ? { type: orgTypeToDb(changes.type as OrganisationType) } : {}),
            version: { increment: 1 },
            updatedAt: now,
          },
        });
      }
      await tx.organisationChange.update({
        where: { id },
        data: {
          status: approve ? 'approved' : 'rejected',
          decidedBy: ctx.caller.userId,
          decidedAt: now,
          decisionReason: decision.reason ?? null,
          updatedAt: now,
        },
      });
      const fields = Object.keys(changes).map(lockedFieldName).join('、');
      await writeAudit(tx, ctx, {
        action: approve ? 'organisation.change.approve' : 'organisation.change.reject',
        objectType: 'organisation_change',
        objectId: id,
        areaCode: org.areaCode,
        details: {
          organisationId: org.id,
          areaCode: org.areaCode,
          from: row.previous,
          to: changes,
          ...(decision.reason ? { reason: decision.reason } : {}),
        },
      });
      await notifyOrganisation(tx, org.id, {
        kind: approve ? 'organisation.change-approved' : 'organisation.change-rejected',
        at: now,
        title: approve ? '变更申请已通过' : '变更申请未通过',
        body: approve
          ? `${org.name}的${fields}变更已审核通过，单位资料已更新。`
          : `${org.name}的${fields}变更申请未通过。理由：${decision.reason ?? ''}`,
        link: { page: 'org-change', id },
      });
    });
  } catch (error) {
    // Another organisation registered the code between the check and the write.
    if (isUniqueViolationOn(error, 'credit_code'))
      throw appError('CREDIT_CODE_TAKEN', { message: TAKEN_MEANWHILE });
    throw error;
  }
  return changeDetail(ctx, id);
}
