import { mobileSchema } from '@kc/domain';
import type { Context } from '../context';
import { appError } from '../errors';
import { WeChatError } from './wechat-error';

/** Mainland China's calling code: the only numbers the platform registers. */
const MAINLAND = '86';

/** WeChat's errcodes for the code itself: 40029 invalid, 40163 already used, 41008 missing. */
const BAD_CODE = new Set([40029, 40163, 41008]);

export const PHONE_MESSAGES = {
  notMainland: '仅支持中国大陆手机号码，请手动填写中国大陆手机号码',
  unusable: '微信绑定的手机号码无法使用，请手动填写',
} as const;

/**
 * Exchanges a phone-number button code with WeChat and checks the number with the domain's own
 * mobile rule. The number itself is never logged: only WeChat's errcode on failure.
 */
export async function phoneFromWeChat(
  ctx: Pick<Context, 'wechat' | 'log'>,
  code: string,
): Promise<string> {
  let phone;
  try {
    phone = await ctx.wechat.phoneNumber(code);
  } catch (error) {
    if (error instanceof WeChatError) {
      ctx.log.warn({ errcode: error.errcode }, 'wechat phone number failed');
      // The code was bad (the caller's to fix); anything else is WeChat's or ours (502).
      if (error.errcode !== undefined && BAD_CODE.has(error.errcode))
        throw appError('WECHAT_PHONE_CODE_INVALID');
      throw appError('WECHAT_PHONE_FAILED');
    }
    throw error;
  }
  if (phone.countryCode.replace(/^\+/, '') !== MAINLAND) {
    throw appError('INVALID_INPUT', { message: PHONE_MESSAGES.notMainland });
  }
  const checked = mobileSchema.safeParse(phone.purePhoneNumber);
  if (!checked.success) {
    const reason = checked.error.issues[0]?.message ?? '格式不正确';
    throw appError('INVALID_INPUT', { message: `${PHONE_MESSAGES.unusable}（${reason}）` });
  }
  return checked.data;
}
