/**
 * Verified sessions, kept briefly in this process so an authenticated read does not cost a
 * session lookup each time. Key: the token's hash; value: the session and user row
 * (session-row.ts) — every check (revoked, expired, disabled, cancelled, pending step) is still
 * made by `createContext` on each request, against the request's clock.
 *
 * Staleness is bounded by PostgreSQL: triggers (migration 20261205011310_session_notify)
 * `NOTIFY kc_session, <user id>` when a session or user changes, and every instance LISTENs and
 * drops that user's entries. While the listener is down nothing is cached (a notification may be
 * missed), and on every (re)connection everything is dropped. The TTL is a safety net only.
 */
import type { Db, Listener } from '@kc/db';
import type { Logger } from '../logger';
import type { SessionRow } from './session-row';

export const SESSION_CHANNEL = 'kc_session';
/** The trigger's payload for "drop everything" (TRUNCATE). */
const ALL = '*';

export interface SessionCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
  /** Monotonic milliseconds for the TTL: real time, never the movable test clock. */
  clock?: () => number;
}

interface Entry {
  row: SessionRow;
  storedAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly clock: () => number;
  /**
   * Bumped by every invalidation. A lookup takes a ticket before reading the database and stores
   * its row only if no invalidation happened since: that row may predate the change.
   */
  private generation = 0;
  /** False until the listener runs, and whenever it is down: then nothing is cached. */
  private listening = false;
  private listener: Listener | null = null;
  private waiters: (() => void)[] = [];

  constructor(options: SessionCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.clock = options.clock ?? (() => performance.now());
  }

  /** Starts listening on the database; the cache serves nothing until the listener is up. */
  static start(db: Db, log: Logger, options?: SessionCacheOptions): SessionCache {
    const cache = new SessionCache(options);
    cache.listener = db.listen(SESSION_CHANNEL, {
      onMessage: (payload) => cache.invalidate(payload),
      onListening: () => cache.setListening(true),
      onLost: (error) => {
        cache.setListening(false);
        log.warn({ err: error }, 'session cache: listener lost, not caching until it is back');
      },
    });
    return cache;
  }

  get isListening(): boolean {
    return this.listening;
  }

  /** Resolves once the listener is up (at once if it is). */
  whenListening(): Promise<void> {
    if (this.listening) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  get size(): number {
    return this.entries.size;
  }

  get(tokenHash: string): SessionRow | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (this.clock() - entry.storedAt >= this.ttlMs) {
      this.remove(tokenHash, entry.row.user.id);
      return undefined;
    }
    // Most recently used last: eviction takes the first.
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, entry);
    return entry.row;
  }

  /** Take before reading the database; pass to `store`. */
  ticket(): number {
    return this.generation;
  }

  /** Keeps `row` unless something was invalidated since `ticket` or the listener is down. */
  store(tokenHash: string, row: SessionRow, ticket: number): void {
    if (!this.listening || ticket !== this.generation) return;
    const previous = this.entries.get(tokenHash);
    if (previous) this.remove(tokenHash, previous.row.user.id);
    this.entries.set(tokenHash, { row, storedAt: this.clock() });
    let tokens = this.byUser.get(row.user.id);
    if (!tokens) this.byUser.set(row.user.id, (tokens = new Set()));
    tokens.add(tokenHash);
    while (this.entries.size > this.maxEntries) {
      const [oldest, entry] = this.entries.entries().next().value as [string, Entry];
      this.remove(oldest, entry.row.user.id);
    }
  }

  /** A notification's payload: a user id, or '*' for everything. */
  invalidate(payload: string): void {
    if (payload === ALL) return this.clear();
    this.generation++;
    for (const tokenHash of this.byUser.get(payload) ?? []) this.entries.delete(tokenHash);
    this.byUser.delete(payload);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.byUser.clear();
  }

  setListening(listening: boolean): void {
    // Whichever way it changes, notifications may have been missed.
    this.listening = listening;
    this.clear();
    if (listening) for (const resolve of this.waiters.splice(0)) resolve();
  }

  /**
   * After a mutation of this process, before its answer leaves: waits until every notification
   * committed so far (its own included) has reached this cache, so the caller's next request
   * (logout, then the old token at once) never meets a stale entry here. Without a listener,
   * or if the wait fails, drops everything.
   */
  async sync(): Promise<void> {
    if (!this.listening || !this.listener) return;
    if (!(await this.listener.sync())) this.clear();
  }

  async close(): Promise<void> {
    this.listening = false;
    this.clear();
    await this.listener?.close();
  }

  private remove(tokenHash: string, userId: string): void {
    this.entries.delete(tokenHash);
    const tokens = this.byUser.get(userId);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.byUser.delete(userId);
  }
}
