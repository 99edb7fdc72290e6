import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

describe('users and roles (officers.*)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('the bureau admin creates an area officer who can then sign in and sees only their area', async () => {
    const admin = await h.officer('admin');
    const created = await admin.officers.create.mutate({
      username: 'Lingbi01',
      displayName: '灵璧县管理员',
      role: 'area-officer',
      areaCode: 'lingbi',
      password: 'Lingbi2026',
    });
    expect(created).toMatchObject({
      username: 'lingbi01',
      roleName: '县区园区管理员',
      areaName: '灵璧县',
    });
    const lingbi = await h.officer('lingbi01', 'Lingbi2026');
    expect(await lingbi.auth.me.query()).toMatchObject({ kind: 'officer', areaCode: 'lingbi' });

    const taken = await failure(() =>
      admin.officers.create.mutate({
        username: 'lingbi01',
        displayName: '重复账号',
        role: 'bureau-reviewer',
        password: 'Another2026',
      }),
    );
    expect(taken).toMatchObject({
      appCode: 'USERNAME_TAKEN',
      fieldErrors: { username: ['该用户名已被使用'] },
    });
  });

  it('refuses weak passwords, areas on city-wide roles and area officers without an area', async () => {
    const admin = await h.officer('admin');
    const weak = await failure(() =>
      admin.officers.create.mutate({
        username: 'weak01',
        displayName: '弱密码',
        role: 'bureau-reviewer',
        password: 'abcdefghijk',
      }),
    );
    expect(weak.fieldErrors?.password).toEqual(['密码须同时包含字母和数字']);
    const area = await failure(() =>
      admin.officers.create.mutate({
        username: 'fin02',
        displayName: '财务二',
        role: 'finance-officer',
        areaCode: 'yongqiao',
        password: 'Finance2026',
      }),
    );
    expect(area.fieldErrors?.areaCode?.[0]).toContain('不设所属县区');
    const noArea = await failure(() =>
      admin.officers.create.mutate({
        username: 'area02',
        displayName: '县区二',
        role: 'area-officer',
        password: 'Area2026x',
      }),
    );
    expect(noArea.fieldErrors?.areaCode?.[0]).toContain('须选择所属县区');
  });

  it('only the bureau admin manages accounts', async () => {
    const reviewer = await h.officer('reviewer');
    expect((await failure(() => reviewer.officers.list.query({}))).appCode).toBe('FORBIDDEN');
    const firm = await h.applicant();
    expect((await failure(() => firm.officers.list.query({}))).appCode).toBe('FORBIDDEN');
  });

  it('disabling ends the sessions at once; resetting a password too, and lifts a login delay', async () => {
    const admin = await h.officer('admin');
    const target = (await admin.officers.list.query({ q: 'lingbi01' }))[0]!;
    const lingbi = await h.officer('lingbi01', 'Lingbi2026');
    expect((await admin.officers.list.query({ q: 'lingbi01' }))[0]!.activeSessions).toBeGreaterThan(
      0,
    );

    await admin.officers.update.mutate({ id: target.id, disabled: true });
    expect((await failure(() => lingbi.auth.me.query())).appCode).toBe('UNAUTHENTICATED');
    expect((await failure(() => h.officer('lingbi01', 'Lingbi2026'))).appCode).toBe(
      'ACCOUNT_DISABLED',
    );
    expect(await admin.officers.list.query({ q: 'lingbi01' })).toEqual([]);
    expect(
      (await admin.officers.list.query({ q: 'lingbi01', includeDisabled: true }))[0]!.disabled,
    ).toBe(true);

    await admin.officers.update.mutate({ id: target.id, disabled: false });
    // From an address lingbi01 never logged in from, failures delay the next attempt …
    const elsewhere = h.client(undefined, { ip: '10.77.0.1' });
    for (let i = 0; i < 5; i++)
      await failure(() =>
        elsewhere.auth.officerLogin.mutate({ username: 'lingbi01', password: 'wrong-password1' }),
      );
    expect(
      (
        await failure(() =>
          elsewhere.auth.officerLogin.mutate({ username: 'lingbi01', password: 'Lingbi2026' }),
        )
      ).appCode,
    ).toBe('LOGIN_THROTTLED');
    // … until the administrator sets a new password, which lifts the delay.
    await admin.officers.resetPassword.mutate({ id: target.id, password: 'NewPass2026' });
    await elsewhere.auth.officerLogin.mutate({ username: 'lingbi01', password: 'NewPass2026' });
    const again = await h.officer('lingbi01', 'NewPass2026');
    expect((await again.auth.me.query()).kind).toBe('officer');
    // Both logins after the reset.
    expect(await admin.officers.endSessions.mutate({ id: target.id })).toEqual({ ended: 2 });
    expect((await failure(() => again.auth.me.query())).appCode).toBe('UNAUTHENTICATED');
  });

  it('an admin cannot disable or demote themself', async () => {
    const admin = await h.officer('admin');
    const me = (await admin.officers.list.query({ q: 'admin' })).find(
      (o) => o.username === 'admin',
    )!;
    const refused = await failure(() =>
      admin.officers.update.mutate({ id: me.id, role: 'bureau-reviewer' }),
    );
    expect(refused.appCode).toBe('FORBIDDEN');
    expect(refused.message).toContain('不能停用自己的账号');
  });

  it('every change is in the audit log, which the admin searches by officer, action and date', async () => {
    const admin = await h.officer('admin');
    const found = await admin.audit.search.query({ action: 'officer.', actor: 'admin' });
    const actions = found.items.map((i) => i.action);
    for (const a of [
      'officer.create',
      'officer.disable',
      'officer.enable',
      'officer.reset-password',
      'officer.end-sessions',
    ])
      expect(actions).toContain(a);
    expect(found.items.find((i) => i.action === 'officer.disable')?.actionLabel).toBe('停用账号');
    expect(found.items[0]!.actorName).toContain('admin');
    const today = h.clock.now.toISOString().slice(0, 10);
    expect(
      (await admin.audit.search.query({ action: 'officer.', from: today, to: today })).total,
    ).toBe(found.total);
    expect((await admin.audit.search.query({ action: 'officer.', to: '2026-01-01' })).total).toBe(
      0,
    );
    // Passwords never reach the log.
    expect(JSON.stringify(found.items)).not.toMatch(/NewPass2026|Lingbi2026/);
  });
});
