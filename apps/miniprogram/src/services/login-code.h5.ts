import Taro from '@tarojs/taro';
import { env } from '../env';

/** On H5 the same browser stays the same (fake) WeChat user across reloads. */
export const H5_OPENID_KEY = 'kc.h5.openid';

/**
 * A browser has no wx.login. The H5 build (development and browser tests only) asks the fake
 * WeChat service to issue a login code for an openid kept in localStorage; the server then
 * redeems it through the fake's jscode2session exactly as it would with WeChat.
 */
export async function getLoginCode(): Promise<string> {
  const res = await Taro.request<{ code?: string }>({
    url: `${env.fakeWechatUrl}/fake/login-code`,
    method: 'POST',
    header: { 'content-type': 'application/json' },
    data: { openid: h5OpenId() },
    dataType: 'json',
  }).catch(() => {
    throw new Error('无法连接模拟微信服务，请确认它已启动');
  });
  if (res.statusCode !== 200 || typeof res.data?.code !== 'string')
    throw new Error('模拟微信服务没有返回登录码');
  return res.data.code;
}

function h5OpenId(): string {
  const existing = window.localStorage.getItem(H5_OPENID_KEY);
  if (existing) return existing;
  const bytes = new Uint8Array(12);
  window.crypto.getRandomValues(bytes);
  const openid = `h5-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  window.localStorage.setItem(H5_OPENID_KEY, openid);
  return openid;
}
