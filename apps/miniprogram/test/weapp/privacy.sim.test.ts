import { CURRENT_PRIVACY_NOTICE } from '@kc/domain';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeTrpcServer, type FakeHandler } from '../support/fake-api';
import { type Simulated, bootMiniProgram } from './harness';

const HOUR = 3_600_000;
const CURRENT = CURRENT_PRIVACY_NOTICE.version;

type Cb = { success?: (r: unknown) => void; complete?: (r: unknown) => void };

describe('个人信息与隐私 and the notice asked again, compiled for WeChat', () => {
  let sim: Simulated;
  /** What the WeChat APIs the harness does not script were asked. */
  const asked: { api: string; opts: Record<string, unknown> }[] = [];
  let modalConfirm = true;

  beforeAll(() => {
    sim = bootMiniProgram();
    const wx = (globalThis as Record<string, unknown>).wx as Record<string, unknown>;
    const answer = (api: string, result: unknown) => (opts: Record<string, unknown> & Cb) => {
      asked.push({ api, opts });
      setTimeout(() => {
        opts.success?.(result);
        opts.complete?.(result);
      }, 0);
    };
    wx.showModal = (opts: Record<string, unknown> & Cb) =>
      answer('showModal', { confirm: modalConfirm, cancel: !modalConfirm })(opts);
    wx.downloadFile = answer('downloadFile', {
      statusCode: 200,
      tempFilePath: 'wxfile://tmp/x.xlsx',
    });
    wx.openDocument = answer('openDocument', { errMsg: 'openDocument:ok' });
  });
  beforeEach(() => {
    sim.storage.clear();
    sim.toasts.length = 0;
    sim.navigations.length = 0;
    asked.length = 0;
    modalConfirm = true;
  });

  function serve(handler: FakeHandler) {
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
    return server.seen;
  }

  const loggedIn = () => {
    sim.storage.set('kc.session', {
      token: 'tok-1',
      expiresAt: new Date(Date.now() + HOUR).toISOString(),
    });
    sim.storage.set('kc.consent', { version: CURRENT, at: new Date().toISOString() });
  };

  const handler: FakeHandler = (path) => {
    switch (path) {
      case 'auth.wechatLogin':
        return {
          data: {
            token: 'tok-1',
            expiresAt: new Date(Date.now() + HOUR),
            user: { id: 'u1', kind: 'applicant', profileType: 'organisation' },
            consentRequired: { version: CURRENT },
          },
        };
      case 'me.acceptPrivacyNotice':
        return { data: { version: CURRENT } };
      case 'profile.mine':
        return { data: { type: 'organisation', organisation: { name: '宿州示范科技有限公司' } } };
      case 'auth.logout':
        return { data: { ok: true } };
      case 'me.cancelAccount':
        return { data: { cancelledAt: new Date() } };
      default:
        return {
          error: {
            message: '记录不存在',
            code: 'NOT_FOUND',
            httpStatus: 404,
            appCode: 'NOT_FOUND',
          },
        };
    }
  };

  it('a login the server answers with consentRequired shows the notice with 同意 / 不同意; 同意 records it and goes on', async () => {
    const seen = serve(handler);
    const page = await sim.openPage('pages/login/index');
    await page.tap('#login-consent');
    await page.tap('#login-submit');
    expect(page.text('#privacy-modal')).toContain('已更新');
    expect(page.text('#privacy-modal')).toContain('注销');
    expect(sim.navigations).toEqual([]);
    expect(sim.storage.get('kc.consent-pending')).toBe(CURRENT);

    await page.tap('#privacy-accept');
    const accept = seen.find((r) => r.paths[0] === 'me.acceptPrivacyNotice');
    expect(accept?.inputs).toEqual([{ version: CURRENT }]);
    expect(accept?.header.Authorization).toBe('Bearer tok-1');
    expect(sim.storage.has('kc.consent-pending')).toBe(false);
    expect(sim.navigations).toEqual([{ api: 'reLaunch', url: '/pages/programmes/index' }]);
  });

  it('a question still pending is asked first when the app opens; 不同意 logs out', async () => {
    loggedIn();
    sim.storage.set('kc.consent-pending', CURRENT);
    const seen = serve(handler);
    const page = await sim.openPage('pages/login/index');
    expect(page.query('#privacy-accept')).toBeTruthy();
    expect(seen).toHaveLength(0);

    await page.tap('#privacy-decline');
    expect(seen.map((r) => r.paths[0])).toEqual(['auth.logout']);
    expect(sim.storage.has('kc.session')).toBe(false);
    expect(sim.storage.has('kc.consent')).toBe(false);
    expect(sim.storage.has('kc.consent-pending')).toBe(false);
    expect(page.query('#privacy-modal')).toBeFalsy();
    expect(sim.toasts).toContain('您未同意《隐私保护指引》，已退出登录');
    expect(sim.navigations).toEqual([]);
  });

  it('exports the workbook with the session and opens it in WeChat’s document viewer', async () => {
    loggedIn();
    serve(handler);
    const page = await sim.openPage('packages/me/privacy/index');
    expect(page.query('#privacy-export-json')).toBeFalsy();
    await page.tap('#privacy-export');
    const download = asked.find((a) => a.api === 'downloadFile');
    expect(String(download?.opts.url)).toMatch(/\/files\/me\/export\.xlsx$/);
    expect(download?.opts.header).toEqual({ Authorization: 'Bearer tok-1' });
    expect(asked.find((a) => a.api === 'openDocument')?.opts).toMatchObject({
      filePath: 'wxfile://tmp/x.xlsx',
      fileType: 'xlsx',
      showMenu: true,
    });
  });

  it('注销 needs the word typed and a confirmation, then forgets the session and goes to login', async () => {
    loggedIn();
    const seen = serve(handler);
    const page = await sim.openPage('packages/me/privacy/index');
    expect(page.text('#privacy-cancel')).toContain('依法保留');
    await page.tap('#privacy-cancel-submit');
    expect(page.text('#privacy-cancel')).toContain('请输入“注销”两个字以确认');
    expect(seen).toHaveLength(0);

    await page.input('#privacy-cancel-confirm', '注销');
    modalConfirm = false;
    await page.tap('#privacy-cancel-submit');
    expect(seen).toHaveLength(0);

    modalConfirm = true;
    await page.tap('#privacy-cancel-submit');
    expect(seen.map((r) => r.paths[0])).toEqual(['me.cancelAccount']);
    expect(seen[0]?.inputs).toEqual([{ confirmation: '注销' }]);
    expect(sim.storage.has('kc.session')).toBe(false);
    expect(sim.storage.has('kc.consent')).toBe(false);
    expect(sim.navigations).toEqual([{ api: 'reLaunch', url: '/pages/login/index' }]);
  });
});
