/**
 * Benchmark of the 科技副总 assignment solver (maxWeightAssignment) against the npm packages
 * `munkres` and `linear-sum-assignment` on seeded instances. A script, not a test:
 *
 *   pnpm bench:matching                  all instances (about 5 minutes, most of it linear-sum-assignment)
 *   pnpm bench:matching -- --quick       one run each, no linear-sum-assignment above 200×200 and no
 *                                        20,000² (nothing to check it against); for CI: checks the
 *                                        totals, never the times
 *   pnpm bench:matching -- --no-lsa      no linear-sum-assignment at all (ours and munkres only)
 *   pnpm bench:matching -- --only 20,000 instances whose name contains the text
 *
 * Every solver runs in its own child process (see assignment-worker.ts) so its peak RSS is its own.
 * The machine is shared and noisy, so the runs alternate between solvers (ours, munkres, ours, …)
 * rather than one solver's runs back to back. Times are wall-clock medians of each solver's runs,
 * the first (cold) run included; the solvers' input is built before the clock starts. The ratio is
 * ours ÷ munkres. Exits non-zero if any total differs (optimality is checked; time only reported).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, median } from '../../../tooling/bench/src/machine';
import type { InstanceSpec } from './assignment-instances';
import { buildInstance, instanceName } from './assignment-instances';
import type { SolverName, WorkerJob, WorkerReply, WorkerRequest } from './assignment-worker';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const noLsa = args.includes('--no-lsa');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const SPECS: InstanceSpec[] = [
  { kind: 'field', rows: 200, cols: 200, density: 1, seed: 1 },
  { kind: 'field', rows: 200, cols: 200, density: 0.05, seed: 2 },
  { kind: 'field', rows: 1000, cols: 1000, density: 1, seed: 3 },
  { kind: 'field', rows: 1000, cols: 1000, density: 0.05, seed: 4 },
  { kind: 'field', rows: 2000, cols: 2000, density: 1, seed: 5 },
  { kind: 'uniform', rows: 2000, cols: 2000, density: 1, seed: 6 },
  { kind: 'field', rows: 2000, cols: 2000, density: 0.05, seed: 7 },
  { kind: 'uniform', rows: 2000, cols: 2000, density: 0.05, seed: 8 },
  { kind: 'field', rows: 20000, cols: 20000, density: 0.005, seed: 9 },
  { kind: 'uniform', rows: 20000, cols: 20000, density: 0.005, seed: 10 },
];

const SOLVERS: SolverName[] = ['ours', 'munkres', 'lsa'];
const LABEL: Record<SolverName, string> = {
  ours: 'ours',
  munkres: 'munkres',
  lsa: 'linear-sum-assignment',
};

/** Why a reference solver is not run on this instance, or undefined to run it. */
function skipReason(solver: SolverName, spec: InstanceSpec): string | undefined {
  if (solver === 'ours') return undefined;
  const cells = spec.rows * spec.cols;
  if (cells > 2000 * 2000) {
    const entries = `${(cells / 1e6).toFixed(0)}M`;
    return `needs a dense ${spec.rows.toLocaleString('en')}² matrix (${entries} entries, ≥ ${((cells * 8) / 2 ** 30).toFixed(1)} GiB as doubles, more as JS arrays)`;
  }
  if (solver === 'lsa' && noLsa) return '--no-lsa';
  if (solver === 'lsa' && quick && cells > 200 * 200) {
    return '--quick (it takes seconds at 1,000² and ~25–110 s at 2,000² here)';
  }
  return undefined;
}

function runsFor(solver: SolverName): number {
  return quick || solver === 'lsa' ? 1 : 3;
}

const workerFile = fileURLToPath(new URL('./assignment-worker.ts', import.meta.url));

/** What one solver's process measured over all its runs. */
interface WorkerResult {
  /** total weight found by each run */
  readonly totals: number[];
  /** wall-clock milliseconds of each run */
  readonly wallMs: number[];
  /** CPU milliseconds (user + system) of each run */
  readonly cpuMs: number[];
  /** RSS just before the first run: runtime, instance and the solver's input */
  readonly rssBeforeBytes: number;
  /** peak RSS of the process over its whole life */
  readonly peakRssBytes: number;
}

/** A running worker: `ask` sends a request (or none, for the first message) and awaits the reply. */
interface Worker {
  ask(request?: WorkerRequest): Promise<WorkerReply>;
}

