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

export function pgRows(pool: pg.Pool): ReadRows {
  const types = {
    getTypeParser: ((oid: number, format?: string) =>
      PARSERS[oid] ??
      pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  return async <T>(query: Prisma.Sql) =>
    (await pool.query({ text: query.text, values: query.values, types })).rows as T[];
}

export function pgliteRows(pglite: PGlite): ReadRows {
  return async <T>(query: Prisma.Sql) =>
    (await pglite.query<T>(query.text, query.values, { parsers: PARSERS })).rows;
}
