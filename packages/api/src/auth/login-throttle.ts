import { Prisma, verifyPassword } from '@kc/db';
import type { OfficerRole } from '@kc/domain';
import { writeAudit } from '../audit';
import type { Context } from '../context';
import { appError } from '../errors';
import { hitWindow } from '../rate-limit';
import { hashGateFor } from './hash-gate';

/**
 * Officer login throttling, instead of a lock an attacker could hold on anyone's account.
 *
 * Failures are counted by account name and by client address in `rate_limit_counter` (shared by
 * every instance). After a few free failures each further one delays the next attempt, doubling
 * up to a cap; an attempt inside the delay is answered at once with LOGIN_THROTTLED ("try again
 * in N s") without checking the password. The counter is keyed by the name as typed (normalised),
 * not by the user row, so an unknown name goes through exactly the same steps as a known one.
 * An address that logged in to the account recently is exempt from the account's delay (not from
 * its own), so an attacker elsewhere cannot keep the officer out; a session is never touched.
 */
export interface LoginAttempt {
  /** Refuses (LOGIN_THROTTLED) while the account or the address must wait. */
  check(): Promise<void>;
  /** scrypt through the process's hash gate (RATE_LIMITED when too many wait). */
  verify(password: string, hash: string): Promise<boolean>;
  /** Counts the failure, audits it, and throws WRONG_CREDENTIALS. */
  failed(reason: string): Promise<never>;
}

/**
 * Who is trying: the name as typed (the counter's key) and the officer it names, as the caller
 * has already looked it up (null for an unknown name or an account no password can open).
 */
export interface LoginSubject {
  username: string;
  userId: string | null;
}

/** The account name as a counter key: case and width do not make a new counter. */
export function loginAccountKey(username: string): string {
  return `login:user:${username.normalize('NFKC').trim().toLowerCase()}`;
}

export function loginAddressKey(ip: string): string {
  return `login:ip:${ip}`;
}

const NO_USER = '00000000-0000-0000-0000-000000000000';

