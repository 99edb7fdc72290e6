/**
 * pnpm bench:data [--orgs N] [--researchers N] [--applications N] [--seed N] [--now ISO] [--append]
 *
 * Fills the configured database (DATABASE_URL, or PGlite in PGLITE_DIR) with generated data:
 * migrations first (the app's runner), the demo seed (officers, budgets), then the generated rows.
 * Refuses a database that holds anything beyond the demo data unless --append.
 */
import { parseArgs } from 'node:util';
import { createDb } from '@kc/db';
import { seedDemo } from '@kc/db/seed';
import { ensureDatabase } from '../database';
import { machineLine } from '../machine';
import { generateData } from './generate';
import { postgresSink, prismaSink } from './sink';
import type { Sink } from './sink';

const { values } = parseArgs({
  options: {
    orgs: { type: 'string' },
    researchers: { type: 'string' },
    applications: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261201' },
    // A fixed clock by default, so a seed always gives the same rows.
    now: { type: 'string', default: '2026-11-30T10:00:00+08:00' },
    append: { type: 'boolean', default: false },
  },
});
const applications = Number(values.applications);
const orgs = Number(values.orgs ?? Math.max(20, Math.round(applications / 50)));
const researchers = Number(values.researchers ?? Math.max(20, Math.round(applications / 20)));
const now = new Date(values.now);

if (process.env.DATABASE_URL) await ensureDatabase(process.env.DATABASE_URL);
const db = await createDb({ log: (m) => console.log(m) });
let sink: Sink | undefined;
let side: Sink | undefined;
try {
  await seedDemo(db.prisma, { now });
  sink = process.env.DATABASE_URL ? await postgresSink(process.env.DATABASE_URL) : prismaSink(db);
  side = process.env.DATABASE_URL ? await postgresSink(process.env.DATABASE_URL) : undefined;
  const [counted] = await sink.query<{ applications: number; orgs: number; researchers: number }>(
    `SELECT (SELECT count(*) FROM application)::int AS applications,
            (SELECT count(*) FROM organisation)::int AS orgs,
            (SELECT count(*) FROM researcher)::int AS researchers`,
  );
  const held = counted ?? { applications: 0, orgs: 0, researchers: 0 };
  const beyondDemo = held.applications > 0 || held.orgs > 8 || held.researchers > 4;
  if (beyondDemo && !values.append) {
    console.error(
      `数据库中已有非演示数据（申请 ${held.applications} 条，机构 ${held.orgs} 家），未写入。追加请加 --append，或换一个新建的数据库。`,
    );
    process.exitCode = 1;
  } else {
    console.log(machineLine());
    console.log(
      `generating ${orgs} organisations, ${researchers} researchers, ${applications} applications (${db.kind}, seed ${values.seed})`,
    );
    const report = await generateData(sink, {
      orgs,
      researchers,
      applications,
      seed: Number(values.seed),
      now,
      serialBase: values.append ? { orgs: held.orgs, researchers: held.researchers } : undefined,
      sideSink: side,
      log: (line) => console.log(line),
    });
    const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
    for (const [table, n] of Object.entries(report.rows)) console.log(`  ${table.padEnd(22)} ${n}`);
    console.log(
      `done: ${total} rows in ${(report.ms / 1000).toFixed(1)} s = ${Math.round(total / (report.ms / 1000))} rows/s; ` +
        `approvals refused as the API would: quota ${report.stats.quota}, already awarded ${report.stats.duplicate}; kept as drafts (engine refused): ${report.stats.ineligible}`,
    );
    for (const [why, n] of Object.entries(report.stats.refusals))
      console.log(`  draft, engine refused ${why}: ${n}`);
    // A bulk load leaves no statistics and no visibility map until autovacuum comes by (and
    // some servers, this machine's among them, run with it off): the lists would be planned
    // blind and index-only scans would visit the heap. Measure what a live database has.
    const started = performance.now();
    await sink.query('VACUUM (ANALYZE)');
    console.log(`VACUUM (ANALYZE) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(machineLine());
  }
} finally {
  await sink?.close();
  await side?.close();
  await db.close();
}
