/**
 * Databases for tests (any package): `createTestDb()` gives a fresh, migrated, empty database.
 *
 * - default: PGlite in memory (fast, nothing to clean up);
 * - DATABASE_URL set: a new database with a unique name on that server, dropped by `close()`,
 *   so test files can run in parallel without seeing each other's rows.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { createDb, MEMORY } from './client';
import type { CreateDbOptions, Db, DbKind } from './client';
import { readDbEnv } from './env';
import {
  MIGRATIONS_DIR,
  pgConnection,
  pgliteConnection,
  readMigrations,
  runMigrations,
} from './migrate/runner';
import type { MigrationConnection } from './migrate/runner';

export type TestDbOptions = Pick<
  CreateDbOptions,
  | 'migrate'
  | 'migrationsDir'
  | 'log'
  | 'transactionOptions'
  | 'onTransactionRetry'
  | 'onConnectionLost'
>;

const PREFIX = 'kc_test_';
/** Databases left behind by a crashed run are dropped once they are this old. */
const STALE_AFTER_MS = 6 * 3600_000;

export async function createTestDb(options: TestDbOptions = {}): Promise<Db> {
  const scratch = await createScratchDatabase(
    options.migrate === false ? {} : { migratedFrom: options.migrationsDir ?? MIGRATIONS_DIR },
  );
  try {
    const db = scratch.pglite
      ? await createDb({ ...options, pglite: scratch.pglite })
      : await createDb({ ...options, databaseUrl: scratch.url });
    let closed: Promise<void> | undefined;
    return {
      ...db,
      close: () =>
        (closed ??= (async () => {
          try {
            await db.close();
          } finally {
            await scratch.drop();
          }
        })()),
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

/** An empty database (no migrations applied) and raw SQL access to it. */
export interface ScratchDatabase {
  kind: DbKind;
  /** PostgreSQL: the URL of the new database. */
  url?: string;
  /** PGlite: the in-memory instance. */
  pglite?: PGlite;
  /** A raw session (one connection) for SQL; close it before `drop()`. */
  connect(): Promise<{ conn: MigrationConnection; close(): Promise<void> }>;
  drop(): Promise<void>;
}

export interface ScratchOptions {
  /**
   * PGlite only, a speed-up: start from a copy of a database already migrated from this folder.
   * The caller still runs the migrations (which then only check checksums / apply newer ones).
   */
  migratedFrom?: string;
}

export async function createScratchDatabase(
  options: ScratchOptions = {},
): Promise<ScratchDatabase> {
  const { databaseUrl } = readDbEnv();
  if (!databaseUrl) {
    const pglite = new PGlite({
      loadDataDir: await pgliteTemplate(options.migratedFrom),
      extensions: { pg_trgm },
    });
    await pglite.waitReady;
    let dropped: Promise<void> | undefined;
    return {
      kind: 'pglite',
      pglite,
      connect: async () => ({ conn: pgliteConnection(pglite), close: async () => undefined }),
      drop: () => (dropped ??= pglite.close()),
    };
  }

  const name = `${PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(databaseUrl, async (admin) => {
    await dropStale(admin);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    kind: 'postgres',
    url: url.toString(),
    async connect() {
      const client = new pg.Client({
        connectionString: url.toString(),
        options: '-c TimeZone=UTC',
      });
      await client.connect();
      return { conn: pgConnection(client), close: () => client.end() };
    },
    drop: () =>
      (dropped ??= withAdmin(databaseUrl, async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      })),
  };
}

/**
 * A new PGlite runs initdb (1.2 s on a quiet machine, 3.5 s on a busy one) and the migrations;
 * starting from a dump of a migrated cluster takes under a second. Each test file runs in its
 * own module scope, so an in-memory copy alone was made again for every file (about 5 s each,
 * over 150 files a pass). The dump is also kept on disk, named by what makes it what it is —
 * PGlite's build and every migration's name and checksum — so any change makes a new one.
 */
const templates = new Map<string, Promise<Blob>>();

const TEMPLATE_DIR = join(tmpdir(), 'kc-pglite-templates');

async function templateFileName(migratedFrom: string | undefined): Promise<string> {
  const hash = createHash('sha256');
  // The resolved path carries PGlite's version (pnpm's store layout): a new build, a new dump.
  hash.update(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (const m of migratedFrom ? await readMigrations(migratedFrom) : [])
    hash.update(`\n${m.name}:${m.checksum}`);
  return join(TEMPLATE_DIR, `${hash.digest('hex').slice(0, 24)}.tar`);
}

async function buildTemplate(migratedFrom: string | undefined): Promise<Blob> {
  const pglite = new PGlite({ extensions: { pg_trgm } });
  try {
    await pglite.waitReady; // dumpDataDir() before ready never settles
    if (migratedFrom)
      await runMigrations(pgliteConnection(pglite), { migrationsDir: migratedFrom });
    return await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
}

function pgliteTemplate(migratedFrom: string | undefined): Promise<Blob> {
  const key = migratedFrom ?? '';
  let template = templates.get(key);
  if (!template) {
    template = (async () => {
      const file = await templateFileName(migratedFrom);
      const kept = await readFile(file).catch(() => null);
      if (kept) return new Blob([kept]);
      const blob = await buildTemplate(migratedFrom);
      // Written whole, then renamed: a reader never sees half a dump, and a race only writes twice.
      await mkdir(TEMPLATE_DIR, { recursive: true });
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
      await rename(partial, file);
      return blob;
    })();
    template.catch(() => templates.delete(key));
    templates.set(key, template);
  }
  return template;
}

async function withAdmin<T>(databaseUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

let staleChecked = false;

/** Once per process: drop kc_test_ databases a crashed run left behind (name = prefix + base-36 ms). */
async function dropStale(admin: pg.Client): Promise<void> {
  if (staleChecked) return;
  staleChecked = true;
  const { rows } = await admin.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname LIKE $1',
    [`${PREFIX}%`],
  );
  for (const { datname } of rows) {
    const created = parseInt(datname.slice(PREFIX.length).split('_')[0] ?? '', 36);
    if (Number.isFinite(created) && Date.now() - created > STALE_AFTER_MS) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
  }
}

export { MEMORY };
