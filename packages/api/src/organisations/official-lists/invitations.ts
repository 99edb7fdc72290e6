import { todayInShanghai } from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { requireMembership, requireOrgAdmin } from '../membership';
import type { ApplicantCtx } from './common';
import { planConfirmation } from './invitation-plan';
import { INVITATION_INCLUDE } from './invitation-row';
import { invitationDetail, invitationOf, invitationSummary } from './invitation-view';

/** 免申即享 invitations of the caller's organisation, open ones first. */
export async function myInvitations(ctx: ApplicantCtx) {
  const prisma = ctx.db.prisma;
  const membership = await requireMembership(prisma, ctx.caller.userId);
  const rows = await prisma.exemptionInvitation.findMany({
    where: { organisationId: membership.organisation.id },
    include: INVITATION_INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  const today = todayInShanghai(ctx.now());
  const items = rows.map((r) => invitationSummary(r, today));
  return {
    items: [
      ...items.filter((i) => i.status === 'invited'),
      ...items.filter((i) => i.status !== 'invited'),
    ],
    waiting: items.filter((i) => i.status === 'invited').length,
  };
}

/** One invitation, as any member sees it: the pre-filled application, the amount, what is missing. */
export async function myInvitation(ctx: ApplicantCtx, invitationId: string) {
  const prisma = ctx.db.prisma;
  const membership = await requireMembership(prisma, ctx.caller.userId);
  const row = await invitationOf(prisma, membership.organisation.id, invitationId);
  const plan = await planConfirmation(prisma, membership.organisation, row, {
    now: ctx.now(),
    who: '',
  });
  return invitationDetail(
    row,
    membership.organisation,
    membership.role,
    plan,
    todayInShanghai(ctx.now()),
  );
}

/** The message for acting on an invitation that is no longer open. */
export function closedInvitation(status: string) {
  const why: Record<string, string> = {
    confirmed: '该免申即享邀请已确认申领，请在“我的申请”查看进度',
    declined: '该免申即享邀请已放弃',
    void: '该免申即享邀请已失效',
  };
  return appError('INVITATION_CLOSED', { message: why[status] ?? undefined });
}

/** 放弃申领 (administrators): the invitation closes with the reason given. */
export async function declineInvitation(
  ctx: ApplicantCtx,
  input: { invitationId: string; reason?: string | undefined },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const membership = await requireOrgAdmin(tx, ctx.caller.userId);
    const org = membership.organisation;
    const row = await invitationOf(tx, org.id, input.invitationId);
    const closed = await tx.exemptionInvitation.updateMany({
      where: { id: row.id, status: 'invited' },
      data: {
        status: 'declined',
        closedReason: input.reason?.trim() || '单位管理员放弃申领',
        updatedAt: ctx.now(),
      },
    });
    if (closed.count !== 1) throw closedInvitation(row.status);
    await writeAudit(tx, ctx, {
      action: 'exemption.decline',
      objectType: 'exemption_invitation',
      objectId: row.id,
      areaCode: org.areaCode,
      details: {
        organisationId: org.id,
        areaCode: org.areaCode,
        ruleId: row.ruleId,
        documentNo: row.listEntry.documentNo,
        reason: input.reason?.trim() || null,
      },
    });
    return invitationSummary(await invitationOf(tx, org.id, row.id), todayInShanghai(ctx.now()));
  });
}
