import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { TRPCClientError, createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@kc/api';
import { DEFAULT_API_CONFIG, createWeChatClient } from '@kc/api';
import type { Db } from '@kc/db';
import { createTestDb } from '@kc/db/testing';
import { buildServer } from '../src/app';
import { createFakeWeChat } from '../src/fake-wechat/service';
import { createLogger } from '../src/logger';

/**
 * The phone-number button offline: the fake WeChat issues a phone code, the server exchanges it
 * (access token, then getuserphonenumber) through the real WeChat client, and the number reaches
 * the caller but never the log.
 */
let db: Db;
let api: Awaited<ReturnType<typeof buildServer>>;
let wechat: ReturnType<typeof createFakeWeChat>;
let apiUrl: string;
let wechatUrl: string;
let logs = '';

beforeAll(async () => {
  db = await createTestDb();
  wechat = createFakeWeChat({ appId: 'wx-test', secret: 'wx-test-secret' });
  await wechat.listen({ host: '127.0.0.1', port: 0 });
  wechatUrl = `http://127.0.0.1:${(wechat.server.address() as AddressInfo).port}`;
  const sink = new Writable({
    write(chunk, _e, cb) {
      logs += String(chunk);
      cb();
    },
  });
  api = await buildServer({
    db,
    logger: createLogger('info', sink),
    config: DEFAULT_API_CONFIG,
    wechat: createWeChatClient({ baseUrl: wechatUrl, appId: 'wx-test', secret: 'wx-test-secret' }),
    corsOrigins: [],
  });
  await api.listen({ host: '127.0.0.1', port: 0 });
  apiUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await api?.close();
  await wechat?.close();
  await db?.close();
});

async function post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${wechatUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const phoneCode = async (phone: string, countryCode?: string) =>
  (await post<{ code: string }>('/fake/phone-code', { phone, countryCode })).body.code;

function client(token?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiUrl}/trpc`,
        transformer: superjson,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

async function applicant() {
  const { code } = (await post<{ code: string }>('/fake/login-code', {})).body;
  const { token } = await client().auth.wechatLogin.mutate({ code });
  return client(token);
}

describe('fake WeChat: phone numbers', () => {
  it('answers like WeChat: an access token, then the number for a one-time code', async () => {
    const token = await fetch(
      `${wechatUrl}/cgi-bin/token?grant_type=client_credential&appid=wx-test&secret=wx-test-secret`,
    ).then((r) => r.json() as Promise<{ access_token: string; expires_in: number }>);
    expect(token.expires_in).toBe(7200);

    const code = await phoneCode('13912345678');
    const exchange = () =>
      post<{ errcode: number; phone_info?: { purePhoneNumber: string; countryCode: string } }>(
        `/wxa/business/getuserphonenumber?access_token=${token.access_token}`,
        { code },
      );
    const first = await exchange();
    expect(first.body).toMatchObject({
      errcode: 0,
      phone_info: { purePhoneNumber: '13912345678', countryCode: '86' },
    });
    expect((await exchange()).body.errcode).toBe(40029);
  });

  it('refuses a wrong secret, an unknown token and a malformed request', async () => {
    const wrongSecret = await fetch(
      `${wechatUrl}/cgi-bin/token?grant_type=client_credential&appid=wx-test&secret=nope`,
    ).then((r) => r.json() as Promise<{ errcode: number }>);
    expect(wrongSecret.errcode).toBe(40013);
    const unknownToken = await post<{ errcode: number }>(
      '/wxa/business/getuserphonenumber?access_token=forged',
      { code: await phoneCode('13912345678') },
    );
    expect(unknownToken.body.errcode).toBe(40001);
    expect((await post('/fake/phone-code', { phone: '+86 139' })).status).toBe(400);
  });

  it('gives the server the verified number through auth.phoneNumber, and keeps it out of the log', async () => {
    const me = await applicant();
    const result = await me.auth.phoneNumber.mutate({ code: await phoneCode('13805571234') });
    expect(result).toEqual({ mobile: '13805571234' });

    const overseas = await me.auth.phoneNumber
      .mutate({ code: await phoneCode('61234567', '852') })
      .catch((e: unknown) => e);
    expect(overseas).toBeInstanceOf(TRPCClientError);
    expect((overseas as TRPCClientError<AppRouter>).message).toBe(
      '仅支持中国大陆手机号码，请手动填写中国大陆手机号码',
    );
    // A code WeChat does not know (errcode 40029) is bad input: 400, not a gateway failure.
    const reused = await me.auth.phoneNumber.mutate({ code: 'spent-code' }).catch((e) => e);
    const data = (reused as TRPCClientError<AppRouter>).data as {
      httpStatus: number;
      appCode: string;
    };
    expect(data).toMatchObject({ httpStatus: 400, appCode: 'WECHAT_PHONE_CODE_INVALID' });
    expect((reused as TRPCClientError<AppRouter>).message).toContain('手机号授权已失效');

    expect(logs).toContain('wechat phone number failed');
    expect(logs).not.toContain('13805571234');
    expect(logs).not.toContain('61234567');
  });
});
