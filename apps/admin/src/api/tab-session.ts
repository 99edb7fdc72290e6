/**
 * One officer session across the tabs of one browser, kept in memory-like storage only.
 *
 * The token lives in each tab's sessionStorage (never localStorage: nothing is left on a shared
 * office computer once its last admin tab is closed). A new tab asks the open ones for the token
 * over a same-origin BroadcastChannel; a logout tells every tab holding that token to forget it.
 * See docs/DECISIONS.md, "Officer session across tabs".
 */
export const TOKEN_KEY = 'kc-admin-token';
export const SESSION_CHANNEL = 'kc-admin-session';

type Message = { type: 'ask' } | { type: 'share'; token: string } | { type: 'end'; token: string };

export interface TabSession {
  get(): string | null;
  set(token: string): void;
  /** Forgets the token in this tab only (the server already refused it). */
  clear(): void;
  /**
   * Asks the other open tabs for their token; null when none answers in time. An answer that
   * comes later (the other tab was busy rendering) is still taken for a while: see onAdoptedLate.
   */
  adopt(timeoutMs?: number): Promise<string | null>;
  /** Called when a token asked for arrives after adopt() already gave up. */
  onAdoptedLate(handler: (token: string) => void): () => void;
  /** Logout: forgets the token here and in every tab that holds the same one. */
  endEverywhere(): void;
  /** Called when another tab logged out of this tab's session. */
  onEndedElsewhere(handler: () => void): () => void;
  close(): void;
}

export function createTabSession(deps: {
  storage: Storage;
  channelName: string;
  /** How long after an unanswered ask a late answer is still taken. */
  lateWindowMs?: number;
}): TabSession {
  const { storage } = deps;
  const lateWindowMs = deps.lateWindowMs ?? 15_000;
  // Browsers without BroadcastChannel keep one session per tab, as before.
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(deps.channelName);
  const waiting = new Set<(token: string) => void>();
  const endedHandlers = new Set<() => void>();
  const lateHandlers = new Set<(token: string) => void>();
  // Until when a share answering an ask that timed out is still welcome.
  let lateUntil = 0;
  const get = () => storage.getItem(TOKEN_KEY);

  channel?.addEventListener('message', (event: MessageEvent<Message>) => {
    const message = event.data;
    if (message.type === 'ask') {
      const token = get();
      if (token) channel.postMessage({ type: 'share', token } satisfies Message);
    } else if (message.type === 'share') {
      if (waiting.size > 0) {
        for (const take of waiting) take(message.token);
      } else if (!get() && Date.now() < lateUntil) {
        lateUntil = 0;
        storage.setItem(TOKEN_KEY, message.token);
        for (const handler of lateHandlers) handler(message.token);
      }
    } else if (message.type === 'end' && message.token === get()) {
      storage.removeItem(TOKEN_KEY);
      for (const handler of endedHandlers) handler();
    }
  });

  return {
    get,
    set: (token) => storage.setItem(TOKEN_KEY, token),
    clear: () => storage.removeItem(TOKEN_KEY),
    adopt(timeoutMs = 500) {
      if (!channel) return Promise.resolve(null);
      return new Promise((resolve) => {
        const done = (token: string | null) => {
          clearTimeout(timer);
          waiting.delete(take);
          if (token) storage.setItem(TOKEN_KEY, token);
          resolve(token);
        };
        const take = (token: string) => done(token);
        const timer = setTimeout(() => {
          lateUntil = Date.now() + lateWindowMs;
          done(null);
        }, timeoutMs);
        waiting.add(take);
        channel.postMessage({ type: 'ask' } satisfies Message);
      });
    },
    endEverywhere() {
      const token = get();
      storage.removeItem(TOKEN_KEY);
      if (token) channel?.postMessage({ type: 'end', token } satisfies Message);
    },
    onEndedElsewhere(handler) {
      endedHandlers.add(handler);
      return () => endedHandlers.delete(handler);
    },
    onAdoptedLate(handler) {
      lateHandlers.add(handler);
      return () => lateHandlers.delete(handler);
    },
    close() {
      waiting.clear();
      endedHandlers.clear();
      lateHandlers.clear();
      channel?.close();
    },
  };
}
