import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { Prisma, User } from '@kc/db';
import { hashPassword, isUniqueViolationOn } from '@kc/db';
import {
  AREA_CODES,
  areaName,
  OFFICER_ROLE_CODES,
  officerCreateSchema,
  officerPasswordFor,
  officerPasswordSchema,
  officerRoleName,
  officerUpdateSchema,
  plainString,
} from '@kc/domain';
import { writeAudit } from '../audit';
import { loginAccountKey } from '../auth/login-throttle';
import type { Context } from '../context';
import { appError } from '../errors';
import { roleFromDb, roleToDb } from '../mappers';
import { officerWithRoles } from '../trpc';
import { likeLiteral } from '../search';

const admin = officerWithRoles('bureau-admin');
const id = z.uuid({ error: '账号编号无效' });

function officerDto(user: User, activeSessions: number) {
  const role = user.role ? roleFromDb(user.role) : null;
  return {
    id: user.id,
    username: user.username ?? '',
    displayName: user.displayName,
    role,
    roleName: role ? officerRoleName(role) : '',
    areaCode: user.areaCode,
    areaName: user.areaCode ? areaName(user.areaCode) : '全市',
    disabled: user.disabled,
    lastLoginAt: user.lastLoginAt,
    secondFactorEnabled: user.totpEnabledAt !== null,
    mustChangePassword: user.mustChangePassword,
    activeSessions,
  };
}

async function activeSessionCounts(ctx: Context, userIds: string[]) {
  const rows = await ctx.db.prisma.session.groupBy({
    by: ['userId'],
    where: { userId: { in: userIds }, revokedAt: null, expiresAt: { gt: ctx.now() } },
    _count: true,
  });
  return new Map(rows.map((r) => [r.userId, r._count]));
}

async function endSessionsOf(tx: Prisma.TransactionClient, userId: string, now: Date) {
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}

/** The policy's check against the account's own name, which the input schema cannot see. */
function assertPasswordPolicy(password: string, username: string) {
  const result = officerPasswordFor(username).safeParse(password);
  if (result.success) return;
  const messages = result.error.issues.map((i) => i.message);
  throw appError('INVALID_INPUT', { message: messages[0], fieldErrors: { password: messages } });
}

async function findOfficer(tx: Prisma.TransactionClient, officerId: string) {
  const user = await tx.user.findUnique({ where: { id: officerId } });
  if (!user || user.kind !== 'OFFICER') throw appError('NOT_FOUND');
  return user;
}

