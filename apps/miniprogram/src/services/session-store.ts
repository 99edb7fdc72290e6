import Taro from '@tarojs/taro';

/** Where the session lives in the mini-program's storage (localStorage on H5). */
export const SESSION_KEY = 'kc.session';

export interface StoredSession {
  token: string;
  /** ISO 8601; superjson gives a Date, storage keeps strings. */
  expiresAt: string;
}

export function readSession(now: Date = new Date()): StoredSession | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(SESSION_KEY);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const { token, expiresAt } = raw as Partial<StoredSession>;
  if (typeof token !== 'string' || token === '' || typeof expiresAt !== 'string') return null;
  // A session that ends within the minute is treated as over, so a call does not die mid-way.
  if (Date.parse(expiresAt) - 60_000 <= now.getTime()) return null;
  return { token, expiresAt };
}

export function saveSession(token: string, expiresAt: Date | string): void {
  const iso =
    expiresAt instanceof Date ? expiresAt.toISOString() : new Date(expiresAt).toISOString();
  Taro.setStorageSync(SESSION_KEY, { token, expiresAt: iso } satisfies StoredSession);
}

export function clearSession(): void {
  try {
    Taro.removeStorageSync(SESSION_KEY);
  } catch {
    // Nothing stored: nothing to clear.
  }
}

/**
 * When the user accepted 《隐私保护指引》 on the login page. Without it nothing logs in on its
 * own: wx.login links the WeChat identity to us, which needs the user's consent first.
 */
export const CONSENT_KEY = 'kc.consent';

export function recordConsent(now: Date = new Date()): void {
  Taro.setStorageSync(CONSENT_KEY, now.toISOString());
}

export function hasConsent(): boolean {
  try {
    const value: unknown = Taro.getStorageSync(CONSENT_KEY);
    return typeof value === 'string' && value !== '';
  } catch {
    return false;
  }
}

export function clearConsent(): void {
  try {
    Taro.removeStorageSync(CONSENT_KEY);
  } catch {
    // Nothing stored.
  }
}
