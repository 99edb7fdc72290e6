/** (b) The migration runner: idempotent, records checksums like Prisma, refuses tampering, atomic, concurrent-safe. */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MIGRATIONS_DIR,
  hasTransactionControl,
  readMigrations,
  runMigrations,
} from '../src/migrate/runner';
import { createScratchDatabase } from '../src/testing';
import type { ScratchDatabase } from '../src/testing';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function scratch(): Promise<ScratchDatabase> {
  const s = await createScratchDatabase();
  cleanup.push(() => s.drop());
  return s;
}

async function session(s: ScratchDatabase) {
  const { conn, close } = await s.connect();
  cleanup.push(close);
  return conn;
}

/** A copy of the real migrations folder that a test may change. */
async function migrationsCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kc-migrations-'));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function addMigration(dir: string, name: string, sql: string) {
  await mkdir(join(dir, name));
  await writeFile(join(dir, name, 'migration.sql'), sql);
}

describe('runMigrations', () => {
  it('applies every migration once and records it like prisma migrate deploy', async () => {
    const conn = await session(await scratch());
    const local = await readMigrations();
    const first = await runMigrations(conn);
    expect(first.applied).toEqual(local.map((m) => m.name));
    const second = await runMigrations(conn);
    expect(second).toEqual({ applied: [], alreadyApplied: local.map((m) => m.name), unknown: [] });

    const rows = await conn.query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: unknown;
      logs: unknown;
      rolled_back_at: unknown;
      started_at: unknown;
      applied_steps_count: number;
    }>('SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
    expect(rows).toHaveLength(local.length);
    for (const [i, row] of rows.entries()) {
      const file = await readFile(join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.migration_name).toBe(local[i]?.name);
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.started_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    // Same columns, types and nullability as Prisma's own table.
    const columns = await conn.query(
      `SELECT column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => Object.values(c).join(' '))).toEqual([
      'id character varying NO 36',
      'checksum character varying NO 64',
      'finished_at timestamp with time zone YES ',
      'migration_name character varying NO 255',
      'logs text YES ',
      'rolled_back_at timestamp with time zone YES ',
      'started_at timestamp with time zone NO ',
      'applied_steps_count integer NO ',
    ]);
  });

  it('applies only what is new, in order', async () => {
    const conn = await session(await scratch());
    const dir = await migrationsCopy();
    await runMigrations(conn, { migrationsDir: dir });
    await addMigration(dir, '29990101000001_b', 'ALTER TABLE "kc_extra" ADD COLUMN note TEXT;');
    await addMigration(dir, '29990101000000_a', 'CREATE TABLE "kc_extra" (id INT PRIMARY KEY);');
    const result = await runMigrations(conn, { migrationsDir: dir });
    expect(result.applied).toEqual(['29990101000000_a', '29990101000001_b']);
    expect(
      await conn.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'kc_extra' ORDER BY 1`,
      ),
    ).toEqual([{ column_name: 'id' }, { column_name: 'note' }]);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const conn = await session(await scratch());
    const dir = await migrationsCopy();
    await runMigrations(conn, { migrationsDir: dir });
    const [first] = await readMigrations(dir);
    await writeFile(
      join(dir, first?.name ?? '', 'migration.sql'),
      `${first?.sql}\n-- an innocent-looking edit\n`,
    );
    await addMigration(dir, '29990101000000_next', 'CREATE TABLE "kc_next" (id INT);');
    await expect(runMigrations(conn, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(
        `${first?.name}.*changed after being applied|changed after being applied: ${first?.name}`,
      ),
    );
    // …and applied nothing else.
    expect(
      await conn.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'kc_next'`),
    ).toEqual([]);
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const conn = await session(await scratch());
    const dir = await migrationsCopy();
    await runMigrations(conn, { migrationsDir: dir });
    await addMigration(
      dir,
      '29990101000000_broken',
      'CREATE TABLE "kc_half" (id INT);\nSELECT 1/0;',
    );
    await expect(runMigrations(conn, { migrationsDir: dir })).rejects.toThrow(
      /29990101000000_broken failed.*division by zero/,
    );
    expect(
      await conn.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'kc_half'`),
    ).toEqual([]);
    expect(
      await conn.query(
        `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
      ),
    ).toEqual([]);
    // The lock was released: fixing the file lets the next run through.
    await writeFile(
      join(dir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE "kc_half" (id INT);',
    );
    expect((await runMigrations(conn, { migrationsDir: dir })).applied).toEqual([
      '29990101000000_broken',
    ]);
  });

  it('refuses a migration that was recorded as failed by prisma migrate deploy', async () => {
    const conn = await session(await scratch());
    await runMigrations(conn);
    await conn.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000000', 'x', '29990101000000_failed', now(), 0)`,
    );
    await expect(runMigrations(conn)).rejects.toThrow(/29990101000000_failed failed earlier/);
  });

  it('is safe when two processes start at once', async () => {
    const s = await scratch();
    // PostgreSQL: two sessions (the advisory lock); PGlite: one session used twice (in-process queue).
    const [a, b] = await Promise.all([session(s), session(s)]);
    const results = await Promise.all([runMigrations(a), runMigrations(b)]);
    const local = (await readMigrations()).map((m) => m.name);
    expect(results.map((r) => r.applied).sort()).toEqual([[], local]);
    expect(await a.query('SELECT count(*)::int AS n FROM "_prisma_migrations"')).toEqual([
      { n: local.length },
    ]);
  });

  it('rejects migrations with their own BEGIN/COMMIT, but not plpgsql blocks', async () => {
    expect(hasTransactionControl('BEGIN;\nCREATE TABLE t (id INT);\nCOMMIT;')).toBe(true);
    expect(
      hasTransactionControl(
        'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN NULL;\nEND;\n$$;',
      ),
    ).toBe(false);
    const [init] = await readMigrations();
    expect(hasTransactionControl(init?.sql ?? '')).toBe(false);

    const conn = await session(await scratch());
    const dir = await migrationsCopy();
    await addMigration(
      dir,
      '29990101000000_tx',
      'BEGIN;\nCREATE TABLE "kc_tx" (id INT);\nCOMMIT;\n',
    );
    await expect(runMigrations(conn, { migrationsDir: dir })).rejects.toThrow(
      /contains BEGIN\/COMMIT/,
    );
  });
});
