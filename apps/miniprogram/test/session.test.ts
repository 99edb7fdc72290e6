import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CURRENT_PRIVACY_NOTICE } from '@kc/domain';
import {
  CONSENT_KEY,
  PENDING_CONSENT_KEY,
  SESSION_KEY,
  consentVersion,
  hasConsent,
  pendingConsent,
  readSession,
  recordConsent,
  saveSession,
} from '../src/services/session-store';
import {
  LoginRequiredError,
  acceptPendingConsent,
  login,
  logout,
  withSession,
} from '../src/services/session';
import { api } from '../src/api/client';
import { fakeApi } from './support/fake-api';
import { taroStub } from './stubs/taro';

const HOUR = 3_600_000;

beforeEach(() => {
  taroStub.storage.clear();
  let n = 0;
  taroStub.login = async () => ({ code: `code-${++n}`, errMsg: 'login:ok' });
});

describe('the stored session', () => {
  it('is kept under kc.session with its expiry', () => {
    const expiresAt = new Date(Date.now() + HOUR);
    saveSession('tok', expiresAt);
    expect(taroStub.storage.get(SESSION_KEY)).toEqual({
      token: 'tok',
      expiresAt: expiresAt.toISOString(),
    });
    expect(readSession()?.token).toBe('tok');
  });

  it('counts as gone when it ends within the minute, or is malformed', () => {
    saveSession('tok', new Date(Date.now() + 30_000));
    expect(readSession()).toBeNull();
    taroStub.storage.set(SESSION_KEY, 'garbage');
    expect(readSession()).toBeNull();
  });
});

