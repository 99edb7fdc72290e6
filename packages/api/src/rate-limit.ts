import type { ReadRows } from '@kc/db';
import { Prisma, rowsOf } from '@kc/db';

/**
 * Counters in `rate_limit_counter`, shared by every API instance on the same database. Each
 * change is an upsert statement, so two requests at the same moment count as two, wherever
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
  const [hit] = await hitWindows(rowsOf(db), [{ key, windowMs }], now);
  if (!hit) throw new Error('rate_limit_counter upsert returned no row');
  return hit;
}

/**
 * `hitWindow` for several hits in one upsert statement; a key named twice counts twice, and each
 * hit gets its own count (the k-th of n hits on a key: the total − n + k). Rows are written in key
 * order, so two such statements on the same keys never wait on each other in a cycle.
 */
export async function hitWindows(
  read: ReadRows,
  hits: readonly { key: string; windowMs: number }[],
  now: Date,
): Promise<WindowHit[]> {
  const perKey = new Map<string, { n: number; windowMs: number }>();
  for (const h of hits) {
    const k = perKey.get(h.key);
    if (k) k.n += 1;
    else perKey.set(h.key, { n: 1, windowMs: h.windowMs });
  }
  const keys = [...perKey.keys()].sort();
  const counts = keys.map((k) => perKey.get(k)?.n ?? 1);
  const ends = keys.map((k) =>
    new Date(now.getTime() + (perKey.get(k)?.windowMs ?? 0)).toISOString(),
  );
  const rows = await read<{ key: string; count: number; window_ends_at: Date }>(Prisma.sql`
    INSERT INTO rate_limit_counter AS c (key, count, window_ends_at, updated_at)
    SELECT h.key, h.n, h.ends, ${now}::timestamptz
    FROM unnest(${keys}::text[], ${counts}::int[], ${ends}::timestamptz[]) AS h(key, n, ends)
    ORDER BY h.key
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN c.window_ends_at <= ${now}::timestamptz
        THEN EXCLUDED.count ELSE c.count + EXCLUDED.count END,
      window_ends_at = CASE WHEN c.window_ends_at <= ${now}::timestamptz
        THEN EXCLUDED.window_ends_at ELSE c.window_ends_at END,
      updated_at = ${now}::timestamptz
    RETURNING c.key, c.count, c.window_ends_at`);
  const total = new Map(rows.map((r) => [r.key, r]));
  const seen = new Map<string, number>();
  return hits.map((h) => {
    const row = total.get(h.key);
    if (!row) throw new Error('rate_limit_counter upsert returned no row');
    const k = (seen.get(h.key) ?? 0) + 1;
    seen.set(h.key, k);
    return {
      count: Number(row.count) - (perKey.get(h.key)?.n ?? 1) + k,
      windowEndsAt: new Date(row.window_ends_at),
    };
  });
}

/**
 * Hits asked for in the same turn of the event loop (a request's per-address and per-session
 * limits, and requests arriving together) counted by one statement: one round trip and one
 * pooled connection instead of one per limit. Outside any transaction: `db.rows`.
 */
export function windowHitBatcher(read: ReadRows) {
  type Pending = {
    key: string;
    windowMs: number;
    now: Date;
    resolve: (hit: WindowHit) => void;
    reject: (error: unknown) => void;
  };
  let pending: Pending[] = [];
  function flush() {
    const batch = pending;
    pending = [];
    const now = new Date(Math.max(...batch.map((p) => p.now.getTime())));
    hitWindows(read, batch, now).then(
      (hits) => batch.forEach((p, i) => p.resolve(hits[i] as WindowHit)),
      (error: unknown) => batch.forEach((p) => p.reject(error)),
    );
  }
  return (key: string, windowMs: number, now: Date): Promise<WindowHit> =>
    new Promise((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ key, windowMs, now, resolve, reject });
    });
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
