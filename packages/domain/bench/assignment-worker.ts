/**
 * Child process of assignment.bench.ts: holds one solver on one instance, so that its peak memory
 * is its own. The instance arrives as CSR files written by the parent (no generator garbage in this
 * process); the solver gets its input in its native form, built before any clock starts. The
 * parent asks for one run at a time, so it can alternate solvers on a noisy machine.
 *
 * Protocol: the worker sends `ready` once prepared; each `run` request gets a `run` reply; `finish`
 * gets `done` with the peak RSS, then the worker exits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linearSumAssignment } from 'linear-sum-assignment';
import { munkres } from 'munkres';
import type { SparseEdges } from '../src/matching/solver';
import { maxWeightAssignment } from '../src/matching/solver';

export type SolverName = 'ours' | 'munkres' | 'lsa';

export interface WorkerJob {
  readonly dir: string;
  readonly rows: number;
  readonly cols: number;
  readonly solver: SolverName;
}

export type WorkerRequest = 'run' | 'finish';

export type WorkerReply =
  /** prepared; RSS just before the first run: runtime, instance and the solver's input */
  | { readonly kind: 'ready'; readonly rssBeforeBytes: number }
  /** one run: total weight found, wall-clock and CPU (user + system) milliseconds */
  | {
      readonly kind: 'run';
      readonly total: number;
      readonly wallMs: number;
      readonly cpuMs: number;
    }
  /** peak RSS of this process over its whole life (resourceUsage().maxRSS) */
  | { readonly kind: 'done'; readonly peakRssBytes: number };

function readEdges(dir: string): SparseEdges {
  // Views on the file buffers, not copies, so loading adds no transient peak.
  const view = <T>(
    name: string,
    make: (buffer: ArrayBuffer, offset: number, length: number) => T,
    size: number,
  ) => {
    const buffer = readFileSync(join(dir, name));
    const aligned = buffer.byteOffset % size === 0;
    const bytes = aligned ? buffer : Buffer.from(buffer);
    return make(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / size);
  };
  return {
    rowStart: view('rowStart.bin', (b, o, n) => new Int32Array(b, o, n), 4),
    col: view('col.bin', (b, o, n) => new Int32Array(b, o, n), 4),
    weight: view('weight.bin', (b, o, n) => new Float64Array(b, o, n), 8),
  };
}

/** Dense row-major weights as arrays of arrays (what both packages take); missing pairs are 0. */
function denseWeights(rows: number, cols: number, edges: SparseEdges, sign: 1 | -1): number[][] {
  const { rowStart, col, weight } = edges;
  const matrix: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = new Array<number>(cols).fill(0);
    for (let e = rowStart[r] ?? 0; e < (rowStart[r + 1] ?? 0); e++) {
      row[col[e] ?? 0] = sign * (weight[e] ?? 0);
    }
    matrix.push(row);
  }
  return matrix;
}

/** Returns a function that solves once and reports the total weight of what it chose. */
function prepare(job: WorkerJob, edges: SparseEdges): () => number {
  const { rows, cols } = job;
  if (job.solver === 'ours') {
    const problem = { rows, cols, edges };
    return () => maxWeightAssignment(problem).total;
  }
  if (job.solver === 'munkres') {
    const costs = denseWeights(rows, cols, edges, -1); // it minimises: cost = −weight
    return () => munkres(costs).reduce((sum, [r, c]) => sum - (costs[r]?.[c] ?? 0), 0);
  }
  const weights = denseWeights(rows, cols, edges, 1);
  return () => {
    // (the option really is spelt "maximaze"); total recomputed from the assignment, not its gain
    const { rowAssignments } = linearSumAssignment(weights, { maximaze: true });
    let total = 0;
    rowAssignments.forEach((c, r) => {
      if (c >= 0) total += weights[r]?.[c] ?? 0;
    });
    return total;
  };
}

function main(): void {
  const job = JSON.parse(process.argv[2] ?? '') as WorkerJob;
  const solve = prepare(job, readEdges(job.dir));
  const send = (reply: WorkerReply) => process.send?.(reply);
  (globalThis as { gc?: () => void }).gc?.();
  send({ kind: 'ready', rssBeforeBytes: process.memoryUsage().rss });
  process.on('message', (request: WorkerRequest) => {
    if (request === 'run') {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const total = solve();
      const wallMs = performance.now() - start;
      const used = process.cpuUsage(cpu);
      send({ kind: 'run', total, wallMs, cpuMs: (used.user + used.system) / 1000 });
    } else {
      send({ kind: 'done', peakRssBytes: process.resourceUsage().maxRSS * 1024 });
      process.disconnect();
    }
  });
}

main();
