/** A comparable picture of the public schema, read from the PostgreSQL catalogs. */
import type { MigrationConnection } from '../src/migrate/runner';

export interface Catalog {
  tables: string[];
  columns: string[];
  indexes: string[];
  /** Partial indexes (`table | name | definition`, with a WHERE): hand-written SQL, Prisma has none. */
  partialIndexes: string[];
  /** Everything but CHECK constraints: primary, unique and foreign keys (what Prisma models). */
  constraints: string[];
  /** CHECK constraints (`table | name | definition`): hand-written SQL, Prisma has none. */
  checks: string[];
  enums: string[];
  triggers: string[];
}

const IGNORED_TABLES = ['_prisma_migrations'];

function lines(rows: Record<string, unknown>[]): string[] {
  return rows
    .map((r) =>
      Object.values(r)
        .map((v) => (v === null ? '∅' : String(v)))
        .join(' | '),
    )
    .sort();
}

export async function readCatalog(conn: MigrationConnection): Promise<Catalog> {
  const q = async (sql: string) => lines(await conn.query(sql, [IGNORED_TABLES]));
  return {
    tables: await q(`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1))`),
    // Not ordinal_position: a column added by a later migration is last, and that is fine.
    columns: await q(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
             character_maximum_length, numeric_precision, datetime_precision
      FROM information_schema.columns
      WHERE table_schema = 'public' AND NOT (table_name = ANY($1))`),
    indexes: await q(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) AND indexdef NOT LIKE '% WHERE %'`),
    partialIndexes: await q(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) AND indexdef LIKE '% WHERE %'`),
    constraints: await q(`
      SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c
      WHERE c.connamespace = 'public'::regnamespace AND c.conrelid <> 0 AND c.contype <> 'c'
        AND NOT (c.conrelid::regclass::text = ANY($1))`),
    checks: await q(`
      SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c
      WHERE c.connamespace = 'public'::regnamespace AND c.conrelid <> 0 AND c.contype = 'c'
        AND NOT (c.conrelid::regclass::text = ANY($1))`),
    // Labels sorted: `ALTER TYPE … ADD VALUE` appends, the schema may list it elsewhere.
    enums: await q(`
      SELECT t.typname, array_to_string(array_agg(e.enumlabel ORDER BY e.enumlabel), ',') AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE t.typnamespace = 'public'::regnamespace AND $1::text[] IS NOT NULL
      GROUP BY t.typname`),
    triggers: await q(`
      SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace AND NOT (c.relname = ANY($1))`),
  };
}
