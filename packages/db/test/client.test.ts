/**
 * createDb behaviour that differs between the backends if we are not careful:
 * transactions on single-connection PGlite, and timestamptz with a non-UTC server time zone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src';
import type { Db } from '../src';
import { createScratchDatabase, createTestDb } from '../src/testing';

/** The time rows are stamped with: the app's clock writes every timestamp, never the database. */
const AT = new Date('2026-11-27T02:00:00Z');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

describe('interactive transactions', () => {
  it('concurrent read-modify-write transactions with SELECT … FOR UPDATE lose no update', async () => {
    const key = 'test:counter';
    await db.prisma.rateLimitCounter.create({
      data: { key, count: 0, windowEndsAt: AT, updatedAt: AT },
    });
    const N = 8;
    // Together longer than Prisma's default maxWait (2 s): on PGlite they queue, and must not fail with P2028.
    const hold = db.kind === 'pglite' ? 300 : 50;
    await Promise.all(
      Array.from({ length: N }, () =>
        db.prisma.$transaction(async (tx) => {
          const [row] = await tx.$queryRaw<{ count: number }[]>`
            SELECT count FROM rate_limit_counter WHERE key = ${key} FOR UPDATE`;
          await sleep(hold);
          await tx.rateLimitCounter.update({
            where: { key },
            data: { count: (row?.count ?? 0) + 1 },
          });
        }),
      ),
    );
    expect((await db.prisma.rateLimitCounter.findUniqueOrThrow({ where: { key } })).count).toBe(N);
  });

  it('rolls back when the callback throws', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.user.create({
          data: {
            createdAt: AT,
            updatedAt: AT,
            kind: 'OFFICER',
            username: 'ghost',
            displayName: 'g',
          },
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.prisma.user.findUnique({ where: { username: 'ghost' } })).toBeNull();
  });

  it('rolls back when a statement fails inside (unique violation)', async () => {
    await db.prisma.user.create({
      data: { createdAt: AT, updatedAt: AT, kind: 'OFFICER', username: 'taken', displayName: 't' },
    });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.user.create({
          data: {
            createdAt: AT,
            updatedAt: AT,
            kind: 'OFFICER',
            username: 'half',
            displayName: 'h',
          },
        });
        await tx.user.create({
          data: {
            createdAt: AT,
            updatedAt: AT,
            kind: 'OFFICER',
            username: 'taken',
            displayName: 't2',
          },
        });
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
    expect(await db.prisma.user.findUnique({ where: { username: 'half' } })).toBeNull();
    // The connection is usable afterwards.
    expect(await db.prisma.user.count()).toBeGreaterThan(0);
  });

  it('batch transactions work', async () => {
    const [count, users] = await db.prisma.$transaction([
      db.prisma.user.count(),
      db.prisma.user.findMany(),
    ]);
    expect(users).toHaveLength(count);
  });
});

describe('time', () => {
  it('timestamptz is stored and read correctly even when the database time zone is Asia/Shanghai', async () => {
    if (db.kind === 'pglite') {
      const scratch = await createScratchDatabase();
      try {
        await scratch.pglite?.exec("SET TIME ZONE 'Asia/Shanghai'");
        const local = await createDb({ pglite: scratch.pglite });
        try {
          await expectNowRoundTrips(local);
        } finally {
          await local.close();
        }
      } finally {
        await scratch.drop();
      }
      return;
    }
    const scratch = await createScratchDatabase();
    try {
      const name = new URL(scratch.url ?? '').pathname.slice(1);
      const admin = new pg.Client({ connectionString: scratch.url });
      await admin.connect();
      await admin.query(`ALTER DATABASE "${name}" SET timezone TO 'Asia/Shanghai'`);
      await admin.end();
      const shanghai = await createDb({ databaseUrl: scratch.url });
      try {
        await expectNowRoundTrips(shanghai);
      } finally {
        await shanghai.close();
      }
    } finally {
      await scratch.drop();
    }
  });
});

/**
 * The adapters write a Date as a UTC wall-clock string without offset and drop the offset when
 * reading. In a non-UTC session both errors cancel out for Prisma round trips, but the stored
 * instant is wrong by the offset (raw SQL, now(), other tools disagree). So check what is *stored*.
 */
async function expectNowRoundTrips(target: Db) {
  const before = Date.now();
  const user = await target.prisma.user.create({
    data: {
      createdAt: new Date(before),
      updatedAt: new Date(before),
      kind: 'OFFICER',
      username: 'tz',
      displayName: 'tz',
      passwordChangedAt: new Date('2026-01-01T00:00:00Z'),
    },
  });
  const read = await target.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(read.passwordChangedAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  expect(Math.abs(read.createdAt.getTime() - before)).toBeLessThan(60_000);
  const [stored] = await target.prisma.$queryRaw<
    { exact: boolean; created_ms: number; now_ms: number }[]
  >`
    SELECT password_changed_at = '2026-01-01T00:00:00Z'::timestamptz AS exact,
           (extract(epoch FROM created_at) * 1000)::float8 AS created_ms,
           (extract(epoch FROM now()) * 1000)::float8 AS now_ms
    FROM "user" WHERE id = ${user.id}::uuid`;
  expect(stored?.exact).toBe(true);
  expect(Math.abs((stored?.created_ms ?? 0) - before)).toBeLessThan(60_000);
  // now() is the server's clock: it is the test's only when nothing moved the process's date
  // (CI runs the suite under libfaketime, which a separate PostgreSQL server does not share).
  if (!process.env.FAKETIME)
    expect(Math.abs((stored?.now_ms ?? 0) - Date.now())).toBeLessThan(60_000);
}

describe('PGlite data folder', () => {
  it('persists, and refuses a second open of the same folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kc-pglite-'));
    try {
      const first = await createDb({ databaseUrl: null, pgliteDir: join(dir, 'data') });
      await first.prisma.user.create({
        data: { createdAt: AT, updatedAt: AT, kind: 'OFFICER', username: 'kept', displayName: 'k' },
      });
      await expect(createDb({ databaseUrl: null, pgliteDir: join(dir, 'data') })).rejects.toThrow(
        /in use by process/,
      );
      await first.close();
      const again = await createDb({ databaseUrl: null, pgliteDir: join(dir, 'data') });
      expect(await again.prisma.user.findUnique({ where: { username: 'kept' } })).not.toBeNull();
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
