import type { Organisation, TransactionClient } from '@kc/db';
import type { MemberRole } from '@kc/domain';
import { memberRoleName } from '@kc/domain';
import { appError } from '../../errors';
import { notify } from '../../notifications/write';
import type { Membership } from '../membership';
import { requireMembership, requireOrgAdmin } from '../membership';
import { lockOrganisation } from '../../awards/locks';
import type { ApplicantCtx } from './common';
import { membersLink, notifyAdmins, writeOrgAudit } from './common';

/**
 * The caller's organisation, locked for the rest of the transaction, and the caller's membership
 * read again under that lock: changes of people in one organisation go one at a time, so two
 * administrators leaving (or demoting each other) at once cannot leave it with none.
 */
async function lockMine(tx: TransactionClient, ctx: ApplicantCtx, need: 'member' | 'admin') {
  const first = await requireMembership(tx, ctx.caller.userId);
  const org = await lockOrganisation(tx, first.organisation.id);
  const me =
    need === 'admin'
      ? await requireOrgAdmin(tx, ctx.caller.userId)
      : await requireMembership(tx, ctx.caller.userId);
  return { org, me };
}

/** An active member of the organisation by id; anyone else answers like a missing record. */
async function memberOf(tx: TransactionClient, org: Organisation, memberId: string) {
  const member = await tx.organisationMember.findUnique({
    where: { id: memberId },
    include: { user: { select: { displayName: true } } },
  });
  if (!member || member.organisationId !== org.id || member.status !== 'active')
    throw appError('NOT_FOUND', { message: '该成员不存在或已不在本单位' });
  return member;
}

async function adminCount(tx: TransactionClient, organisationId: string): Promise<number> {
  return tx.organisationMember.count({
    where: { organisationId, status: 'active', role: 'admin' },
  });
}

function refuseSelf(me: Membership, memberId: string): void {
  if (me.memberId === memberId) throw appError('MEMBER_IS_SELF');
}

/**
 * 移除成员 (administrators). The codes the removed person made stop working too: otherwise a
 * removed administrator could come back with an invitation made before.
 */
export async function removeMember(ctx: ApplicantCtx, memberId: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const { org, me } = await lockMine(tx, ctx, 'admin');
    refuseSelf(me, memberId);
    const target = await memberOf(tx, org, memberId);
    const now = ctx.now();
    await tx.organisationMember.update({
      where: { id: target.id },
      data: {
        status: 'ended',
        endedAt: now,
        endReason: 'removed',
        endedBy: ctx.caller.userId,
        updatedAt: now,
      },
    });
    const { count: revokedInvites } = await tx.organisationInvite.updateMany({
      where: { organisationId: org.id, createdBy: target.userId, usedAt: null, revokedAt: null },
      data: { revokedBy: ctx.caller.userId, revokedAt: now },
    });
    await writeOrgAudit(tx, ctx, org, {
      action: 'organisation.member.remove',
      objectType: 'organisation_member',
      objectId: target.id,
      details: {
        memberName: target.user.displayName,
        roleLabel: memberRoleName(target.role),
        revokedInvites,
      },
    });
    await notify(tx, {
      userId: target.userId,
      kind: 'organisation.member.remove',
      title: '您已被移出单位',
      body: `“${org.name}”的管理员已将您移出单位，您不能再以该单位名义办理事项。`,
      at: now,
    });
    return { id: target.id, endedAt: now };
  });
}

/**
 * 移交管理员: the caller makes another member administrator and becomes 经办人, in one step, so
 * the organisation is never without an administrator in between.
 */
export async function handOver(ctx: ApplicantCtx, memberId: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const { org, me } = await lockMine(tx, ctx, 'admin');
    refuseSelf(me, memberId);
    const target = await memberOf(tx, org, memberId);
    const now = ctx.now();
    await tx.organisationMember.update({
      where: { id: target.id },
      data: { role: 'admin', updatedAt: now },
    });
    await tx.organisationMember.update({
      where: { id: me.memberId },
      data: { role: 'agent', updatedAt: now },
    });
    const myName = await nameOf(tx, ctx.caller.userId);
    await writeOrgAudit(tx, ctx, org, {
      action: 'organisation.member.hand-over',
      objectType: 'organisation_member',
      objectId: target.id,
      details: { memberName: target.user.displayName, fromName: myName },
    });
    await notify(tx, {
      userId: target.userId,
      kind: 'organisation.member.hand-over',
      title: '您已成为单位管理员',
      body: `${myName}已将“${org.name}”的管理员身份移交给您，您可以管理成员、收款账户和认证资料。`,
      at: now,
      link: membersLink(org.id),
    });
    return { adminMemberId: target.id, myRole: 'agent' as const };
  });
}

/** 调整角色 (administrators): the last administrator cannot become 经办人. */
export async function setRole(ctx: ApplicantCtx, memberId: string, role: MemberRole) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const { org } = await lockMine(tx, ctx, 'admin');
    const target = await memberOf(tx, org, memberId);
    if (target.role === role) return { id: target.id, role };
    if (target.role === 'admin' && (await adminCount(tx, org.id)) <= 1)
      throw appError('LAST_ADMIN', {
        message: '该成员是单位唯一的管理员，不能改为经办人，请先将管理员身份移交给其他成员',
      });
    const now = ctx.now();
    await tx.organisationMember.update({
      where: { id: target.id },
      data: { role, updatedAt: now },
    });
    await writeOrgAudit(tx, ctx, org, {
      action: 'organisation.member.set-role',
      objectType: 'organisation_member',
      objectId: target.id,
      details: {
        memberName: target.user.displayName,
        roleLabel: memberRoleName(role),
        previousRoleLabel: memberRoleName(target.role),
      },
    });
    if (target.userId !== ctx.caller.userId)
      await notify(tx, {
        userId: target.userId,
        kind: 'organisation.member.set-role',
        title: '您在单位中的角色已调整',
        body: `您在“${org.name}”的角色已调整为${memberRoleName(role)}。`,
        at: now,
        link: membersLink(org.id),
      });
    return { id: target.id, role };
  });
}

/** 退出单位: anyone but the last administrator, who hands over first. */
export async function leave(ctx: ApplicantCtx) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const { org, me } = await lockMine(tx, ctx, 'member');
    if (me.role === 'admin' && (await adminCount(tx, org.id)) <= 1) {
      const others = await tx.organisationMember.count({
        where: { organisationId: org.id, status: 'active', id: { not: me.memberId } },
      });
      throw appError('LAST_ADMIN', {
        ...(others === 0
          ? { message: '您是该单位唯一的管理员，请先邀请同事加入并移交管理员身份，再退出单位' }
          : {}),
      });
    }
    const now = ctx.now();
    await tx.organisationMember.update({
      where: { id: me.memberId },
      data: {
        status: 'ended',
        endedAt: now,
        endReason: 'left',
        endedBy: ctx.caller.userId,
        updatedAt: now,
      },
    });
    const myName = await nameOf(tx, ctx.caller.userId);
    await writeOrgAudit(tx, ctx, org, {
      action: 'organisation.member.leave',
      objectType: 'organisation_member',
      objectId: me.memberId,
      details: { memberName: myName, roleLabel: memberRoleName(me.role) },
    });
    await notifyAdmins(tx, org.id, {
      kind: 'organisation.member.leave',
      title: '成员退出单位',
      body: `${myName}（${memberRoleName(me.role)}）已退出“${org.name}”。`,
      at: now,
      link: membersLink(org.id),
    });
    return { left: true as const };
  });
}

async function nameOf(tx: TransactionClient, userId: string): Promise<string> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { displayName: true },
  });
  return user.displayName;
}
