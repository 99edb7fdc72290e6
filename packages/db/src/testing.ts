/**
 * Databases for tests (any package): `createTestDb()` gives a fresh, migrated, empty database
 * (or, with `template`, one holding what the template's `fill` wrote, such as the demo data).
 *
 * - default: PGlite in memory (fast, nothing to clean up);
 * - DATABASE_URL set: a new database with a unique name on that server, dropped by `close()`,
 *   so test files can run in parallel without seeing each other's rows. It is cloned from a
 *   template database (`CREATE DATABASE … TEMPLATE`), migrated — and filled — once per test run:
 *   a clone takes about 0.2 s where migrating and seeding a new one took about 10 s.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { createDb, MEMORY } from './client';
import { seedDemo } from './seed';
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
> & {
  /**
   * What every database of this kind starts with, written by `fill` on the migrated database.
   * On PostgreSQL it is written once per test run into a template that each database is cloned
   * from; on PGlite, into each database (in memory that costs what a copy would). `key` names
   * what `fill` writes, with everything it depends on (e.g. the seed's clock).
   */
  template?: TestTemplate;
};

export interface TestTemplate {
  key: string;
  fill(db: Db): Promise<void>;
}

/** The demo data as seeded at `now`: what most API and server tests start from. */
export function demoSeedTemplate(now: Date): TestTemplate {
  return {
    key: `demo-seed:${now.toISOString()}`,
    fill: async (db) => {
      await seedDemo(db.prisma, { now });
    },
  };
}

/**
 * When this test run started (the same instant in every worker): a test that seeds "now" and
 * does not care to the minute seeds at this instant, so all of them share one template.
 */
export function testRunStartedAt(): Date {
  return new Date(RUN.startedMs);
}

const PREFIX = 'kc_test_';
/** Databases left behind by a crashed run are dropped once they are this old. */
const STALE_AFTER_MS = 6 * 3600_000;

