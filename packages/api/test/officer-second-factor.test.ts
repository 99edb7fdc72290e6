import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src';
import { openSecret, sealSecret } from '../src/auth/secret-box';
import { describeUserAgent } from '../src/auth/user-agent';
import { DEV_OFFICER_SECRET_KEY } from '../src/config';
import { callerOrThrow } from '../src/files/http';
import { DEMO_PASSWORD, createHarness, failure } from './harness';
import type { Harness } from './harness';

/**
 * Officers' second factor and forced password change (issue 12): a login whose password
 * matched owes steps (session.pending_step) and may call nothing else until they are done.
 */

let h: Harness;
/** The wall clock the API checks TOTP codes against (the business clock is `h.clock`). */
const wall = { now: new Date() };

beforeAll(async () => {
  h = await createHarness({ config: { secondFactorRoles: ['bureau-admin', 'finance-officer'] } });
  Object.assign(h.deps, { wallClock: () => wall.now });
});
afterAll(async () => {
  await h?.close();
});

/** The code an authenticator app shows for `secret`, `steps` 30-second steps from `wall.now`. */
function codeFor(secret: string, steps = 0): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
  return totp.generate({ timestamp: wall.now.getTime() + steps * 30_000 });
}

/** Moves the wall clock on, so a fresh code (a later step) exists. */
function laterStep(steps = 2) {
  wall.now = new Date(wall.now.getTime() + steps * 30_000);
}

async function login(username: string, password = DEMO_PASSWORD, ip?: string) {
  const result = await h.client(undefined, ip ? { ip } : {}).auth.officerLogin.mutate({
    username,
    password,
  });
  return { ...result, api: h.client(result.token, ip ? { ip } : {}) };
}

let adminSecret = '';
let adminRecovery: string[] = [];

describe('enrolment at first login (局管理员: required)', () => {
  it('a required role is sent to enrolment and can call nothing else until it is done', async () => {
    const first = await login('admin');
    expect(first.pendingStep).toBe('enrol-second-factor');
    const me = await first.api.auth.me.query();
    expect(me).toMatchObject({ kind: 'officer', pendingStep: 'enrol-second-factor' });
    const refused = await failure(() => first.api.officers.list.query({}));
    expect(refused.appCode).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    expect(refused.message).toBe('请先设置两步验证，再使用系统');
    expect(refused.httpStatus).toBe(403);
    // A step that is not this one is refused too.
    expect(
      (await failure(() => first.api.officerSecurity.verify.mutate({ code: '123456' }))).appCode,
    ).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');

    const enrolment = await first.api.officerSecurity.startEnrolment.mutate();
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.uri).toContain('otpauth://totp/');
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    // Stored sealed, never in clear.
    const stored = await h.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    expect(stored.totpSecret).toMatch(/^v1:/);
    expect(stored.totpSecret).not.toContain(enrolment.secret);
    expect(stored.totpEnabledAt).toBeNull();

    const wrong = await failure(() =>
      first.api.officerSecurity.confirmEnrolment.mutate({ code: codeFor(enrolment.secret, 5) }),
    );
    expect(wrong.appCode).toBe('WRONG_SECOND_FACTOR');
    const bad = await failure(() =>
      first.api.officerSecurity.confirmEnrolment.mutate({ code: '12ab' }),
    );
    expect(bad.fieldErrors?.code).toEqual(['请输入6位动态验证码']);

    const done = await first.api.officerSecurity.confirmEnrolment.mutate({
      code: codeFor(enrolment.secret),
    });
    expect(done.pendingStep).toBeNull();
    expect(done.recoveryCodes).toHaveLength(10);
    expect(new Set(done.recoveryCodes).size).toBe(10);
    expect(done.recoveryCodes[0]).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    // Stored hashed only.
    const rows = await h.prisma.officerRecoveryCode.findMany({ where: { userId: stored.id } });
    expect(rows).toHaveLength(10);
    for (const row of rows) expect(done.recoveryCodes).not.toContain(row.codeHash);

    expect((await first.api.officers.list.query({})).length).toBeGreaterThan(0);
    expect(await first.api.officerSecurity.status.query()).toMatchObject({
      pendingStep: null,
      secondFactorRequired: true,
      recoveryCodesLeft: 10,
    });
    adminSecret = enrolment.secret;
    adminRecovery = done.recoveryCodes;
    const audit = await h.prisma.auditLog.findFirst({
      where: { action: 'officer.enrol-second-factor', objectId: stored.id },
    });
    expect(audit).not.toBeNull();
  });

  it('an optional role logs in with the password alone', async () => {
    const reviewer = await login('reviewer');
    expect(reviewer.pendingStep).toBeNull();
    expect((await reviewer.api.auth.me.query()).kind).toBe('officer');
  });
});

