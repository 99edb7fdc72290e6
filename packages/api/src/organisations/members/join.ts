import type { JoinOrganisation } from '@kc/domain';
import { ERROR_CODES, memberRoleName } from '@kc/domain';
import { uniqueViolation } from '@kc/db';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { membershipOf } from '../membership';
import type { ApplicantCtx } from './common';
import { membersLink, notifyAdmins, writeOrgAudit } from './common';
import { closedInviteError, inviteState } from './invites';
import { hashInviteCode } from './invite-code';

/** Wrong codes a person may type in an hour before joining is paused: guessing is hopeless. */
const WRONG_CODES_PER_HOUR = 10;

/** The one-active-membership index (hand-written, so PostgreSQL names it, PGlite gives the column). */
function isSecondMembership(error: unknown): boolean {
  const v = uniqueViolation(error);
  if (!v) return false;
  return v.constraint === 'organisation_member_one_active_per_user' || v.columns?.[0] === 'user_id';
}

async function refuseIfGuessing(ctx: ApplicantCtx): Promise<void> {
  const since = new Date(ctx.now().getTime() - 3600_000);
  const wrong = await ctx.db.prisma.auditLog.count({
    where: {
      actorUserId: ctx.caller.userId,
      action: 'organisation.member.join-refused',
      at: { gt: since },
    },
  });
  if (wrong >= WRONG_CODES_PER_HOUR)
    throw appError('RATE_LIMITED', { message: '邀请码输错次数过多，请1小时后再试' });
}

/**
 * 加入单位: a logged-in person with no organisation and no researcher profile becomes a member
 * with the role the invitation names. The invitation is spent in the same transaction by a
 * conditional update, so of two people racing for one code exactly one joins.
 */
export async function joinByCode(ctx: ApplicantCtx, input: JoinOrganisation) {
  await refuseIfGuessing(ctx);
  const userId = ctx.caller.userId;
  let joined;
  try {
    joined = await ctx.db.prisma.$transaction(async (tx) => {
      const current = await membershipOf(tx, userId);
      if (current)
        throw appError('ALREADY_MEMBER', {
          message: `您已是“${current.organisation.name}”的成员，如需加入其他单位，请先退出原单位`,
        });
      if (await tx.researcher.findUnique({ where: { userId }, select: { id: true } }))
        throw appError('ALREADY_REGISTERED', {
          message: '您已注册为科研人员，不能再加入单位',
        });
      const invite = await tx.organisationInvite.findUnique({
        where: { codeHash: hashInviteCode(input.code) },
        include: { organisation: true },
      });
      if (!invite) return null;
      const now = ctx.now();
      const state = inviteState(invite, now);
      if (state !== 'open') throw closedInviteError(state, 'code');
      const { count } = await tx.organisationInvite.updateMany({
        where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedBy: userId, usedAt: now },
      });
      if (count === 0) throw closedInviteError('used', 'code');

      const org = invite.organisation;
      const member = await tx.organisationMember.create({
        data: {
          organisationId: org.id,
          userId,
          role: invite.role,
          origin: 'invited',
          invitedBy: invite.createdBy,
          joinedAt: now,
          createdAt: now,
          updatedAt: now,
        },
      });
      await tx.user.update({
        where: { id: userId },
        data: { displayName: input.name, updatedAt: now },
      });
      const roleLabel = memberRoleName(invite.role);
      await writeOrgAudit(tx, ctx, org, {
        action: 'organisation.member.join',
        objectType: 'organisation_member',
        objectId: member.id,
        details: { memberName: input.name, roleLabel, inviteId: invite.id },
      });
      await notifyAdmins(
        tx,
        org.id,
        {
          kind: 'organisation.member.join',
          title: '新成员加入单位',
          body: `${input.name}已凭邀请码加入“${org.name}”，角色为${roleLabel}。`,
          at: now,
          link: membersLink(org.id),
        },
        userId,
      );
      return {
        organisation: { id: org.id, name: org.name },
        memberId: member.id,
        role: member.role as 'admin' | 'agent',
        roleLabel,
      };
    });
  } catch (error) {
    if (isSecondMembership(error)) throw appError('ALREADY_MEMBER');
    throw error;
  }
  if (joined) return joined;
  // A code that was never issued: recorded (it is what the hourly limit counts), then refused.
  await writeAudit(ctx.db.prisma, ctx, {
    action: 'organisation.member.join-refused',
    objectType: 'organisation_invite',
  });
  throw appError('INVITE_INVALID', { fieldErrors: { code: [ERROR_CODES.INVITE_INVALID] } });
}
