import { appError } from '../errors';

/**
 * Bounds the CPU a login flood can take. node's scrypt runs on libuv's thread pool (4 threads),
 * not on the event loop, but four hashes at once fill both cores of a small server and every
 * other request waits for a core. So at most `concurrency` hashes run at once per process, at
 * most `queue` wait, and any further login is refused at once (RATE_LIMITED, retry in 1 s)
 * rather than queued for ever.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Hashes started since the process began (tests: a throttled login hashes nothing). */
  started = 0;
  private admitted = 0;

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  /**
   * Admission before any work: the server calls this as a login request arrives, so logins
   * beyond what the gate would take are refused before they cost a database query. Returns the
   * release (call it when the response is sent), or null when full.
   */
  admit(): (() => void) | null {
    if (this.admitted >= this.concurrency + this.queue) return null;
    this.admitted++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.admitted--;
    };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) {
        throw appError('RATE_LIMITED', {
          message: '登录人数较多，请稍后再试',
          retryAfterSeconds: 1,
        });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    // Here this call holds a slot: taken above, or handed over by the one that finished.
    this.started++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** One gate per process and setting (the settings object is built once at start). */
const gates = new WeakMap<object, HashGate>();

export function hashGateFor(settings: { concurrency: number; queue: number }): HashGate {
  let gate = gates.get(settings);
  if (!gate) {
    gate = new HashGate(Math.max(1, settings.concurrency), Math.max(0, settings.queue));
    gates.set(settings, gate);
  }
  return gate;
}
