/**
 * pnpm bench:submit — applicants submitting applications at once (issue 13, part 4).
 *
 * Starts the real server (bundle if built, else tsx) on PostgreSQL with the SQL probe, prepares
 * `runs × n` applicants each with a verified firm and a complete scenario-case draft (untimed),
 * then per run: n submissions through HTTP at `--concurrency` (every 10th applicant taps twice,
 * as a double tap on a slow phone does), and the pgbench-like peer (peer.ts) with as many
 * transactions at the same concurrency, in alternation. Prints submissions/s, p50 and p95, the
 * ratio, the SQL statements one submission costs, and then checks that the database is exact:
 * one submission, one event and one audit row per application, once-keys set and distinct,
 * quotas and budgets untouched, one idempotency record per draft.
 *
 *   pnpm bench:submit                        3 runs × 200 submissions, concurrency 20
 *   pnpm bench:submit --quick                1 run × 20: the checks, figures not a measurement
 *   pnpm bench:submit --database-url postgresql://…/kc_big --no-seed --n 500
 *   pnpm bench:submit --cpu-prof             then one more batch under the CPU profiler
 *   pnpm bench:submit --instances 2          as production: several API instances, requests
 *                                            dealt round-robin by the client (as nginx does)
 *   pnpm bench:submit --warmup 0             no untimed warm-up batch (default: n submissions
 *                                            first, as a server that has been up a while: JIT
 *                                            compiled, each pooled connection's statements
 *                                            prepared and past PostgreSQL's five custom plans)
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { databaseUrlArg, numberArg, parseArgs } from '../args';
import { openBenchDb, redactUrl } from '../database';
import { cpuMsOf, cpuMsOfCommand, fmt } from '../load';
import { machineLine, median, percentile } from '../machine';
import { printShares, profileFile, profileWhile, summariseProfile } from '../cpu-profile';
import { REPO_ROOT, isQueueStatement, printSqlCounts, startOurServer } from '../server';
import type { Applicant } from './applicants';
import { inParallel, prepareApplicants } from './applicants';
import { TrpcFailure, trpcPost } from './http';
import { peerTransactions } from './peer';

const args = parseArgs(process.argv.slice(2));
const quick = args.has('quick');
const runs = quick ? 1 : numberArg(args, 'runs', 3);
const n = numberArg(args, 'n', quick ? 20 : 200);
const concurrency = numberArg(args, 'concurrency', 20);
const databaseUrl = databaseUrlArg(args);
const instances = numberArg(args, 'instances', 1);
const warmup = numberArg(args, 'warmup', quick ? 0 : n);
if (instances > 1 && args.has('cpu-prof')) {
  throw new Error('--cpu-prof profiles one instance: run it without --instances');
}

console.log(
  `bench:submit — ${runs} run(s) × ${n} submissions, concurrency ${concurrency}${quick ? ' (quick)' : ''}`,
);
console.log(`database: ${redactUrl(databaseUrl)}`);
console.log(machineLine());

const db = await openBenchDb(databaseUrl, { seed: !args.has('no-seed') });
// Each applicant has its own address: the per-address limits count as for phones in the field.
const servers = await Promise.all(
  Array.from({ length: instances }, () =>
    startOurServer({ databaseUrl, env: { TRUST_PROXY: '127.0.0.1' } }),
  ),
);
const [server] = servers;
if (!server) throw new Error('--instances must be at least 1');
console.log(
  `our server: ${server.source} (pid ${servers.map((s) => s.pid).join(', ')})` +
    (instances > 1 ? `: ${instances} instances, requests dealt round-robin by the client` : ''),
);
const label = instances > 1 ? ` ×${instances}` : '';
/** Round-robin over the instances, request by request (the two taps of a double tap may part). */
let dealt = 0;

