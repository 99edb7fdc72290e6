/**
 * Bulk writes for both backends with one statement shape: every column travels as a text array
 * and `unnest` turns the arrays into rows, cast per column (`INSERT … SELECT … FROM unnest(…)`).
 * One round trip per few thousand rows, no COPY needed, and PGlite runs it too.
 */
import pg from 'pg';
import type { Db } from '@kc/db';

export type Cell =
  string | number | bigint | boolean | Date | null | undefined | readonly string[] | object;

/** [column, SQL type it is cast to] */
export type Columns = readonly (readonly [string, string])[];

export interface Sink {
  insert(table: string, columns: Columns, rows: readonly Cell[][]): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Rows per statement: large enough to amortise the round trip, small enough for PGlite's memory. */
const CHUNK = 4000;

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function toText(value: Cell): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value as string[]);
  return JSON.stringify(value);
}

export function insertSql(table: string, columns: Columns): string {
  const names = columns.map(([c]) => `"${c}"`).join(', ');
  const params = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const casts = columns.map(([c, type]) => `u."${c}"::${type}`).join(', ');
  return `INSERT INTO "${table}" (${names}) SELECT ${casts} FROM unnest(${params}) AS u(${names})`;
}

async function insertChunks(
  run: (sql: string, params: unknown[]) => Promise<unknown>,
  table: string,
  columns: Columns,
  rows: readonly Cell[][],
) {
  const sql = insertSql(table, columns);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const slice = rows.slice(start, start + CHUNK);
    const params = columns.map((_, i) => slice.map((r) => toText(r[i])));
    await run(sql, params);
  }
}

/** PostgreSQL: a client of our own (UTC session, as the app's pool), not Prisma's pool. */
export async function postgresSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url, options: '-c TimeZone=UTC' });
  await client.connect();
  return {
    insert: (table, columns, rows) =>
      insertChunks((sql, params) => client.query(sql, params), table, columns, rows),
    query: async <T>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as T[],
    close: () => client.end(),
  };
}

/** PGlite is one connection, owned by the app's Db: write through Prisma's raw queries. */
export function prismaSink(db: Db): Sink {
  return {
    insert: (table, columns, rows) =>
      insertChunks(
        (sql, params) => db.prisma.$executeRawUnsafe(sql, ...params),
        table,
        columns,
        rows,
      ),
    query: <T>(sql: string, params: unknown[] = []) =>
      db.prisma.$queryRawUnsafe<T[]>(sql, ...params),
    close: async () => undefined,
  };
}
