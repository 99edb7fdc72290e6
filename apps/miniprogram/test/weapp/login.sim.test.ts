import { CURRENT_PRIVACY_NOTICE } from '@kc/domain';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeTrpcServer, type FakeHandler } from '../support/fake-api';
import { type Simulated, bootMiniProgram } from './harness';

const HOUR = 3_600_000;

describe('login page, compiled for WeChat and run in the simulator', () => {
  let sim: Simulated;
  beforeAll(() => {
    sim = bootMiniProgram();
  });
  beforeEach(() => {
    sim.storage.clear();
    sim.toasts.length = 0;
    sim.navigations.length = 0;
    sim.loginCodes.length = 0;
  });

  function serve(handler: FakeHandler) {
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
    return server.seen;
  }

  const loginOk =
    (profileType: 'organisation' | null): FakeHandler =>
    (path) => {
      if (path === 'auth.wechatLogin') {
        return {
          data: {
            token: 'tok-1',
            expiresAt: new Date(Date.now() + HOUR),
            user: { id: 'u1', kind: 'applicant', profileType },
          },
        };
      }
      if (path === 'profile.mine') {
        return profileType
          ? { data: { type: 'organisation', organisation: { name: '宿州示范科技有限公司' } } }
          : { data: { type: null } };
      }
      return {
        error: {
          message: '记录不存在或您无权查看',
          code: 'NOT_FOUND',
          httpStatus: 404,
          appCode: 'NOT_FOUND',
        },
      };
    };

  it('shows the product name, a consent box and the WeChat login button', async () => {
    const page = await sim.openPage('pages/login/index');
    expect(page.text('#login-title')).toBe('宿州科创');
    expect(page.text('#login-submit')).toBe('微信登录');
    expect(page.query('#login-consent')).toBeTruthy();
  });

  it('does not log in until the privacy guideline is accepted', async () => {
    const seen = serve(loginOk(null));
    const page = await sim.openPage('pages/login/index');
    await page.tap('#login-submit');
    expect(sim.toasts).toContain('请先阅读并同意《隐私保护指引》');
    expect(sim.loginCodes).toHaveLength(0);
    expect(seen).toHaveLength(0);
  });

  it('opens and closes the privacy guideline', async () => {
    const page = await sim.openPage('pages/login/index');
    expect(page.query('#privacy-modal')).toBeFalsy();
    await page.tap('#login-privacy-link');
    expect(page.text('#privacy-modal')).toContain('隐私保护指引');
    expect(page.text('#privacy-modal')).toContain('身份证号码');
    await page.tap('#privacy-close');
    expect(page.query('#privacy-modal')).toBeFalsy();
  });

  it('trades the wx.login code for a session and sends a newcomer to registration', async () => {
    const seen = serve(loginOk(null));
    const page = await sim.openPage('pages/login/index');
    await page.tap('#login-consent');
    await page.tap('#login-submit');

    expect(sim.loginCodes).toEqual(['sim-code-1']);
    expect(seen[0]?.paths).toEqual(['auth.wechatLogin']);
    // The version of 《隐私保护指引》 accepted goes with the login, and is remembered.
    expect(seen[0]?.inputs).toEqual([
      { code: 'sim-code-1', acceptedNoticeVersion: CURRENT_PRIVACY_NOTICE.version },
    ]);
    expect(sim.storage.get('kc.session')).toMatchObject({ token: 'tok-1' });
    expect(sim.storage.get('kc.consent')).toMatchObject({
      version: CURRENT_PRIVACY_NOTICE.version,
    });
    expect(seen[1]?.paths).toEqual(['profile.mine']);
    expect(seen[1]?.header.Authorization).toBe('Bearer tok-1');
    expect(sim.navigations).toEqual([{ api: 'reLaunch', url: '/pages/register/index' }]);
  });

  it('sends someone already registered to the programmes (home)', async () => {
    serve(loginOk('organisation'));
    const page = await sim.openPage('pages/login/index');
    await page.tap('#login-consent');
    await page.tap('#login-submit');
    expect(sim.navigations).toEqual([{ api: 'reLaunch', url: '/pages/programmes/index' }]);
  });

  it('says so in Chinese when WeChat login fails', async () => {
    serve(() => ({
      error: {
        message: '微信登录失败，请重试',
        code: 'BAD_REQUEST',
        httpStatus: 400,
        appCode: 'WECHAT_LOGIN_FAILED',
      },
    }));
    const page = await sim.openPage('pages/login/index');
    await page.tap('#login-consent');
    await page.tap('#login-submit');
    expect(sim.toasts).toContain('微信登录失败，请重试');
    expect(sim.navigations).toEqual([]);
    expect(sim.storage.has('kc.session')).toBe(false);
  });
});