export async function createTestDb(options: TestDbOptions = {}): Promise<Db> {
  const { template, ...dbOptions } = options;
  const migratedFrom =
    options.migrate === false ? undefined : (options.migrationsDir ?? MIGRATIONS_DIR);
  const { databaseUrl } = readDbEnv();
  const filled = !databaseUrl && template && migratedFrom !== undefined;
  const scratch = await createScratchDatabase(
    migratedFrom === undefined
      ? {}
      : databaseUrl
        ? { cloneOf: await postgresTemplate(databaseUrl, migratedFrom, template) }
        : filled
          ? { dump: await pgliteFilledDump(migratedFrom, template) }
          : { migratedFrom },
  );
  try {
    const db = scratch.pglite
      ? await createDb({ ...dbOptions, pglite: scratch.pglite })
      : // A clone is migrated already: the runner only checks the checksums.
        await createDb({ ...dbOptions, databaseUrl: scratch.url });
    if (template && !filled && scratch.pglite) await template.fill(db);
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
  /** PostgreSQL only: the template database to clone (`postgresTemplate`). */
  cloneOf?: string;
  /** PGlite only: start from this dump (`pgliteFilledDump`). */
  dump?: Blob;
}

export async function createScratchDatabase(
  options: ScratchOptions = {},
): Promise<ScratchDatabase> {
  const { databaseUrl } = readDbEnv();
  if (!databaseUrl) {
    const pglite = new PGlite({
      loadDataDir: options.dump ?? (await pgliteTemplate(options.migratedFrom)),
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
    await admin.query(
      options.cloneOf
        ? `CREATE DATABASE "${name}" TEMPLATE "${options.cloneOf}"`
        : `CREATE DATABASE "${name}"`,
    );
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

const filledDumps = new Map<string, Promise<Blob>>();

/**
 * PGlite's counterpart of `postgresTemplate`: the migrated database filled by `template`, dumped
 * once per run to a file every worker loads (a seed took ≈5 s a file; loading a dump ≈1 s).
 */
function pgliteFilledDump(migratedFrom: string, template: TestTemplate): Promise<Blob> {
  const key = `${migratedFrom}\n${template.key}`;
  let dump = filledDumps.get(key);
  if (!dump) {
    dump = (async () => {
      const base = await templateFileName(migratedFrom);
      const digest = createHash('sha256').update(template.key).digest('hex').slice(0, 16);
      const run = RUN;
      const file = base.replace(/\.tar$/, `-run-${run.id}-${run.startedMs}-${digest}.tar`);
      await removeEndedRunDumps();
      const kept = await readFile(file).catch(() => null);
      if (kept) return new Blob([kept]);
      const scratch = await createScratchDatabase({ migratedFrom });
      try {
        const db = await createDb({ pglite: scratch.pglite, migrationsDir: migratedFrom });
        let blob: Blob;
        try {
          await template.fill(db);
          blob = await (scratch.pglite as PGlite).dumpDataDir('none');
        } finally {
          await db.close();
        }
        const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
        await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
        await rename(partial, file);
        return blob;
      } finally {
        await scratch.drop();
      }
    })();
    dump.catch(() => filledDumps.delete(key));
    filledDumps.set(key, dump);
  }
  return dump;
}

let dumpsSwept = false;

/** Once per process: the filled dumps of runs whose runner has exited. */
async function removeEndedRunDumps(): Promise<void> {
  if (dumpsSwept) return;
  dumpsSwept = true;
  const names = await readdir(TEMPLATE_DIR).catch(() => [] as string[]);
  for (const name of names) {
    const pid = /-run-(\d+)-\d+-[0-9a-f]+\.tar$/.exec(name)?.[1];
    if (pid && pid !== RUN.id && !processAlive(Number(pid)))
      await unlink(join(TEMPLATE_DIR, name)).catch(() => undefined);
  }
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

/**
 * Once per process: drop kc_test_ databases a crashed run left behind (name = prefix + base-36
 * ms), and the templates of runs that are over (their process is gone) or old.
 */
async function dropStale(admin: pg.Client): Promise<void> {
  if (staleChecked) return;
  staleChecked = true;
  const { rows } = await admin.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2',
    [`${PREFIX}%`, `${TEMPLATE_PREFIX}%`],
  );
  for (const { datname } of rows) {
    const template = datname.startsWith(TEMPLATE_PREFIX);
    const [stamp = '', run = ''] = datname
      .slice(template ? TEMPLATE_PREFIX.length : PREFIX.length)
      .split('_');
    const created = parseInt(stamp, 36);
    const old = Number.isFinite(created) && Date.now() - created > STALE_AFTER_MS;
    const over = template && run !== RUN.id && !processAlive(Number(run));
    if (old || over) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
  }
}

const TEMPLATE_PREFIX = 'kc_tpl_';

/**
 * The test run this process belongs to: the root vitest config sets KC_TEST_RUN to the runner's
 * pid and start (its workers inherit it); a process started otherwise is a run of its own.
 */
const RUN: { id: string; startedMs: number } = (() => {
  const [id = String(process.pid), started = ''] = (readDbEnv().testRun ?? '').split(':');
  const startedMs = Number(started);
  return { id, startedMs: Number.isFinite(startedMs) && startedMs > 0 ? startedMs : Date.now() };
})();

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const postgresTemplates = new Map<string, Promise<string>>();

/**
 * The template database of this run for the migrations in `migratedFrom` and what `template`
 * writes: built once per run (whichever worker gets there first, under an advisory lock; the
 * others wait and clone it), never connected to again, so it can be cloned. Per run, not per
 * content: a seed's code is more than its key says, and a template left from yesterday's code
 * must not be what today's tests start from.
 */
async function postgresTemplate(
  databaseUrl: string,
  migratedFrom: string,
  template: TestTemplate | undefined,
): Promise<string> {
  const hash = createHash('sha256');
  for (const m of await readMigrations(migratedFrom)) hash.update(`\n${m.name}:${m.checksum}`);
  hash.update(`\n${template?.key ?? ''}`);
  const digest = hash.digest('hex');
  const run = RUN;
  const name = `${TEMPLATE_PREFIX}${run.startedMs.toString(36)}_${run.id}_${digest.slice(0, 16)}`;
  let made = postgresTemplates.get(name);
  if (!made) {
    made = withAdmin(databaseUrl, async (admin) => {
      await dropStale(admin);
      const lock = parseInt(digest.slice(0, 8), 16) | 0;
      await admin.query('SELECT pg_advisory_lock($1)', [lock]);
      try {
        const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
          name,
        ]);
        if (rowCount) return name;
        const building = `${name}_b`;
        await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${building}"`);
        try {
          const url = new URL(databaseUrl);
          url.pathname = `/${building}`;
          const db = await createDb({ databaseUrl: url.toString(), migrationsDir: migratedFrom });
          try {
            await template?.fill(db);
          } finally {
            await db.close();
          }
          // Whole or not at all: the name appears only once it is filled.
          await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
        } catch (error) {
          await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
          throw error;
        }
        return name;
      } finally {
        await admin.query('SELECT pg_advisory_unlock($1)', [lock]);
      }
    });
    made.catch(() => postgresTemplates.delete(name));
    postgresTemplates.set(name, made);
  }
  return made;
}

export { MEMORY };
