import { DEFAULT_FILE_MAX_MB } from '@kc/domain';

/**
 * The one place the app reads build-time configuration. Taro replaces `process.env.X`
 * with literals at build time (values come from config/index.ts), so these are constants.
 */
export const env = {
  /** `weapp` (WeChat mini-program) or `h5` (browser build used by the end-to-end tests). */
  platform: process.env.TARO_ENV,
  /** Empty on H5 by default: the API is on the page's own origin. */
  apiUrl: stripSlash(process.env.TARO_APP_API_URL ?? ''),
  /** Only used on H5, where there is no wx.login: the fake WeChat service issues login codes. */
  fakeWechatUrl: stripSlash(process.env.TARO_APP_FAKE_WECHAT_URL ?? ''),
  /** Largest evidence upload the API accepts (its FILE_MAX_MB), checked before sending. */
  fileMaxMb: positiveNumber(process.env.TARO_APP_FILE_MAX_MB, DEFAULT_FILE_MAX_MB),
  /** WeChat subscribe-message templates for status changes; none configured = no prompt. */
  subscribeTemplateIds: (process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean),
} as const;

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function positiveNumber(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
