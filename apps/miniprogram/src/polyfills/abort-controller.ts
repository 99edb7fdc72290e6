/**
 * A minimal AbortController for WeChat's JS runtime, which has none. tRPC's links create one
 * per request even when nothing is ever aborted; only `aborted`, `reason`, `abort()` and the
 * `abort` event listeners are used. Injected on weapp through webpack's ProvidePlugin
 * (config/index.ts), so browsers keep their native one.
 */
type Listener = (event: { type: 'abort' }) => void;

export class AbortSignalShim {
  aborted = false;
  reason: unknown = undefined;
  onabort: Listener | null = null;
  private listeners: { fn: Listener; once: boolean }[] = [];

  addEventListener(type: string, fn: Listener, options?: { once?: boolean } | boolean): void {
    if (type !== 'abort') return;
    const once = typeof options === 'object' && options !== null && options.once === true;
    this.listeners.push({ fn, once });
  }

  removeEventListener(type: string, fn: Listener): void {
    if (type !== 'abort') return;
    this.listeners = this.listeners.filter((l) => l.fn !== fn);
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  /** @internal */
  dispatchAbort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const event = { type: 'abort' as const };
    const listeners = this.listeners;
    this.listeners = listeners.filter((l) => !l.once);
    this.onabort?.(event);
    for (const l of listeners) l.fn(event);
  }
}

export class AbortController {
  readonly signal = new AbortSignalShim();

  abort(reason?: unknown): void {
    const error = new Error('This operation was aborted');
    error.name = 'AbortError';
    this.signal.dispatchAbort(reason === undefined ? error : reason);
  }
}
