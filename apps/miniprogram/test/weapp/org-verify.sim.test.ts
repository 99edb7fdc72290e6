import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandler, fakeTrpcServer } from '../support/fake-api';
import { type Simulated, bootMiniProgram } from './harness';

const HOUR = 3_600_000;

/** `myOrg.verification.latest` of a 埇桥区 firm registered with a Beijing code, rejected once. */
function rejectedState(overrides: Record<string, unknown> = {}) {
  return {
    organisation: {
      id: 'o1',
      name: '宿州京北科技有限公司',
      creditCode: '91110000100017643K',
      type: 'firm',
      areaCode: 'yongqiao',
      legalRepresentative: null,
      verifiedAt: null,
    },
    status: 'rejected',
    statusLabel: '认证未通过',
    isAdmin: true,
    canSubmit: true,
    canWithdraw: false,
    registrationFlags: ['outside-city'],
    registrationNotes: ['统一社会信用代码登记地为北京市（110000），属市外注册，请核实在宿经营情况'],
    latest: {
      id: 'v1',
      status: 'rejected',
      statusLabel: '未通过',
      licenceKind: 'business-licence',
      licenceKindLabel: '营业执照',
      legalRepName: '陈晓东',
      actingRole: 'legal-representative',
      actingRoleLabel: '法定代表人',
      snapshot: { areaName: '埇桥区' },
      flags: [{ code: 'outside-city', name: '市外注册' }],
      decisionReason: '营业执照照片模糊，无法辨认',
      createdAt: new Date('2026-11-27T02:00:00Z'),
    },
    ...overrides,
  };
}

describe('机构认证 page, compiled for WeChat and run in the simulator', () => {
  let sim: Simulated;
  beforeAll(() => {
    sim = bootMiniProgram();
  });
  beforeEach(() => {
    sim.storage.clear();
    sim.toasts.length = 0;
    sim.navigations.length = 0;
    sim.storage.set('kc.session', {
      token: 'tok-1',
      expiresAt: new Date(Date.now() + HOUR).toISOString(),
    });
  });

  function serve(handler: FakeHandler) {
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
    return server.seen;
  }

  it('shows why it was rejected, the 市外注册 notice, and the form to submit again', async () => {
    serve(() => ({ data: rejectedState() }));
    const page = await sim.openPage('packages/org/verify/index');
    expect(page.text('#verify-status-tag')).toBe('认证未通过');
    expect(page.text('#verify-rejected-reason')).toContain('营业执照照片模糊，无法辨认');
    expect(page.text('#verify-flags')).toContain('属市外注册');
    expect(page.text('#verify-submit')).toBe('重新提交认证');
    // The legal representative in person: no 授权委托书 asked for …
    expect(page.query('#verify-authorisation-media')).toBeFalsy();
    // … someone else acting must add one.
    await page.tap('#verify-acting-role-staff');
    expect(page.query('#verify-authorisation-media')).toBeTruthy();
  });

  it('tells a 经办人 that the administrator submits, and offers no form', async () => {
    serve(() => ({
      data: rejectedState({
        status: 'unverified',
        statusLabel: '未认证',
        isAdmin: false,
        canSubmit: false,
        registrationFlags: [],
        registrationNotes: [],
        latest: null,
      }),
    }));
    const page = await sim.openPage('packages/org/verify/index');
    expect(page.text('#verify-admin-only')).toContain('由单位管理员提交');
    expect(page.query('#verify-submit')).toBeFalsy();
    expect(page.query('#verify-flags')).toBeFalsy();
  });
});
