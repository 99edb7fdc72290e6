/**
 * Runs the compiled mini-program (dist/weapp) inside miniprogram-simulate, under jsdom.
 *
 * WeChat's runtime is replaced by: simulate's `wx` mock with our storage, login, request and
 * navigation on top; `App`/`getApp`/`getCurrentPages` stubs; and a shim that turns Taro's
 * `Page(config)` into a `Component` (simulate only knows components) whose `attached` plays
 * the page lifecycle (onLoad → onShow → onReady). It is a simulation of WeChat, not WeChat.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { inject } from 'vitest';

const require = createRequire(import.meta.url);

export interface WxRequest {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
  dataType?: string;
}
export type WxRequestAnswer = {
  statusCode: number;
  data: unknown;
  header?: Record<string, string>;
};

export interface Simulated {
  storage: Map<string, unknown>;
  toasts: string[];
  navigations: { api: string; url: string }[];
  /** What WeChat would ask before leaving the page (enableAlertBeforeUnload), or null. */
  leaveAlert: string | null;
  loginCodes: string[];
  /** Script the network: every wx.request goes here. */
  onRequest: (req: WxRequest) => WxRequestAnswer | Promise<WxRequestAnswer>;
  /** Loads and renders a page like WeChat opening it. */
  openPage(route: string, query?: Record<string, string>): Promise<PageHandle>;
}

export interface PageHandle {
  /** The rendered component (j-component); `.dom` is the page's DOM. */
  comp: SimComponent;
  query(selector: string): SimComponent | undefined;
  queryAll(selector: string): SimComponent[];
  tap(selector: string): Promise<void>;
  input(selector: string, value: string): Promise<void>;
  blur(selector: string): Promise<void>;
  text(selector?: string): string;
}

interface SimComponent {
  dom: HTMLElement;
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
  querySelector(selector: string): SimComponent | undefined;
  querySelectorAll(selector: string): SimComponent[];
  instance: { setData: (d: unknown) => void } & Record<string, unknown>;
}

interface Simulate {
  load(p: string, tagName?: string | object, options?: object): string;
  render(
    id: string,
    props?: object,
  ): SimComponent & { attach(parent: Element): void; detach(): void };
  sleep(ms?: number): Promise<void>;
}

let booted: Simulated | null = null;
/** The copy of dist/weapp made by global-setup.ts. */
let root = '';

/** Boots the mini-program once per test file (app.js must run before any page). */
export function bootMiniProgram(): Simulated {
  if (booted) return booted;
  root = inject('weappRoot');

  const storage = new Map<string, unknown>();
  const toasts: string[] = [];
  const navigations: { api: string; url: string }[] = [];
  const loginCodes: string[] = [];
  let loginCount = 0;

  const simulate = require('miniprogram-simulate') as Simulate;
  const g = globalThis as Record<string, unknown>;
  const wx = g.wx as Record<string, unknown>;

  type Cb<T> = {
    success?: (r: T) => void;
    fail?: (e: unknown) => void;
    complete?: (r: unknown) => void;
  };
  const finish = <T>(opts: Cb<T> | undefined, result: T) => {
    opts?.success?.(result);
    opts?.complete?.(result);
  };

  const sim: Simulated = {
    storage,
    toasts,
    navigations,
    loginCodes,
    onRequest: () => ({ statusCode: 599, data: 'no network in the simulator' }),
    leaveAlert: null,
    openPage: async (route, query = {}) => openPage(simulate, route, query),
  };

  Object.assign(wx, {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    login: (opts: Cb<{ code: string; errMsg: string }>) => {
      const code = `sim-code-${++loginCount}`;
      loginCodes.push(code);
      setTimeout(() => finish(opts, { code, errMsg: 'login:ok' }), 0);
    },
    request: (opts: WxRequest & Cb<WxRequestAnswer & { errMsg: string }>) => {
      Promise.resolve()
        .then(() => sim.onRequest(opts))
        .then(
          (answer) =>
            finish(opts, { ...answer, header: answer.header ?? {}, errMsg: 'request:ok' }),
          (error: unknown) => {
            opts.fail?.({ errMsg: `request:fail ${String(error)}` });
            opts.complete?.({});
          },
        );
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    },
    showToast: (opts: { title: string } & Cb<object>) => {
      toasts.push(opts.title);
      finish(opts, { errMsg: 'showToast:ok' });
    },
    reLaunch: (opts: { url: string } & Cb<object>) => {
      navigations.push({ api: 'reLaunch', url: opts.url });
      finish(opts, { errMsg: 'reLaunch:ok' });
    },
    navigateTo: (opts: { url: string } & Cb<object>) => {
      navigations.push({ api: 'navigateTo', url: opts.url });
      finish(opts, { errMsg: 'navigateTo:ok' });
    },
    redirectTo: (opts: { url: string } & Cb<object>) => {
      navigations.push({ api: 'redirectTo', url: opts.url });
      finish(opts, { errMsg: 'redirectTo:ok' });
    },
    pageScrollTo: (opts: Cb<object>) => finish(opts, { errMsg: 'pageScrollTo:ok' }),
    // WeChat's "ask before leaving" switch: the latest message while on, null once off.
    enableAlertBeforeUnload: (opts: { message: string } & Cb<object>) => {
      sim.leaveAlert = opts.message;
      finish(opts, { errMsg: 'enableAlertBeforeUnload:ok' });
    },
    disableAlertBeforeUnload: (opts: Cb<object>) => {
      sim.leaveAlert = null;
      finish(opts, { errMsg: 'disableAlertBeforeUnload:ok' });
    },
  });

  let app: Record<string, unknown> | null = null;
  const pages: unknown[] = [];
  g.App = (config: Record<string, unknown>) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.__simPages = pages;

  // Taro's Page() config → a Component whose lifetimes play the page lifecycle.
  g.Page = (config: Record<string, unknown>) => {
    const { data, ...rest } = config;
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) if (typeof v === 'function') methods[k] = v;
    const Component = g.Component as (def: object) => void;
    Component({
      data,
      methods,
      lifetimes: {
        attached(
          this: Record<string, unknown> & {
            onLoad: (q: object) => void;
            onShow: () => void;
            onReady: () => void;
          },
        ) {
          const pending = g.__simPendingPage as { route: string; query: Record<string, string> };
          this.route = pending.route;
          this.__route__ = pending.route;
          this.options = pending.query;
          pages.push(this);
          this.onLoad(pending.query);
          this.onShow();
          this.onReady();
        },
        detached(this: { onUnload: () => void }) {
          pages.splice(pages.indexOf(this), 1);
          this.onUnload();
        },
      },
    });
  };

  // WeChat has neither fetch nor AbortController: make sure the bundle does not lean on jsdom's.
  g.fetch = undefined;
  g.AbortController = undefined;
  g.AbortSignal = undefined;

  // Like WeChat: the app first (it brings runtime, taro, vendors and common chunks), then pages.
  require(path.join(root, 'app.js'));
  const appConfig = app as unknown as {
    onLaunch?: (o: object) => void;
    onShow?: (o: object) => void;
  } | null;
  if (!appConfig) throw new Error('app.js did not call App()');
  appConfig.onLaunch?.({ path: 'pages/login/index', query: {}, scene: 1001 });
  appConfig.onShow?.({ path: 'pages/login/index', query: {}, scene: 1001 });

  booted = sim;
  return sim;
}

