import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../src';
import type { Db } from '../src';
import { MAX_PREPARED_STATEMENTS } from '../src/rows';
import { statementsOf } from '../src/statements';
import { createTestDb } from '../src/testing';

/**
 * `db.rows` (rows.ts) reads past Prisma for the hottest queries: what it returns must be what
 * `$queryRaw` returns for the same statement, whichever driver runs it (PGlite here by default,
 * PostgreSQL when DATABASE_URL is set).
 */
let db: Db;
beforeAll(async () => {
  db = await createTestDb({ migrate: false });
});
afterAll(async () => {
  await db?.close();
});

const ids = ['0f8fad5b-d9cb-469f-a165-70867728950e', '7c9e6679-7425-40de-944b-e07fc1f90ae7'];

describe('db.rows', () => {
  it('gives the values $queryRaw gives, type for type', async () => {
    const when = new Date('2026-12-05T10:11:12.345Z');
    const query = Prisma.sql`
      SELECT ${ids[0]}::uuid AS id, 20000000::bigint AS fen, 9007199254740993::int8 AS big,
             3::int AS n, true AS yes, NULL::text AS nothing, '宿州' AS name,
             ${when}::timestamptz AS at, ${when}::timestamptz::timestamp AS at_plain,
             '2026-12-05'::date AS day, '{"a":[1,"b"]}'::jsonb AS doc,
             ARRAY['x','y']::text[] AS tags, ${ids}::uuid[] AS ids,
             12.50::numeric::text AS amount`;
    const direct = await db.rows(query);
    const prisma = await db.prisma.$queryRaw<Record<string, unknown>[]>(query);
    expect(direct).toEqual(prisma);
    expect(direct[0]).toMatchObject({
      id: ids[0],
      fen: 20_000_000n,
      big: 9_007_199_254_740_993n,
      n: 3,
      at: when,
      at_plain: when,
      day: new Date('2026-12-05T00:00:00Z'),
      doc: { a: [1, 'b'] },
      ids,
    });
  });

  it('sends one statement, composed fragments and arrays bound as parameters', async () => {
    const evil = "'); DROP TABLE x; --";
    const where = Prisma.sql`WHERE v = ANY(${[evil, 'b']}::text[])`;
    const { result, statements } = await statementsOf(() =>
      db.rows<{ v: string }>(Prisma.sql`SELECT v FROM (VALUES (${evil}), ('c')) AS t(v) ${where}`),
    );
    expect(result).toEqual([{ v: evil }]);
    expect(statements).toHaveLength(1);
  });

  it('fails as the database says, with nothing left half done', async () => {
    await expect(db.rows(Prisma.sql`SELECT 1/0 AS boom`)).rejects.toThrow(/division by zero/);
    expect(await db.rows(Prisma.sql`SELECT 1::int AS ok`)).toEqual([{ ok: 1 }]);
  });

  // On PostgreSQL each text is prepared once per connection, then only bound and run (planning
  // was most of a submission's reads). PGlite runs each statement as it comes.
  it.runIf(process.env.DATABASE_URL)(
    'prepares each text on PostgreSQL, within a bound',
    async () => {
      const own = Prisma.sql`SELECT name, statement FROM pg_prepared_statements WHERE NOT from_sql`;
      const seen = await db.rows<{ name: string; statement: string }>(own);
      expect(seen.find((s) => s.statement === own.text)?.name).toMatch(/^kc_rows_[0-9a-f]{20}$/);
      // The same text with other values, many times over the pool: one name, the right answers.
      const square = (n: number) =>
        db.rows<{ sq: number }>(Prisma.sql`SELECT ${n}::int * ${n}::int AS sq`);
      const answers = await Promise.all(Array.from({ length: 40 }, (_, n) => square(n)));
      expect(answers.map(([r]) => r?.sq)).toEqual(Array.from({ length: 40 }, (_, n) => n * n));
      // A failure leaves the prepared statement usable.
      const divide = (n: number) => db.rows<{ q: number }>(Prisma.sql`SELECT 6 / ${n}::int AS q`);
      await expect(divide(0)).rejects.toThrow(/division by zero/);
      expect(await divide(3)).toEqual([{ q: 2 }]);
      // Texts of a variable shape stop being prepared once the bound is reached, and still run.
      for (let n = 1; n <= MAX_PREPARED_STATEMENTS + 5; n++) {
        const list = Prisma.join(Array.from({ length: n }, (_, i) => Prisma.sql`${i}::int`));
        const [row] = await db.rows<{ n: number }>(
          Prisma.sql`SELECT cardinality(ARRAY[${list}]) AS n`,
        );
        expect(row?.n).toBe(n);
      }
      const names = await db.rows<{ name: string }>(own);
      expect(names.length).toBeLessThanOrEqual(MAX_PREPARED_STATEMENTS);
    },
  );
});
