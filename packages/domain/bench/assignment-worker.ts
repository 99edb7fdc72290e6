/**
 * Child process of assignment.bench.ts: runs one solver on one instance, so that its peak memory
 * is its own. The instance arrives as CSR files written by the parent (no generator garbage in this
 * process); each solver gets its input in its native form, built before the clock starts.
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
  readonly runs: number;
}

export interface WorkerResult {
  /** total weight found by each run */
  readonly totals: number[];
  /** wall-clock milliseconds of each run */
  readonly wallMs: number[];
  /** CPU milliseconds (user + system) of each run */
  readonly cpuMs: number[];
  /** RSS just before the first run: runtime, instance and the solver's input */
  readonly rssBeforeBytes: number;
  /** peak RSS of this process over its whole life (resourceUsage().maxRSS) */
  readonly peakRssBytes: number;
}

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
  (globalThis as { gc?: () => void }).gc?.();
  const rssBeforeBytes = process.memoryUsage().rss;
  const result: WorkerResult = {
    totals: [],
    wallMs: [],
    cpuMs: [],
    rssBeforeBytes,
    peakRssBytes: 0,
  };
  for (let run = 0; run < job.runs; run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    result.totals.push(solve());
    result.wallMs.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    result.cpuMs.push((used.user + used.system) / 1000);
  }
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  process.send?.({ ...result, peakRssBytes });
}

main();