/** A page's script registers its Page() once (webpack will not run a loaded chunk twice). */
const loadedPages = new Map<string, string>();
let openComp: (SimComponent & { detach(): void }) | null = null;

async function openPage(
  simulate: Simulate,
  route: string,
  query: Record<string, string>,
): Promise<PageHandle> {
  const g = globalThis as Record<string, unknown>;
  // One page at a time, like a reLaunch: the previous one unloads.
  openComp?.detach();
  openComp = null;
  g.__simPendingPage = { route, query };
  let id = loadedPages.get(route);
  if (!id) {
    id = simulate.load(path.join(root, route), { rootPath: root, compiler: 'official' });
    loadedPages.set(route, id);
  }
  const comp = simulate.render(id);
  const parent = document.createElement('div');
  document.body.appendChild(parent);
  comp.attach(parent);
  openComp = comp;
  await settle(simulate);

  const byId = (selector: string) => {
    const found = comp.querySelector(selector);
    if (!found) throw new Error(`no element ${selector} on ${route}`);
    return found;
  };
  return {
    comp,
    query: (selector) => comp.querySelector(selector),
    queryAll: (selector) => comp.querySelectorAll(selector),
    tap: async (selector) => {
      byId(selector).dispatchEvent('tap');
      await settle(simulate);
    },
    input: async (selector, value) => {
      byId(selector).dispatchEvent('input', {
        detail: { value, cursor: value.length, keyCode: 0 },
      });
      await settle(simulate);
    },
    blur: async (selector) => {
      const el = byId(selector);
      const value = (el.dom.getAttribute('value') ?? '') as string;
      el.dispatchEvent('blur', { detail: { value } });
      await settle(simulate);
    },
    text: (selector) => {
      const dom = selector ? byId(selector).dom : comp.dom;
      return (dom.textContent ?? '').replace(/\s+/g, ' ').trim();
    },
  };
}

/** Lets Taro's batched setData, React's scheduler and pending requests run. */
export async function settle(simulate?: Simulate, rounds = 6) {
  for (let i = 0; i < rounds; i++) {
    if (simulate) await simulate.sleep(10);
    else await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A test's fresh start (in `beforeEach`): the simulator's storage, toasts and navigations emptied,
 * then signed in for an hour with the privacy consent given.
 */
export function startSignedIn(sim: Simulated) {
  sim.storage.clear();
  sim.toasts.length = 0;
  sim.navigations.length = 0;
  sim.storage.set('kc.session', {
    token: 'tok-1',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  sim.storage.set('kc.consent', new Date().toISOString());
}

type ModalOptions = {
  content?: string;
  success?: (r: unknown) => void;
  complete?: (r: unknown) => void;
};

/**
 * Answers wx.showModal as the user would, a tick later as WeChat does (after `bootMiniProgram`):
 * 确定 unless `confirm` says otherwise. Each content asked is kept in `asked`.
 */
export function answerModals(asked: string[], confirm: () => boolean = () => true) {
  const wx = (globalThis as Record<string, unknown>).wx as Record<string, unknown>;
  wx.showModal = (opts: ModalOptions) => {
    asked.push(opts.content ?? '');
    const result = { confirm: confirm(), cancel: !confirm() };
    setTimeout(() => {
      opts.success?.(result);
      opts.complete?.(result);
    }, 0);
  };
}
