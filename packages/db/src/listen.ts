/**
 * LISTEN on one channel (`db.listen`), for in-process caches that must hear about changes made
 * by any instance. PostgreSQL: a dedicated connection (the pool's connections are shared and
 * would drop a LISTEN), reconnected with backoff; PGlite: its in-process `listen`.
 *
 * A listener that was down may have missed notifications: `onListening` fires on every
 * (re)connection and `onLost` when it goes down, so a cache can clear itself and stop caching
 * meanwhile.
 */
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface ListenHandlers {
  /** A notification's payload (never a `sync()` marker). */
  onMessage(payload: string): void;
  /** Receiving (again): notifications sent before this may have been missed. */
  onListening(): void;
  /** No longer receiving until the next `onListening`. */
  onLost(error: unknown): void;
}

export interface Listener {
  /**
   * Resolves true once every notification committed before the call has reached `onMessage`
   * (its own marker went through the same queue after them); false when not listening.
   */
  sync(): Promise<boolean>;
  close(): Promise<void>;
}

/** What both backends offer: a query on the listening session, and its notifications. */
interface Session {
  notify(channel: string, payload: string): Promise<void>;
}

const SYNC_PREFIX = '~sync:';
const SYNC_TIMEOUT_MS = 5_000;
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 15_000;

/** Channels are unquoted identifiers (PGlite lower-cases them as PostgreSQL does). */
export function checkChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`bad channel name: ${channel}`);
}

/**
 * `sync()` markers: the payloads this process sent, and who waits for them. Calls made while a
 * marker is in flight wait for the next one, sent after they asked.
 */
function syncer(channel: string) {
  const id = randomUUID();
  let seq = 0;
  const waiting = new Map<string, (ok: boolean) => void>();
  let inFlight: Promise<boolean> | null = null;
  let next: Promise<boolean> | null = null;

  async function once(session: Session): Promise<boolean> {
    const marker = `${SYNC_PREFIX}${id}:${++seq}`;
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => settle(marker, false), SYNC_TIMEOUT_MS);
      timer.unref();
      waiting.set(marker, (ok) => {
        clearTimeout(timer);
        resolve(ok);
      });
    });
    try {
      await session.notify(channel, marker);
    } catch {
      settle(marker, false);
    }
    return heard;
  }

  function settle(marker: string, ok: boolean) {
    const resolve = waiting.get(marker);
    waiting.delete(marker);
    resolve?.(ok);
  }

  return {
    /** True for a sync marker (any process's): not a message. */
    take(payload: string): boolean {
      if (!payload.startsWith(SYNC_PREFIX)) return false;
      settle(payload, true);
      return true;
    },
    sync(session: Session | null): Promise<boolean> {
      if (!session) return Promise.resolve(false);
      if (!inFlight) {
        inFlight = once(session).finally(() => (inFlight = null));
        return inFlight;
      }
      next ??= inFlight.then(() => {
        next = null;
        return this.sync(session);
      });
      return next;
    },
    /** The session is gone: nobody will hear their marker. */
    failAll() {
      for (const marker of [...waiting.keys()]) settle(marker, false);
    },
  };
}

export function listenPostgres(
  connectionString: string,
  channel: string,
  handlers: ListenHandlers,
): Listener {
  checkChannel(channel);
  const markers = syncer(channel);
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const session: Session = {
    notify: async (ch, payload) => {
      if (!client || !listening) throw new Error('not listening');
      await client.query('SELECT pg_notify($1, $2)', [ch, payload]);
    },
  };

  function lost(c: pg.Client, error: unknown) {
    if (c !== client) return;
    client = null;
    markers.failAll();
    c.end().catch(() => undefined);
    if (listening) {
      listening = false;
      handlers.onLost(error);
    }
    if (!closed) {
      const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt++);
      timer = setTimeout(connect, delay * (0.5 + Math.random() / 2));
      timer.unref();
    }
  }

  function connect() {
    if (closed) return;
    const c = new pg.Client({ connectionString, application_name: 'kc-listen' });
    client = c;
    c.on('notification', (msg) => {
      if (msg.channel !== channel || c !== client) return;
      const payload = msg.payload ?? '';
      if (!markers.take(payload)) handlers.onMessage(payload);
    });
    c.on('error', (error) => lost(c, error));
    c.on('end', () => lost(c, new Error('listen connection ended')));
    c.connect()
      .then(() => c.query(`LISTEN ${channel}`))
      .then(() => {
        if (c !== client) return;
        attempt = 0;
        listening = true;
        handlers.onListening();
      })
      .catch((error: unknown) => lost(c, error));
  }

  connect();
  return {
    sync: () => markers.sync(listening ? session : null),
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      listening = false;
      markers.failAll();
      await c?.end().catch(() => undefined);
    },
  };
}

/** PGlite is in-process: it never loses the listener; notifications arrive as microtasks. */
export function listenPglite(pglite: PGlite, channel: string, handlers: ListenHandlers): Listener {
  checkChannel(channel);
  const markers = syncer(channel);
  let listening = false;
  const session: Session = {
    notify: async (ch, payload) => {
      await pglite.query('SELECT pg_notify($1, $2)', [ch, payload]);
    },
  };
  const unlisten = pglite
    .listen(channel, (payload) => {
      if (!markers.take(payload)) handlers.onMessage(payload);
    })
    .then((stop) => {
      listening = true;
      handlers.onListening();
      return stop;
    });
  unlisten.catch((error: unknown) => handlers.onLost(error));
  return {
    sync: () => markers.sync(listening ? session : null),
    async close() {
      const wasListening = listening;
      listening = false;
      markers.failAll();
      // A closed PGlite has dropped its listeners already.
      if (wasListening && !pglite.closed) await (await unlisten)().catch(() => undefined);
    },
  };
}
