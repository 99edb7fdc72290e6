import { SESSION_CHANNEL, createTabSession } from './tab-session';

/**
 * The officer's bearer token. Kept in sessionStorage so closing the browser's admin tabs
 * ends the session on shared office computers; shared with the other open tabs of the same
 * browser, and ended in all of them at logout (tab-session.ts).
 */
const session = createTabSession({ storage: sessionStorage, channelName: SESSION_CHANNEL });

export function getToken(): string | null {
  return session.get();
}

export function setToken(token: string): void {
  session.set(token);
}

export function clearToken(): void {
  session.clear();
}

/** A tab opened without a session takes the one another open tab holds, if any. */
export function adoptTokenFromOtherTab(): Promise<string | null> {
  return session.adopt();
}

/** Logout: the token is forgotten here and in every other tab that holds it. */
export function endSessionInAllTabs(): void {
  session.endEverywhere();
}

/** The other tab answered after this one had given up and shown the login page. */
export function onSessionAdoptedLate(handler: (token: string) => void): () => void {
  return session.onAdoptedLate(handler);
}

export function onSessionEndedInOtherTab(handler: () => void): () => void {
  return session.onEndedElsewhere(handler);
}
