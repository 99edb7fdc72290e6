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
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { readDbEnv } from './env';
import { PrismaClient } from './generated/prisma/client';
import { acquireDirLock } from './dir-lock';
import { pgConnection, pgliteConnection, runMigrations } from './migrate/runner';

export type DbKind = 'pglite' | 'postgres';

export interface Db {
  prisma: PrismaClient;
  kind: DbKind;
  /** Disconnects Prisma and closes the pool / PGlite instance. Idempotent. */
  close(): Promise<void>;
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
  const adapter = new PrismaPg({
    connectionString,
    options: UTC_SESSION,
    ...(options.poolMax ? { max: options.poolMax } : {}),
  });
  const prisma = new PrismaClient({ adapter, transactionOptions: POSTGRES_TRANSACTION_OPTIONS });
  let closed: Promise<void> | undefined;
  return {
    prisma,
    kind: 'postgres',
    close: () => (closed ??= prisma.$disconnect()),
  };
}

async function createPgliteDb(dir: string, options: CreateDbOptions): Promise<Db> {
  const dataDir = dir === MEMORY ? undefined : resolve(dir);
  let releaseLock: (() => void) | undefined;
  if (dataDir) {
    mkdirSync(dirname(dataDir), { recursive: true });
    // PGlite does not lock its folder; two processes on one folder corrupt it.
    releaseLock = acquireDirLock(dataDir);
  }
  let pglite: PGlite | undefined;
  try {
    pglite = dataDir ? new PGlite(dataDir) : new PGlite();
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
  const prisma = new PrismaClient({
    adapter: new PrismaPGlite(pglite),
    transactionOptions: PGLITE_TRANSACTION_OPTIONS,
  });
  let closed: Promise<void> | undefined;
  return {
    prisma,
    kind: 'pglite',
    close: () =>
      (closed ??= (async () => {
        try {
          await prisma.$disconnect();
          if (ownership.owned) await pglite.close();
        } finally {
          ownership.releaseLock?.();
        }
      })()),
  };
}
