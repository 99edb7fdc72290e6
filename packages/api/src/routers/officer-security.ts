import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { Prisma } from '@kc/db';
import { hashPassword, verifyPassword } from '@kc/db';
import type { LoginStep } from '@kc/domain';
import {
  fieldErrorsOf,
  officerPasswordChangeSchema,
  officerPasswordFor,
  recoveryCodeSchema,
  secondFactorDisableSchema,
  totpCodeSchema,
} from '@kc/domain';
import { writeAudit } from '../audit';
import {
  acceptTotp,
  advanceSession,
  hashRecoveryCode,
  newTotpEnrolment,
  replaceRecoveryCodes,
  secondFactorRequired,
  totpTime,
} from '../auth/second-factor';
import { loginAttempt } from '../auth/login-throttle';
import { describeUserAgent } from '../auth/user-agent';
import type { Context } from '../context';
import { appError, hasAppCode } from '../errors';
import type { SessionOfficer } from '../trpc';
import {
  loginStepProcedure,
  officerProcedure,
  officerWithRoles,
  pendingStepProcedure,
} from '../trpc';

/**
 * 我的账号 and the login steps: password change, the second factor (TOTP and recovery codes),
 * one's own sessions; and the administrator's reset of another officer's second factor.
 * Every change is audited in the transaction that makes it.
 */

const codeInput = z.object({ code: totpCodeSchema });

/** The audit writer's view of a session officer (pending or full: the person is known). */
function auditWho(ctx: Context, officer: SessionOfficer) {
  return { caller: officer, ip: ctx.ip, now: ctx.now };
}

/**
 * The same action is a login step or a plain account change: it moves the session on only when
 * the session was waiting for exactly this step.
 */
async function advanceIfAtStep(
  tx: Prisma.TransactionClient,
  ctx: Context & { officer: SessionOfficer },
  step: LoginStep,
  user: Parameters<typeof advanceSession>[1]['user'],
  now: Date,
): Promise<LoginStep | null> {
  if (ctx.officer.step !== step) return null;
  return advanceSession(tx, {
    sessionId: ctx.officer.sessionId,
    done: step,
    user,
    config: ctx.config,
    now,
    login: { officer: ctx.officer, ip: ctx.ip, now: ctx.now },
  });
}

/**
 * The login's 两步验证 step is paid (by a code or a recovery code): audited, session moved on
 * (only `pendingStepProcedure('second-factor')` calls it, so the session waits for this step).
 */
async function secondFactorPassed(
  tx: Prisma.TransactionClient,
  ctx: Context & { officer: SessionOfficer },
  now: Date,
  details: { method: 'totp' | 'recovery-code'; recoveryCodesLeft?: number },
): Promise<LoginStep | null> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: ctx.officer.userId } });
  await writeAudit(tx, auditWho(ctx, ctx.officer), {
    action: 'auth.officer-second-factor',
    objectType: 'user',
    objectId: user.id,
    details: { username: ctx.officer.username, ...details },
  });
  return advanceIfAtStep(tx, ctx, 'second-factor', user, now);
}

/** Ends the officer's sessions, all or all but `keep`; how many ended. */
async function endSessions(
  tx: Prisma.TransactionClient,
  userId: string,
  now: Date,
  keep?: string,
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}

/**
 * Removes the officer's second factor and recovery codes; whether one was on. Conditional, so
 * two requests at once cannot both turn off (and audit) the same factor.
 */
async function removeSecondFactor(
  tx: Prisma.TransactionClient,
  userId: string,
  now: Date,
): Promise<boolean> {
  const { count } = await tx.user.updateMany({
    where: { id: userId, totpEnabledAt: { not: null } },
    data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now },
  });
  await tx.officerRecoveryCode.deleteMany({ where: { userId } });
  return count > 0;
}

async function officerUser(ctx: Context, userId: string) {
  const user = await ctx.db.prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.kind !== 'OFFICER') throw appError('UNAUTHENTICATED');
  return user;
}

/** The session already names the officer: the throttle needs no lookup. */
const attemptOf = (ctx: Context, officer: SessionOfficer) =>
  loginAttempt(ctx, { username: officer.username, userId: officer.userId });

/**
 * A wrong code (or password typed again) counts as a failed login (auth/login-throttle.ts: by
 * account and by address, audited there), so six digits cannot be guessed faster than a password.
 */