describe('logging in with the second factor', () => {
  it('a wrong code is refused; the right one opens the session; the same code twice is refused', async () => {
    const next = await login('admin');
    expect(next.pendingStep).toBe('second-factor');
    const blocked = await failure(() => next.api.workbench.summary.query());
    expect(blocked.appCode).toBe('SECOND_FACTOR_REQUIRED');

    const wrong = await failure(() =>
      next.api.officerSecurity.verify.mutate({ code: codeFor(adminSecret, 7) }),
    );
    expect(wrong.appCode).toBe('WRONG_SECOND_FACTOR');
    expect(wrong.message).toContain('动态验证码不正确');
    expect(
      await h.prisma.auditLog.count({
        where: {
          action: 'auth.officer-login-failed',
          details: { path: ['reason'], equals: 'wrong-second-factor' },
        },
      }),
    ).toBe(1);

    // One step later (drift ±1): accepted once.
    const code = codeFor(adminSecret, 1);
    expect((await next.api.officerSecurity.verify.mutate({ code })).pendingStep).toBeNull();
    expect((await next.api.auth.me.query()).kind).toBe('officer');
    const session = await h.prisma.session.findFirstOrThrow({
      where: { userId: (await next.api.auth.me.query()).id },
      orderBy: { createdAt: 'desc' },
    });
    expect(session.pendingStep).toBeNull();

    // Replayed (another login, same code): refused; an older code too.
    const again = await login('admin');
    for (const replay of [code, codeFor(adminSecret, 0)]) {
      expect(
        (await failure(() => again.api.officerSecurity.verify.mutate({ code: replay }))).appCode,
      ).toBe('WRONG_SECOND_FACTOR');
    }
    laterStep();
    await again.api.officerSecurity.verify.mutate({ code: codeFor(adminSecret) });
  });

  it('a recovery code works once only', async () => {
    const one = await login('admin');
    const used = adminRecovery[0]!;
    const ok = await one.api.officerSecurity.verifyRecoveryCode.mutate({
      code: used.toUpperCase().replace('-', ' '),
    });
    expect(ok).toEqual({ pendingStep: null, recoveryCodesLeft: 9 });
    const two = await login('admin');
    const refused = await failure(() =>
      two.api.officerSecurity.verifyRecoveryCode.mutate({ code: used }),
    );
    expect(refused.appCode).toBe('WRONG_RECOVERY_CODE');
    expect(
      (await failure(() => two.api.officerSecurity.verifyRecoveryCode.mutate({ code: 'abc' })))
        .fieldErrors?.code,
    ).toEqual(['恢复码为10位字母或数字']);
    await two.api.officerSecurity.verifyRecoveryCode.mutate({ code: adminRecovery[1]! });
  });

  it('regenerating recovery codes needs a current code and retires the old ones', async () => {
    const session = await login('admin');
    laterStep();
    await session.api.officerSecurity.verify.mutate({ code: codeFor(adminSecret) });
    expect(
      (
        await failure(() =>
          session.api.officerSecurity.regenerateRecoveryCodes.mutate({
            code: codeFor(adminSecret),
          }),
        )
      ).appCode,
    ).toBe('WRONG_SECOND_FACTOR');
    laterStep();
    const { recoveryCodes } = await session.api.officerSecurity.regenerateRecoveryCodes.mutate({
      code: codeFor(adminSecret),
    });
    expect(recoveryCodes).toHaveLength(10);
    const next = await login('admin');
    expect(
      (
        await failure(() =>
          next.api.officerSecurity.verifyRecoveryCode.mutate({ code: adminRecovery[2]! }),
        )
      ).appCode,
    ).toBe('WRONG_RECOVERY_CODE');
    await next.api.officerSecurity.verifyRecoveryCode.mutate({ code: recoveryCodes[0]! });
    adminRecovery = recoveryCodes.slice(1);
  });

  it('a pending session cannot open files', async () => {
    const pending = await login('admin');
    const ctx = await createContext(h.deps, { authorization: `Bearer ${pending.token}` });
    expect(ctx.caller).toBeNull();
    let code: unknown;
    try {
      callerOrThrow(ctx);
    } catch (error) {
      code = (error as { cause?: { appCode?: string } }).cause?.appCode;
    }
    expect(code).toBe('SECOND_FACTOR_REQUIRED');
  });

  it('wrong codes count towards the login throttle of the address', async () => {
    const t = await createHarness({
      config: {
        secondFactorRoles: ['bureau-admin'],
        loginThrottle: {
          ...h.deps.config.loginThrottle,
          address: { freeFailures: 2, forgetAfterMs: 3600_000 },
        },
      },
    });
    try {
      Object.assign(t.deps, { wallClock: () => wall.now });
      const first = await t
        .client()
        .auth.officerLogin.mutate({ username: 'admin', password: DEMO_PASSWORD });
      const api = t.client(first.token);
      const { secret } = await api.officerSecurity.startEnrolment.mutate();
      await api.officerSecurity.confirmEnrolment.mutate({ code: codeFor(secret) });
      const next = await t
        .client()
        .auth.officerLogin.mutate({ username: 'admin', password: DEMO_PASSWORD });
      const pending = t.client(next.token);
      const wrong = codeFor(secret, 9);
      for (let i = 0; i < 3; i++)
        expect(
          (await failure(() => pending.officerSecurity.verify.mutate({ code: wrong }))).appCode,
        ).toBe('WRONG_SECOND_FACTOR');
      const throttled = await failure(() =>
        pending.officerSecurity.verify.mutate({ code: codeFor(secret, 1) }),
      );
      expect(throttled.appCode).toBe('LOGIN_THROTTLED');
    } finally {
      await t.close();
    }
  });
  it('a password alone forgives nothing: guesses at the code keep counting across logins', async () => {
    const t = await createHarness({
      config: {
        secondFactorRoles: ['bureau-admin'],
        loginThrottle: {
          ...h.deps.config.loginThrottle,
          account: { ...h.deps.config.loginThrottle.account, freeFailures: 2 },
        },
      },
    });
    try {
      Object.assign(t.deps, { wallClock: () => wall.now });
      const first = await t
        .client()
        .auth.officerLogin.mutate({ username: 'admin', password: DEMO_PASSWORD });
      const api = t.client(first.token);
      const { secret } = await api.officerSecurity.startEnrolment.mutate();
      await api.officerSecurity.confirmEnrolment.mutate({ code: codeFor(secret) });

      // Someone holding the password, from elsewhere: log in again before each guess.
      const thief = t.client(undefined, { ip: '10.9.9.9' });
      for (let i = 0; i < 3; i++) {
        const next = await thief.auth.officerLogin.mutate({
          username: 'admin',
          password: DEMO_PASSWORD,
        });
        expect(next.pendingStep).toBe('second-factor');
        const pending = t.client(next.token, { ip: '10.9.9.9' });
        expect(
          (await failure(() => pending.officerSecurity.verify.mutate({ code: codeFor(secret, 9) })))
            .appCode,
        ).toBe('WRONG_SECOND_FACTOR');
      }
      const refused = await failure(() =>
        thief.auth.officerLogin.mutate({ username: 'admin', password: DEMO_PASSWORD }),
      );
      expect(refused.appCode).toBe('LOGIN_THROTTLED');
      // Nor did the password make the address "known" (exempt from the account's delay).
      const known = await t.prisma.auditLog.count({
        where: { action: 'auth.officer-login', ip: '10.9.9.9' },
      });
      expect(known).toBe(0);
      expect(
        await t.prisma.auditLog.count({
          where: { action: 'auth.officer-password-accepted', ip: '10.9.9.9' },
        }),
      ).toBe(3);
    } finally {
      await t.close();
    }
  });
});

