/**
 * The officer's bearer token. Kept in sessionStorage so closing the browser tab
 * ends the session on shared office computers.
 */
const KEY = 'kc-admin-token';

export function getToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(KEY);
}