function startWorker(job: WorkerJob): Worker {
  // process.execArgv carries tsx's loader, so the child can run TypeScript too
  const child = fork(workerFile, [JSON.stringify(job)], {
    execArgv: [...process.execArgv, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replies: WorkerReply[] = [];
  let waiting:
    { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void } | undefined;
  let exited: Error | undefined;
  child.on('message', (reply: WorkerReply) => {
    if (waiting) waiting.resolve(reply);
    else replies.push(reply);
    waiting = undefined;
  });
  const fail = (error: Error) => {
    exited ??= error;
    waiting?.reject(exited);
    waiting = undefined;
  };
  child.on('error', fail);
  child.on('exit', (code) => fail(new Error(`${job.solver} worker exited with ${code}`)));
  return {
    ask(request) {
      if (request) child.send(request);
      const queued = replies.shift();
      if (queued) return Promise.resolve(queued);
      if (exited) return Promise.reject(exited);
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
  };
}

/**
 * Runs the solvers on one instance: each prepares in its own process, then the runs alternate
 * between solvers, round by round.
 */
async function measure(jobs: WorkerJob[]): Promise<Map<SolverName, Outcome>> {
  const outcomes = new Map<SolverName, Outcome>();
  const live: { job: WorkerJob; worker: Worker; rssBeforeBytes: number; runs: WorkerReply[] }[] =
    [];
  const failed = (job: WorkerJob, error: unknown): undefined => {
    outcomes.set(job.solver, { failed: error instanceof Error ? error.message : String(error) });
    return undefined;
  };
  for (const job of jobs) {
    const worker = startWorker(job);
    // prepare one at a time, so no preparation overlaps a timed run
    const ready = await worker.ask().catch((error: unknown) => failed(job, error));
    if (ready?.kind === 'ready') {
      live.push({ job, worker, rssBeforeBytes: ready.rssBeforeBytes, runs: [] });
    }
  }
  for (let round = 0; round < Math.max(0, ...live.map((l) => runsFor(l.job.solver))); round++) {
    for (const entry of live) {
      if (outcomes.has(entry.job.solver) || round >= runsFor(entry.job.solver)) continue;
      const reply = await entry.worker
        .ask('run')
        .catch((error: unknown) => failed(entry.job, error));
      if (reply) entry.runs.push(reply);
    }
  }
  for (const { job, worker, rssBeforeBytes, runs } of live) {
    if (outcomes.has(job.solver)) continue;
    const done = await worker.ask('finish').catch((error: unknown) => failed(job, error));
    if (done?.kind !== 'done') continue;
    const timed = runs.flatMap((reply) => (reply.kind === 'run' ? [reply] : []));
    outcomes.set(job.solver, {
      result: {
        totals: timed.map((r) => r.total),
        wallMs: timed.map((r) => r.wallMs),
        cpuMs: timed.map((r) => r.cpuMs),
        rssBeforeBytes,
        peakRssBytes: done.peakRssBytes,
      },
    });
  }
  return outcomes;
}

const mib = (bytes: number) => bytes / 2 ** 20;

interface Outcome {
  readonly result?: WorkerResult;
  readonly skipped?: string;
  readonly failed?: string;
}

interface Row {
  readonly spec: InstanceSpec;
  readonly edges: number;
  readonly outcomes: Record<SolverName, Outcome>;
  readonly totalsAgree: boolean;
}

function formatOutcome(outcome: Outcome): string {
  if (outcome.skipped) return 'skipped';
  if (outcome.failed || !outcome.result) return 'FAILED';
  const { wallMs, peakRssBytes, rssBeforeBytes } = outcome.result;
  const time = median(wallMs);
  const shown = time >= 10_000 ? `${(time / 1000).toFixed(1)} s` : `${time.toFixed(0)} ms`;
  return `${shown} · ${mib(peakRssBytes).toFixed(0)} MiB (+${mib(peakRssBytes - rssBeforeBytes).toFixed(0)})`;
}

/** Median wall time of a solver's runs, if it ran. */
function wall(row: Pick<Row, 'outcomes'>, solver: SolverName): number | undefined {
  const result = row.outcomes[solver].result;
  return result ? median(result.wallMs) : undefined;
}

/** ours ÷ munkres on median wall times, or — when munkres did not run. */
function formatRatio(row: Pick<Row, 'outcomes'>): string {
  const ours = wall(row, 'ours');
  const reference = wall(row, 'munkres');
  return ours === undefined || reference === undefined ? '—' : `${(ours / reference).toFixed(2)}×`;
}

function printTable(rows: Row[]): void {
  const header = [
    'instance',
    'edges',
    ...SOLVERS.map((s) => LABEL[s]),
    'ours÷munkres',
    'total',
    '',
  ];
  const lines = rows.map((row) => [
    instanceName(row.spec),
    row.edges.toLocaleString('en'),
    ...SOLVERS.map((s) => formatOutcome(row.outcomes[s])),
    formatRatio(row),
    row.outcomes.ours.result?.totals[0]?.toLocaleString('en') ?? '—',
    row.totalsAgree ? '✔' : '✘',
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...lines.map((l) => (l[k] ?? '').length)));
  const format = (cells: string[]) => cells.map((c, k) => c.padEnd(widths[k] ?? 0)).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

/** The performance targets, judged on what was measured (reported, never asserted). */
function printTargets(rows: Row[]): void {
  const verdicts: string[] = [];
  for (const row of rows) {
    const name = instanceName(row.spec);
    const ours = wall(row, 'ours');
    const reference = wall(row, 'munkres');
    const { rows: n, density } = row.spec;
    if (n === 2000 && ours !== undefined && reference !== undefined) {
      if (density >= 1) {
        const ok = ours <= reference;
        verdicts.push(
          `${ok ? '✔' : '✘'} ${name}: no slower than munkres — ${ours.toFixed(0)} ms vs ${reference.toFixed(0)} ms (${formatRatio(row)})`,
        );
      } else {
        const ok = ours <= reference / 3;
        verdicts.push(
          `${ok ? '✔' : '✘'} ${name}: at most a third of munkres — ${ours.toFixed(0)} ms vs ${reference.toFixed(0)} ms (${((ours / reference) * 100).toFixed(0)}%)`,
        );
      }
    }
    const result = row.outcomes.ours.result;
    if (n === 20000 && result) {
      const slowest = Math.max(...result.wallMs);
      const ok = slowest < 5000 && result.peakRssBytes < 2 ** 30;
      verdicts.push(
        `${ok ? '✔' : '✘'} ${name}: under 5 s and 1 GiB — slowest run ${(slowest / 1000).toFixed(2)} s, peak RSS ${mib(result.peakRssBytes).toFixed(0)} MiB`,
      );
    }
  }
  if (verdicts.length === 0) return;
  console.log(`\nTargets (times on a shared machine: reported, not asserted; ${machineLine()})`);
  for (const verdict of verdicts) console.log(`  ${verdict}`);
}

async function main(): Promise<void> {
  // --quick checks totals; no reference solver runs above 2,000², so those instances only cost time
  const checkable = (spec: InstanceSpec) => !quick || spec.rows * spec.cols <= 2000 * 2000;
  const specs = SPECS.filter(
    (spec) => checkable(spec) && (!only || instanceName(spec).includes(only)),
  );
  console.log(
    `Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'}, ${machineLine()}${quick ? ', --quick' : ''}`,
  );
  console.log(
    'Cells: median wall time of the runs (ours/munkres 3, alternating; linear-sum-assignment 1; --quick 1) · peak\n' +
      "RSS of the solver's own process (+ growth over its RSS just before solving, i.e. what solving added).\n",
  );
  const rows: Row[] = [];
  for (const spec of specs) {
    const instance = buildInstance(spec);
    const dir = mkdtempSync(join(tmpdir(), 'assignment-bench-'));
    const { rowStart, col, weight } = instance.edges;
    writeFileSync(join(dir, 'rowStart.bin'), rowStart);
    writeFileSync(join(dir, 'col.bin'), col);
    writeFileSync(join(dir, 'weight.bin'), weight);
    const outcomes = {} as Record<SolverName, Outcome>;
    const jobs: WorkerJob[] = [];
    for (const solver of SOLVERS) {
      const skipped = skipReason(solver, spec);
      if (skipped) outcomes[solver] = { skipped };
      else jobs.push({ dir, rows: spec.rows, cols: spec.cols, solver });
    }
    for (const [solver, outcome] of await measure(jobs)) outcomes[solver] = outcome;
    rmSync(dir, { recursive: true, force: true });

    const expected = outcomes.ours.result?.totals[0];
    const totalsAgree = SOLVERS.every((solver) => {
      const { result, skipped } = outcomes[solver];
      return (
        skipped !== undefined ||
        (result !== undefined && result.totals.every((t) => t === expected))
      );
    });
    const row: Row = { spec, edges: col.length, outcomes, totalsAgree };
    rows.push(row);
    const summary = SOLVERS.map((s) => `${LABEL[s]} ${formatOutcome(outcomes[s])}`).join(', ');
    const load = loadavg()[0]?.toFixed(2);
    console.log(
      `${totalsAgree ? '✔' : '✘'} ${instanceName(spec)}: ${summary}, ours÷munkres ${formatRatio(row)} (load ${load})`,
    );
    for (const solver of SOLVERS) {
      const { skipped, failed, result } = outcomes[solver];
      if (skipped) console.log(`    ${LABEL[solver]} skipped: ${skipped}`);
      if (failed) console.log(`    ${LABEL[solver]} failed: ${failed}`);
      if (result && !result.totals.every((t) => t === expected)) {
        console.log(`    ${LABEL[solver]} total ${result.totals.join('/')} ≠ ours ${expected}`);
      }
    }
  }
  console.log('');
  printTable(rows);
  printTargets(rows);
  console.log(`\n${machineLine()}`);
  if (!rows.every((row) => row.totalsAgree)) {
    console.log('\n✘ totals differ (or a solver failed)');
    process.exitCode = 1;
  } else {
    console.log('\n✔ all totals agree');
  }
}

await main();
