import { api } from '../api/client';
import { isSessionError } from '../api/errors';
import { getLoginCode } from './login-code';
import {
  clearConsent,
  clearPendingConsent,
  clearSession,
  hasConsent,
  pendingConsent,
  readSession,
  recordConsent,
  saveSession,
  savePendingConsent,
} from './session-store';

export { clearSession, pendingConsent, readSession, recordConsent } from './session-store';

/** No session and no consent on record: the user must go through the login page. */
export class LoginRequiredError extends Error {
  constructor() {
    super('请先登录');
    this.name = 'LoginRequiredError';
  }
}

export type ProfileType = 'organisation' | 'researcher' | null;

/**
 * wx.login (on H5: the fake WeChat service) → auth.wechatLogin → token kept in storage.
 * `acceptedNoticeVersion`: the 《隐私保护指引》 version the user just accepted (login page);
 * none on a silent re-login. If the server's records lack the current version it answers
 * `consentRequired`, kept as pending until the user answers 同意 or 不同意.
 */
export async function login(
  acceptedNoticeVersion?: string,
): Promise<{ profileType: ProfileType; consentRequired: { version: string } | null }> {
  const code = await getLoginCode();
  const result = await api.auth.wechatLogin.mutate({
    code,
    ...(acceptedNoticeVersion ? { acceptedNoticeVersion } : {}),
  });
  saveSession(result.token, result.expiresAt);
  const consentRequired = result.consentRequired ?? null;
  if (consentRequired) savePendingConsent(consentRequired.version);
  else clearPendingConsent();
  return { profileType: result.user.profileType, consentRequired };
}

/** 同意 the notice the server asked about: stored by the server with its version. */
export async function acceptPendingConsent(version: string): Promise<void> {
  await api.me.acceptPrivacyNotice.mutate({ version });
  recordConsent(version);
  clearPendingConsent();
}

let pendingLogin: Promise<unknown> | null = null;

/**
 * Log in unless a live session is stored — silently, but only for someone who has accepted the
 * privacy guideline before (an expired session). Concurrent callers share one login.
 */
export async function ensureSession(): Promise<void> {
  // The notice is answered on the login page before anything else.
  if (pendingConsent()) throw new LoginRequiredError();
  if (readSession()) return;
  if (!hasConsent()) throw new LoginRequiredError();
  pendingLogin ??= login().finally(() => {
    pendingLogin = null;
  });
  await pendingLogin;
  if (pendingConsent()) throw new LoginRequiredError();
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
    // The next person on this phone or browser accepts the guideline for themselves.
    clearConsent();
    clearPendingConsent();
  }
}
