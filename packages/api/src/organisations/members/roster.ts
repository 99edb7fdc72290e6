import type { MemberRole } from '@kc/domain';
import { memberRoleName } from '@kc/domain';
import { requireMembership } from '../membership';
import type { ApplicantCtx } from './common';
import { DEFAULT_APPLICANT_NAME, writeOrgAudit } from './common';

const ORIGIN_NAMES: Record<string, string> = {
  registered: '注册单位',
  invited: '邀请加入',
  claim: '认领申诉',
  migrated: '原单位账号',
};

/**
 * 单位成员, for every member: names, roles and when each joined, administrators first. People
 * are shown by the name they gave, never by WeChat identifiers.
 */
export async function listMembers(ctx: ApplicantCtx) {
  const prisma = ctx.db.prisma;
  const me = await requireMembership(prisma, ctx.caller.userId);
  const org = me.organisation;
  const rows = await prisma.organisationMember.findMany({
    where: { organisationId: org.id, status: 'active' },
    include: { user: { select: { displayName: true } } },
    orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
  });
  const members = rows
    .map((m) => ({
      id: m.id,
      name: m.user.displayName,
      /** The person has not told us their name yet (they registered the organisation). */
      nameMissing: m.user.displayName === DEFAULT_APPLICANT_NAME,
      role: m.role as MemberRole,
      roleLabel: memberRoleName(m.role),
      joinedAt: m.joinedAt,
      originLabel: ORIGIN_NAMES[m.origin] ?? '',
      isMe: m.id === me.memberId,
    }))
    .sort((a, b) => Number(b.role === 'admin') - Number(a.role === 'admin'));
  return {
    organisation: {
      id: org.id,
      name: org.name,
      verified: org.verificationStatus === 'verified',
    },
    me: {
      memberId: me.memberId,
      role: me.role,
      roleLabel: memberRoleName(me.role),
      isAdmin: me.role === 'admin',
    },
    adminCount: members.filter((m) => m.role === 'admin').length,
    members,
  };
}

/** The name one's colleagues see (and the activity log shows). */
export async function setMyName(ctx: ApplicantCtx, name: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const me = await requireMembership(tx, ctx.caller.userId);
    const before = await tx.user.findUniqueOrThrow({
      where: { id: ctx.caller.userId },
      select: { displayName: true },
    });
    await tx.user.update({
      where: { id: ctx.caller.userId },
      data: { displayName: name, updatedAt: ctx.now() },
    });
    await writeOrgAudit(tx, ctx, me.organisation, {
      action: 'organisation.member.rename',
      objectType: 'organisation_member',
      objectId: me.memberId,
      details: { memberName: name, previousName: before.displayName },
    });
    return { name };
  });
}
