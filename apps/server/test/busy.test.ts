import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@kc/db';
import { createDb } from '@kc/db';
import { seedDemo } from '@kc/db/seed';
import type { ScratchDatabase } from '@kc/db/testing';
import { createScratchDatabase } from '@kc/db/testing';
import type { LiveServer } from './support/live-server';
import { startLiveServer } from './support/live-server';

/**
 * Issue 12, finding 5: a transaction that waited on a row lock past its timeout (Prisma P2028)
 * came back as a 500. Now the database client runs it once more, and a second timeout answers
 * BUSY: HTTP 503 with Retry-After, and nothing changed.
 *
 * Row locks need PostgreSQL: PGlite runs one transaction at a time, so a waiting request never
 * gets as far as its own transaction (packages/db/test/transaction-retry.test.ts covers PGlite).
 */
const TIMEOUT_MS = 800;
const YEAR = new Date().getFullYear();

describe.skipIf(!process.env.DATABASE_URL)('a transaction kept waiting for a lock', () => {
  let scratch: ScratchDatabase;
  let holderDb: Db;
  let server: LiveServer;
  let token: string;
  let retries = 0;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    holderDb = await createDb({ databaseUrl: scratch.url });
    await seedDemo(holderDb.prisma, { now: new Date() });
    const serverDb = await createDb({
      databaseUrl: scratch.url,
      migrate: false,
      transactionOptions: { timeout: TIMEOUT_MS },
      onTransactionRetry: () => retries++,
    });
    server = await startLiveServer({ db: serverDb });
    token = await server.tokenOf({ username: 'admin' });
  });
  afterAll(async () => {
    await server?.close();
    await holderDb?.close();
    await scratch?.drop();
  });

  function setBudget(budgetFen: bigint) {
    return fetch(`${server.url}/trpc/budgets.set`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        json: { ruleId: 'scenario-case', year: YEAR, budgetFen: String(budgetFen) },
        meta: { values: { budgetFen: ['bigint'] } },
      }),
    });
  }

  async function budgetFen() {
    const row = await holderDb.prisma.programmeBudget.findUniqueOrThrow({
      where: { ruleId_year: { ruleId: 'scenario-case', year: YEAR } },
    });
    return row.budgetFen;
  }

  it('retries once inside the server, then answers BUSY 503 with Retry-After', async () => {
    expect((await setBudget(100n)).status).toBe(200);
    expect(await budgetFen()).toBe(100n);

    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = holderDb.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM programme_budget WHERE rule_id = 'scenario-case' FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 60_000 },
    );
    await lockTaken;

    const started = Date.now();
    const res = await setBudget(999n);
    const waited = Date.now() - started;
    release();
    await holder;

    const body = (await res.json()) as {
      error: { json: { message: string; data: { appCode: string } } };
    };
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(body.error.json.data.appCode).toBe('BUSY');
    expect(body.error.json.message).toBe('系统繁忙，本次操作未生效，请稍后重试');
    expect(retries).toBe(1);
    // Two attempts, each given up after the timeout.
    expect(waited).toBeGreaterThanOrEqual(2 * TIMEOUT_MS);
    expect(await budgetFen()).toBe(100n);
    expect(server.logs()).not.toContain('procedure failed');

    // The lock gone, the same request goes through.
    expect((await setBudget(999n)).status).toBe(200);
    expect(await budgetFen()).toBe(999n);
  });
});