async function wrongCode(
  ctx: Context,
  officer: SessionOfficer,
  reason: string,
  code: 'WRONG_SECOND_FACTOR' | 'WRONG_RECOVERY_CODE' | 'WRONG_CURRENT_PASSWORD',
  options: Parameters<typeof appError>[1] = {},
): Promise<never> {
  try {
    await attemptOf(ctx, officer).failed(reason);
  } catch (error) {
    if (!hasAppCode(error, 'WRONG_CREDENTIALS')) throw error;
  }
  throw appError(code, options);
}

/**
 * Checks a TOTP code and records its step in one conditional write, so two requests with the
 * same code cannot both pass. Wrong codes are audited (and count as failed logins).
 */
async function useTotpCode(
  ctx: Context,
  officer: SessionOfficer,
  code: string,
  write: (tx: Prisma.TransactionClient) => Promise<void>,
) {
  // A login step is throttled like the password (an existing session is not held up).
  if (officer.step !== null) await attemptOf(ctx, officer).check();
  const user = await officerUser(ctx, officer.userId);
  if (!user.totpSecret || !user.totpEnabledAt) throw appError('SECOND_FACTOR_NOT_ENROLLED');
  const step = acceptTotp({
    sealedSecret: user.totpSecret,
    code,
    lastStep: user.totpLastStep,
    at: totpTime(ctx),
    config: ctx.config,
  });
  const accepted =
    step !== null &&
    (await ctx.db.prisma.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: {
          id: user.id,
          OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }],
        },
        data: { totpLastStep: step },
      });
      if (count === 0) return false;
      await write(tx);
      return true;
    }));
  if (!accepted) await wrongCode(ctx, officer, 'wrong-second-factor', 'WRONG_SECOND_FACTOR');
  return user;
}