export function loginAttempt(ctx: Context, { username, userId }: LoginSubject): LoginAttempt {
  const prisma = ctx.db.prisma;
  const settings = ctx.config.loginThrottle;
  const accountKey = loginAccountKey(username);
  const addressKey = ctx.ip ? loginAddressKey(ctx.ip) : null;
  const who = { caller: null, ip: ctx.ip, now: ctx.now };

  /** Whether this address logged in to this account within `knownAddressMs`. */
  async function knownAddress(now: Date): Promise<boolean> {
    if (!ctx.ip) return false;
    // The same query for an unknown name (an id nothing has), so both take about as long.
    const login = await prisma.auditLog.findFirst({
      where: {
        objectType: 'user',
        objectId: userId ?? NO_USER,
        action: 'auth.officer-login',
        ip: ctx.ip,
        at: { gte: new Date(now.getTime() - settings.knownAddressMs) },
      },
      select: { id: true },
    });
    return userId !== null && login !== null;
  }

  /** One failure on one counter, in one statement: the delay follows the new count. */
  async function countFailure(
    key: string,
    rule: { freeFailures: number; forgetAfterMs: number },
    now: Date,
  ) {
    const forget = new Date(now.getTime() + rule.forgetAfterMs);
    const at = Prisma.sql`${now}::timestamptz`;
    const newCount = Prisma.sql`(CASE WHEN c.window_ends_at <= ${at} THEN 1 ELSE c.count + 1 END)`;
    const free = Prisma.sql`${rule.freeFailures}::int`;
    const firstBlock =
      rule.freeFailures < 1 ? new Date(now.getTime() + settings.baseDelayMs) : null;
    const rows = await prisma.$queryRaw<{ count: number; blocked_until: Date | null }[]>`
      INSERT INTO rate_limit_counter AS c (key, count, window_ends_at, blocked_until, updated_at)
      VALUES (${key}, 1, ${forget}::timestamptz, ${firstBlock}::timestamptz, ${at})
      ON CONFLICT (key) DO UPDATE SET
        count = ${newCount},
        window_ends_at = ${forget}::timestamptz,
        blocked_until = CASE WHEN ${newCount} > ${free}
          THEN ${at} + LEAST(${settings.maxDelayMs}::float8,
            ${settings.baseDelayMs}::float8 * power(2::float8, LEAST(${newCount} - ${free} - 1, 40)))
            * interval '1 millisecond'
          ELSE NULL END,
        updated_at = ${at}
      RETURNING c.count, c.blocked_until`;
    const [row] = rows;
    if (!row) throw new Error('rate_limit_counter upsert returned no row');
    return { count: Number(row.count), blockedUntil: row.blocked_until };
  }

  return {
    async check() {
      const keys = addressKey ? [accountKey, addressKey] : [accountKey];
      const rows = await prisma.rateLimitCounter.findMany({
        where: { key: { in: keys } },
        select: { key: true, blockedUntil: true },
      });
      const now = ctx.now();
      const blockedUntil = (key: string) => {
        const until = rows.find((r) => r.key === key)?.blockedUntil;
        return until && until > now ? until : null;
      };
      const byAddress = addressKey ? blockedUntil(addressKey) : null;
      let byAccount = blockedUntil(accountKey);
      if (byAccount && (await knownAddress(now))) byAccount = null;
      if (!byAddress && !byAccount) return;

      const until = new Date(Math.max(byAddress?.getTime() ?? 0, byAccount?.getTime() ?? 0));
      const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
      const scope = byAccount ? 'account' : 'address';
      // One audit row per delay and subject, not one per refused attempt: a flood of refusals
      // checks no password and would only bury the rows that matter.
      const marker = await hitWindow(
        prisma,
        `login:refused:${scope === 'account' ? accountKey : addressKey}`,
        until.getTime() - now.getTime(),
        now,
      );
      if (marker.count === 1) {
        await writeAudit(prisma, who, {
          action: 'auth.officer-login-throttled',
          objectType: 'user',
          details: { username, scope, retryAfterSeconds: seconds },
        });
      }
      ctx.metrics?.loginFailed('officer', 'throttled');
      throw appError('LOGIN_THROTTLED', {
        message: `尝试次数过多，请 ${seconds} 秒后再试`,
        retryAfterSeconds: seconds,
      });
    },

    verify(password, hash) {
      return hashGateFor(ctx.config.passwordHashing).run(() => verifyPassword(password, hash));
    },

    async failed(reason) {
      ctx.metrics?.loginFailed('officer', reason);
      const now = ctx.now();
      const [account, address] = await Promise.all([
        countFailure(accountKey, settings.account, now),
        addressKey ? countFailure(addressKey, settings.address, now) : null,
      ]);
      await writeAudit(prisma, who, {
        action: 'auth.officer-login-failed',
        objectType: 'user',
        objectId: userId,
        details: {
          username,
          reason,
          failures: account.count,
          ...(address ? { addressFailures: address.count } : {}),
        },
      });
      throw appError('WRONG_CREDENTIALS');
    },
  };
}

/**
 * A login is complete only when its session is full (every step paid: password, second factor,
 * new password, enrolment). Only then are the account's failures forgiven and the audit row
 * written that makes this address "known". A password alone does neither: whoever holds only the
 * password could otherwise keep resetting the counter that limits their guesses at the code.
 */
export async function loginCompleted(
  tx: Prisma.TransactionClient,
  login: {
    officer: { userId: string; username: string; role: OfficerRole; areaCode: string | null };
    ip: string | null;
    now: () => Date;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const { officer } = login;
  await tx.rateLimitCounter.deleteMany({ where: { key: loginAccountKey(officer.username) } });
  await writeAudit(
    tx,
    {
      caller: { kind: 'officer', userId: officer.userId, role: officer.role },
      ip: login.ip,
      now: login.now,
    },
    {
      action: 'auth.officer-login',
      objectType: 'user',
      objectId: officer.userId,
      areaCode: officer.areaCode,
      details: { username: officer.username, ...login.details },
    },
  );
}
