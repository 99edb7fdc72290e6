/**
 * Benchmark of the 科技副总 assignment solver (maxWeightAssignment) against the npm packages
 * `munkres` and `linear-sum-assignment` on seeded instances. A script, not a test:
 *
 *   pnpm bench:matching                  all instances (about 5 minutes, most of it linear-sum-assignment)
 *   pnpm bench:matching -- --quick       one run each, no linear-sum-assignment above 1,000×1,000
 *   pnpm bench:matching -- --only 20,000 instances whose name contains the text
 *
 * Every solver runs in its own child process (see assignment-worker.ts) so its peak RSS is its own.
 * Times are wall-clock medians of the runs in that process, the first (cold) run included; the
 * solvers' input is built before the clock starts. Exits non-zero if any total differs.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InstanceSpec } from './assignment-instances';
import { buildInstance, instanceName } from './assignment-instances';
import type { SolverName, WorkerJob, WorkerResult } from './assignment-worker';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
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
  if (solver === 'lsa' && quick && cells > 1000 * 1000) {
    return '--quick (it takes ~25–110 s per instance at 2,000² here)';
  }
  return undefined;
}

function runsFor(solver: SolverName): number {
  return quick || solver === 'lsa' ? 1 : 3;
}

const workerFile = fileURLToPath(new URL('./assignment-worker.ts', import.meta.url));

function runWorker(job: WorkerJob): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    // process.execArgv carries tsx's loader, so the child can run TypeScript too
    const child = fork(workerFile, [JSON.stringify(job)], {
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: WorkerResult | undefined;
    child.on('message', (message) => (result = message as WorkerResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`${job.solver} worker exited with ${code}`)),
    );
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
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

function printTable(rows: Row[]): void {
  const header = ['instance', 'edges', ...SOLVERS.map((s) => LABEL[s]), 'total', ''];
  const lines = rows.map((row) => [
    instanceName(row.spec),
    row.edges.toLocaleString('en'),
    ...SOLVERS.map((s) => formatOutcome(row.outcomes[s])),
    row.outcomes.ours.result?.totals[0]?.toLocaleString('en') ?? '—',
    row.totalsAgree ? '✔' : '✘',
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...lines.map((l) => (l[k] ?? '').length)));
  const format = (cells: string[]) => cells.map((c, k) => c.padEnd(widths[k] ?? 0)).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

/** The performance targets, judged on what was measured. */
function printTargets(rows: Row[]): void {
  const wall = (row: Row, solver: SolverName) => {
    const result = row.outcomes[solver].result;
    return result ? median(result.wallMs) : undefined;
  };
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
          `${ok ? '✔' : '✘'} ${name}: no slower than munkres — ${ours.toFixed(0)} ms vs ${reference.toFixed(0)} ms`,
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
  console.log('\nTargets');
  for (const verdict of verdicts) console.log(`  ${verdict}`);
}

async function main(): Promise<void> {
  const specs = SPECS.filter((spec) => !only || instanceName(spec).includes(only));
  const [load1] = loadavg();
  console.log(
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${load1?.toFixed(2)}${quick ? ', --quick' : ''}`,
  );
  console.log(
    'Cells: median wall time of the runs (ours/munkres 3, linear-sum-assignment 1; --quick 1) · peak RSS of the\n' +
      "solver's own process (+ growth over its RSS just before solving, i.e. what solving added).\n",
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
    for (const solver of SOLVERS) {
      const skipped = skipReason(solver, spec);
      if (skipped) {
        outcomes[solver] = { skipped };
        continue;
      }
      const job: WorkerJob = {
        dir,
        rows: spec.rows,
        cols: spec.cols,
        solver,
        runs: runsFor(solver),
      };
      outcomes[solver] = await runWorker(job).then(
        (result) => ({ result }),
        (error: Error) => ({ failed: error.message }),
      );
    }
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
    console.log(`${totalsAgree ? '✔' : '✘'} ${instanceName(spec)}: ${summary}`);
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
  if (!rows.every((row) => row.totalsAgree)) {
    console.log('\n✘ totals differ (or a solver failed)');
    process.exitCode = 1;
  } else {
    console.log('\n✔ all totals agree');
  }
}

await main();
