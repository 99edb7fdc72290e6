import { HOME_PATH, LOGIN_PATH } from './routes/core';

/**
 * Where to go after signing in. Only paths inside the admin are followed, so a
 * crafted `?redirect=https://…` link cannot send an officer elsewhere.
 */
export function safeRedirect(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  ) {
    return HOME_PATH;
  }
  if (value === LOGIN_PATH || value.startsWith(`${LOGIN_PATH}?`)) return HOME_PATH;
  return value;
}
