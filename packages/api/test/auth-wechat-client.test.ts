import { describe, expect, it } from 'vitest';
import { WeChatError, createWeChatClient } from '../src/auth/wechat';

/**
 * The real WeChat client against a scripted `fetch`: the access token is fetched once and reused
 * until shortly before it expires, renewed when WeChat calls it stale, and never sent elsewhere.
 */
function scriptedWeChat() {
  const calls: { path: string; query: URLSearchParams; body: unknown }[] = [];
  let issued = 0;
  const valid = new Set<string>();
  const fetchStub = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    calls.push({ path: url.pathname, query: url.searchParams, body });
    if (url.pathname === '/cgi-bin/token') {
      const token = `token-${++issued}`;
      valid.add(token);
      return Response.json({ access_token: token, expires_in: 7200 });
    }
    if (url.pathname === '/wxa/business/getuserphonenumber') {
      if (!valid.has(url.searchParams.get('access_token') ?? ''))
        return Response.json({ errcode: 40001, errmsg: 'invalid credential' });
      if ((body as { code?: string }).code !== 'good-code')
        return Response.json({ errcode: 40029, errmsg: 'invalid code' });
      return Response.json({
        errcode: 0,
        errmsg: 'ok',
        phone_info: { phoneNumber: '13912345678', purePhoneNumber: '13912345678', countryCode: 86 },
      });
    }
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { calls, valid, fetch: fetchStub };
}

describe('WeChat phone numbers with a cached access token', () => {
  it('fetches a token once, reuses it, and renews it shortly before it expires', async () => {
    const wx = scriptedWeChat();
    let now = 1_000_000;
    const client = createWeChatClient({
      baseUrl: 'https://wx.test',
      appId: 'wx-app',
      secret: 'wx-secret',
      fetch: wx.fetch,
      now: () => now,
    });
    expect(await client.phoneNumber('good-code')).toEqual({
      purePhoneNumber: '13912345678',
      countryCode: '86',
    });
    await client.phoneNumber('good-code');
    const tokenCalls = () => wx.calls.filter((c) => c.path === '/cgi-bin/token');
    expect(tokenCalls()).toHaveLength(1);
    expect(tokenCalls()[0]?.query.get('grant_type')).toBe('client_credential');
    expect(tokenCalls()[0]?.query.get('appid')).toBe('wx-app');
    const phoneCall = wx.calls.find((c) => c.path === '/wxa/business/getuserphonenumber');
    expect(phoneCall?.query.get('access_token')).toBe('token-1');
    expect(phoneCall?.body).toEqual({ code: 'good-code' });

    now += 7200_000 - 60_000; // a minute before WeChat's expiry: renewed already
    await client.phoneNumber('good-code');
    expect(tokenCalls()).toHaveLength(2);
  });

  it('renews a token WeChat calls stale and retries once', async () => {
    const wx = scriptedWeChat();
    const client = createWeChatClient({
      baseUrl: 'https://wx.test',
      appId: 'wx-app',
      secret: 'wx-secret',
      fetch: wx.fetch,
    });
    await client.phoneNumber('good-code');
    wx.valid.clear(); // e.g. another server fetched a new token
    expect((await client.phoneNumber('good-code')).purePhoneNumber).toBe('13912345678');
    expect(wx.calls.filter((c) => c.path === '/cgi-bin/token')).toHaveLength(2);
  });

  it('shares one token request between concurrent calls', async () => {
    const wx = scriptedWeChat();
    const client = createWeChatClient({
      baseUrl: 'https://wx.test',
      appId: 'wx-app',
      secret: 'wx-secret',
      fetch: wx.fetch,
    });
    await Promise.all([client.phoneNumber('good-code'), client.phoneNumber('good-code')]);
    expect(wx.calls.filter((c) => c.path === '/cgi-bin/token')).toHaveLength(1);
  });

  it("reports WeChat's refusal with its errcode", async () => {
    const wx = scriptedWeChat();
    const client = createWeChatClient({
      baseUrl: 'https://wx.test',
      appId: 'wx-app',
      secret: 'wx-secret',
      fetch: wx.fetch,
    });
    const error = await client.phoneNumber('bad-code').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeChatError);
    expect((error as WeChatError).errcode).toBe(40029);
  });
});
