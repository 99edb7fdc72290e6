import { WeChatError } from './wechat-error';

/**
 * WeChat's server-side `access_token` (`GET /cgi-bin/token`), kept until shortly before it
 * expires. WeChat issues one per app and a new one invalidates the previous after a grace
 * period, so callers share one cache and fetch at most one token at a time.
 */
export interface AccessTokenSource {
  get(): Promise<string>;
  /** Forget the cached token (WeChat said it is invalid: errcode 40001/42001). */
  invalidate(token: string): void;
}

/** Renew this long before WeChat's `expires_in` runs out (clocks drift, requests take time). */
const RENEW_BEFORE_MS = 5 * 60_000;

export function accessTokenSource(options: {
  baseUrl: string;
  appId: string;
  secret: string;
  timeoutMs: number;
  fetch: typeof fetch;
  now?: () => number;
}): AccessTokenSource {
  const now = options.now ?? Date.now;
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const url = new URL('/cgi-bin/token', options.baseUrl);
    url.searchParams.set('grant_type', 'client_credential');
    url.searchParams.set('appid', options.appId);
    url.searchParams.set('secret', options.secret);
    let response: Response;
    try {
      response = await options.fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (cause) {
      throw new WeChatError(`cgi-bin/token unreachable: ${(cause as Error).message}`);
    }
    if (!response.ok) throw new WeChatError(`cgi-bin/token HTTP ${response.status}`);
    const body = (await response.json()) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    };
    if (body.errcode || !body.access_token) {
      throw new WeChatError(`cgi-bin/token: ${body.errmsg ?? 'no access_token'}`, body.errcode);
    }
    const lifetimeMs = (body.expires_in ?? 7200) * 1000;
    cached = {
      token: body.access_token,
      renewAt: now() + Math.max(lifetimeMs - RENEW_BEFORE_MS, lifetimeMs / 2),
    };
    return body.access_token;
  }

  return {
    get() {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
      pending ??= fetchToken().finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
  };
}
