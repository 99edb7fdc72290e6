/**
 * Applies the SQL migrations in prisma/migrations to PGlite or PostgreSQL.
 *
 * Why our own runner: `prisma migrate deploy` needs Prisma's native schema engine, which cannot
 * be downloaded on this project's machines, and it cannot talk to PGlite at all. The runner keeps
 * the bookkeeping table `prisma migrate deploy` uses (`_prisma_migrations`, same columns, same
 * checksum = sha256 hex of migration.sql, same advisory-lock key), so a database migrated here is
 * one that the Prisma CLI recognises, and the other way round.
 *
 * Differences from `prisma migrate deploy`, on purpose:
 * - each migration runs in one transaction together with its bookkeeping row, so a failed
 *   migration leaves nothing behind (Prisma leaves a half-applied migration marked failed);
 *   a migration file must therefore not contain BEGIN/COMMIT itself;
 * - an applied migration whose file has changed stops the run (deploy does not check).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import type pg from 'pg';

export const SCHEMA_FILE = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
/** Each migration folder keeps a copy of the schema.prisma it was made from (the base of the next diff). */
export const SNAPSHOT_FILE = 'schema.prisma';

/** The key `prisma migrate` locks with (pg_advisory_lock(72707369)): our runner and the CLI exclude each other. */
export const MIGRATION_LOCK_KEY = 72707369;