describe('administrators reset another officer’s factor, never their own', () => {
  it('refuses one’s own, resets another’s (audited), whose next login enrols again', async () => {
    const admin = await login('admin');
    laterStep();
    await admin.api.officerSecurity.verify.mutate({ code: codeFor(adminSecret) });
    const self = (await admin.api.auth.me.query()).id;
    const own = await failure(() =>
      admin.api.officerSecurity.resetSecondFactor.mutate({ id: self }),
    );
    expect(own.appCode).toBe('OWN_SECOND_FACTOR_RESET');
    expect(own.message).toContain('不能重置自己的两步验证');

    // 财务人员 enrols, then loses the phone.
    const finance = await login('finance');
    expect(finance.pendingStep).toBe('enrol-second-factor');
    const { secret } = await finance.api.officerSecurity.startEnrolment.mutate();
    await finance.api.officerSecurity.confirmEnrolment.mutate({ code: codeFor(secret) });
    const financeId = (await finance.api.auth.me.query()).id;
    expect((await login('finance')).pendingStep).toBe('second-factor');

    const reviewer = await login('reviewer');
    expect(
      (
        await failure(() =>
          reviewer.api.officerSecurity.resetSecondFactor.mutate({ id: financeId }),
        )
      ).appCode,
    ).toBe('FORBIDDEN');

    await admin.api.officerSecurity.resetSecondFactor.mutate({ id: financeId });
    expect((await failure(() => finance.api.auth.me.query())).appCode).toBe('UNAUTHENTICATED');
    const user = await h.prisma.user.findUniqueOrThrow({ where: { id: financeId } });
    expect(user.totpSecret).toBeNull();
    expect(await h.prisma.officerRecoveryCode.count({ where: { userId: financeId } })).toBe(0);
    expect((await login('finance')).pendingStep).toBe('enrol-second-factor');
    const audit = await admin.api.audit.search.query({ action: 'officer.reset-second-factor' });
    expect(audit.items[0]).toMatchObject({ actionLabel: '重置两步验证' });
  });
});

