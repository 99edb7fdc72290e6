import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashGateFor } from '../src/auth/hash-gate';
import { loginAccountKey, loginAddressKey } from '../src/auth/login-throttle';
import type { Harness } from './harness';
import { DEMO_PASSWORD, createHarness } from './harness';

/**
 * Officer login throttling (issue 12, finding 1): a delay that doubles after a few failures, by
 * account name and by address, instead of a lock anyone could put on anyone's account.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

type Outcome = { code: string; retryAfterSeconds?: number; httpStatus?: number; message: string };

async function login(
  username: string,
  password: string,
  ip: string,
  apiDeps?: Harness['deps'],
): Promise<Outcome> {
  try {
    await h.client(undefined, { ip, ...(apiDeps ? { apiDeps } : {}) }).auth.officerLogin.mutate({
      username,
      password,
    });
    return { code: 'OK', message: '' };
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = error.data as { appCode: string; retryAfterSeconds?: number; httpStatus: number };
    return {
      code: data.appCode,
      httpStatus: data.httpStatus,
      message: error.message,
      ...(data.retryAfterSeconds === undefined
        ? {}
        : { retryAfterSeconds: data.retryAfterSeconds }),
    };
  }
}

function advance(seconds: number) {
  h.clock.now = new Date(h.clock.now.getTime() + seconds * 1000);
}

/** Fails `n` times, waiting out each delay as a patient attacker would. */
async function failTimes(username: string, ip: string, n: number) {
  for (let done = 0; done < n;) {
    const r = await login(username, 'wrong-password-1', ip);
    if (r.code === 'LOGIN_THROTTLED') advance(r.retryAfterSeconds!);
    else {
      expect(r.code).toBe('WRONG_CREDENTIALS');
      done++;
    }
  }
}

const counter = (key: string) => h.prisma.rateLimitCounter.findUnique({ where: { key } });

describe('no lockout', () => {
  it('after many failures elsewhere, the real password works at once from a known address, and after the delay from a new one', async () => {
    expect((await login('yongqiao', DEMO_PASSWORD, '10.1.0.1')).code).toBe('OK');
    await failTimes('yongqiao', '198.51.100.1', 8);
    // The delay has grown (3 free, then 1, 2, 4, 8, 16 s): the attacker is refused without a check.
    const refused = await login('yongqiao', DEMO_PASSWORD, '198.51.100.1');
    expect(refused).toMatchObject({ code: 'LOGIN_THROTTLED', httpStatus: 429 });
    expect(refused.retryAfterSeconds).toBe(16);
    expect(refused.message).toBe(`尝试次数过多，请 ${refused.retryAfterSeconds} 秒后再试`);

    // The officer, from where they logged in before: no wait at all.
    expect((await login('yongqiao', DEMO_PASSWORD, '10.1.0.1')).code).toBe('OK');
    // That success forgave the account's failures: a new address is not kept waiting either.
    expect((await login('yongqiao', DEMO_PASSWORD, '10.1.0.2')).code).toBe('OK');
  });

  it('from a new address the officer waits out the delay once, then logs in', async () => {
    await failTimes('reviewer', '198.51.100.2', 6);
    const first = await login('reviewer', DEMO_PASSWORD, '10.2.0.1');
    expect(first.code).toBe('LOGIN_THROTTLED');
    advance(first.retryAfterSeconds!);
    expect((await login('reviewer', DEMO_PASSWORD, '10.2.0.1')).code).toBe('OK');
  });

  it('the delay is capped at 15 minutes however long the attack goes on', async () => {
    // As after a day of failures, without spending a day of scrypt on it.
    const key = loginAccountKey('cap-name');
    await h.prisma.rateLimitCounter.create({
      data: {
        key,
        count: 60,
        windowEndsAt: new Date(h.clock.now.getTime() + 3600_000),
        updatedAt: h.clock.now,
      },
    });
    expect((await login('cap-name', 'x', '198.51.100.3')).code).toBe('WRONG_CREDENTIALS');
    const r = await login('cap-name', 'x', '198.51.100.3');
    expect(r.code).toBe('LOGIN_THROTTLED');
    expect(r.retryAfterSeconds).toBe(15 * 60);
    expect((await counter(key))?.count).toBe(61);
  });

  it('an existing session goes on working while its account is throttled', async () => {
    const { token } = await h
      .client(undefined, { ip: '10.3.0.1' })
      .auth.officerLogin.mutate({ username: 'finance', password: DEMO_PASSWORD });
    await failTimes('finance', '198.51.100.4', 8);
    expect((await login('finance', DEMO_PASSWORD, '198.51.100.4')).code).toBe('LOGIN_THROTTLED');
    const session = h.client(token, { ip: '198.51.100.4' });
    expect((await session.auth.me.query()).kind).toBe('officer');
    expect(await session.auth.logout.mutate()).toEqual({ ok: true });
  });
});

