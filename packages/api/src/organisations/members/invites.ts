import type { OrganisationInvite } from '@kc/db';
import type { MemberRole } from '@kc/domain';
import { ERROR_CODES, INVITE_QR_PREFIX, INVITE_TTL_HOURS, memberRoleName } from '@kc/domain';
import { isUniqueViolationOn } from '@kc/db';
import { appError } from '../../errors';
import { requireOrgAdmin } from '../membership';
import type { ApplicantCtx } from './common';
import { writeOrgAudit } from './common';
import { hashInviteCode, inviteQrSvg, newInviteCode } from './invite-code';

export type InviteState = 'open' | 'used' | 'revoked' | 'expired';

/** Where an invitation stands at `now` (the injected clock's). */
export function inviteState(
  invite: Pick<OrganisationInvite, 'usedAt' | 'revokedAt' | 'expiresAt'>,
  now: Date,
): InviteState {
  if (invite.usedAt) return 'used';
  if (invite.revokedAt) return 'revoked';
  return invite.expiresAt <= now ? 'expired' : 'open';
}

/** The refusal for an invitation that cannot be used (or revoked) any more; `field` places it in a form. */
export function closedInviteError(state: Exclude<InviteState, 'open'>, field?: string) {
  const code =
    state === 'used' ? 'INVITE_USED' : state === 'expired' ? 'INVITE_EXPIRED' : 'INVITE_INVALID';
  const message =
    state === 'revoked'
      ? '该邀请码已被单位管理员撤销，请向管理员索取新的邀请码'
      : ERROR_CODES[code];
  return appError(code, { message, ...(field ? { fieldErrors: { [field]: [message] } } : {}) });
}

/**
 * 邀请成员: a one-time code valid 72 hours, shown once with its QR. Only the code's SHA-256 is
 * kept, so the administrator who lost it makes a new one (and revokes the old).
 */
export async function createInvite(ctx: ApplicantCtx, role: MemberRole) {
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_HOURS * 3600_000);
  // Two equal codes among ~10^12 are unlikely; the unique hash makes one retry enough if it happens.
  for (let attempt = 0; ; attempt++) {
    const code = newInviteCode();
    try {
      const invite = await ctx.db.prisma.$transaction(async (tx) => {
        const { organisation: org } = await requireOrgAdmin(tx, ctx.caller.userId);
        const created = await tx.organisationInvite.create({
          data: {
            organisationId: org.id,
            codeHash: hashInviteCode(code),
            role,
            createdBy: ctx.caller.userId,
            createdAt: now,
            expiresAt,
          },
        });
        await writeOrgAudit(tx, ctx, org, {
          action: 'organisation.member.invite',
          objectType: 'organisation_invite',
          objectId: created.id,
          details: { role, roleLabel: memberRoleName(role), expiresAt },
        });
        return created;
      });
      return {
        id: invite.id,
        code,
        qrPayload: `${INVITE_QR_PREFIX}${code}`,
        qrSvg: await inviteQrSvg(code),
        role,
        roleLabel: memberRoleName(role),
        expiresAt,
      };
    } catch (error) {
      if (attempt < 2 && isUniqueViolationOn(error, 'code_hash')) continue;
      throw error;
    }
  }
}

/** The codes still waiting to be used (administrators): never the codes themselves. */
export async function openInvites(ctx: ApplicantCtx) {
  const prisma = ctx.db.prisma;
  const { organisation: org } = await requireOrgAdmin(prisma, ctx.caller.userId);
  const rows = await prisma.organisationInvite.findMany({
    where: { organisationId: org.id, usedAt: null, revokedAt: null, expiresAt: { gt: ctx.now() } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  const creators = new Map(
    (
      await prisma.user.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.createdBy))] } },
        select: { id: true, displayName: true },
      })
    ).map((u) => [u.id, u.displayName]),
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role as MemberRole,
    roleLabel: memberRoleName(r.role),
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    createdByName: creators.get(r.createdBy) ?? '',
  }));
}

/** Withdraws a code that was not used yet (given to the wrong person, or lost). */
export async function revokeInvite(ctx: ApplicantCtx, inviteId: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const { organisation: org } = await requireOrgAdmin(tx, ctx.caller.userId);
    const invite = await tx.organisationInvite.findUnique({ where: { id: inviteId } });
    // Another organisation's invitation answers like a missing one.
    if (!invite || invite.organisationId !== org.id) throw appError('NOT_FOUND');
    const now = ctx.now();
    const state = inviteState(invite, now);
    if (state !== 'open') throw closedInviteError(state);
    // Conditional: a colleague joining with this code at the same moment wins or loses cleanly.
    const { count } = await tx.organisationInvite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null },
      data: { revokedBy: ctx.caller.userId, revokedAt: now },
    });
    if (count === 0) throw appError('INVITE_USED');
    await writeOrgAudit(tx, ctx, org, {
      action: 'organisation.member.revoke-invite',
      objectType: 'organisation_invite',
      objectId: invite.id,
      details: { roleLabel: memberRoleName(invite.role) },
    });
    return { id: invite.id, revokedAt: now };
  });
}
