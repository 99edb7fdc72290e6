import type { TRPCRouterRecord } from '@trpc/server';
import type { Prisma } from '@kc/db';
import { hashPassword, verifyPassword } from '@kc/db';
import { officerLoginSchema, wechatLoginSchema, wechatPhoneCodeSchema } from '@kc/domain';
import { writeAudit } from '../audit';
import { newSessionToken } from '../auth/tokens';
import { phoneFromWeChat } from '../auth/phone';
import { WeChatLoginError } from '../auth/wechat';
import type { Context } from '../context';
import { appError } from '../errors';
import { roleFromDb } from '../mappers';
import { applicantProcedure, authedProcedure, publicProcedure } from '../trpc';

async function startSession(
  db: Pick<Prisma.TransactionClient, 'session'>,
  ctx: Context,
  userId: string,
  ttlMs: number,
) {
  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(ctx.now().getTime() + ttlMs);
  await db.session.create({
    data: {
      tokenHash,
      userId,
      expiresAt,
      createdAt: ctx.now(),
      lastSeenAt: ctx.now(),
      userAgent: ctx.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, expiresAt };
}

async function profileTypeOf(
  ctx: Context,
  userId: string,
): Promise<'organisation' | 'researcher' | null> {
  const [member, researcher] = await Promise.all([
    ctx.db.prisma.organisationMember.findFirst({
      where: { userId, status: 'active' },
      select: { id: true },
    }),
    ctx.db.prisma.researcher.findUnique({ where: { userId }, select: { id: true } }),
  ]);
  return member ? 'organisation' : researcher ? 'researcher' : null;
}

/** Verifying against a fixed hash when the user does not exist keeps response times alike. */
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('decoy-password-for-timing'));

export const authRouter = {
  /** Mini-program login: wx.login() code → openid (server side) → our own session token. */
  wechatLogin: publicProcedure.input(wechatLoginSchema).mutation(async ({ ctx, input }) => {
    let openid: string;
    try {
      ({ openid } = await ctx.wechat.code2Session(input.code));
    } catch (error) {
      if (error instanceof WeChatLoginError) {
        ctx.log.warn({ errcode: error.errcode, err: error.message }, 'wechat login failed');
        throw appError('WECHAT_LOGIN_FAILED');
      }
      throw error;
    }
    const user = await ctx.db.prisma.user.upsert({
      where: { openid },
      create: {
        kind: 'APPLICANT',
        openid,
        displayName: '微信用户',
        lastLoginAt: ctx.now(),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      },
      update: { lastLoginAt: ctx.now() },
    });
    if (user.kind !== 'APPLICANT') throw appError('FORBIDDEN');
    if (user.disabled) throw appError('ACCOUNT_DISABLED');
    const session = await startSession(
      ctx.db.prisma,
      ctx,
      user.id,
      ctx.config.applicantSessionTtlMs,
    );
    return {
      ...session,
      user: {
        id: user.id,
        kind: 'applicant' as const,
        profileType: await profileTypeOf(ctx, user.id),
      },
    };
  }),

  /**
   * The applicant's mobile number as WeChat has verified it (the phone-number button's one-time
   * code). Only filled into the form: saving the profile still goes through its schema.
   */
  phoneNumber: applicantProcedure
    .input(wechatPhoneCodeSchema)
    .mutation(async ({ ctx, input }) => ({ mobile: await phoneFromWeChat(ctx, input.code) })),

  /** Officer login with lockout after repeated failures. */
  officerLogin: publicProcedure.input(officerLoginSchema).mutation(async ({ ctx, input }) => {
    const prisma = ctx.db.prisma;
    const user = await prisma.user.findUnique({ where: { username: input.username } });
    const who = { caller: null, ip: ctx.ip, now: ctx.now };
    if (!user || user.kind !== 'OFFICER' || !user.passwordHash || !user.role) {
      await verifyPassword(input.password, await decoy());
      await writeAudit(prisma, who, {
        action: 'auth.officer-login-failed',
        objectType: 'user',
        details: { username: input.username, reason: 'unknown-user' },
      });
      throw appError('WRONG_CREDENTIALS');
    }
    const now = ctx.now();
    if (user.lockedUntil && user.lockedUntil > now) {
      const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
      throw appError('ACCOUNT_LOCKED', {
        message: `密码错误次数过多，账号已锁定，请${minutes}分钟后再试`,
      });
    }
    if (user.disabled) throw appError('ACCOUNT_DISABLED');

    if (!(await verifyPassword(input.password, user.passwordHash))) {
      const { maxFailures, lockMs } = ctx.config.lockout;
      const locked = await prisma.$transaction(async (tx) => {
        const updated = await tx.user.update({
          where: { id: user.id },
          data: { failedLoginCount: { increment: 1 } },
        });
        const lock = updated.failedLoginCount >= maxFailures;
        if (lock) {
          await tx.user.update({
            where: { id: user.id },
            data: { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + lockMs) },
          });
        }
        await writeAudit(tx, who, {
          action: lock ? 'auth.officer-locked' : 'auth.officer-login-failed',
          objectType: 'user',
          objectId: user.id,
          details: { username: user.username, failures: updated.failedLoginCount },
        });
        return lock;
      });
      if (locked) {
        throw appError('ACCOUNT_LOCKED', {
          message: `密码连续错误${maxFailures}次，账号已锁定${Math.round(lockMs / 60_000)}分钟`,
        });
      }
      throw appError('WRONG_CREDENTIALS');
    }

    // The officer who logged in is the actor (a failed attempt has none: nobody proved who).
    const actor = { kind: 'officer' as const, userId: user.id, role: roleFromDb(user.role) };
    const session = await prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
      });
      const session = await startSession(tx, ctx, user.id, ctx.config.officerSessionTtlMs);
      await writeAudit(
        tx,
        { ...who, caller: actor },
        {
          action: 'auth.officer-login',
          objectType: 'user',
          objectId: user.id,
          areaCode: user.areaCode,
          details: { username: user.username },
        },
      );
      return session;
    });
    return {
      ...session,
      officer: {
        id: user.id,
        username: user.username ?? input.username,
        displayName: user.displayName,
        role: roleFromDb(user.role),
        areaCode: user.areaCode,
      },
    };
  }),

  /** Who am I: the mini-program and the admin call this on start. */
  me: authedProcedure.query(async ({ ctx }) => {
    const caller = ctx.caller;
    if (caller.kind === 'officer') {
      return {
        kind: 'officer' as const,
        id: caller.userId,
        username: caller.username,
        displayName: caller.displayName,
        role: caller.role,
        areaCode: caller.areaCode,
      };
    }
    return {
      kind: 'applicant' as const,
      id: caller.userId,
      profileType: await profileTypeOf(ctx, caller.userId),
    };
  }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.db.prisma.$transaction(async (tx) => {
      await tx.session.update({
        where: { id: ctx.caller.sessionId },
        data: { revokedAt: ctx.now() },
      });
      if (ctx.caller.kind === 'officer') {
        await writeAudit(tx, ctx, {
          action: 'auth.officer-logout',
          objectType: 'user',
          objectId: ctx.caller.userId,
        });
      }
    });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
