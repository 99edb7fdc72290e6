import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../src';
import { isBusyError } from '../src';
import { createTestDb } from '../src/testing';

/**
 * Issue 12, finding 5, on PGlite: one transaction at a time, so a long one makes the next wait
 * past its maxWait (P2028). The client runs a timed-out transaction once more, and only once.
 * (PostgreSQL row locks: apps/server/test/busy.test.ts.)
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!!process.env.DATABASE_URL)('a transaction that timed out waiting', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
  });

  async function withHolder(holdMs: number, retries: { count: number }) {
    db = await createTestDb({
      transactionOptions: { maxWait: 300 },
      onTransactionRetry: () => retries.count++,
    });
    const prisma = db.prisma;
    const holder = prisma.$transaction(() => sleep(holdMs), { maxWait: 10_000, timeout: 10_000 });
    await sleep(50);
    return { prisma, holder };
  }

  it('is run again once, and succeeds when the wait is over by then', async () => {
    const retries = { count: 0 };
    const { prisma, holder } = await withHolder(500, retries);
    let runs = 0;
    const result = await prisma.$transaction(async (tx) => {
      runs++;
      return (await tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)[0]?.one;
    });
    await holder;
    expect(result).toBe(1);
    expect(retries.count).toBe(1);
    expect(runs).toBe(1);
  });

  it('gives up after the second timeout with an error the API answers as BUSY', async () => {
    const retries = { count: 0 };
    const { prisma, holder } = await withHolder(1_500, retries);
    let runs = 0;
    const error = await prisma
      .$transaction(async () => {
        runs++;
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    await holder;
    expect(isBusyError(error)).toBe(true);
    expect(retries.count).toBe(1);
    expect(runs).toBe(0);
  });
});
