import { creditCodeCheckChar } from '@kc/domain';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandler, fakeTrpcServer } from '../support/fake-api';
import { type PageHandle, type Simulated, bootMiniProgram, settle } from './harness';

const HOUR = 3_600_000;
const FIRST17 = '91341302MA2N0B1C2';
const CREDIT_CODE = FIRST17 + creditCodeCheckChar(FIRST17);

/**
 * WeChat's phone-number button on the register page (weapp build only): its one-time code goes
 * to auth.phoneNumber and the verified number lands in the field; typing stays possible.
 */
describe('the phone-number button in the WeChat build', () => {
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

  const newcomer =
    (phone: FakeHandler): FakeHandler =>
    (path, input, req) =>
      path === 'profile.mine' ? { data: { type: null } } : phone(path, input, req);

  async function pressPhoneButton(page: PageHandle, id: string, detail: object) {
    const button = page.query(`#${id}-wechat`);
    if (!button) throw new Error(`no phone button #${id}-wechat`);
    button.dispatchEvent('getphonenumber', { detail });
    await settle(undefined, 10);
  }

  /**
   * A node's attributes as Taro hands them to WeChat's template (page data, keys abbreviated):
   * the simulator does not reflect built-in components' properties into the DOM.
   */
  function rendered(page: PageHandle, uid: string): unknown[] {
    const find = (node: unknown): Record<string, unknown> | undefined => {
      if (!node || typeof node !== 'object') return undefined;
      if ((node as { uid?: unknown }).uid === uid) return node as Record<string, unknown>;
      for (const child of Object.values(node)) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const node = find((page.comp.instance as { data?: unknown }).data);
    if (!node) throw new Error(`#${uid} is not rendered`);
    return Object.values(node);
  }

  it('offers WeChat’s phone-number button to a firm contact and a researcher', async () => {
    serve(newcomer(() => ({ data: {} })));
    const page = await sim.openPage('pages/register/index');
    expect(rendered(page, 'org-contactPhone-wechat')).toContain('getPhoneNumber');
    expect(page.text('#org-contactPhone-wechat')).toBe('使用微信绑定的手机号');
    // Typing stays possible next to the button.
    expect(page.query('#org-contactPhone')).toBeTruthy();
    await page.tap('#register-kind-researcher');
    expect(rendered(page, 'researcher-mobile-wechat')).toContain('getPhoneNumber');
  });

  it('fills the field with the number the server got from WeChat for the code', async () => {
    const seen = serve(
      newcomer((path) =>
        path === 'auth.phoneNumber' ? { data: { mobile: '13912345678' } } : { data: {} },
      ),
    );
    const page = await sim.openPage('pages/register/index');
    await page.tap('#register-kind-researcher');
    await pressPhoneButton(page, 'researcher-mobile', {
      errMsg: 'getPhoneNumber:ok',
      code: 'wx-phone-code-1',
    });
    const call = seen.find((r) => r.paths[0] === 'auth.phoneNumber');
    expect(call?.inputs[0]).toEqual({ code: 'wx-phone-code-1' });
    expect(call?.header.Authorization).toBe('Bearer tok-1');
    expect(rendered(page, 'researcher-mobile')).toContain('13912345678');
    expect(page.query('#researcher-mobile-error')).toBeFalsy();
  });

  it('saves a firm with its contact number from WeChat', async () => {
    const seen = serve(
      newcomer((path, input) =>
        path === 'auth.phoneNumber'
          ? { data: { mobile: '13805571234' } }
          : { data: { id: 'o1', ...(input as object) } },
      ),
    );
    const page = await sim.openPage('pages/register/index');
    await page.tap('#org-type-firm');
    await page.input('#org-name', '宿州示范科技有限公司');
    await page.input('#org-creditCode', CREDIT_CODE);
    await page.tap('#org-area-yongqiao');
    await page.tap('#org-field-life-health');
    await page.input('#org-contactName', '张三');
    await pressPhoneButton(page, 'org-contactPhone', {
      errMsg: 'getPhoneNumber:ok',
      code: 'wx-phone-code-2',
    });
    await page.tap('#register-submit');
    const save = seen.find((r) => r.paths[0] === 'profile.saveOrganisation');
    expect(save?.inputs[0]).toMatchObject({ contactName: '张三', contactPhone: '13805571234' });
  });

  it('asks for the number by hand when the user declines WeChat’s dialog', async () => {
    const seen = serve(newcomer(() => ({ data: {} })));
    const page = await sim.openPage('pages/register/index');
    await pressPhoneButton(page, 'org-contactPhone', { errMsg: 'getPhoneNumber:fail user deny' });
    expect(sim.toasts).toContain('未获取微信手机号，请手动填写');
    expect(seen.some((r) => r.paths[0] === 'auth.phoneNumber')).toBe(false);
    await page.tap('#register-submit');
    expect(page.text('#org-contactPhone-error')).toBe('请填写手机号码');
  });

  it('says why a WeChat number cannot be used (outside mainland China) and leaves the field', async () => {
    serve(
      newcomer(() => ({
        error: {
          message: '仅支持中国大陆手机号码，请手动填写中国大陆手机号码',
          code: 'BAD_REQUEST',
          httpStatus: 400,
          appCode: 'INVALID_INPUT',
        },
      })),
    );
    const page = await sim.openPage('pages/register/index');
    await pressPhoneButton(page, 'org-contactPhone', {
      errMsg: 'getPhoneNumber:ok',
      code: 'wx-phone-code-hk',
    });
    expect(sim.toasts).toContain('仅支持中国大陆手机号码，请手动填写中国大陆手机号码');
    expect(rendered(page, 'org-contactPhone')).not.toContain('13912345678');
    expect(page.query('#org-contactPhone-error')).toBeFalsy();
  });
});
