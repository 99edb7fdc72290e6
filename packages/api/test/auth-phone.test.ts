import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { phoneFromWeChat } from '../src/auth/phone';
import { WeChatError } from '../src/auth/wechat-error';
import { hasAppCode } from '../src/errors';

/** auth.phoneNumber: the WeChat phone-number button's code → the applicant's verified mobile. */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the mobile number WeChat has verified', () => {
  it('gives an applicant the number behind a phone-number code, checked by the domain rule', async () => {
    const applicant = await h.applicant();
    const code = h.wechat.issuePhoneCode('13912345678');
    expect(await applicant.auth.phoneNumber.mutate({ code })).toEqual({ mobile: '13912345678' });
  });

  it('accepts each code once, like WeChat', async () => {
    const applicant = await h.applicant();
    const code = h.wechat.issuePhoneCode('13600001111');
    await applicant.auth.phoneNumber.mutate({ code });
    const reused = await failure(() => applicant.auth.phoneNumber.mutate({ code }));
    // A code WeChat refuses (used, expired, made up) is the caller's: 400, not a gateway error.
    expect(reused).toMatchObject({
      appCode: 'WECHAT_PHONE_CODE_INVALID',
      message: '手机号授权已失效，请重新点击获取手机号，或手动填写',
      httpStatus: 400,
    });
  });

  it('keeps WeChat’s own failures a gateway error (502)', async () => {
    const log = { info() {}, warn() {}, error() {} };
    for (const [errcode, appCode] of [
      [40029, 'WECHAT_PHONE_CODE_INVALID'],
      [40163, 'WECHAT_PHONE_CODE_INVALID'],
      [41008, 'WECHAT_PHONE_CODE_INVALID'],
      [-1, 'WECHAT_PHONE_FAILED'],
      [40013, 'WECHAT_PHONE_FAILED'],
      [undefined, 'WECHAT_PHONE_FAILED'],
    ] as const) {
      const wechat = {
        code2Session: () => Promise.reject(new Error('unused')),
        phoneNumber: () => Promise.reject(new WeChatError('refused', errcode)),
      };
      const error = await phoneFromWeChat({ wechat, log }, 'c').catch((e: unknown) => e);
      expect(hasAppCode(error, appCode)).toBe(true);
    }
  });

  it('refuses a number outside mainland China in plain Chinese', async () => {
    const applicant = await h.applicant();
    const hongKong = await failure(() =>
      applicant.auth.phoneNumber.mutate({ code: h.wechat.issuePhoneCode('91234567', '852') }),
    );
    expect(hongKong).toMatchObject({
      appCode: 'INVALID_INPUT',
      message: '仅支持中国大陆手机号码，请手动填写中国大陆手机号码',
    });
    // A mainland code with a number the mobile rule refuses (a landline) is not passed on either.
    const landline = await failure(() =>
      applicant.auth.phoneNumber.mutate({ code: h.wechat.issuePhoneCode('05572345678') }),
    );
    expect(landline.appCode).toBe('INVALID_INPUT');
    expect(landline.message).toContain('微信绑定的手机号码无法使用');
    expect(landline.message).not.toContain('05572345678');
  });

  it('is for applicants only, and asks for a code', async () => {
    const anonymous = await failure(() =>
      h.client().auth.phoneNumber.mutate({ code: h.wechat.issuePhoneCode('13912345678') }),
    );
    expect(anonymous.appCode).toBe('UNAUTHENTICATED');
    const officer = await h.officer('admin');
    const refused = await failure(() =>
      officer.auth.phoneNumber.mutate({ code: h.wechat.issuePhoneCode('13912345678') }),
    );
    expect(refused.appCode).toBe('FORBIDDEN');
    const applicant = await h.applicant();
    const empty = await failure(() => applicant.auth.phoneNumber.mutate({ code: ' ' }));
    expect(empty).toMatchObject({ appCode: 'INVALID_INPUT', message: '缺少微信手机号凭证' });
  });
});
