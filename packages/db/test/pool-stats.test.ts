/** The pg pool's counts, read by the server's metrics; PostgreSQL only (run with DATABASE_URL). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