let failed = false;
try {
  const t0 = performance.now();
  // One more applicant: its submission is the one whose statements are listed.
  const profiling = args.has('cpu-prof');
  const all = await prepareApplicants(
    db,
    server.url,
    (runs + (profiling ? 1 : 0)) * n + warmup + 1,
    concurrency,
  );
  console.log(
    `prepared ${all.length} applicants with drafts in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const before = await snapshot();

  const [probeOne, ...others] = all;
  if (!probeOne) throw new Error('no applicant');
  const rest = others.slice(warmup);
  await server.probe.reset();
  await server.probe.capture(true);
  await submit(probeOne);
  await server.probe.capture(false);
  const one = (await server.probe.dump()).captured.filter((s) => !isQueueStatement(s.text));
  console.log(`\none submission: ${one.length} SQL statements (round trips)`);
  for (const s of one) console.log(`  · ${s.text.replace(/\s+/g, ' ').slice(0, 140)}`);

  const rows: string[] = [];
  const doubleTaps: { applicationId: string; ok: number }[] = [];
  if (warmup > 0) {
    const t = performance.now();
    await submitAll(others.slice(0, warmup), doubleTaps);
    console.log(
      `\nwarm-up: ${warmup} submissions, untimed (${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
  }
  let statements = 0;
  let submitted = 0;
  const oursRates: number[] = [];
  const peerRates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const batch = rest.slice(r * n, (r + 1) * n);
    const ours = async () => {
      await Promise.all(servers.map((s) => s.probe.reset()));
      const cpuOf = () => servers.reduce((k, s) => k + cpuMsOf(s.pid), 0);
      const cpu = cpuReading(cpuOf);
      const result = await submitAll(batch, doubleTaps);
      const cpuMs = cpuSpent(cpu, cpuReading(cpuOf), result.latenciesMs.length);
      for (const dump of await Promise.all(servers.map((s) => s.probe.dump()))) {
        statements += dump.byText
          .filter((s) => !isQueueStatement(s.text))
          .reduce((k, s) => k + s.count, 0);
      }
      submitted += result.latenciesMs.length;
      const rate = result.ok / (result.wallMs / 1000);
      oursRates.push(rate);
      rows.push(line(`ours run ${r + 1}${label}`, rate, result.latenciesMs, cpuMs, result.refused));
    };
    const peer = async () => {
      // The peer runs in this process: its CPU is the client's, and it has no server.
      const p = await peerTransactions(databaseUrl, n, concurrency, () =>
        cpuReading(() => Number.NaN),
      );
      const cpuMs = cpuSpent(...p.readings, n);
      const rate = n / (p.wallMs / 1000);
      peerRates.push(rate);
      rows.push(line(`peer run ${r + 1}`, rate, p.latenciesMs, cpuMs, 0));
    };
    if (r % 2 === 0) await ours().then(peer);
    else await peer().then(ours);
  }
  console.log(
    `\n${'run'.padEnd(15)} ${'per s'.padStart(7)} ${'p50'.padStart(9)} ${'p95'.padStart(9)}` +
      `  ${'CPU ms per request: server'.padStart(26)} ${'PostgreSQL'.padStart(10)} ${'client'.padStart(7)} ${'all'.padStart(6)}`,
  );
  for (const row of rows) console.log(row);
  const o = median(oursRates);
  const p = median(peerRates);
  console.log(
    `median: ours${label} ${o.toFixed(0)} submissions/s, peer ${p.toFixed(0)} transactions/s (4 statements each): ` +
      `ours/peer ${fmt.ratio(o / p)}; ours ${(statements / Math.max(1, submitted)).toFixed(1)} SQL statements ` +
      'per submit request under load (double taps included)',
  );
  console.log(machineLine());

  if (profiling) {
    const file = profileFile(REPO_ROOT, 'applications.submit');
    await server.probe.reset();
    const batch = rest.slice(runs * n, (runs + 1) * n);
    const result = await profileWhile(server.probe, file, () => submitAll(batch, doubleTaps));
    const sql = (await server.probe.dump()).byText.filter((s) => !isQueueStatement(s.text));
    console.log(
      `\nprofile of applications.submit (${server.source}): ${result.latenciesMs.length} requests, ` +
        `${(result.ok / (result.wallMs / 1000)).toFixed(0)} submissions/s under the profiler\n` +
        `  kept: ${path.relative(REPO_ROOT, file)}`,
    );
    const { byOwner, byFunction, inclusive } = summariseProfile(file, 25);
    printShares('  self time by owner:', byOwner.slice(0, 15));
    printShares('  self time by function:', byFunction);
    printShares('  inclusive time (on the stack):', inclusive);
    printSqlCounts(sql, result.latenciesMs.length);
  }

  failed = !(await checkExact(before, all, doubleTaps));
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await db.close();
}
process.exit(failed ? 1 : 0);

async function submit(a: Applicant) {
  const to = servers[dealt++ % servers.length];
  if (!to) throw new Error('no server');
  return trpcPost(
    to.url,
    'applications.submit',
    { applicationId: a.applicationId, expectedVersion: a.version },
    a.token,
    a.address,
  );
}

/** All of `batch` at `concurrency`; every 10th taps twice at once (exactly one may succeed). */
async function submitAll(batch: Applicant[], doubleTaps: { applicationId: string; ok: number }[]) {
  const latenciesMs: number[] = [];
  let ok = 0;
  let refused = 0;
  const started = performance.now();
  await inParallel(batch.length, concurrency, async (i) => {
    const a = batch[i];
    if (!a) return;
    const taps = i % 10 === 0 ? 2 : 1;
    const results = await Promise.all(
      Array.from({ length: taps }, async () => {
        const t = performance.now();
        try {
          await submit(a);
          return { ok: true, ms: performance.now() - t };
        } catch (error) {
          if (!(error instanceof TrpcFailure)) throw error;
          if (taps === 1) console.log(`  refused: ${error.message} (${error.appCode})`);
          return { ok: false, ms: performance.now() - t };
        }
      }),
    );
    for (const r of results) latenciesMs.push(r.ms);
    const good = results.filter((r) => r.ok).length;
    ok += good;
    refused += taps - good;
    if (taps === 2) doubleTaps.push({ applicationId: a.applicationId, ok: good });
  });
  return { ok, refused, latenciesMs, wallMs: performance.now() - started };
}

interface CpuReading {
  server: number;
  postgres: number;
  client: number;
}

/**
 * Where a run's CPU goes: our server processes, PostgreSQL (every local postgres process; its
 * pool's backends stay open through a run) and this process, the client sending the requests.
 * On two cores, n submissions a second can cost at most 2,000 / n ms of all three together.
 */
function cpuReading(serverCpu: () => number): CpuReading {
  return {
    server: serverCpu(),
    postgres: cpuMsOfCommand('postgres'),
    client: cpuMsOf(process.pid),
  };
}

function cpuSpent(before: CpuReading, after: CpuReading, requests: number): CpuReading {
  const per = (k: keyof CpuReading) => (after[k] - before[k]) / Math.max(1, requests);
  return { server: per('server'), postgres: per('postgres'), client: per('client') };
}

function line(name: string, rate: number, latencies: number[], cpu: CpuReading, refused: number) {
  const cell = (ms: number, width: number) =>
    (Number.isNaN(ms) ? '—' : ms.toFixed(2)).padStart(width);
  const all = [cpu.server, cpu.postgres, cpu.client]
    .filter((ms) => !Number.isNaN(ms))
    .reduce((k, ms) => k + ms, 0);
  return (
    `${name.padEnd(15)} ${fmt.rate(rate)} ${fmt.ms(percentile(latencies, 50))} ${fmt.ms(percentile(latencies, 95))}` +
    ` ${cell(cpu.server, 26)} ${cell(cpu.postgres, 10)} ${cell(cpu.client, 7)} ${cell(all, 6)}` +
    (refused ? `  (${refused} refused: the second of double taps)` : '')
  );
}

async function snapshot() {
  const budgets = await db.prisma.programmeBudget.findMany({
    where: { ruleId: 'scenario-case' },
    orderBy: { year: 'asc' },
    select: { year: true, budgetFen: true, committedFen: true, paidFen: true, approvedCount: true },
  });
  return {
    budgets: JSON.stringify(budgets, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
    onceKeyRows: await db.prisma.awardOnceKey.count(),
  };
}

async function checkExact(
  before: Awaited<ReturnType<typeof snapshot>>,
  all: Applicant[],
  doubleTaps: { applicationId: string; ok: number }[],
): Promise<boolean> {
  const ids = all.map((a) => a.applicationId);
  const apps = await db.prisma.application.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, onceKeys: true, submittedAt: true },
  });
  const audits = await db.prisma.auditLog.groupBy({
    by: ['objectId'],
    where: { action: 'application.submit', objectType: 'application', objectId: { in: ids } },
    _count: { _all: true },
  });
  const events = await db.prisma.applicationEvent.groupBy({
    by: ['applicationId'],
    where: { action: 'submit', applicationId: { in: ids } },
    _count: { _all: true },
  });
  const keys = apps.flatMap((a) => a.onceKeys);
  const idempotency = await db.prisma.idempotencyRecord.count({
    where: { key: { in: all.map((a) => a.idempotencyKey) } },
  });
  const after = await snapshot();
  const checks: [string, boolean, string][] = [
    [
      'every application submitted once',
      apps.length === ids.length && apps.every((a) => a.status === 'submitted' && a.submittedAt),
      `${apps.filter((a) => a.status === 'submitted').length} of ${ids.length} submitted`,
    ],
    [
      'one audit row per submission',
      audits.length === ids.length && audits.every((a) => a._count._all === 1),
      `${audits.reduce((k, a) => k + a._count._all, 0)} rows for ${ids.length} applications`,
    ],
    [
      'one submit event per application',
      events.length === ids.length && events.every((e) => e._count._all === 1),
      `${events.reduce((k, e) => k + e._count._all, 0)} events`,
    ],
    [
      'once-keys set on each and distinct',
      apps.every((a) => a.onceKeys.length > 0) && new Set(keys).size === keys.length,
      `${keys.length} keys, ${new Set(keys).size} distinct`,
    ],
    [
      'quotas and budgets untouched by submission',
      after.budgets === before.budgets && after.onceKeyRows === before.onceKeyRows,
      `award_once_key ${before.onceKeyRows} → ${after.onceKeyRows}`,
    ],
    [
      'one idempotency record per draft',
      idempotency === all.length,
      `${idempotency} of ${all.length}`,
    ],
    [
      'a double tap submits exactly once',
      doubleTaps.every((d) => d.ok === 1),
      `${doubleTaps.length} double taps, ${doubleTaps.filter((d) => d.ok === 1).length} with exactly one success`,
    ],
  ];
  console.log('');
  for (const [name, ok, detail] of checks)
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
  return checks.every(([, ok]) => ok);
}
