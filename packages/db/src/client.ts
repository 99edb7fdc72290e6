/**
 * The one way to get a database: `createDb()`.
 *
 * - DATABASE_URL set → PostgreSQL through `@prisma/adapter-pg` (a pg pool).
 * - otherwise        → PGlite (PostgreSQL compiled to WebAssembly, in-process) persisted in
 *                      PGLITE_DIR (default <repo root>/.data/pglite), or in memory with ':memory:'.
 *
 * Pending migrations are applied first (same runner for both backends) unless `migrate: false`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgRows, pgliteRows } from './rows';
import type { ReadRows } from './rows';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { readDbEnv } from './env';
import { PrismaClient } from './generated/prisma/client';
import { acquireDirLock, resolveDataDir } from './dir-lock';
import { retryTimedOutTransactions } from './transaction-retry';
import { pgConnection, pgliteConnection, runMigrations } from './migrate/runner';
import { listenPglite, listenPostgres } from './listen';
import type { ListenHandlers, Listener } from './listen';

export type DbKind = 'pglite' | 'postgres';

export interface Db {
  prisma: PrismaClient;
  kind: DbKind;
  /** Hot hand-written reads straight through the driver, outside transactions (rows.ts). */
  rows: ReadRows;
  /** Disconnects Prisma and closes the pool / PGlite instance. Idempotent. */
  close(): Promise<void>;
  /** PostgreSQL only: the pg pool's connections now, for metrics (PGlite is one connection). */
  poolStats?: () => PoolStats;
  /**
   * How the job queue (pg-boss, @kc/api jobs) reaches the same database: on PostgreSQL it opens
   * its own small pool from the URL; PGlite has one in-process connection, shared through this.
   */
  queueConnection: QueueConnection;
  /**
   * LISTEN on `channel` (listen.ts): PostgreSQL through a dedicated connection that reconnects,
   * PGlite in-process. Closed by `close()`.
   */
  listen(channel: string, handlers: ListenHandlers): Listener;
}

/** Listeners opened through `db.listen`, closed with the database. */
function listeners(open: (channel: string, handlers: ListenHandlers) => Listener) {
  const all = new Set<Listener>();
  return {
    listen(channel: string, handlers: ListenHandlers): Listener {
      const listener = open(channel, handlers);
      const tracked: Listener = {
        sync: () => listener.sync(),
        close: () => {
          all.delete(tracked);
          return listener.close();
        },
      };
      all.add(tracked);
      return tracked;
    },
    closeAll: () => Promise.all([...all].map((l) => l.close())).then(() => undefined),
  };
}

export type QueueConnection =
  { kind: 'postgres'; url: string } | { kind: 'pglite'; executeSql: ExecuteSql };

/**
 * pg-boss's `db` adapter. Without values the text may hold several statements (its locked
 * `BEGIN; …; COMMIT;` plans): those run as one simple-protocol call and the last result counts.
 */
export type ExecuteSql = (
  text: string,
  values?: unknown[],
) => Promise<{ rows: Record<string, unknown>[] }>;

function pgliteExecuteSql(pglite: PGlite): ExecuteSql {
  return async (text, values) => {
    if (values && values.length > 0) {
      return { rows: (await pglite.query<Record<string, unknown>>(text, values)).rows };
    }
    const results = await pglite.exec(text);
    return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
  };
}

export interface PoolStats {
  /** Connections open, busy or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

export interface CreateDbOptions {
  /** PostgreSQL URL. Default: DATABASE_URL. `null` forces PGlite even when DATABASE_URL is set. */
  databaseUrl?: string | null;
  /** PGlite data folder or ':memory:'. Default: PGLITE_DIR or <repo root>/.data/pglite. */
  pgliteDir?: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** Migrations folder (default packages/db/prisma/migrations). */
  migrationsDir?: string;
  /** Progress messages from the migration runner. */
  log?: (message: string) => void;
  /** PostgreSQL pool size (default: pg's 10). */
  poolMax?: number;
  /** Use this PGlite instance (the caller keeps ownership: `close()` does not close it). */
  pglite?: PGlite;
  /** Interactive transactions' limits, over the backend's defaults below (tests make them short). */
  transactionOptions?: { maxWait?: number; timeout?: number };
  /** Called when a transaction timed out (P2028) and is run once more (transaction-retry.ts). */
  onTransactionRetry?: (error: unknown) => void;
  /**
   * PostgreSQL: an idle pooled connection was closed by the server (a restart, a failover,
   * `pg_terminate_backend`). The pool drops it and opens another when asked; this only reports.
   */
  onConnectionLost?: (error: Error) => void;
}

export const MEMORY = ':memory:';

/**
 * Both driver adapters assume the session time zone is UTC: they write a Date as a UTC wall-clock
 * string without offset and throw the offset away when reading a timestamptz. On a server set to
 * Asia/Shanghai (common here) every stored instant would be 8 hours off; Prisma round trips hide
 * it (the two errors cancel) but raw SQL, now(), reports and other tools would not agree. So every
 * session we open runs in UTC (PostgreSQL startup option; `SET` on PGlite). Display in
 * Asia/Shanghai is the UI's job.
 */
const UTC_SESSION = '-c TimeZone=UTC';

