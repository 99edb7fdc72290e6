/** The pg pool's counts, read by the server's metrics; PostgreSQL only (run with DATABASE_URL). */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Prisma } from '../src';
import type { Db } from '../src';
import { createTestDb } from '../src/testing';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

describe('poolStats', () => {
  it('is there on PostgreSQL only: PGlite is one in-process connection', () => {
    expect(typeof db.poolStats).toBe(db.kind === 'postgres' ? 'function' : 'undefined');
  });

  it.runIf(process.env.DATABASE_URL)(
    'counts the connections of the pool Prisma queries through',
    async () => {
      const stats = db.poolStats!;
      await db.prisma.$queryRaw`SELECT 1`;
      expect(stats()).toMatchObject({ waiting: 0 });
      expect(stats().total).toBeGreaterThanOrEqual(1);
      // Hold three connections at once: the pool has opened at least that many.
      await Promise.all([1, 2, 3].map(() => db.prisma.$queryRaw`SELECT 1 FROM pg_sleep(0.2)`));
      expect(stats().total).toBeGreaterThanOrEqual(3);
      expect(stats().idle).toBe(stats().total);
    },
  );

  it.runIf(process.env.DATABASE_URL)(
    'keeps serving when the server closes its idle connections (a restart, a failover)',
    async () => {
      const lost: Error[] = [];
      const own = await createTestDb({ onConnectionLost: (error) => lost.push(error) });
      try {
        // Two connections, both idle in the pool afterwards; only `db.rows` has used the pool
        // (Prisma, not yet connected, has not put its own listener on it).
        await Promise.all(
          [1, 2].map(() => own.rows(Prisma.sql`SELECT 1 AS one FROM pg_sleep(0.05)`)),
        );
        const [database] = await own.rows<{ name: string }>(
          Prisma.sql`SELECT current_database() AS name`,
        );
        const [{ terminated } = { terminated: 0 }] = await db.prisma.$queryRaw<
          { terminated: number }[]
        >`
          SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS terminated
          FROM pg_stat_activity WHERE datname = ${database?.name}`;
        expect(terminated).toBeGreaterThanOrEqual(1);
        // Unhandled, pg's 'error' on an idle client would have ended the test process here.
        // Each closed client reports on its own tick; until all have, the pool may still hand
        // out one the server has closed (a query on it fails with 57P01, as CI once saw).
        await vi.waitFor(() => expect(lost.length).toBeGreaterThanOrEqual(terminated));
        expect(lost.map((e) => (e as { code?: string }).code)).toContain('57P01');
        const rows = await own.prisma.$queryRaw<{ one: number }[]>`SELECT 1::int AS one`;
        expect(rows).toEqual([{ one: 1 }]);
        expect(await own.rows<{ two: number }>(Prisma.sql`SELECT 2::int AS two`)).toEqual([
          { two: 2 },
        ]);
      } finally {
        await own.close();
      }
    },
  );
});
