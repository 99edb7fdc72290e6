/**
 * The submission bench's peer, pgbench-like: the same number of small write transactions (BEGIN,
 * one INSERT, one UPDATE of the applicant's own row, COMMIT) through raw `pg`, at the same
 * concurrency and with the same pool size as our server. It lives in its own schema, made and
 * dropped here, so the application's tables are untouched.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { inParallel } from './applicants';

const SCHEMA = 'kc_bench_peer';

export interface PeerRun<R> {
  latenciesMs: number[];
  wallMs: number;
  statementsPerTransaction: number;
  /** `reading()` just before the transactions and just after, while the pool is still open. */
  readings: [R, R];
}

export async function peerTransactions<R>(
  databaseUrl: string,
  n: number,
  concurrency: number,
  reading: () => R,
): Promise<PeerRun<R>> {
  const pool = new pg.Pool({ connectionString: databaseUrl, options: '-c TimeZone=UTC' });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await pool.query(`CREATE SCHEMA ${SCHEMA}`);
    await pool.query(`CREATE TABLE ${SCHEMA}.draft (id int PRIMARY KEY, status text, version int)`);
    await pool.query(
      `CREATE TABLE ${SCHEMA}.event (id bigserial PRIMARY KEY, draft_id int, at timestamptz, details jsonb)`,
    );
    await pool.query(
      `INSERT INTO ${SCHEMA}.draft SELECT g, 'draft', 1 FROM generate_series(0, $1::int - 1) g`,
      [n],
    );
    const latenciesMs: number[] = [];
    const before = reading();
    const started = performance.now();
    await inParallel(n, concurrency, async (i) => {
      const t0 = performance.now();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO ${SCHEMA}.event (draft_id, at, details) VALUES ($1, now(), $2)`,
          [i, JSON.stringify({ to: 'submitted' })],
        );
        await client.query(
          `UPDATE ${SCHEMA}.draft SET status = 'submitted', version = version + 1 WHERE id = $1`,
          [i],
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      latenciesMs.push(performance.now() - t0);
    });
    const wallMs = performance.now() - started;
    // Before the pool closes: its backends take their CPU time with them when they exit.
    const after = reading();
    await pool.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
    return { latenciesMs, wallMs, statementsPerTransaction: 4, readings: [before, after] };
  } finally {
    await pool.end();
  }
}
