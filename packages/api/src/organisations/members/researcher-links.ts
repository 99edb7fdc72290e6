import { fieldName, maskMobile, researcherTitleName } from '@kc/domain';
import { appError } from '../../errors';
import { notify } from '../../notifications/write';
import { requireOrgAdmin } from '../membership';
import type { ApplicantCtx } from './common';
import { writeOrgAudit } from './common';

/** Researchers who named this organisation as their 工作单位 and wait for its answer. */
export async function pendingLinks(ctx: ApplicantCtx) {
  const prisma = ctx.db.prisma;
  const { organisation: org } = await requireOrgAdmin(prisma, ctx.caller.userId);
  const rows = await prisma.researcher.findMany({
    where: { institutionOrgId: org.id, institutionLinkStatus: 'pending' },
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({
    researcherId: r.id,
    name: r.name,
    titleLabel: researcherTitleName(r.title),
    institutionName: r.institutionName,
    mobileMasked: maskMobile(r.mobile),
    fieldNames: r.fieldCodes.map(fieldName),
    requestedAt: r.updatedAt,
  }));
}

/**
 * The administrator confirms (or not) that the researcher works there. Only a verified
 * organisation's word counts: its type (高校 / 科研院所) then decides the 科技副总 rule.
 */
export async function decideLink(
  ctx: ApplicantCtx,
  input: { researcherId: string; decision: 'confirmed' | 'rejected' },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const { organisation: org } = await requireOrgAdmin(tx, ctx.caller.userId);
    const researcher = await tx.researcher.findUnique({ where: { id: input.researcherId } });
    // Someone who did not name this organisation answers like a missing record.
    if (!researcher || researcher.institutionOrgId !== org.id) throw appError('NOT_FOUND');
    if (researcher.institutionLinkStatus !== 'pending') throw appError('INSTITUTION_LINK_CLOSED');
    if (org.verificationStatus !== 'verified')
      throw appError('ORGANISATION_NOT_VERIFIED', {
        message: '单位通过机构认证后，才能确认科研人员是否为本单位人员',
      });
    const now = ctx.now();
    // Conditional: the researcher changing their 单位 at the same moment makes this one stale.
    const { count } = await tx.researcher.updateMany({
      where: { id: researcher.id, institutionOrgId: org.id, institutionLinkStatus: 'pending' },
      data: {
        institutionLinkStatus: input.decision,
        institutionLinkDecidedBy: ctx.caller.userId,
        institutionLinkDecidedAt: now,
        updatedAt: now,
      },
    });
    if (count === 0) throw appError('INSTITUTION_LINK_CLOSED');
    const confirmed = input.decision === 'confirmed';
    await writeOrgAudit(tx, ctx, org, {
      action: confirmed
        ? 'organisation.researcher-link.confirm'
        : 'organisation.researcher-link.reject',
      objectType: 'researcher',
      objectId: researcher.id,
      details: { researcherName: researcher.name },
    });
    await notify(tx, {
      userId: researcher.userId,
      kind: `organisation.researcher-link.${confirmed ? 'confirm' : 'reject'}`,
      title: confirmed ? '工作单位已确认' : '工作单位未获确认',
      body: confirmed
        ? `“${org.name}”已确认您是本单位人员。`
        : `“${org.name}”的管理员未确认您是本单位人员。如有误，请联系该单位，或在“修改资料”中更正工作单位。`,
      at: now,
    });
    return { researcherId: researcher.id, status: input.decision };
  });
}