describe('forced password change and the password policy', () => {
  let adminApi: Awaited<ReturnType<typeof login>>['api'];
  let newId = '';

  beforeAll(async () => {
    const admin = await login('admin');
    laterStep();
    await admin.api.officerSecurity.verify.mutate({ code: codeFor(adminSecret) });
    adminApi = admin.api;
  });

  it('the policy refuses short, common and own-name passwords, in Chinese, at create and reset', async () => {
    const create = (password: string) =>
      failure(() =>
        adminApi.officers.create.mutate({
          username: 'zhangsan',
          displayName: '张三',
          role: 'bureau-reviewer',
          password,
        }),
      );
    expect((await create('Short2026')).fieldErrors?.password).toContain('密码至少10位');
    expect((await create('Password123')).fieldErrors?.password).toEqual([
      '该密码过于常见，容易被猜中，请换一个',
    ]);
    expect((await create('zhangsan2026')).fieldErrors?.password).toEqual(['密码不能包含用户名']);
    const created = await adminApi.officers.create.mutate({
      username: 'zhangsan',
      displayName: '张三',
      role: 'bureau-reviewer',
      password: 'Initial2026x',
    });
    newId = created.id;
    expect(
      (
        await failure(() =>
          adminApi.officers.resetPassword.mutate({ id: newId, password: 'ZhangSan-2026' }),
        )
      ).fieldErrors?.password,
    ).toEqual(['密码不能包含用户名']);
  });

  it('a new officer changes the password at first login before anything else', async () => {
    const first = await login('zhangsan', 'Initial2026x');
    expect(first.pendingStep).toBe('change-password');
    const refused = await failure(() => first.api.workbench.summary.query());
    expect(refused.appCode).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(refused.message).toBe('请先修改初始密码，再使用系统');
    // Enrolment is a later step, not this one.
    expect((await failure(() => first.api.officerSecurity.startEnrolment.mutate())).appCode).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );

    const change = (currentPassword: string, newPassword: string) =>
      failure(() =>
        first.api.officerSecurity.changePassword.mutate({ currentPassword, newPassword }),
      );
    expect((await change('Wrong2026xx', 'Better2026pw')).appCode).toBe('WRONG_CURRENT_PASSWORD');
    expect((await change('Initial2026x', 'short1')).fieldErrors?.newPassword).toContain(
      '密码至少10位',
    );
    expect((await change('Initial2026x', 'Initial2026x')).fieldErrors?.newPassword).toEqual([
      '新密码不能与当前密码相同',
    ]);
    expect((await change('Initial2026x', 'ZHANGSAN-2026')).fieldErrors?.newPassword).toEqual([
      '密码不能包含用户名',
    ]);
    expect((await change('Initial2026x', 'qwerty12345')).fieldErrors?.newPassword).toEqual([
      '该密码过于常见，容易被猜中，请换一个',
    ]);

    const done = await first.api.officerSecurity.changePassword.mutate({
      currentPassword: 'Initial2026x',
      newPassword: 'Better2026pw',
    });
    expect(done.pendingStep).toBeNull();
    expect(await first.api.workbench.summary.query()).toBeTruthy();
    const user = await h.prisma.user.findUniqueOrThrow({ where: { id: newId } });
    expect(user.mustChangePassword).toBe(false);
    expect(user.passwordChangedAt).not.toBeNull();
    expect((await login('zhangsan', 'Better2026pw')).pendingStep).toBeNull();
  });

  it('an admin’s password reset forces a change at the next login', async () => {
    await adminApi.officers.resetPassword.mutate({ id: newId, password: 'Reset2026pw' });
    expect((await login('zhangsan', 'Reset2026pw')).pendingStep).toBe('change-password');
  });

  it('a required role changes the password, then enrols', async () => {
    const created = await adminApi.officers.create.mutate({
      username: 'caiwu2',
      displayName: '财务二',
      role: 'finance-officer',
      password: 'Initial2026x',
    });
    expect(created.id).toBeTruthy();
    const first = await login('caiwu2', 'Initial2026x');
    expect(first.pendingStep).toBe('change-password');
    const done = await first.api.officerSecurity.changePassword.mutate({
      currentPassword: 'Initial2026x',
      newPassword: 'Better2026pw',
    });
    expect(done.pendingStep).toBe('enrol-second-factor');
    expect(await first.api.auth.me.query()).toMatchObject({ pendingStep: 'enrol-second-factor' });
  });
});