/** Officer accounts (人员账号). Only the bureau admin manages them; every change is audited. */
export const officersRouter = {
  list: admin
    .input(
      z
        .object({
          q: plainString().trim().max(32).optional(),
          role: z.enum(OFFICER_ROLE_CODES).optional(),
          areaCode: z.enum(AREA_CODES).optional(),
          includeDisabled: z.boolean().optional(),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const users = await ctx.db.prisma.user.findMany({
        where: {
          kind: 'OFFICER',
          ...(input.includeDisabled ? {} : { disabled: false }),
          ...(input.role ? { role: roleToDb(input.role) } : {}),
          ...(input.areaCode ? { areaCode: input.areaCode } : {}),
          ...(input.q
            ? {
                OR: [
                  { username: { contains: likeLiteral(input.q), mode: 'insensitive' } },
                  { displayName: { contains: likeLiteral(input.q) } },
                ],
              }
            : {}),
        },
        orderBy: [{ disabled: 'asc' }, { username: 'asc' }],
      });
      const sessions = await activeSessionCounts(
        ctx,
        users.map((u) => u.id),
      );
      return users.map((u) => officerDto(u, sessions.get(u.id) ?? 0));
    }),

  create: admin.input(officerCreateSchema).mutation(async ({ ctx, input }) => {
    const passwordHash = await hashPassword(input.password);
    return ctx.db.prisma.$transaction(async (tx) => {
      let user: User;
      try {
        user = await tx.user.create({
          data: {
            kind: 'OFFICER',
            username: input.username,
            displayName: input.displayName,
            role: roleToDb(input.role),
            areaCode: input.areaCode,
            passwordHash,
            // The admin chose it: the officer sets their own at first login.
            mustChangePassword: true,
            createdAt: ctx.now(),
            updatedAt: ctx.now(),
          },
        });
      } catch (error) {
        if (isUniqueViolationOn(error, 'username'))
          throw appError('USERNAME_TAKEN', { fieldErrors: { username: ['该用户名已被使用'] } });
        throw error;
      }
      await writeAudit(tx, ctx, {
        action: 'officer.create',
        objectType: 'user',
        objectId: user.id,
        areaCode: user.areaCode,
        details: { username: user.username, role: input.role },
      });
      return officerDto(user, 0);
    });
  }),

  update: admin.input(officerUpdateSchema).mutation(async ({ ctx, input }) => {
    return ctx.db.prisma.$transaction(async (tx) => {
      const before = await findOfficer(tx, input.id);
      const self = before.id === ctx.caller.userId;
      if (self && (input.disabled === true || (input.role && input.role !== 'bureau-admin')))
        throw appError('FORBIDDEN', { message: '不能停用自己的账号或降低自己的权限' });
      const role = input.role ?? (before.role ? roleFromDb(before.role) : undefined);
      const areaCode =
        input.areaCode !== undefined
          ? input.areaCode
          : role === 'area-officer'
            ? before.areaCode
            : null;
      if (role === 'area-officer' && !areaCode)
        throw appError('INVALID_INPUT', {
          message: '县区园区管理员须选择所属县区或园区',
          fieldErrors: { areaCode: ['县区园区管理员须选择所属县区或园区'] },
        });
      const user = await tx.user.update({
        where: { id: before.id },
        data: {
          ...(input.displayName ? { displayName: input.displayName } : {}),
          ...(role ? { role: roleToDb(role) } : {}),
          areaCode: role === 'area-officer' ? areaCode : null,
          ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
          updatedAt: ctx.now(),
        },
      });
      // A disabled account, or one whose remit changed, signs in again.
      const remitChanged = user.role !== before.role || user.areaCode !== before.areaCode;
      const ended = user.disabled || remitChanged ? await endSessionsOf(tx, user.id, ctx.now()) : 0;
      await writeAudit(tx, ctx, {
        action:
          input.disabled === true
            ? 'officer.disable'
            : input.disabled === false
              ? 'officer.enable'
              : 'officer.update',
        objectType: 'user',
        objectId: user.id,
        areaCode: user.areaCode,
        details: {
          username: user.username,
          role: role ?? null,
          areaCode: user.areaCode,
          disabled: user.disabled,
          endedSessions: ended,
        },
      });
      return officerDto(user, 0);
    });
  }),

  resetPassword: admin
    .input(z.object({ id, password: officerPasswordSchema }))
    .mutation(async ({ ctx, input }) => {
      const target = await findOfficer(ctx.db.prisma, input.id);
      assertPasswordPolicy(input.password, target.username ?? '');
      const passwordHash = await hashPassword(input.password);
      return ctx.db.prisma.$transaction(async (tx) => {
        const user = await findOfficer(tx, input.id);
        await tx.user.update({
          where: { id: user.id },
          // A password someone else knows: the officer replaces it at the next login.
          data: { passwordHash, mustChangePassword: true, updatedAt: ctx.now() },
        });
        // A new password also lifts any login delay on the account (auth/login-throttle.ts).
        if (user.username)
          await tx.rateLimitCounter.deleteMany({ where: { key: loginAccountKey(user.username) } });
        const ended = await endSessionsOf(tx, user.id, ctx.now());
        await writeAudit(tx, ctx, {
          action: 'officer.reset-password',
          objectType: 'user',
          objectId: user.id,
          areaCode: user.areaCode,
          details: { username: user.username, endedSessions: ended },
        });
        return { ok: true as const };
      });
    }),

  endSessions: admin.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    return ctx.db.prisma.$transaction(async (tx) => {
      const user = await findOfficer(tx, input.id);
      const ended = await endSessionsOf(tx, user.id, ctx.now());
      await writeAudit(tx, ctx, {
        action: 'officer.end-sessions',
        objectType: 'user',
        objectId: user.id,
        areaCode: user.areaCode,
        details: { username: user.username, endedSessions: ended },
      });
      return { ended };
    });
  }),
} satisfies TRPCRouterRecord;
