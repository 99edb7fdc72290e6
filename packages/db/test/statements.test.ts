/** The one observer of the statements a process sends, on the backend the run uses. */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src';
import type { Statement } from '../src/statements';
import { statementsOf, watchStatements } from '../src/statements';
import { createTestDb } from '../src/testing';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

describe('statements', () => {
  it("sees each statement of Prisma's transaction once, BEGIN and COMMIT included", async () => {
    const { result, statements } = await statementsOf(() =>
      db.prisma.$transaction([db.prisma.user.count(), db.prisma.application.count()]),
    );
    expect(result).toEqual([0, 0]);
    expect(statements.map((s) => s.trim().split(/\s/)[0]!.toUpperCase())).toEqual([
      'BEGIN',
      'SELECT',
      'SELECT',
      'COMMIT',
    ]);
  });

  it('gives every listener each statement, and leaves the drivers as they were', async () => {
    const pgQuery = pg.Client.prototype.query;
    const pgliteStream = PGlite.prototype.execProtocolStream;
    const outer: Statement[] = [];
    const inner: Statement[] = [];
    const stopOuter = watchStatements((s) => outer.push(s));
    const stopInner = watchStatements((s) => inner.push(s));
    await db.prisma.$queryRaw`SELECT ${7}::int AS seven`;
    stopInner();
    await db.prisma.$queryRaw`SELECT 2`;
    stopOuter();
    await db.prisma.$queryRaw`SELECT 3`;
    expect(inner.map((s) => s.text)).toEqual([expect.stringMatching(/seven/)]);
    expect(outer.map((s) => s.text)).toEqual([inner[0]!.text, 'SELECT 2']);
    // pg hands its parameters over; PGlite's arrive in a Bind message, not decoded.
    expect(inner[0]!.values).toEqual(db.kind === 'postgres' ? [7] : []);
    expect(pg.Client.prototype.query).toBe(pgQuery);
    expect(PGlite.prototype.execProtocolStream).toBe(pgliteStream);
  });

  // bench:lists replays an operation's statements in the rounds they were sent in.
  it.runIf(process.env.DATABASE_URL)('tells when pg answered each statement', async () => {
    const seen: Statement[] = [];
    const stop = watchStatements((s) => seen.push(s));
    let slowAnswered = false;
    const slow = db.prisma.$queryRaw`SELECT 'slow' AS which FROM pg_sleep(0.2)`.then(() => {
      slowAnswered = true;
    });
    await expect(db.prisma.$queryRaw`SELECT 1/0`).rejects.toThrow();
    stop();
    const [sleeper, failed] = seen;
    let sleeperSettled = false;
    void sleeper?.settled?.then(() => (sleeperSettled = true));
    await failed?.settled;
    // The failure was answered while the sleep still ran; then the sleep is answered too.
    expect(sleeperSettled).toBe(false);
    await slow;
    expect(slowAnswered).toBe(true);
    await sleeper?.settled;
  });
});
