/**
 * pnpm bench:lists [--quick] [--runs 3] [--reps 5]
 *
 * Each large list through the API's tRPC caller (ours) and the very statements it sent, replayed
 * raw through `pg` (peer), alternating; p50 / p95 per list and the ratio. Against DATABASE_URL
 * filled by `pnpm bench:data`. `--quick` makes a scratch database with a few hundred generated
 * applications and checks that ours and raw return the same rows, in the same order (no timing
 * asserted: CI runs it).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Db } from '@kc/db';
import { createDb } from '@kc/db';
import { seedDemo } from '@kc/db/seed';
import type { Statement } from '@kc/db/statements';
import { watchStatements } from '@kc/db/statements';
import { createScratchDatabase } from '@kc/db/testing';
import { DEFAULT_API_CONFIG, silentLogger } from '@kc/api';
import type { Context } from '@kc/api';
import { generateData } from '../data/generate';
import { postgresSink } from '../data/sink';
import { machineLine, median, percentile } from '../machine';
import { createCaller, listCases } from './cases';
import type { Caller } from './cases';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    reps: { type: 'string', default: '5' },
    now: { type: 'string', default: '2026-11-30T10:00:00+08:00' },
    // EXPLAIN (ANALYZE, BUFFERS) every statement of the lists whose name contains this text
    explain: { type: 'string' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'bench:lists 需要 PostgreSQL：请设置 DATABASE_URL（--quick 会在该服务器上建临时库）',
  );
  process.exit(1);
}
const now = new Date(values.now);

let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
let dbUrl = url;
if (values.quick) {
  scratch = await createScratchDatabase();
  dbUrl = scratch.url ?? url;
}
const db = await createDb({ databaseUrl: dbUrl, onConnectionLost: () => undefined });
const raw = new pg.Pool({ connectionString: dbUrl, options: '-c TimeZone=UTC' });
// `--quick` drops its database WITH (FORCE) at the end: an idle connection closed then is not news.
raw.on('error', () => undefined);
let failed = false;
try {
  if (values.quick) {
    await seedDemo(db.prisma, { now });
    const sink = await postgresSink(dbUrl);
    await generateData(sink, { orgs: 30, researchers: 40, applications: 400, seed: 7, now });
    await sink.close();
  }
  const callers = await makeCallers(db);
  const cases = listCases(values.quick ? 2 : 2000);
  if (!values.quick) console.log(machineLine());
  const rows: string[][] = [];
  for (const c of cases) {
    const caller = callers.get(c.as);
    if (!caller) throw new Error(`no caller ${c.as}`);
    // The statements as Prisma sends them, parameters included, in the rounds they were sent
    // in, to be replayed raw.
    const { statements, rounds, stop } = captureRounds();
    const result = await c.call(caller).finally(stop);
    if (values.explain !== undefined) {
      if (!c.name.includes(values.explain)) continue;
      for (const st of statements) {
        // A list's own EXPLAIN (its count estimate, api list-total.ts) cannot be explained again.
        if (/^\s*EXPLAIN\b/i.test(st.text)) continue;
        const plan = await raw.query(
          `EXPLAIN (ANALYZE, BUFFERS) ${st.text}`,
          st.values as unknown[],
        );
        console.log(
          `\n== ${c.name}\n${st.text}\n${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`,
        );
      }
      continue;
    }
    if (values.quick) {
      const problem = await sameRows(
        raw,
        rounds,
        result.items.map((i) => String(i.id)),
      );
      console.log(
        `${problem ? 'FAIL' : 'ok  '} ${c.name}: ${result.items.length} rows, ${statements.length} statements in ${rounds.length} rounds${problem ? ` — ${problem}` : ''}`,
      );
      if (problem) failed = true;
      continue;
    }
    const ours: number[] = [];
    const peer: number[] = [];
    for (let run = 0; run < Number(values.runs); run++) {
      for (let rep = 0; rep < Number(values.reps); rep++) {
        ours.push(await timed(() => c.call(caller)));
        peer.push(await timed(() => replay(raw, rounds)));
      }
    }
    rows.push([
      c.name,
      fmt(median(ours)),
      fmt(percentile(ours, 95)),
      fmt(median(peer)),
      fmt(percentile(peer, 95)),
      (median(ours) / median(peer)).toFixed(2),
      `${statements.length}/${rounds.length}`,
    ]);
  }
  if (!values.quick && values.explain === undefined) {
    const head = ['list', 'ours p50', 'ours p95', 'raw p50', 'raw p95', 'ratio', 'stmts/rounds'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    for (const r of [head, ...rows])
      console.log(
        r
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
          .join('  '),
      );
    console.log(
      `(ms; ${values.runs} runs × ${values.reps} calls, alternating ours/raw; raw = the captured statements replayed through pg in the rounds ours sent them: those sent together at once, the next round when that one is answered)`,
    );
    console.log(machineLine());
  }
} finally {
  await raw.end();
  await db.close();
  await scratch?.drop();
}
if (failed) process.exitCode = 1;
else if (values.quick) console.log('bench:lists --quick: ours and raw return the same rows');

async function makeCallers(db: Db) {
  const base = {
    db,
    wechat: {
      code2Session: () => Promise.reject(new Error('no wechat')),
      phoneNumber: () => Promise.reject(new Error('no wechat')),
    },
    config: {
      ...DEFAULT_API_CONFIG,
      piiHashKey: process.env.PII_HASH_KEY ?? DEFAULT_API_CONFIG.piiHashKey,
    },
    log: silentLogger,
    now: () => now,
    authError: null,
    ip: '127.0.0.1',
    userAgent: null,
  };
  const callers = new Map<string, Caller>();
  const officers = await db.prisma.user.findMany({ where: { kind: 'OFFICER' } });
  for (const o of officers) {
    if (!o.username || !o.role) continue;
    callers.set(
      o.username,
      createCaller({
        ...base,
        caller: {
          kind: 'officer',
          userId: o.id,
          sessionId: o.id,
          username: o.username,
          displayName: o.displayName,
          role: o.role.toLowerCase().replaceAll('_', '-') as never,
          areaCode: (o.areaCode as never) ?? null,
        },
      } as Context),
    );
  }
  // The busiest inbox: the applicant with the most messages.
  const [busiest] = await db.prisma.notification.groupBy({
    by: ['userId'],
    _count: { _all: true },
    orderBy: { _count: { userId: 'desc' } },
    take: 1,
  });
  const user = busiest ? await db.prisma.user.findUnique({ where: { id: busiest.userId } }) : null;
  if (user)
    callers.set(
      'applicant',
      createCaller({
        ...base,
        caller: {
          kind: 'applicant',
          userId: user.id,
          sessionId: user.id,
          openid: user.openid ?? '',
        },
      } as Context),
    );
  return callers;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/**
 * A list's statements grouped in the rounds they were sent in: a statement sent after one of the
 * current round was answered starts the next round (it may depend on that answer, as a page's
 * rows on its ids). Within a round they went out together, as a count and a page on two pooled
 * connections.
 */