describe('我的会话: an officer sees and ends their own sessions', () => {
  it('lists them with the current one marked; ends one, or all others; audited', async () => {
    const a = await login('reviewer', DEMO_PASSWORD, '10.0.0.1');
    const b = await login('reviewer', DEMO_PASSWORD, '10.0.0.2');
    const c = await login('reviewer', DEMO_PASSWORD, '10.0.0.3');
    const list = await a.api.officerSecurity.sessions.query();
    const current = list.filter((s) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0]!.ip).toBe('10.0.0.1');
    expect(list.map((s) => s.ip)).toEqual(expect.arrayContaining(['10.0.0.2', '10.0.0.3']));
    expect(list[0]!.device).toBe('未知设备');

    const other = list.find((s) => s.ip === '10.0.0.2')!;
    expect(
      (await failure(() => a.api.officerSecurity.endSession.mutate({ id: current[0]!.id })))
        .message,
    ).toContain('退出登录');
    // Someone else's session is not found, whoever asks.
    const stranger = await login('yongqiao');
    expect(
      (await failure(() => stranger.api.officerSecurity.endSession.mutate({ id: other.id })))
        .appCode,
    ).toBe('NOT_FOUND');

    await a.api.officerSecurity.endSession.mutate({ id: other.id });
    expect((await failure(() => b.api.auth.me.query())).appCode).toBe('UNAUTHENTICATED');
    expect((await c.api.auth.me.query()).kind).toBe('officer');
    const { ended } = await a.api.officerSecurity.endOtherSessions.mutate();
    expect(ended).toBeGreaterThanOrEqual(1);
    expect((await failure(() => c.api.auth.me.query())).appCode).toBe('UNAUTHENTICATED');
    expect((await a.api.auth.me.query()).kind).toBe('officer');
    expect(await h.prisma.auditLog.count({ where: { action: 'officer.end-own-session' } })).toBe(2);
  });

  it('names devices in Chinese words', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
      ),
    ).toBe('Windows 电脑 · Chrome 浏览器');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('iPhone 手机 · Safari 浏览器');
    expect(describeUserAgent(null)).toBe('未知设备');
  });
});

describe('the TOTP secret at rest', () => {
  it('is AES-256-GCM sealed: tampering or another key is refused', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', DEV_OFFICER_SECRET_KEY);
    expect(sealed).toMatch(/^v1:/);
    expect(openSecret(sealed, DEV_OFFICER_SECRET_KEY)).toBe('JBSWY3DPEHPK3PXP');
    const other = Buffer.alloc(32, 7).toString('hex');
    expect(() => openSecret(sealed, other)).toThrow();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => openSecret(tampered, DEV_OFFICER_SECRET_KEY)).toThrow();
  });
});

