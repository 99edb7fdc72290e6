import type { TRPCRouterRecord } from '@trpc/server';
import type { Prisma } from '@kc/db';
import { hashPassword } from '@kc/db';
import { officerLoginSchema, wechatLoginSchema, wechatPhoneCodeSchema } from '@kc/domain';
import { writeAudit } from '../audit';
import { loginAttempt, loginCompleted } from '../auth/login-throttle';
import { newSessionToken } from '../auth/tokens';
import { phoneFromWeChat } from '../auth/phone';
import { WeChatLoginError } from '../auth/wechat';
import type { Context } from '../context';
import { appError } from '../errors';
import { roleFromDb } from '../mappers';
import type { LoginStep } from '@kc/domain';
import { loginOpening } from '../auth/second-factor';
import { consentOnLogin } from '../privacy/consent';
import type { ApplicantCaller } from '../caller';
import { applicantProcedure, publicProcedure, sessionProcedure } from '../trpc';

async function startSession(
  db: Pick<Prisma.TransactionClient, 'session'>,
  ctx: Context,
  userId: string,
  ttlMs: number,
  pendingStep: LoginStep | null = null,
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
      ip: ctx.ip?.slice(0, 64) ?? null,
      pendingStep,
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
        ctx.metrics?.loginFailed('applicant', 'wechat-code');
        throw appError('WECHAT_LOGIN_FAILED');
      }
      throw error;
    }
    // One transaction: the account, the acceptance of the notice and the session.
    const { user, session, consentRequired } = await ctx.db.prisma.$transaction(async (tx) => {
      const user = await tx.user.upsert({
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
      const consentRequired = await consentOnLogin(tx, ctx, user.id, input.acceptedNoticeVersion);
      const session = await startSession(tx, ctx, user.id, ctx.config.applicantSessionTtlMs);
      return { user, session, consentRequired };
    });
    return {
      ...session,
      user: {
        id: user.id,
        kind: 'applicant' as const,
        profileType: await profileTypeOf(ctx, user.id),
      },
      // The mini-program shows the notice (同意 / 不同意) before anything else.
      consentRequired,
    };
  }),

  /**
   * The applicant's mobile number as WeChat has verified it (the phone-number button's one-time
   * code). Only filled into the form: saving the profile still goes through its schema.
   */
  phoneNumber: applicantProcedure
    .input(wechatPhoneCodeSchema)
    .mutation(async ({ ctx, input }) => ({ mobile: await phoneFromWeChat(ctx, input.code) })),

  /** Officer login, throttled (never locked) after repeated failures: auth/login-throttle.ts. */
  officerLogin: publicProcedure.input(officerLoginSchema).mutation(async ({ ctx, input }) => {
    const prisma = ctx.db.prisma;
    // Looked up once: the throttle is told who it is (an unknown name takes the same steps).
    const found = await prisma.user.findUnique({ where: { username: input.username } });
    const user =
      found?.kind === 'OFFICER' && found.passwordHash && found.role
        ? { ...found, passwordHash: found.passwordHash, role: found.role }
        : null;
    const attempt = loginAttempt(ctx, { username: input.username, userId: user?.id ?? null });
    await attempt.check();
    const who = { caller: null, ip: ctx.ip, now: ctx.now };
    if (!user) {
      await attempt.verify(input.password, await decoy());
      return attempt.failed('unknown-user');
    }
    const now = ctx.now();
    if (!(await attempt.verify(input.password, user.passwordHash))) {
      return attempt.failed('wrong-password');
    }
    // Only after the password: a wrong one tells nobody whether the account exists or is disabled.
    if (user.disabled) throw appError('ACCOUNT_DISABLED');
    // The officer who logged in is the actor (a failed attempt has none: nobody proved who).
    const officer = {
      userId: user.id,
      username: user.username ?? input.username,
      role: roleFromDb(user.role),
      areaCode: user.areaCode,
    };
    const session = await prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { lastLoginAt: now },
      });
      // The session may still owe steps (second factor, new password): auth/second-factor.ts.
      const opening = loginOpening(user, ctx.config);
      const session = await startSession(tx, ctx, user.id, opening.ttlMs, opening.pendingStep);
      if (opening.pendingStep === null) {
        await loginCompleted(tx, { officer, ip: ctx.ip, now: ctx.now });
      } else {
        await writeAudit(
          tx,
          { ...who, caller: { kind: 'officer', userId: user.id, role: officer.role } },
          {
            action: 'auth.officer-password-accepted',
            objectType: 'user',
            objectId: user.id,
            areaCode: user.areaCode,
            details: { username: officer.username, pendingStep: opening.pendingStep },
          },
        );
      }
      return { ...session, pendingStep: opening.pendingStep };
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

  /**
   * Who am I: the mini-program and the admin call this on start. A login that still owes a step
   * answers too, with `pendingStep`, so the admin can continue it.
   */
  me: sessionProcedure.query(async ({ ctx }) => {
    const officer = ctx.caller?.kind === 'officer' ? ctx.caller : (ctx.pending ?? null);
    if (officer) {
      return {
        kind: 'officer' as const,
        id: officer.userId,
        username: officer.username,
        displayName: officer.displayName,
        role: officer.role,
        areaCode: officer.areaCode,
        pendingStep: ctx.pending?.step ?? null,
      };
    }
    const caller = ctx.caller as ApplicantCaller;
    return {
      kind: 'applicant' as const,
      id: caller.userId,
      profileType: await profileTypeOf(ctx, caller.userId),
    };
  }),

  logout: sessionProcedure.mutation(async ({ ctx }) => {
    const who = ctx.caller ?? ctx.pending;
    if (!who) throw appError('UNAUTHENTICATED');
    await ctx.db.prisma.$transaction(async (tx) => {
      await tx.session.update({
        where: { id: who.sessionId },
        data: { revokedAt: ctx.now() },
      });
      if (who.kind === 'officer') {
        await writeAudit(
          tx,
          { ...ctx, caller: who },
          {
            action: 'auth.officer-logout',
            objectType: 'user',
            objectId: who.userId,
          },
        );
      }
    });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
