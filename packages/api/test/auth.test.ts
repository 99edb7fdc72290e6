import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { DEMO_PASSWORD, createHarness, failure } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('mini-program login through WeChat', () => {
  it('exchanges a wx.login code for our own session token and knows the user has no profile yet', async () => {
    const code = h.wechat.issueCode('openid-new-user-1');
    const result = await h.client().auth.wechatLogin.mutate({ code });
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.user.profileType).toBeNull();
    expect(result).not.toHaveProperty('session_key');
    const me = await h.client(result.token).auth.me.query();
    expect(me).toMatchObject({ kind: 'applicant', profileType: null });
  });

  it('stores only a hash of the token', async () => {
    const { token } = await h
      .client()
      .auth.wechatLogin.mutate({ code: h.wechat.issueCode('openid-hash-check') });
    expect(await h.prisma.session.count({ where: { tokenHash: token } })).toBe(0);
    expect(await h.prisma.session.count()).toBeGreaterThan(0);
  });

  it('refuses an invalid or reused code with a clear error and creates no user', async () => {
    const users = await h.prisma.user.count();
    const bad = await failure(() =>
      h.client().auth.wechatLogin.mutate({ code: 'not-a-real-code' }),
    );
    expect(bad).toMatchObject({ appCode: 'WECHAT_LOGIN_FAILED', message: '微信登录失败，请重试' });

    const code = h.wechat.issueCode('openid-reuse');
    await h.client().auth.wechatLogin.mutate({ code });
    const reused = await failure(() => h.client().auth.wechatLogin.mutate({ code }));
    expect(reused.appCode).toBe('WECHAT_LOGIN_FAILED');
    expect(await h.prisma.user.count()).toBe(users + 1);
  });

  it('refuses an empty code as invalid input', async () => {
    const result = await failure(() => h.client().auth.wechatLogin.mutate({ code: '' }));
    expect(result).toMatchObject({ appCode: 'INVALID_INPUT', message: '缺少微信登录凭证' });
  });
});

describe('officer password login', () => {
  it('logs in a demo officer and returns role and area', async () => {
    const result = await h
      .client()
      .auth.officerLogin.mutate({ username: 'yongqiao', password: DEMO_PASSWORD });
    expect(result.officer).toMatchObject({ role: 'area-officer', areaCode: 'yongqiao' });
    const audit = await h.prisma.auditLog.findFirst({
      where: { action: 'auth.officer-login', objectId: result.officer.id },
    });
    expect(audit).not.toBeNull();
  });

  it('says 用户名或密码错误 for a wrong password and for an unknown user alike', async () => {
    const wrong = await failure(() =>
      h.client().auth.officerLogin.mutate({ username: 'reviewer', password: 'nope' }),
    );
    const unknown = await failure(() =>
      h.client().auth.officerLogin.mutate({ username: 'nobody', password: 'nope' }),
    );
    expect(wrong).toMatchObject({
      appCode: 'WRONG_CREDENTIALS',
      message: '用户名或密码错误',
      httpStatus: 401,
    });
    expect(unknown).toEqual(wrong);
  });

  it('five wrong passwords do not lock the account: the officer logs in at once from an address they used before', async () => {
    // dangshan logged in from 10.20.0.1 before; an attacker elsewhere fails five times.
    await h.client(undefined, { ip: '10.20.0.1' }).auth.officerLogin.mutate({
      username: 'dangshan',
      password: DEMO_PASSWORD,
    });
    const codes: (string | undefined)[] = [];
    for (let i = 1; i <= 5; i++) {
      const attempt = await failure(() =>
        h
          .client(undefined, { ip: '203.0.113.9' })
          .auth.officerLogin.mutate({ username: 'dangshan', password: `x${i}` }),
      );
      codes.push(attempt.appCode);
    }
    expect(codes).not.toContain('ACCOUNT_LOCKED');
    expect(codes.at(-1)).toBe('LOGIN_THROTTLED');
    const ok = await h
      .client(undefined, { ip: '10.20.0.1' })
      .auth.officerLogin.mutate({ username: 'dangshan', password: DEMO_PASSWORD });
    expect(ok.officer.areaCode).toBe('dangshan');
  });

  it('refuses a disabled officer', async () => {
    await h.prisma.user.update({ where: { username: 'finance' }, data: { disabled: true } });
    try {
      const result = await failure(() =>
        h.client().auth.officerLogin.mutate({ username: 'finance', password: DEMO_PASSWORD }),
      );
      expect(result.appCode).toBe('ACCOUNT_DISABLED');
    } finally {
      await h.prisma.user.update({ where: { username: 'finance' }, data: { disabled: false } });
    }
  });
});

describe('sessions', () => {
  it('answers SESSION_EXPIRED once the session has expired', async () => {
    const { token } = await h
      .client()
      .auth.officerLogin.mutate({ username: 'reviewer', password: DEMO_PASSWORD });
    const before = h.clock.now;
    h.clock.now = new Date(before.getTime() + 9 * 3600_000);
    try {
      const result = await failure(() => h.client(token).auth.me.query());
      expect(result).toMatchObject({
        appCode: 'SESSION_EXPIRED',
        message: '登录已过期，请重新登录',
      });
    } finally {
      h.clock.now = before;
    }
  });

  it('answers UNAUTHENTICATED for a made-up token and for no token', async () => {
    expect((await failure(() => h.client('x'.repeat(43)).auth.me.query())).appCode).toBe(
      'UNAUTHENTICATED',
    );
    expect((await failure(() => h.client().auth.me.query())).appCode).toBe('UNAUTHENTICATED');
  });

  it('ends the session on logout', async () => {
    const { token } = await h
      .client()
      .auth.officerLogin.mutate({ username: 'admin', password: DEMO_PASSWORD });
    await h.client(token).auth.logout.mutate();
    expect((await failure(() => h.client(token).auth.me.query())).appCode).toBe('UNAUTHENTICATED');
  });

  it('keeps applicants out of officer procedures and officers out of applicant ones', async () => {
    const applicant = await h.applicant();
    expect((await failure(() => applicant.organisations.list.query({}))).appCode).toBe('FORBIDDEN');
    const officer = await h.officer('admin');
    expect((await failure(() => officer.profile.mine.query())).appCode).toBe('FORBIDDEN');
  });
});