/** One connection (a session) that can run scripts and transactions. */
export interface MigrationConnection {
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a multi-statement script (simple query protocol). */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: MigrationConnection) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` alone among the runs on this session. PostgreSQL advisory locks are re-entrant
   * within one session, so they cannot keep two runs on the *same* connection apart: PGlite is
   * one session for the whole process, and needs this in-process queue as well.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

const pgliteQueues = new WeakMap<object, Promise<unknown>>();

function queueOn<T>(key: object, fn: () => Promise<T>): Promise<T> {
  const previous = pgliteQueues.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  pgliteQueues.set(
    key,
    run.catch(() => undefined),
  );
  return run;
}

export function pgliteConnection(db: PGlite | PGliteTransaction): MigrationConnection {
  const conn: MigrationConnection = {
    exclusive: (fn) => queueOn(db, fn),
    async query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]) {
      return (await db.query<Row>(sql, params)).rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    async transaction(fn) {
      if (!('transaction' in db)) throw new Error('nested transactions are not supported');
      return db.transaction((tx) => fn(pgliteConnection(tx)));
    },
  };
  return conn;
}

/** A dedicated pg client (not a pool: the advisory lock belongs to one session). */
export function pgConnection(client: pg.Client | pg.PoolClient): MigrationConnection {
  const conn: MigrationConnection = {
    // A pg client is its own session: the advisory lock does the work.
    exclusive: (fn) => fn(),
    async query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]) {
      return (await client.query<Row>(sql, params)).rows;
    },
    async exec(sql) {
      // No parameters → simple query protocol → several statements allowed.
      await client.query(sql);
    },
    async transaction(fn) {
      await client.query('BEGIN');
      try {
        const result = await fn(conn);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
  };
  return conn;
}

export interface Migration {
  /** folder name, e.g. 20261127000000_init */
  name: string;
  sql: string;
  /** sha256 hex of migration.sql, as Prisma computes it */
  checksum: string;
}

export function checksum(sql: string | Buffer): string {
  return createHash('sha256').update(sql).digest('hex');
}

const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+$/;

/** The migrations in `dir`, in the order they apply (folder name order, like Prisma). */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    if (!MIGRATION_NAME.test(name)) throw new Error(`Unexpected folder in ${dir}: ${name}`);
    const file = join(dir, name, 'migration.sql');
    if (!(await stat(file).catch(() => null)))
      throw new Error(`Migration ${name} has no migration.sql`);
    const bytes = await readFile(file);
    migrations.push({ name, sql: bytes.toString('utf8'), checksum: checksum(bytes) });
  }
  return migrations;
}

/** Bookkeeping table exactly as `prisma migrate deploy` creates it on PostgreSQL. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface MigrationRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface RunMigrationsOptions {
  migrationsDir?: string;
  /** Progress messages (default: silent). */
  log?: (message: string) => void;
}

export interface RunMigrationsResult {
  applied: string[];
  alreadyApplied: string[];
  /** Applied in the database but not in the folder (a newer release migrated this database). */
  unknown: string[];
}

/** Statements that are transaction control on their own line: the runner wraps each migration itself. */
const TRANSACTION_CONTROL = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|ROLLBACK)\s*;/im;

/** True when the script (outside dollar-quoted bodies and comments) has BEGIN/COMMIT/ROLLBACK. */
export function hasTransactionControl(sql: string): boolean {
  const outside = sql.replace(/(\$[A-Za-z_]*\$)[\s\S]*?\1/g, '').replace(/--.*$/gm, '');
  return TRANSACTION_CONTROL.test(outside);
}

/**
 * Applies pending migrations in order. Safe to call from several processes at once: they
 * queue on a PostgreSQL advisory lock and the later ones find nothing left to do.
 */
export async function runMigrations(
  conn: MigrationConnection,
  options: RunMigrationsOptions = {},
): Promise<RunMigrationsResult> {
  return conn.exclusive(() => run(conn, options));
}

async function run(
  conn: MigrationConnection,
  options: RunMigrationsOptions,
): Promise<RunMigrationsResult> {
  const log = options.log ?? (() => undefined);
  const migrations = await readMigrations(options.migrationsDir);
  for (const m of migrations) {
    if (hasTransactionControl(m.sql)) {
      throw new MigrationError(
        `Migration ${m.name} contains BEGIN/COMMIT. The runner applies each migration in its own transaction; remove them.`,
      );
    }
  }

  const [got] = await conn.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
    MIGRATION_LOCK_KEY,
  ]);
  if (!got?.locked) {
    log('Another process is migrating this database; waiting for it…');
    await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  }
  try {
    await conn.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await conn.query<MigrationRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name',
    );

    const failed = rows.filter((r) => r.finished_at == null && r.rolled_back_at == null);
    if (failed.length > 0) {
      throw new MigrationError(
        `Migration ${failed.map((r) => r.migration_name).join(', ')} failed earlier (recorded in _prisma_migrations without finished_at). ` +
          'Fix the database by hand, then mark it with `prisma migrate resolve` or delete that row.',
      );
    }

    const applied = new Map<string, string>();
    for (const r of rows) {
      if (r.finished_at != null && r.rolled_back_at == null)
        applied.set(r.migration_name, r.checksum);
    }
    const local = new Map(migrations.map((m) => [m.name, m]));

    const changed = migrations.filter(
      (m) => applied.has(m.name) && applied.get(m.name) !== m.checksum,
    );
    if (changed.length > 0) {
      throw new MigrationError(
        `Applied migration${changed.length > 1 ? 's were' : ' was'} changed after being applied: ${changed.map((m) => m.name).join(', ')}. ` +
          'Never edit an applied migration; restore the file and add a new migration instead.',
      );
    }

    const unknown = [...applied.keys()].filter((name) => !local.has(name));
    if (unknown.length > 0) {
      log(`Warning: the database has migrations this code does not know: ${unknown.join(', ')}`);
    }

    const alreadyApplied = migrations.filter((m) => applied.has(m.name)).map((m) => m.name);
    const pending = migrations.filter((m) => !applied.has(m.name));
    for (const m of pending) {
      log(`Applying migration ${m.name}`);
      await conn.transaction(async (tx) => {
        const id = randomUUID();
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, clock_timestamp(), 0)`,
          [id, m.checksum, m.name],
        );
        try {
          await tx.exec(m.sql);
        } catch (error) {
          throw new MigrationError(
            `Migration ${m.name} failed and was rolled back: ${(error as Error).message}`,
            {
              cause: error,
            },
          );
        }
        await tx.query(
          `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
      });
    }
    if (pending.length === 0) log('Database is up to date.');
    return { applied: pending.map((m) => m.name), alreadyApplied, unknown };
  } finally {
    // If the session broke, unlocking fails too; the lock died with the session, and the
    // original error is the one worth reporting.
    await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
  }
}
