import { WeChatError } from './wechat-error';
import { accessTokenSource } from './wechat-token';

export { WeChatError } from './wechat-error';

/**
 * WeChat's server APIs for the mini-program.
 *
 * Login: the client's `wx.login()` code is exchanged for the user's openid via `jscode2session`.
 * The session_key WeChat returns is not stored or returned: nothing we do yet needs it, and a key
 * we do not keep cannot leak.
 *
 * Phone number: the code of `<button open-type="getPhoneNumber">` is exchanged, with the app's
 * access token, via `wxa/business/getuserphonenumber`. The number is returned, never logged.
 */
export interface WeChatClient {
  code2Session(code: string): Promise<{ openid: string; unionid?: string }>;
  phoneNumber(code: string): Promise<WeChatPhone>;
  /**
   * A subscribe message (订阅消息) to one user. WeChat's own refusals come back as its errcode
   * (0 = sent; 43101 = the user has not subscribed); only transport failures throw.
   * Optional so test doubles that never push need not have it.
   */
  sendSubscribeMessage?(message: SubscribeMessage): Promise<{ errcode: number; errmsg: string }>;
}

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** Mini-program page opened from the message, e.g. `pages/messages/index`. */
  page?: string | undefined;
  /** Template field → value (WeChat's `{ key: { value } }`). */
  data: Record<string, string>;
  /** developer | trial | formal (WeChat's miniprogram_state). */
  state?: 'developer' | 'trial' | 'formal';
}

/** The number WeChat has verified for the user: without country code, and that code (`86`). */
export interface WeChatPhone {
  purePhoneNumber: string;
  countryCode: string;
}

export class WeChatLoginError extends WeChatError {
  constructor(message: string, errcode?: number) {
    super(message, errcode);
    this.name = 'WeChatLoginError';
  }
}

export interface WeChatClientOptions {
  /** `https://api.weixin.qq.com` in production; the fake service in development and tests. */
  baseUrl: string;
  appId: string;
  secret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** For tests of the access-token cache. */
  now?: () => number;
}

/** errcodes meaning "this access token is no longer good": fetch a new one and retry once. */
const STALE_TOKEN = new Set([40001, 40014, 42001]);

export function createWeChatClient(options: WeChatClientOptions): WeChatClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5000;
  const tokens = accessTokenSource({ ...options, timeoutMs, fetch: doFetch });

  /**
   * POSTs `payload` to a WeChat API that takes the app's access token. A token WeChat calls
   * stale is fetched again and the call made once more. Transport failures throw; WeChat's own
   * errcode is the caller's to read. `name` is for the error message.
   */
  async function postWithToken<T extends { errcode?: number; errmsg?: string }>(
    path: string,
    name: string,
    payload: unknown,
    retry = true,
  ): Promise<T> {
    const token = await tokens.get();
    const url = new URL(path, options.baseUrl);
    url.searchParams.set('access_token', token);
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new WeChatError(`${name} unreachable: ${(cause as Error).message}`);
    }
    if (!response.ok) throw new WeChatError(`${name} HTTP ${response.status}`);
    const body = (await response.json()) as T;
    if (body.errcode && STALE_TOKEN.has(body.errcode) && retry) {
      tokens.invalidate(token);
      return postWithToken(path, name, payload, false);
    }
    return body;
  }

  async function getUserPhoneNumber(code: string): Promise<WeChatPhone> {
    const body = await postWithToken<{
      errcode?: number;
      errmsg?: string;
      phone_info?: { purePhoneNumber?: string; countryCode?: string | number };
    }>('/wxa/business/getuserphonenumber', 'getuserphonenumber', { code });
    const info = body.phone_info;
    if (body.errcode || !info?.purePhoneNumber) {
      throw new WeChatError(`getuserphonenumber: ${body.errmsg ?? 'no phone_info'}`, body.errcode);
    }
    return {
      purePhoneNumber: info.purePhoneNumber,
      countryCode: String(info.countryCode ?? ''),
    };
  }

  async function sendSubscribe(
    message: SubscribeMessage,
  ): Promise<{ errcode: number; errmsg: string }> {
    const body = await postWithToken<{ errcode?: number; errmsg?: string }>(
      '/cgi-bin/message/subscribe/send',
      'subscribe/send',
      {
        touser: message.openid,
        template_id: message.templateId,
        ...(message.page ? { page: message.page } : {}),
        data: Object.fromEntries(
          Object.entries(message.data).map(([key, value]) => [key, { value }]),
        ),
        miniprogram_state: message.state ?? 'formal',
        lang: 'zh_CN',
      },
    );
    return { errcode: body.errcode ?? 0, errmsg: body.errmsg ?? '' };
  }

  return {
    sendSubscribeMessage: sendSubscribe,

    async code2Session(code) {
      const url = new URL('/sns/jscode2session', options.baseUrl);
      url.searchParams.set('appid', options.appId);
      url.searchParams.set('secret', options.secret);
      url.searchParams.set('js_code', code);
      url.searchParams.set('grant_type', 'authorization_code');
      let response: Response;
      try {
        response = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (cause) {
        throw new WeChatLoginError(`jscode2session unreachable: ${(cause as Error).message}`);
      }
      if (!response.ok) throw new WeChatLoginError(`jscode2session HTTP ${response.status}`);
      const body = (await response.json()) as {
        openid?: string;
        unionid?: string;
        errcode?: number;
        errmsg?: string;
      };
      if (body.errcode || !body.openid) {
        throw new WeChatLoginError(`jscode2session: ${body.errmsg ?? 'no openid'}`, body.errcode);
      }
      return body.unionid
        ? { openid: body.openid, unionid: body.unionid }
        : { openid: body.openid };
    },

    phoneNumber: getUserPhoneNumber,
  };
}
