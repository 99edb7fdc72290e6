import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../src/api/client';
import { describeError, isSessionError, refusedOutright } from '../src/api/errors';
import { newRequestKey } from '../src/services/request-key';
import { saveSession } from '../src/services/session-store';
import { fakeApi } from './support/fake-api';
import { taroStub } from './stubs/taro';

beforeEach(() => {
  taroStub.storage.clear();
});

describe('the tRPC client over Taro.request', () => {
  it('batches calls into one request and revives Dates (superjson)', async () => {
    const time = new Date('2026-03-01T08:00:00Z');
    const seen = fakeApi((path) =>
      path === 'health.check'
        ? { data: { ok: true, database: 'pglite', time } }
        : { data: { type: null } },
    );
    const [health, mine] = await Promise.all([api.health.check.query(), api.profile.mine.query()]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.paths).toEqual(['health.check', 'profile.mine']);
    expect(seen[0]?.url.startsWith('http://127.0.0.1:3000/trpc/')).toBe(true);
    expect(health.time).toBeInstanceOf(Date);
    expect(health.time.getTime()).toBe(time.getTime());
    expect(mine).toEqual({ type: null });
  });

  it('sends the stored session as a Bearer token, and nothing when there is none', async () => {
    const seen = fakeApi(() => ({ data: { type: null } }));
    await api.profile.mine.query();
    saveSession('tok-123', new Date(Date.now() + 3_600_000));
    await api.profile.mine.query();
    expect(seen[0]?.header).not.toHaveProperty('Authorization');
    expect(seen[1]?.header.Authorization).toBe('Bearer tok-123');
  });

  it('sends mutation input in the body', async () => {
    const seen = fakeApi(() => ({
      data: {
        token: 't',
        expiresAt: new Date(),
        user: { id: 'u', kind: 'applicant', profileType: null },
      },
    }));
    await api.auth.wechatLogin.mutate({ code: 'abc' });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.inputs).toEqual([{ code: 'abc' }]);
  });
});

describe('errors for people', () => {
  it('puts a taken credit code under its field with the server’s Chinese message', async () => {
    fakeApi(() => ({
      error: {
        message: '该统一社会信用代码已被其他账号注册',
        code: 'CONFLICT',
        httpStatus: 409,
        appCode: 'CREDIT_CODE_TAKEN',
        fieldErrors: { creditCode: ['该统一社会信用代码已被其他账号注册'] },
      },
    }));
    const error = await api.profile.mine.query().catch((e: unknown) => e);
    const info = describeError(error);
    expect(info).toEqual({
      appCode: 'CREDIT_CODE_TAKEN',
      message: '该统一社会信用代码已被其他账号注册',
      fieldErrors: { creditCode: '该统一社会信用代码已被其他账号注册' },
      network: false,
    });
    expect(isSessionError(error)).toBe(false);
  });

  it('recognises an expired session', async () => {
    fakeApi(() => ({
      error: {
        message: '登录已过期，请重新登录',
        code: 'UNAUTHORIZED',
        httpStatus: 401,
        appCode: 'SESSION_EXPIRED',
      },
    }));
    const error = await api.profile.mine.query().catch((e: unknown) => e);
    expect(isSessionError(error)).toBe(true);
    expect(describeError(error).message).toBe('登录已过期，请重新登录');
  });

  it('says the network is down when the request never got an answer', async () => {
    taroStub.request = async () => {
      throw { errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' };
    };
    const error = await api.profile.mine.query().catch((e: unknown) => e);
    expect(describeError(error)).toMatchObject({
      network: true,
      message: '网络连接失败，请检查网络后重试',
      appCode: null,
    });
  });

  it('never shows an English internal message', () => {
    expect(describeError(new Error('Cannot read properties of undefined')).message).toBe(
      '操作失败，请稍后重试',
    );
  });
});

describe('a keyed write after a failure', () => {
  const refusal = (httpStatus: number, code = 'BAD_REQUEST') => {
    fakeApi(() => ({ error: { message: '拒绝', code, httpStatus } }));
    return api.profile.mine.query().catch((e: unknown) => e);
  };

  it('drops its request number only when the server refused the call itself', async () => {
    expect(refusedOutright(await refusal(400))).toBe(true);
    expect(refusedOutright(await refusal(409, 'CONFLICT'))).toBe(true);
    // May hide an earlier attempt that landed: resent with the same number.
    expect(refusedOutright(await refusal(401, 'UNAUTHORIZED'))).toBe(false);
    expect(refusedOutright(await refusal(429, 'TOO_MANY_REQUESTS'))).toBe(false);
    expect(refusedOutright(await refusal(503, 'INTERNAL_SERVER_ERROR'))).toBe(false);
    expect(refusedOutright(await refusal(504, 'INTERNAL_SERVER_ERROR'))).toBe(false);
    taroStub.request = async () => {
      throw { errMsg: 'request:fail timeout' };
    };
    expect(refusedOutright(await api.profile.mine.query().catch((e: unknown) => e))).toBe(false);
  });

  it('numbers each intended write with a fresh UUID v4', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newRequestKey()));
    expect(keys.size).toBe(100);
    for (const k of keys)
      expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
