import Taro from '@tarojs/taro';

/**
 * A one-time WeChat login code (wx.login). The H5 build uses login-code.h5.ts instead: Taro
 * picks `<name>.h5.ts` over `<name>.ts` when building for H5, so the fake never ships to WeChat.
 */
export async function getLoginCode(): Promise<string> {
  const { code } = await Taro.login();
  if (!code) throw new Error('微信登录失败，请重试');
  return code;
}