describe('the same for known and unknown names', () => {
  it('a known name and a made-up one get the same codes and delays, attempt by attempt', async () => {
    const run = async (username: string, ip: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await login(username, `guess-${i}`, ip);
        out.push(`${r.code}:${r.retryAfterSeconds ?? '-'}:${r.message}`);
        if (r.code === 'LOGIN_THROTTLED') advance(r.retryAfterSeconds!);
      }
      return out;
    };
    const known = await run('admin', '198.51.100.5');
    const unknown = await run('nobody-at-all', '198.51.100.6');
    expect(unknown).toEqual(known);
    expect(known.filter((c) => c.startsWith('LOGIN_THROTTLED')).length).toBeGreaterThan(0);
    expect(known.join()).not.toContain('ACCOUNT_LOCKED');
  });

  it('a disabled account with a wrong password answers like an unknown name', async () => {
    await h.prisma.user.update({ where: { username: 'reviewer' }, data: { disabled: true } });
    try {
      const disabled = await login('reviewer', 'wrong', '198.51.100.7');
      const unknown = await login('no-such-finance', 'wrong', '198.51.100.8');
      expect(disabled).toEqual(unknown);
      expect(disabled.code).toBe('WRONG_CREDENTIALS');
    } finally {
      await h.prisma.user.update({ where: { username: 'reviewer' }, data: { disabled: false } });
    }
  });

  it('counts by the name as typed, whatever its case', async () => {
    await failTimes('Ghost-Case', '198.51.100.9', 2);
    await failTimes('ghost-case', '198.51.100.10', 2);
    expect((await counter(loginAccountKey('GHOST-CASE')))?.count).toBe(4);
  });
});

describe('by address', () => {
  it('many names from one address are throttled together; the address is not exempt by a past login', async () => {
    const strict = {
      ...h.deps,
      config: {
        ...h.deps.config,
        loginThrottle: {
          ...h.deps.config.loginThrottle,
          address: { freeFailures: 2, forgetAfterMs: 3600_000 },
        },
      },
    };
    const ip = '198.51.100.20';
    expect((await login('dangshan', DEMO_PASSWORD, ip, strict)).code).toBe('OK');
    for (const name of ['spray-1', 'spray-2', 'spray-3'])
      expect((await login(name, 'x', ip, strict)).code).toBe('WRONG_CREDENTIALS');
    // The address is throttled for every name, the officer's own too.
    expect((await login('spray-4', 'x', ip, strict)).code).toBe('LOGIN_THROTTLED');
    expect((await login('dangshan', DEMO_PASSWORD, ip, strict)).code).toBe('LOGIN_THROTTLED');
    // Elsewhere nothing changed.
    expect((await login('dangshan', DEMO_PASSWORD, '10.4.0.1', strict)).code).toBe('OK');
  });
});

describe('shared and atomic counters', () => {
  it('two API instances on one database share the count', async () => {
    // A second process: its own settings objects (and so its own hash gate), the same database.
    const other = {
      ...h.deps,
      config: { ...h.deps.config, passwordHashing: { concurrency: 1, queue: 9 } },
    };
    const ip = '198.51.100.30';
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push((await login('shared-name', 'x', ip, i % 2 ? other : undefined)).code);
    expect(results).toEqual(Array(4).fill('WRONG_CREDENTIALS'));
    expect((await counter(loginAccountKey('shared-name')))?.count).toBe(4);
    // The fourth failure (on the second instance) delays the next attempt on the first.
    expect((await login('shared-name', 'x', ip)).code).toBe('LOGIN_THROTTLED');
    expect((await login('shared-name', 'x', ip, other)).code).toBe('LOGIN_THROTTLED');
  });

  it('failures at the same moment each count', async () => {
    const n = 6;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => login('parallel-name', 'x', `198.51.100.${40 + i}`)),
    );
    expect(results.map((r) => r.code)).toEqual(Array(n).fill('WRONG_CREDENTIALS'));
    expect((await counter(loginAccountKey('parallel-name')))?.count).toBe(n);
  });

  it('a success forgives the account, not the address', async () => {
    const ip = '198.51.100.50';
    await failTimes('dangshan', ip, 2);
    expect((await login('dangshan', DEMO_PASSWORD, ip)).code).toBe('OK');
    expect(await counter(loginAccountKey('dangshan'))).toBeNull();
    expect((await counter(loginAddressKey(ip)))?.count).toBe(2);
  });
});

describe('cost and audit', () => {
  it('a throttled attempt checks no password', async () => {
    await failTimes('no-hash', '198.51.100.60', 4);
    const gate = hashGateFor(h.deps.config.passwordHashing);
    const before = gate.started;
    expect((await login('no-hash', 'x', '198.51.100.60')).code).toBe('LOGIN_THROTTLED');
    expect(gate.started).toBe(before);
  });

  it('failures are audited with the address, refused attempts once per delay', async () => {
    const ip = '198.51.100.70';
    await failTimes('audit-name', ip, 4);
    for (let i = 0; i < 3; i++)
      expect((await login('audit-name', 'x', ip)).code).toBe('LOGIN_THROTTLED');
    const failed = await h.prisma.auditLog.findMany({
      where: { action: 'auth.officer-login-failed', ip },
    });
    expect(failed).toHaveLength(4);
    const throttled = await h.prisma.auditLog.findMany({
      where: { action: 'auth.officer-login-throttled', ip },
    });
    expect(throttled).toHaveLength(1);
    expect(throttled[0]!.details).toMatchObject({ username: 'audit-name', scope: 'account' });
  });

  it('when too many hashes wait, a further login is refused at once instead of queueing', async () => {
    const busy = {
      ...h.deps,
      config: { ...h.deps.config, passwordHashing: { concurrency: 1, queue: 2 } },
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => login(`busy-${i}`, 'x', `198.51.100.${80 + i}`, busy)),
    );
    const codes = results.map((r) => r.code).sort();
    expect(codes.filter((c) => c === 'WRONG_CREDENTIALS')).toHaveLength(3);
    const refused = results.filter((r) => r.code === 'RATE_LIMITED');
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({ httpStatus: 429, retryAfterSeconds: 1 });
  });
});
