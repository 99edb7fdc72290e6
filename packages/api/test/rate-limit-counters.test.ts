import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@kc/db';
import { createTestDb } from '@kc/db/testing';
import { statementsOf } from '@kc/db/statements';
import { hitWindow, hitWindows, windowHitBatcher } from '../src/rate-limit';

const MINUTE = 60_000;
const t0 = new Date('2026-12-01T02:00:00Z');

describe('rate_limit_counter', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it('counts each of several hits on one key in one statement, each with its own count', async () => {
    const hits = await hitWindows(
      db.rows,
      [
        { key: 'k:b', windowMs: MINUTE },
        { key: 'k:a', windowMs: MINUTE },
        { key: 'k:b', windowMs: MINUTE },
        { key: 'k:b', windowMs: MINUTE },
      ],
      t0,
    );
    expect(hits.map((h) => h.count)).toEqual([1, 1, 2, 3]);
    expect(hits[0]!.windowEndsAt).toEqual(new Date(t0.getTime() + MINUTE));
    // The window started with the first hit, and goes on counting.
    const later = new Date(t0.getTime() + 30_000);
    expect(await hitWindow(db.prisma, 'k:b', MINUTE, later)).toEqual({
      count: 4,
      windowEndsAt: new Date(t0.getTime() + MINUTE),
    });
    // An ended window starts again, at 1 for the first of the hits.
    const next = new Date(t0.getTime() + MINUTE);
    const again = await hitWindows(
      db.rows,
      [
        { key: 'k:b', windowMs: MINUTE },
        { key: 'k:b', windowMs: MINUTE },
      ],
      next,
    );
    expect(again).toEqual([
      { count: 1, windowEndsAt: new Date(next.getTime() + MINUTE) },
      { count: 2, windowEndsAt: new Date(next.getTime() + MINUTE) },
    ]);
  });

  it('sends the hits asked for together (both limits of a request) as one statement', async () => {
    const hit = windowHitBatcher(db.rows);
    const { result, statements } = await statementsOf(() =>
      Promise.all([
        hit('batch:address', MINUTE, t0),
        hit('batch:session', MINUTE, t0),
        hit('batch:session', MINUTE, t0),
      ]),
    );
    expect(statements).toHaveLength(1);
    expect(result.map((h) => h.count)).toEqual([1, 1, 2]);
  });
});
