/**
 * WeChat mini-program login: the client's `wx.login()` code is exchanged on the server for the
 * user's openid via `jscode2session`. The session_key WeChat returns is not stored or returned:
 * nothing we do yet needs it, and a key we do not keep cannot leak.
 */
export interface WeChatClient {
  code2Session(code: string): Promise<{ openid: string; unionid?: string }>;
}

export class WeChatLoginError extends Error {
  constructor(
    message: string,
    readonly errcode?: number,
  ) {
    super(message);
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
}

export function createWeChatClient(options: WeChatClientOptions): WeChatClient {
  const doFetch = options.fetch ?? fetch;
  return {
    async code2Session(code) {
      const url = new URL('/sns/jscode2session', options.baseUrl);
      url.searchParams.set('appid', options.appId);
      url.searchParams.set('secret', options.secret);
      url.searchParams.set('js_code', code);
      url.searchParams.set('grant_type', 'authorization_code');
      let response: Response;
      try {
        response = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
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
  };
}
