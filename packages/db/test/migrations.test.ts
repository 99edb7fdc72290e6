/**
 * (a) The database the migrations build is the database schema.prisma describes.
 * Fails when someone edits schema.prisma and forgets `pnpm db:migration:new`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MIGRATIONS_DIR,
  SCHEMA_FILE,
  SNAPSHOT_FILE,
  readMigrations,
  runMigrations,
} from '../src/migrate/runner';
import { diffSchemas } from '../src/migrate/schema-engine';
import { createScratchDatabase } from '../src/testing';
import type { ScratchDatabase } from '../src/testing';
import { readCatalog } from './catalog';

const scratches: ScratchDatabase[] = [];
afterAll(async () => {
  await Promise.all(scratches.map((s) => s.drop()));
});

/** A fresh database, built by `build`, described by its catalog. */
async function catalogOf(
  build: (conn: Awaited<ReturnType<ScratchDatabase['connect']>>['conn']) => Promise<unknown>,
) {
  const scratch = await createScratchDatabase();
  scratches.push(scratch);
  const { conn, close } = await scratch.connect();
  try {
    await build(conn);
    return await readCatalog(conn);
  } finally {
    await close();
  }
}

describe('migrations ↔ schema.prisma', async () => {
  const schema = await readFile(SCHEMA_FILE, 'utf8');
  const fromSchema = await diffSchemas(null, { path: 'schema.prisma', content: schema });

  it('applying the migrations gives the same tables, columns, indexes and constraints as schema.prisma', async () => {
    const [migrated, direct] = await Promise.all([
      catalogOf((conn) => runMigrations(conn)),
      catalogOf((conn) => conn.exec(fromSchema)),
    ]);
    expect(migrated.tables.length).toBeGreaterThanOrEqual(5);
    expect({ ...migrated, triggers: [] }).toEqual({ ...direct, triggers: [] });
    // Triggers are hand-written SQL, not in schema.prisma.
    expect(migrated.triggers).toEqual(
      ['audit_log | audit_log_no_truncate', 'audit_log | audit_log_no_update_delete'].sort(),
    );
  });

  it('the comparison notices a schema change without a migration', async () => {
    const edited = schema.replace(/(model Organisation \{\n)/, '$1  website String?\n');
    expect(edited).not.toBe(schema);
    const [migrated, direct] = await Promise.all([
      catalogOf((conn) => runMigrations(conn)),
      catalogOf(async (conn) =>
        conn.exec(await diffSchemas(null, { path: 'edited.prisma', content: edited })),
      ),
    ]);
    expect(direct.columns).not.toEqual(migrated.columns);
  });

  it('the latest migration was made from the current schema.prisma (its snapshot has no diff to it)', async () => {
    const migrations = await readMigrations();
    const latest = migrations.at(-1);
    expect(latest).toBeDefined();
    for (const m of migrations)
      expect(existsSync(join(MIGRATIONS_DIR, m.name, SNAPSHOT_FILE)), m.name).toBe(true);
    const snapshot = await readFile(
      join(MIGRATIONS_DIR, latest?.name ?? '', SNAPSHOT_FILE),
      'utf8',
    );
    expect(
      await diffSchemas(
        { path: 'snapshot.prisma', content: snapshot },
        { path: 'schema.prisma', content: schema },
      ),
    ).toBe('');
  });

  it('has a migration_lock.toml for postgresql', async () => {
    expect(await readFile(join(MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8')).toContain(
      'provider = "postgresql"',
    );
  });
});
