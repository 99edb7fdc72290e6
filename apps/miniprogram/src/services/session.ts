import { api } from '../api/client';
import { isSessionError } from '../api/errors';
import { getLoginCode } from './login-code';
import { clearSession, readSession, saveSession } from './session-store';

export { clearSession, readSession } from './session-store';

export type ProfileType = 'organisation' | 'researcher' | null;

/** wx.login (on H5: the fake WeChat service) → auth.wechatLogin → token kept in storage. */
export async function login(): Promise<{ profileType: ProfileType }> {
  const code = await getLoginCode();
  const result = await api.auth.wechatLogin.mutate({ code });
  saveSession(result.token, result.expiresAt);
  return { profileType: result.user.profileType };
}

let pendingLogin: Promise<unknown> | null = null;

/** Log in unless a live session is stored. Concurrent callers share one login. */
export async function ensureSession(): Promise<void> {
  if (readSession()) return;
  pendingLogin ??= login().finally(() => {
    pendingLogin = null;
  });
  await pendingLogin;
}

/**
 * Run an API call with a session. If the server says the session is unknown or expired
 * (UNAUTHENTICATED / SESSION_EXPIRED), forget it, log in again once, and retry once.
 */
export async function withSession<T>(call: () => Promise<T>): Promise<T> {
  await ensureSession();
  try {
    return await call();
  } catch (error) {
    if (!isSessionError(error)) throw error;
    clearSession();
    await ensureSession();
    return call();
  }
}

export async function logout(): Promise<void> {
  try {
    if (readSession()) await api.auth.logout.mutate();
  } catch {
    // Logging out must work offline too: the local session is dropped either way.
  } finally {
    clearSession();
  }
}