describe('logging in', () => {
  it('trades the wx.login code for a token and remembers it', async () => {
    const expiresAt = new Date(Date.now() + 24 * HOUR);
    const seen = fakeApi(() => ({
      data: {
        token: 'tok-1',
        expiresAt,
        user: { id: 'u1', kind: 'applicant', profileType: 'organisation' },
      },
    }));
    await expect(login()).resolves.toEqual({ profileType: 'organisation', consentRequired: null });
    expect(seen[0]?.inputs).toEqual([{ code: 'code-1' }]);
    expect(readSession()).toEqual({ token: 'tok-1', expiresAt: expiresAt.toISOString() });
  });

  it('does not log anyone in who has not accepted the privacy guideline on the login page', async () => {
    const seen = fakeApi(() => ({ data: { type: null } }));
    await expect(withSession(() => api.profile.mine.query())).rejects.toBeInstanceOf(
      LoginRequiredError,
    );
    expect(seen).toHaveLength(0);
  });

  it('logs in again once when the server says the session expired, then retries the call', async () => {
    recordConsent('v1');
    saveSession('old', new Date(Date.now() + HOUR));
    const seen = fakeApi((path, _input, req) => {
      if (path === 'auth.wechatLogin') {
        return {
          data: {
            token: 'new',
            expiresAt: new Date(Date.now() + HOUR),
            user: { id: 'u', kind: 'applicant', profileType: null },
          },
        };
      }
      return req.header.Authorization === 'Bearer new'
        ? { data: { type: null } }
        : {
            error: {
              message: '登录已过期，请重新登录',
              code: 'UNAUTHORIZED',
              httpStatus: 401,
              appCode: 'SESSION_EXPIRED',
            },
          };
    });
    await expect(withSession(() => api.profile.mine.query())).resolves.toEqual({ type: null });
    expect(seen.map((r) => r.paths.join())).toEqual([
      'profile.mine',
      'auth.wechatLogin',
      'profile.mine',
    ]);
  });

  it('gives up after one retry rather than looping', async () => {
    recordConsent('v1');
    const call = vi.fn(() => api.profile.mine.query());
    fakeApi((path) =>
      path === 'auth.wechatLogin'
        ? {
            data: {
              token: 't',
              expiresAt: new Date(Date.now() + HOUR),
              user: { id: 'u', kind: 'applicant', profileType: null },
            },
          }
        : {
            error: {
              message: '请先登录',
              code: 'UNAUTHORIZED',
              httpStatus: 401,
              appCode: 'UNAUTHENTICATED',
            },
          },
    );
    await expect(withSession(call)).rejects.toThrow('请先登录');
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('does not log in again for other errors', async () => {
    saveSession('tok', new Date(Date.now() + HOUR));
    const seen = fakeApi(() => ({
      error: {
        message: '您没有权限进行此操作',
        code: 'FORBIDDEN',
        httpStatus: 403,
        appCode: 'FORBIDDEN',
      },
    }));
    await expect(withSession(() => api.profile.mine.query())).rejects.toThrow(
      '您没有权限进行此操作',
    );
    expect(seen).toHaveLength(1);
  });

  it('logs out locally even when the server cannot be reached, and forgets the consent', async () => {
    recordConsent('v1');
    saveSession('tok', new Date(Date.now() + HOUR));
    taroStub.request = async () => {
      throw { errMsg: 'request:fail' };
    };
    await logout();
    expect(readSession()).toBeNull();
    expect(hasConsent()).toBe(false);
    expect(taroStub.storage.has(CONSENT_KEY)).toBe(false);
  });
  it('forgets a pending question about the notice on logout too', async () => {
    taroStub.storage.set(PENDING_CONSENT_KEY, 'v9');
    await logout();
    expect(pendingConsent()).toBeNull();
  });
});

const CURRENT = CURRENT_PRIVACY_NOTICE.version;

function loginAnswer(consentRequired: { version: string } | null) {
  return {
    data: {
      token: 'tok',
      expiresAt: new Date(Date.now() + HOUR),
      user: { id: 'u', kind: 'applicant', profileType: null },
      consentRequired,
    },
  };
}

describe('consent to the privacy notice, by version', () => {
  it('remembers which version was accepted; a value from an older build still counts as consent', () => {
    recordConsent(CURRENT);
    expect(consentVersion()).toBe(CURRENT);
    expect(hasConsent()).toBe(true);
    taroStub.storage.set(CONSENT_KEY, '2026-11-01T00:00:00.000Z');
    expect(hasConsent()).toBe(true);
    expect(consentVersion()).toBeNull();
  });

  it('sends the accepted version with the login (login page)', async () => {
    const seen = fakeApi(() => loginAnswer(null));
    await login(CURRENT);
    expect(seen[0]?.inputs).toEqual([{ code: 'code-1', acceptedNoticeVersion: CURRENT }]);
    expect(pendingConsent()).toBeNull();
  });

  it('a silent re-login the server answers with consentRequired sends the user to the notice, not on', async () => {
    recordConsent('v1');
    const seen = fakeApi((path) =>
      path === 'auth.wechatLogin' ? loginAnswer({ version: CURRENT }) : { data: { type: null } },
    );
    await expect(withSession(() => api.profile.mine.query())).rejects.toBeInstanceOf(
      LoginRequiredError,
    );
    expect(seen.map((r) => r.paths.join())).toEqual(['auth.wechatLogin']);
    expect(seen[0]?.inputs).toEqual([{ code: 'code-1' }]);
    expect(pendingConsent()).toBe(CURRENT);
    // Nothing else is called until the question is answered.
    await expect(withSession(() => api.profile.mine.query())).rejects.toBeInstanceOf(
      LoginRequiredError,
    );
    expect(seen).toHaveLength(1);
  });

  it('同意 stores the acceptance on the server and locally, then calls go through again', async () => {
    saveSession('tok', new Date(Date.now() + HOUR));
    taroStub.storage.set(PENDING_CONSENT_KEY, CURRENT);
    const seen = fakeApi((path) =>
      path === 'me.acceptPrivacyNotice' ? { data: { version: CURRENT } } : { data: { type: null } },
    );
    await acceptPendingConsent(CURRENT);
    expect(seen[0]?.paths).toEqual(['me.acceptPrivacyNotice']);
    expect(seen[0]?.inputs).toEqual([{ version: CURRENT }]);
    expect(pendingConsent()).toBeNull();
    expect(consentVersion()).toBe(CURRENT);
    await expect(withSession(() => api.profile.mine.query())).resolves.toEqual({ type: null });
  });
});
