import type { Prisma } from '@kc/db';

/**
 * Counters in `rate_limit_counter`, shared by every API instance on the same database. Each
 * change is one upsert statement, so two requests at the same moment count as two, wherever
 * they run.
 */
type CounterDb = Pick<Prisma.TransactionClient, '$queryRaw' | '$executeRaw'>;

export interface WindowHit {
  /** Hits in the current window, this one included. */
  count: number;
  windowEndsAt: Date;
}

/**
 * Counts one hit on `key` in a fixed window of `windowMs` that starts with the first hit; an
 * expired window starts again at 1.
 */
export async function hitWindow(
  db: CounterDb,
  key: string,
  windowMs: number,
  now: Date,
): Promise<WindowHit> {
  const ends = new Date(now.getTime() + windowMs);
  const rows = await db.$queryRaw<{ count: number; window_ends_at: Date }[]>`
    INSERT INTO rate_limit_counter AS c (key, count, window_ends_at, updated_at)
    VALUES (${key}, 1, ${ends}::timestamptz, ${now}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN c.window_ends_at <= ${now}::timestamptz THEN 1 ELSE c.count + 1 END,
      window_ends_at = CASE WHEN c.window_ends_at <= ${now}::timestamptz
        THEN ${ends}::timestamptz ELSE c.window_ends_at END,
      updated_at = ${now}::timestamptz
    RETURNING c.count, c.window_ends_at`;
  const [row] = rows;
  if (!row) throw new Error('rate_limit_counter upsert returned no row');
  return { count: Number(row.count), windowEndsAt: new Date(row.window_ends_at) };
}

/** Rows whose window has ended and that block nothing: they would count from zero anyway. */
export async function deleteExpiredCounters(db: CounterDb, now: Date): Promise<number> {
  return db.$executeRaw`
    DELETE FROM rate_limit_counter
    WHERE window_ends_at < ${now}::timestamptz
      AND (blocked_until IS NULL OR blocked_until < ${now}::timestamptz)`;
}

/**
 * Deletes expired rows at most once per `everyMs` per process (a cheap indexed delete on
 * `window_ends_at`), so the table holds only live windows without a scheduled job.
 */
export function expiredCounterSweeper(everyMs = 10 * 60_000) {
  let next = 0;
  return (db: CounterDb, now: Date, onError: (error: unknown) => void) => {
    if (now.getTime() < next) return;
    next = now.getTime() + everyMs;
    deleteExpiredCounters(db, now).catch(onError);
  };
}