describe('an officer whose role does not require it turns the factor off', () => {
  /** Logs in as `username` (optional role), enrols, and returns the session and the secret. */
  async function enrolled(username: string) {
    const first = await login(username);
    expect(first.pendingStep).toBeNull();
    const { secret } = await first.api.officerSecurity.startEnrolment.mutate();
    await first.api.officerSecurity.confirmEnrolment.mutate({ code: codeFor(secret) });
    laterStep();
    return { ...first, secret };
  }

  it('with a current code: recovery codes deleted, other sessions ended, audited in Chinese', async () => {
    const me = await enrolled('reviewer');
    const userId = (await me.api.auth.me.query()).id;
    // Another full session (both factors), and a login still owing its code.
    const other = await login('reviewer');
    await other.api.officerSecurity.verify.mutate({ code: codeFor(me.secret) });
    laterStep();
    const pending = await login('reviewer');
    expect(pending.pendingStep).toBe('second-factor');

    const wrong = await failure(() =>
      me.api.officerSecurity.disableSecondFactor.mutate({
        method: 'totp',
        code: codeFor(me.secret, 7),
      }),
    );
    expect(wrong.appCode).toBe('WRONG_SECOND_FACTOR');
    const badPassword = await failure(() =>
      me.api.officerSecurity.disableSecondFactor.mutate({
        method: 'password',
        currentPassword: 'Wrong-2026x',
      }),
    );
    expect(badPassword.appCode).toBe('WRONG_CURRENT_PASSWORD');
    expect(badPassword.fieldErrors?.currentPassword).toEqual(['当前密码不正确']);
    // Both count as failed logins of the account, and nothing was turned off.
    expect(
      await h.prisma.auditLog.count({
        where: { action: 'auth.officer-login-failed', objectId: userId },
      }),
    ).toBe(2);
    expect(
      (await h.prisma.user.findUniqueOrThrow({ where: { id: userId } })).totpEnabledAt,
    ).not.toBeNull();

    const done = await me.api.officerSecurity.disableSecondFactor.mutate({
      method: 'totp',
      code: codeFor(me.secret),
    });
    expect(done.endedSessions).toBeGreaterThanOrEqual(2);
    for (const ended of [other, pending])
      expect((await failure(() => ended.api.auth.me.query())).appCode).toBe('UNAUTHENTICATED');
    expect(await me.api.officerSecurity.status.query()).toMatchObject({
      secondFactorEnabledAt: null,
      secondFactorRequired: false,
      recoveryCodesLeft: 0,
    });
    const user = await h.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.totpSecret).toBeNull();
    expect(await h.prisma.officerRecoveryCode.count({ where: { userId } })).toBe(0);
    expect((await login('reviewer')).pendingStep).toBeNull();

    const admin = await login('admin');
    laterStep();
    await admin.api.officerSecurity.verify.mutate({ code: codeFor(adminSecret) });
    const audit = await admin.api.audit.search.query({ action: 'officer.disable-second-factor' });
    expect(audit.items[0]).toMatchObject({ actionLabel: '关闭两步验证' });
    const row = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: 'officer.disable-second-factor', objectId: userId },
    });
    expect(row.details).toMatchObject({ method: 'totp', endedSessions: done.endedSessions });
  });

  it('with the password instead, once: turning off what is off is refused', async () => {
    const me = await enrolled('reviewer');
    await me.api.officerSecurity.disableSecondFactor.mutate({
      method: 'password',
      currentPassword: DEMO_PASSWORD,
    });
    expect((await login('reviewer')).pendingStep).toBeNull();
    const again = await failure(() =>
      me.api.officerSecurity.disableSecondFactor.mutate({
        method: 'password',
        currentPassword: DEMO_PASSWORD,
      }),
    );
    expect(again.appCode).toBe('SECOND_FACTOR_NOT_ENROLLED');
  });

  it('a role that requires it is refused, even with the right code, and keeps its factor', async () => {
    const admin = await login('admin');
    laterStep();
    await admin.api.officerSecurity.verify.mutate({ code: codeFor(adminSecret) });
    laterStep();
    for (const input of [
      { method: 'totp' as const, code: codeFor(adminSecret) },
      { method: 'password' as const, currentPassword: DEMO_PASSWORD },
    ]) {
      const refused = await failure(() =>
        admin.api.officerSecurity.disableSecondFactor.mutate(input),
      );
      expect(refused).toMatchObject({
        appCode: 'SECOND_FACTOR_REQUIRED_FOR_ROLE',
        httpStatus: 403,
        message: '您的角色须使用两步验证，不能关闭',
      });
    }
    const user = await h.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    expect(user.totpEnabledAt).not.toBeNull();
    expect(
      await h.prisma.officerRecoveryCode.count({ where: { userId: user.id } }),
    ).toBeGreaterThan(0);
    expect((await login('admin')).pendingStep).toBe('second-factor');
  });
});