export const officerSecurityRouter = {
  /** 我的账号: what protects this account, and what the login still owes. */
  status: loginStepProcedure('change-password', 'enrol-second-factor', 'second-factor').query(
    async ({ ctx }) => {
      const user = await officerUser(ctx, ctx.officer.userId);
      const recoveryCodesLeft = await ctx.db.prisma.officerRecoveryCode.count({
        where: { userId: user.id, usedAt: null },
      });
      return {
        username: user.username ?? '',
        pendingStep: ctx.officer.step,
        mustChangePassword: user.mustChangePassword,
        passwordChangedAt: user.passwordChangedAt,
        secondFactorEnabledAt: user.totpEnabledAt,
        secondFactorRequired: secondFactorRequired(user, ctx.config),
        recoveryCodesLeft: user.totpEnabledAt ? recoveryCodesLeft : 0,
      };
    },
  ),

  /** 修改密码: from 我的账号, or the step a first login (or a reset) owes. */
  changePassword: loginStepProcedure('change-password')
    .input(officerPasswordChangeSchema)
    .mutation(async ({ ctx, input }) => {
      const user = await officerUser(ctx, ctx.officer.userId);
      if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash)))
        throw appError('WRONG_CURRENT_PASSWORD', {
          fieldErrors: { currentPassword: ['当前密码不正确'] },
        });
      const policy = officerPasswordFor(user.username ?? '').safeParse(input.newPassword);
      if (!policy.success) {
        const messages = Object.values(fieldErrorsOf(policy.error)).flat();
        throw appError('INVALID_INPUT', {
          message: messages[0],
          fieldErrors: { newPassword: messages },
        });
      }
      const passwordHash = await hashPassword(input.newPassword);
      const now = ctx.now();
      return ctx.db.prisma.$transaction(async (tx) => {
        const updated = await tx.user.update({
          where: { id: user.id },
          data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now },
        });
        // Whoever knew the old password is signed out everywhere else.
        const endedSessions = await endSessions(tx, user.id, now, ctx.officer.sessionId);
        const pendingStep = await advanceIfAtStep(tx, ctx, 'change-password', updated, now);
        await writeAudit(tx, auditWho(ctx, ctx.officer), {
          action: 'officer.change-password',
          objectType: 'user',
          objectId: user.id,
          details: { username: user.username, endedSessions, atLogin: ctx.officer.step !== null },
        });
        return { pendingStep };
      });
    }),

  /**
   * 设置两步验证, first half: a new secret, shown once as a QR code and as text (for those who
   * cannot scan). It takes effect only when a code from it is confirmed.
   */
  startEnrolment: loginStepProcedure('enrol-second-factor').mutation(async ({ ctx }) => {
    const user = await officerUser(ctx, ctx.officer.userId);
    if (user.totpEnabledAt) throw appError('SECOND_FACTOR_ALREADY_ENROLLED');
    const enrolment = await newTotpEnrolment(user.username ?? ctx.officer.username, ctx.config);
    await ctx.db.prisma.user.update({
      where: { id: user.id },
      data: { totpSecret: enrolment.sealed, totpLastStep: null, updatedAt: ctx.now() },
    });
    return { secret: enrolment.secret, uri: enrolment.uri, qrDataUrl: enrolment.qrDataUrl };
  }),

  /** Second half: the first code proves the app holds the secret; ten recovery codes, once. */
  confirmEnrolment: loginStepProcedure('enrol-second-factor')
    .input(codeInput)
    .mutation(async ({ ctx, input }) => {
      const user = await officerUser(ctx, ctx.officer.userId);
      if (user.totpEnabledAt) throw appError('SECOND_FACTOR_ALREADY_ENROLLED');
      if (!user.totpSecret)
        throw appError('SECOND_FACTOR_NOT_ENROLLED', { message: '请先获取二维码，再输入验证码' });
      const step = acceptTotp({
        sealedSecret: user.totpSecret,
        code: input.code,
        lastStep: null,
        at: totpTime(ctx),
        config: ctx.config,
      });
      if (step === null) throw appError('WRONG_SECOND_FACTOR');
      const now = ctx.now();
      return ctx.db.prisma.$transaction(async (tx) => {
        const updated = await tx.user.update({
          where: { id: user.id },
          data: { totpEnabledAt: now, totpLastStep: step, updatedAt: now },
        });
        const recoveryCodes = await replaceRecoveryCodes(tx, user.id, now);
        const pendingStep = await advanceIfAtStep(tx, ctx, 'enrol-second-factor', updated, now);
        await writeAudit(tx, auditWho(ctx, ctx.officer), {
          action: 'officer.enrol-second-factor',
          objectType: 'user',
          objectId: user.id,
          details: { username: user.username, atLogin: ctx.officer.step !== null },
        });
        return { recoveryCodes, pendingStep };
      });
    }),

  /** The login's second step: a code from the authenticator app. */
  verify: pendingStepProcedure('second-factor')
    .input(codeInput)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const out: { pendingStep: LoginStep | null } = { pendingStep: null };
      await useTotpCode(ctx, ctx.officer, input.code, async (tx) => {
        out.pendingStep = await secondFactorPassed(tx, ctx, now, { method: 'totp' });
      });
      return out;
    }),

  /** The phone is lost: one of the ten recovery codes instead, each good once. */
  verifyRecoveryCode: pendingStepProcedure('second-factor')
    .input(z.object({ code: recoveryCodeSchema }))
    .mutation(async ({ ctx, input }) => {
      await attemptOf(ctx, ctx.officer).check();
      const now = ctx.now();
      const userId = ctx.officer.userId;
      const result = await ctx.db.prisma.$transaction(async (tx) => {
        const { count } = await tx.officerRecoveryCode.updateMany({
          where: { userId, codeHash: hashRecoveryCode(userId, input.code), usedAt: null },
          data: { usedAt: now },
        });
        if (count === 0) return null;
        const recoveryCodesLeft = await tx.officerRecoveryCode.count({
          where: { userId, usedAt: null },
        });
        const pendingStep = await secondFactorPassed(tx, ctx, now, {
          method: 'recovery-code',
          recoveryCodesLeft,
        });
        return { pendingStep, recoveryCodesLeft };
      });
      if (!result) return wrongCode(ctx, ctx.officer, 'wrong-recovery-code', 'WRONG_RECOVERY_CODE');
      return result;
    }),

  /** Ten new recovery codes (the old ones stop working); a current code proves the phone. */
  regenerateRecoveryCodes: officerProcedure.input(codeInput).mutation(async ({ ctx, input }) => {
    const officer = { ...ctx.caller, step: null };
    const out = { recoveryCodes: [] as string[] };
    await useTotpCode(ctx, officer, input.code, async (tx) => {
      out.recoveryCodes = await replaceRecoveryCodes(tx, officer.userId, ctx.now());
      await writeAudit(tx, ctx, {
        action: 'officer.regenerate-recovery-codes',
        objectType: 'user',
        objectId: officer.userId,
        details: { username: officer.username },
      });
    });
    return out;
  }),

  /**
   * 关闭两步验证, by the officer, where the role does not require it. A current code or the
   * password proves who is at the keyboard (a wrong one counts as a failed login, and a
   * throttled account waits even here: this is what a stolen session would want). The recovery
   * codes go, and every other session ends: they were opened with a factor the account no longer
   * has, and a session does not record how it was opened (docs/DECISIONS.md).
   */
  disableSecondFactor: officerProcedure
    .input(secondFactorDisableSchema)
    .mutation(async ({ ctx, input }) => {
      const officer = { ...ctx.caller, step: null };
      const user = await officerUser(ctx, officer.userId);
      if (secondFactorRequired(user, ctx.config)) throw appError('SECOND_FACTOR_REQUIRED_FOR_ROLE');
      if (!user.totpEnabledAt) throw appError('SECOND_FACTOR_NOT_ENROLLED');
      const attempt = attemptOf(ctx, officer);
      await attempt.check();
      const turnOff = async (tx: Prisma.TransactionClient) => {
        const now = ctx.now();
        if (!(await removeSecondFactor(tx, user.id, now)))
          throw appError('SECOND_FACTOR_NOT_ENROLLED');
        const endedSessions = await endSessions(tx, user.id, now, officer.sessionId);
        await writeAudit(tx, ctx, {
          action: 'officer.disable-second-factor',
          objectType: 'user',
          objectId: user.id,
          areaCode: user.areaCode,
          details: { username: user.username, method: input.method, endedSessions },
        });
        return { endedSessions };
      };
      if (input.method === 'totp') {
        let out = { endedSessions: 0 };
        await useTotpCode(ctx, officer, input.code, async (tx) => {
          out = await turnOff(tx);
        });
        return out;
      }
      if (!user.passwordHash || !(await attempt.verify(input.currentPassword, user.passwordHash)))
        return wrongCode(ctx, officer, 'wrong-password', 'WRONG_CURRENT_PASSWORD', {
          fieldErrors: { currentPassword: ['当前密码不正确'] },
        });
      return ctx.db.prisma.$transaction(turnOff);
    }),

  /** 我的会话: this officer's open sessions, the current one marked. */
  sessions: officerProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.prisma.session.findMany({
      where: { userId: ctx.caller.userId, revokedAt: null, expiresAt: { gt: ctx.now() } },
      orderBy: { lastSeenAt: 'desc' },
    });
    return rows.map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      ip: s.ip,
      device: describeUserAgent(s.userAgent),
      current: s.id === ctx.caller.sessionId,
      pending: s.pendingStep !== null,
    }));
  }),

  /** Ends one of this officer's other sessions (the current one ends with 退出登录). */
  endSession: officerProcedure
    .input(z.object({ id: z.uuid({ error: '会话编号无效' }) }))
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.caller.sessionId)
        throw appError('FORBIDDEN', { message: '当前会话请使用“退出登录”结束' });
      return ctx.db.prisma.$transaction(async (tx) => {
        const { count } = await tx.session.updateMany({
          where: { id: input.id, userId: ctx.caller.userId, revokedAt: null },
          data: { revokedAt: ctx.now() },
        });
        if (count === 0) throw appError('NOT_FOUND');
        await writeAudit(tx, ctx, {
          action: 'officer.end-own-session',
          objectType: 'user',
          objectId: ctx.caller.userId,
          details: { username: ctx.caller.username, sessionId: input.id },
        });
        return { ended: count };
      });
    }),

  /** Ends every session of this officer but the current one. */
  endOtherSessions: officerProcedure.mutation(async ({ ctx }) => {
    return ctx.db.prisma.$transaction(async (tx) => {
      const count = await endSessions(tx, ctx.caller.userId, ctx.now(), ctx.caller.sessionId);
      await writeAudit(tx, ctx, {
        action: 'officer.end-own-session',
        objectType: 'user',
        objectId: ctx.caller.userId,
        details: { username: ctx.caller.username, endedSessions: count, allOthers: true },
      });
      return { ended: count };
    });
  }),

  /**
   * 重置两步验证 (局管理员): another officer lost their phone and codes. Their factor and
   * sessions end; the next login enrols again. Never one's own: that would let a stolen
   * password remove the factor meant to stop it.
   */
  resetSecondFactor: officerWithRoles('bureau-admin')
    .input(z.object({ id: z.uuid({ error: '账号编号无效' }) }))
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.caller.userId) throw appError('OWN_SECOND_FACTOR_RESET');
      return ctx.db.prisma.$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id: input.id } });
        if (!user || user.kind !== 'OFFICER') throw appError('NOT_FOUND');
        const wasEnrolled = await removeSecondFactor(tx, user.id, ctx.now());
        const endedSessions = await endSessions(tx, user.id, ctx.now());
        await writeAudit(tx, ctx, {
          action: 'officer.reset-second-factor',
          objectType: 'user',
          objectId: user.id,
          areaCode: user.areaCode,
          details: { username: user.username, wasEnrolled, endedSessions },
        });
        return { ok: true as const };
      });
    }),
} satisfies TRPCRouterRecord;
