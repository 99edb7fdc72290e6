import { createHash, randomInt } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Prisma, User } from '@kc/db';
import type { ErrorCode, LoginStep, OfficerRole } from '@kc/domain';
import type { ApiConfig } from '../config';
import { roleFromDb } from '../mappers';
import { loginCompleted } from './login-throttle';
import { openSecret, sealSecret } from './secret-box';

/**
 * Officers' second factor: TOTP (RFC 6238: SHA-1, 6 digits, 30 s) with ten one-time recovery
 * codes, and the login steps a session owes before it opens anything (session.pending_step).
 */

const ISSUER = '宿州科创';
const PERIOD_S = 30;
/** One step either side: a phone clock a little off, or a code typed as it turned over. */
const DRIFT_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
/** A login has this long to finish its steps; a full session then gets the officer lifetime. */
export const PENDING_SESSION_MS = 15 * 60_000;

/**
 * The order a login pays its steps in. The second factor comes first when enrolled: whoever
 * changes a (reset) password must already have proved both factors.
 */
const STEP_ORDER: readonly LoginStep[] = [
  'second-factor',
  'change-password',
  'enrol-second-factor',
];

/** What a protected procedure answers a session that still owes `step`. */
export const STEP_ERROR: Record<LoginStep, ErrorCode> = {
  'second-factor': 'SECOND_FACTOR_REQUIRED',
  'change-password': 'PASSWORD_CHANGE_REQUIRED',
  'enrol-second-factor': 'SECOND_FACTOR_ENROLMENT_REQUIRED',
};

type StepUser = Pick<User, 'role' | 'mustChangePassword' | 'totpEnabledAt'>;

export function secondFactorRequired(user: Pick<User, 'role'>, config: ApiConfig): boolean {
  return user.role !== null && config.secondFactorRoles.includes(roleFromDb(user.role));
}

function owes(step: LoginStep, user: StepUser, config: ApiConfig): boolean {
  switch (step) {
    case 'second-factor':
      return user.totpEnabledAt !== null;
    case 'change-password':
      return user.mustChangePassword;
    case 'enrol-second-factor':
      return user.totpEnabledAt === null && secondFactorRequired(user, config);
  }
}

/** The first step still owed after `done` (at login: after none), or null for a full session. */
export function nextLoginStep(
  user: StepUser,
  config: ApiConfig,
  done: LoginStep | null = null,
): LoginStep | null {
  const from = done === null ? 0 : STEP_ORDER.indexOf(done) + 1;
  return STEP_ORDER.slice(from).find((step) => owes(step, user, config)) ?? null;
}

/** How a password login opens its session: the first owed step, and a short life until done. */
export function loginOpening(
  user: StepUser,
  config: ApiConfig,
): { pendingStep: LoginStep | null; ttlMs: number } {
  const pendingStep = nextLoginStep(user, config);
  return {
    pendingStep,
    ttlMs: pendingStep
      ? Math.min(PENDING_SESSION_MS, config.officerSessionTtlMs)
      : config.officerSessionTtlMs,
  };
}

/**
 * Moves a session past the step just completed: to the next owed step, or to a full session
 * with the officer lifetime. Inside the caller's transaction, beside the change and its audit.
 */
export async function advanceSession(
  tx: Prisma.TransactionClient,
  input: {
    sessionId: string;
    done: LoginStep;
    user: StepUser;
    config: ApiConfig;
    now: Date;
    /** Who is logging in, from where: the login completes when no step is left. */
    login: Omit<Parameters<typeof loginCompleted>[1], 'details'>;
  },
): Promise<LoginStep | null> {
  const next = nextLoginStep(input.user, input.config, input.done);
  if (next === null) await loginCompleted(tx, { ...input.login, details: { after: input.done } });
  await tx.session.update({
    where: { id: input.sessionId },
    data: {
      pendingStep: next,
      expiresAt: new Date(
        input.now.getTime() + (next ? PENDING_SESSION_MS : input.config.officerSessionTtlMs),
      ),
    },
  });
  return next;
}

// --- TOTP ---------------------------------------------------------------------------------

function totp(secretBase32: string, username: string) {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

/** A new secret for enrolment: clear (shown once, as QR and text) and sealed (stored). */
export async function newTotpEnrolment(username: string, config: ApiConfig) {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const uri = totp(secret, username).toString();
  return {
    secret,
    sealed: sealSecret(secret, config.officerSecretKey),
    uri,
    qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200 }),
  };
}

/**
 * The 30-second step a code belongs to, when it is right within the drift and newer than the
 * last accepted one (a code is never accepted twice, even within its own 30 s); else null.
 */
export function acceptTotp(input: {
  sealedSecret: string;
  code: string;
  lastStep: bigint | null;
  at: Date;
  config: ApiConfig;
}): bigint | null {
  const secret = openSecret(input.sealedSecret, input.config.officerSecretKey);
  const gen = totp(secret, '');
  const timestamp = input.at.getTime();
  const delta = gen.validate({ token: input.code, timestamp, window: DRIFT_STEPS });
  if (delta === null) return null;
  const step = BigInt(Math.floor(timestamp / 1000 / PERIOD_S) + delta);
  if (input.lastStep !== null && step <= input.lastStep) return null;
  return step;
}

/**
 * TOTP is checked against the wall clock, never the API's movable test clock: the officer's
 * phone knows only real time. (In production the two are the same.)
 */
export function totpTime(ctx: { wallClock?: (() => Date) | undefined }): Date {
  return ctx.wallClock ? ctx.wallClock() : new Date();
}

// --- Recovery codes -------------------------------------------------------------------------

/** No 0/o, 1/l/i: codes are copied by hand from paper. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return code;
}

/** Codes are random (about 49 bits each), so a plain SHA-256 suffices: no guessing offline. */
export function hashRecoveryCode(userId: string, normalised: string): string {
  return createHash('sha256').update(`${userId}:${normalised}`).digest('hex');
}

/** Replaces the officer's recovery codes with ten new ones; returns them, formatted, once. */
export async function replaceRecoveryCodes(
  tx: Prisma.TransactionClient,
  userId: string,
  now: Date,
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.officerRecoveryCode.deleteMany({ where: { userId } });
  await tx.officerRecoveryCode.createMany({
    data: codes.map((code) => ({
      userId,
      codeHash: hashRecoveryCode(userId, code),
      createdAt: now,
    })),
  });
  return codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
}

export function isSecondFactorRole(role: OfficerRole, config: ApiConfig): boolean {
  return config.secondFactorRoles.includes(role);
}