/**
 * PGlite is one connection. It runs transactions strictly one after another (its own mutex;
 * queries outside a transaction wait too), so nothing interleaves and no in-process mutex is
 * needed here. But Prisma counts the time a transaction waits in that queue against `maxWait`
 * (default 2 s) and would fail the later one with P2028 while a longer one runs. Let it queue.
 */
const PGLITE_TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 5_000 } as const;

/**
 * PostgreSQL: under a burst (many officers approving at once) transactions queue for a pool
 * connection and for the budget row's lock. Prisma's defaults (2 s to start, 5 s to finish) turn
 * that queueing into failures; waiting a little longer is the right answer for a person.
 */
const POSTGRES_TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

export async function createDb(options: CreateDbOptions = {}): Promise<Db> {
  const env = readDbEnv();
  const databaseUrl =
    options.databaseUrl === null ? undefined : (options.databaseUrl ?? env.databaseUrl);
  if (options.pglite) return wrapPglite(options.pglite, options, { owned: false });
  return databaseUrl
    ? createPostgresDb(databaseUrl, options)
    : createPgliteDb(options.pgliteDir ?? env.pgliteDir, options);
}

async function createPostgresDb(connectionString: string, options: CreateDbOptions): Promise<Db> {
  if (options.migrate !== false) {
    const client = new pg.Client({ connectionString, options: UTC_SESSION });
    await client.connect();
    try {
      await runMigrations(pgConnection(client), {
        migrationsDir: options.migrationsDir,
        log: options.log,
      });
    } finally {
      await client.end();
    }
  }
  // Our own pool, handed to the adapter (which ends it on disconnect), so its counts can be read.
  const transactionOptions = { ...POSTGRES_TRANSACTION_OPTIONS, ...options.transactionOptions };
  const pool = new pg.Pool({
    connectionString,
    // A lock wait ends when the transaction would time out anyway: without this the statement
    // keeps waiting (the request hangs) however long the lock is held, then fails with P2028.
    options: `${UTC_SESSION} -c lock_timeout=${transactionOptions.timeout}`,
    ...(options.poolMax ? { max: options.poolMax } : {}),
  });
  // Without a listener, pg's 'error' on an idle client is thrown from the socket handler and ends
  // the process. Prisma's adapter listens only once Prisma has connected; `db.rows` uses the pool
  // before that (the first requests after a start may all be reads through it).
  pool.on('error', (error) => options.onConnectionLost?.(error));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const prisma = retryTimedOutTransactions(
    new PrismaClient({
      adapter,
      transactionOptions,
    }),
    options.onTransactionRetry,
  );
  let closed: Promise<void> | undefined;
  const listening = listeners((channel, handlers) =>
    listenPostgres(connectionString, channel, handlers),
  );
  return {
    prisma,
    kind: 'postgres',
    rows: pgRows(pool),
    listen: listening.listen,
    close: () =>
      (closed ??= listening
        .closeAll()
        .then(() => prisma.$disconnect())
        .then(async () => {
          // Prisma never connected (nothing was queried): the adapter does not know the pool.
          if (!pool.ended && !pool.ending) await pool.end();
        })),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    queueConnection: { kind: 'postgres', url: connectionString },
  };
}

async function createPgliteDb(dir: string, options: CreateDbOptions): Promise<Db> {
  const dataDir = dir === MEMORY ? undefined : resolveDataDir(dir);
  let releaseLock: (() => void) | undefined;
  if (dataDir) {
    mkdirSync(dirname(dataDir), { recursive: true });
    // PGlite does not lock its folder; two processes on one folder corrupt it.
    releaseLock = acquireDirLock(dataDir);
  }
  let pglite: PGlite | undefined;
  try {
    // pg_trgm: the lists' keyword indexes (migration list_indexes creates the extension).
    pglite = new PGlite({ dataDir, extensions: { pg_trgm } });
    return await wrapPglite(pglite, options, { owned: true, releaseLock });
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    releaseLock?.();
    throw error;
  }
}

async function wrapPglite(
  pglite: PGlite,
  options: CreateDbOptions,
  ownership: { owned: boolean; releaseLock?: () => void },
): Promise<Db> {
  await pglite.waitReady;
  await pglite.exec("SET TIME ZONE 'UTC'");
  if (options.migrate !== false) {
    await runMigrations(pgliteConnection(pglite), {
      migrationsDir: options.migrationsDir,
      log: options.log,
    });
  }
  const prisma = retryTimedOutTransactions(
    new PrismaClient({
      adapter: new PrismaPGlite(pglite),
      transactionOptions: { ...PGLITE_TRANSACTION_OPTIONS, ...options.transactionOptions },
    }),
    options.onTransactionRetry,
  );
  let closed: Promise<void> | undefined;
  const listening = listeners((channel, handlers) => listenPglite(pglite, channel, handlers));
  return {
    prisma,
    kind: 'pglite',
    rows: pgliteRows(pglite),
    listen: listening.listen,
    queueConnection: { kind: 'pglite', executeSql: pgliteExecuteSql(pglite) },
    close: () =>
      (closed ??= (async () => {
        try {
          await listening.closeAll();
          await prisma.$disconnect();
          if (ownership.owned) await pglite.close();
        } finally {
          ownership.releaseLock?.();
        }
      })()),
  };
}
