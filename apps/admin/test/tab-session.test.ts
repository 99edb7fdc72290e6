import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import * as authApi from '../src/api/auth';
import { SESSION_CHANNEL, TOKEN_KEY, createTabSession } from '../src/api/tab-session';
import { setupGuard } from '../src/router/guard';
import { routes } from '../src/router/routes';
import { useAuthStore } from '../src/store/auth';
import { officers } from './helpers';

vi.mock('../src/api/auth', () => ({
  officerLogin: vi.fn(),
  me: vi.fn(),
  logout: vi.fn(),
}));

/** Another tab of the same browser: its own sessionStorage, the same origin's channel. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

const opened: { close(): void }[] = [];
function tab(channelName: string, token?: string) {
  const storage = memoryStorage();
  if (token) storage.setItem(TOKEN_KEY, token);
  const session = createTabSession({ storage, channelName });
  opened.push(session);
  return { storage, session };
}

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

describe('one session across the tabs of one browser', () => {
  it('a new tab takes the session of an open one, and a logout ends it in both', async () => {
    const name = `test-${Math.random()}`;
    const a = tab(name, 'token-a');
    const b = tab(name);
    expect(await b.session.adopt()).toBe('token-a');
    expect(b.storage.getItem(TOKEN_KEY)).toBe('token-a');

    const ended = vi.fn();
    b.session.onEndedElsewhere(ended);
    a.session.endEverywhere();
    await vi.waitFor(() => expect(ended).toHaveBeenCalledTimes(1));
    expect(a.storage.getItem(TOKEN_KEY)).toBeNull();
    expect(b.storage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('with no other tab open, a new tab has no session (the officer signs in)', async () => {
    const b = tab(`test-${Math.random()}`);
    expect(await b.session.adopt(50)).toBeNull();
    expect(b.storage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('an answer that comes after the ask gave up is still taken, within the window only', async () => {
    const name = `test-${Math.random()}`;
    const b = createTabSession({ storage: memoryStorage(), channelName: name, lateWindowMs: 200 });
    opened.push(b);
    const late = vi.fn();
    b.onAdoptedLate(late);
    // A busy first tab: it answers 100 ms after the ask, the new tab waited 20 ms.
    const busy = new BroadcastChannel(name);
    opened.push(busy);
    let delay = 100;
    busy.onmessage = (event: MessageEvent<{ type: string }>) => {
      if (event.data.type !== 'ask') return;
      setTimeout(() => busy.postMessage({ type: 'share', token: 'token-late' }), delay);
    };
    expect(await b.adopt(20)).toBeNull();
    await vi.waitFor(() => expect(late).toHaveBeenCalledWith('token-late'));
    expect(b.get()).toBe('token-late');

    // Past the window the answer is not taken.
    b.clear();
    delay = 400;
    expect(await b.adopt(20)).toBeNull();
    await new Promise((r) => setTimeout(r, 500));
    expect(late).toHaveBeenCalledTimes(1);
    expect(b.get()).toBeNull();
  });

  it('a tab that has its own session ignores the answers meant for a new one', async () => {
    const name = `test-${Math.random()}`;
    const c = tab(name, 'token-c');
    const late = vi.fn();
    c.session.onAdoptedLate(late);
    const other = new BroadcastChannel(name);
    opened.push(other);
    other.postMessage({ type: 'share', token: 'token-a' });
    await new Promise((r) => setTimeout(r, 50));
    expect(late).not.toHaveBeenCalled();
    expect(c.storage.getItem(TOKEN_KEY)).toBe('token-c');
  });

  it("a logout does not end another officer's session held in another tab", async () => {
    const name = `test-${Math.random()}`;
    const a = tab(name, 'token-a');
    const c = tab(name, 'token-c');
    const ended = vi.fn();
    c.session.onEndedElsewhere(ended);
    a.session.endEverywhere();
    await new Promise((r) => setTimeout(r, 50));
    expect(ended).not.toHaveBeenCalled();
    expect(c.storage.getItem(TOKEN_KEY)).toBe('token-c');
  });
});

describe('the admin in a new tab', () => {
  beforeEach(() => {
    sessionStorage.clear();
    vi.mocked(authApi.me).mockReset();
    vi.mocked(authApi.logout).mockReset();
    setActivePinia(createPinia());
  });

  it('opens the linked page signed in, and goes to the login page when the other tab logs out', async () => {
    const other = tab(SESSION_CHANNEL, 'token-of-first-tab');
    vi.mocked(authApi.me).mockResolvedValue({ kind: 'officer', ...officers.admin } as never);
    const router = createRouter({ history: createMemoryHistory(), routes });
    setupGuard(router);

    await router.push('/organisations?q=砀山');
    expect(router.currentRoute.value.fullPath).toBe('/organisations?q=砀山');
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('token-of-first-tab');
    expect(useAuthStore().officer?.displayName).toBe('张局');

    other.session.endEverywhere();
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/login'));
    await flushPromises();
    expect(useAuthStore().isLoggedIn).toBe(false);
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('goes on to the linked page when the open tab answers late (it was busy)', async () => {
    const busy = new BroadcastChannel(SESSION_CHANNEL);
    opened.push(busy);
    busy.onmessage = (event: MessageEvent<{ type: string }>) => {
      if (event.data.type !== 'ask') return;
      setTimeout(() => busy.postMessage({ type: 'share', token: 'token-busy' }), 900);
    };
    vi.mocked(authApi.me).mockResolvedValue({ kind: 'officer', ...officers.admin } as never);
    const router = createRouter({ history: createMemoryHistory(), routes });
    setupGuard(router);

    await router.push('/organisations?q=砀山');
    expect(router.currentRoute.value.path).toBe('/login');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/organisations'), {
      timeout: 3000,
    });
    expect(router.currentRoute.value.query.q).toBe('砀山');
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('token-busy');
    expect(useAuthStore().officer?.displayName).toBe('张局');
  });

  it('logging out here ends the session in the other tabs too', async () => {
    const other = tab(SESSION_CHANNEL);
    sessionStorage.setItem(TOKEN_KEY, 'token-here');
    other.storage.setItem(TOKEN_KEY, 'token-here');
    const ended = vi.fn();
    other.session.onEndedElsewhere(ended);
    vi.mocked(authApi.logout).mockResolvedValue({ ok: true } as never);
    await useAuthStore().logout();
    await vi.waitFor(() => expect(ended).toHaveBeenCalled());
    expect(other.storage.getItem(TOKEN_KEY)).toBeNull();
  });
});
