/**
 * The one place the app reads build-time configuration. Taro replaces `process.env.X`
 * with literals at build time (values come from config/index.ts), so these are constants.
 */
export const env = {
  /** `weapp` (WeChat mini-program) or `h5` (browser build used by the end-to-end tests). */
  platform: process.env.TARO_ENV,
  apiUrl: stripSlash(process.env.TARO_APP_API_URL ?? 'http://127.0.0.1:3000'),
  /** Only used on H5, where there is no wx.login: the fake WeChat service issues login codes. */
  fakeWechatUrl: stripSlash(process.env.TARO_APP_FAKE_WECHAT_URL ?? 'http://127.0.0.1:3900'),
} as const;

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
