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
 * Which version of 《隐私保护指引》 the user accepted on this device, and when. Without it
 * nothing logs in on its own: wx.login links the WeChat identity to us, which needs the user's
 * consent first. (An older build stored only the time: that still counts as consent here, and
 * the server asks again if its records lack the current version.)
 */
export const CONSENT_KEY = 'kc.consent';

export interface StoredConsent {
  version: string;
  at: string;
}

export function recordConsent(version: string, now: Date = new Date()): void {
  Taro.setStorageSync(CONSENT_KEY, { version, at: now.toISOString() } satisfies StoredConsent);
}

function storedConsent(): unknown {
  try {
    return Taro.getStorageSync(CONSENT_KEY);
  } catch {
    return null;
  }
}

export function hasConsent(): boolean {
  const value = storedConsent();
  if (typeof value === 'string') return value !== '';
  return (
    !!value && typeof value === 'object' && typeof (value as StoredConsent).version === 'string'
  );
}

/** The version accepted on this device, if it was recorded with one. */
export function consentVersion(): string | null {
  const value = storedConsent();
  return value && typeof value === 'object' && typeof (value as StoredConsent).version === 'string'
    ? (value as StoredConsent).version
    : null;
}

export function clearConsent(): void {
  try {
    Taro.removeStorageSync(CONSENT_KEY);
  } catch {
    // Nothing stored.
  }
}

/**
 * The server answered a login with `consentRequired`: the notice (this version) must be shown
 * with 同意 / 不同意 before anything else. Kept in storage so a restart asks too.
 */
export const PENDING_CONSENT_KEY = 'kc.consent-pending';

export function savePendingConsent(version: string): void {
  Taro.setStorageSync(PENDING_CONSENT_KEY, version);
}

export function pendingConsent(): string | null {
  try {
    const value: unknown = Taro.getStorageSync(PENDING_CONSENT_KEY);
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}

export function clearPendingConsent(): void {
  try {
    Taro.removeStorageSync(PENDING_CONSENT_KEY);
  } catch {
    // Nothing stored.
  }
}
