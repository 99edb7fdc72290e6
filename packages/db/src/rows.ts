import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Prisma } from './generated/prisma/client';

/**
 * The rows of one hand-written read, sent straight through the driver (pg's pool, or the PGlite
 * instance) rather than Prisma's `$queryRaw`, which costs about 0.14 ms of CPU per call in
 * interpreting, serializing and mapping: on the hottest reads (the unread badge polled by every
 * page) more than the rest of the request (issue 13). The query is composed with `Prisma.sql`
 * as for `$queryRaw`. Not inside a transaction: there, use the transaction's `$queryRaw`.
 *
 * Values come back as `$queryRaw` gives them, on both drivers: `bigint` (int8) as BigInt,
 * `timestamp` and `date` as UTC Dates, `timestamptz` as Dates, json parsed. `numeric` comes back
 * as text (no Decimal here): cast it in SQL to what the caller needs.
 */
export type ReadRows = <T = Record<string, unknown>>(query: Prisma.Sql) => Promise<T[]>;

const INT8 = 20;
const DATE = 1082;
const TIMESTAMP = 1114;
const NUMERIC = 1700;

const PARSERS: Record<number, (value: string) => unknown> = {
  [INT8]: (value) => BigInt(value),
  // Prisma reads `timestamp` (no zone) and `date` as UTC; pg's own parsers use the process zone.
  [DATE]: (value) => new Date(`${value}T00:00:00Z`),
  [TIMESTAMP]: (value) => new Date(`${value.replace(' ', 'T')}Z`),
  [NUMERIC]: (value) => value,
};

/** The same reader over a transaction (or any Prisma client): its `$queryRaw`. */
export function rowsOf(client: { $queryRaw<T>(query: Prisma.Sql): PromiseLike<T> }): ReadRows {
  return async <T>(query: Prisma.Sql) => await client.$queryRaw<T[]>(query);
}

/**
 * How many distinct statements one process prepares on its connections. The hot reads are a
 * handful of fixed texts; a text composed with a variable shape (an IN list of n items) would
 * otherwise make a new prepared statement on every connection for every n.
 */
export const MAX_PREPARED_STATEMENTS = 64;

/**
 * On PostgreSQL each text is a named (prepared) statement: parsed and planned once per pooled
 * connection, then only bound and run. Planning was most of the server's work on a submission's
 * reads (1.1 ms of 1.3 ms for the read of the application and its relations, measured with
 * pg_stat_statements: issue 13). After five runs PostgreSQL may keep a generic plan, so a
 * statement must not rely on a parameter's value to choose an index (a partial index's
 * predicate is written in the text, never bound).
 */
export function pgRows(pool: pg.Pool): ReadRows {
  const types = {
    getTypeParser: ((oid: number, format?: string) =>
      PARSERS[oid] ??
      pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED_STATEMENTS) {
      name = `kc_rows_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      names.set(text, name);
    }
    return name;
  };
  return async <T>(query: Prisma.Sql) => {
    const name = nameOf(query.text);
    return (await pool.query({ name, text: query.text, values: query.values, types })).rows as T[];
  };
}

export function pgliteRows(pglite: PGlite): ReadRows {
  return async <T>(query: Prisma.Sql) =>
    (await pglite.query<T>(query.text, query.values, { parsers: PARSERS })).rows;
}