function captureRounds() {
  const statements: Statement[] = [];
  const rounds: Statement[][] = [];
  let answered = false;
  const stop = watchStatements((s) => {
    statements.push(s);
    if (answered || rounds.length === 0) {
      rounds.push([]);
      answered = false;
    }
    const round = rounds.length;
    rounds.at(-1)?.push(s);
    void s.settled?.then(() => {
      if (round === rounds.length) answered = true;
    });
  });
  return { statements, rounds, stop };
}

/** The rounds in order, each round's statements at once; every result, in the order sent. */
async function replay(pool: pg.Pool, rounds: readonly Statement[][]) {
  const results: pg.QueryResult[] = [];
  for (const round of rounds)
    results.push(
      ...(await Promise.all(round.map((s) => pool.query(s.text, s.values as unknown[])))),
    );
  return results;
}

/** null when some replayed statement returns exactly the API's row ids, in order. */
async function sameRows(
  pool: pg.Pool,
  rounds: readonly Statement[][],
  ids: readonly string[],
): Promise<string | null> {
  if (rounds.length === 0) return 'no SQL captured';
  const results = await replay(pool, rounds);
  for (const r of results) {
    const got = r.rows.map((row: Record<string, unknown>) => String(row.id));
    // A cursor list reads one row more than it shows (is there a next page?).
    const shown = got.length === ids.length + 1 ? got.slice(0, ids.length) : got;
    if (
      r.fields.some((f) => f.name === 'id') &&
      shown.length === ids.length &&
      shown.every((id, i) => id === ids[i])
    )
      return null;
  }
  return `no raw statement returned the API's ${ids.length} ids in order`;
}

function fmt(ms: number): string {
  return ms.toFixed(1);
}
