/**
 * Oracles for the solver tests: problems from weight grids, a feasibility check, the exact optimum
 * by exhaustive search (small grids) and linear-sum-assignment's total (larger ones).
 */
import fc from 'fast-check';
import { linearSumAssignment } from 'linear-sum-assignment';
import { expect } from 'vitest';
import type { AssignmentProblem, AssignmentSolution } from '../../src/matching/solver';
import { buildSparseEdges } from '../../src/matching/solver';

/** weights[r][c] is the pair's weight, or null when the pair is not allowed. */
export type Weights = (number | null)[][];

export interface Instance {
  readonly weights: Weights;
  readonly cols: number;
  readonly rowCapacity?: number[];
  readonly colCapacity?: number[];
}

export function toProblem({
  weights,
  cols,
  rowCapacity,
  colCapacity,
}: Instance): AssignmentProblem {
  const triples: [number, number, number][] = [];
  weights.forEach((row, r) =>
    row.forEach((w, c) => {
      if (w !== null) triples.push([r, c, w]);
    }),
  );
  const edges = buildSparseEdges(weights.length, cols, triples);
  return { rows: weights.length, cols, edges, rowCapacity, colCapacity };
}

/** Capacities respected, only allowed pairs of positive weight, each once, sorted, total right. */
export function expectFeasible(instance: Instance, solution: AssignmentSolution): void {
  const { weights, cols } = instance;
  const rowCapacity = instance.rowCapacity ?? weights.map(() => 1);
  const colCapacity = instance.colCapacity ?? Array.from({ length: cols }, () => 1);
  const rowLoad = weights.map(() => 0);
  const colLoad = Array.from({ length: cols }, () => 0);
  let sum = 0;
  let previous: readonly [number, number] | undefined;
  for (const pair of solution.pairs) {
    const [r, c] = pair;
    if (previous) {
      expect(r > previous[0] || (r === previous[0] && c > previous[1])).toBe(true);
    }
    previous = pair;
    const w = weights[r]?.[c];
    expect(typeof w).toBe('number');
    expect(w).toBeGreaterThan(0);
    sum += w!;
    rowLoad[r]!++;
    colLoad[c]!++;
  }
  rowLoad.forEach((load, r) => expect(load).toBeLessThanOrEqual(rowCapacity[r]!));
  colLoad.forEach((load, c) => expect(load).toBeLessThanOrEqual(colCapacity[c]!));
  expect(solution.total).toBe(sum);
}

/**
 * Exact optimum by exhaustive search: rows in turn choose any subset of their allowed columns
 * (within the row's capacity and the columns' remaining capacities), memoised on the remaining
 * column capacities. Fine for up to 6×6.
 */
export function bruteForce({ weights, cols, rowCapacity, colCapacity }: Instance): number {
  const memo = new Map<string, number>();
  const best = (r: number, room: number[]): number => {
    if (r === weights.length) return 0;
    const key = `${r}:${room.join(',')}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const limit = rowCapacity?.[r] ?? 1;
    let result = 0;
    for (let mask = 0; mask < 1 << cols; mask++) {
      let count = 0;
      let gain = 0;
      let ok = true;
      for (let c = 0; c < cols && ok; c++) {
        if ((mask & (1 << c)) === 0) continue;
        const w = weights[r]![c];
        ok = w !== null && w !== undefined && room[c]! > 0;
        gain += w ?? 0;
        count++;
      }
      if (!ok || count > limit) continue;
      const rest = room.map((left, c) => (mask & (1 << c) ? left - 1 : left));
      result = Math.max(result, gain + best(r + 1, rest));
    }
    memo.set(key, result);
    return result;
  };
  return best(
    0,
    Array.from({ length: cols }, (_, c) => colCapacity?.[c] ?? 1),
  );
}

/** A rows × cols grid where each pair is allowed with probability `density`. */
export function weightsArbitrary(
  rows: number,
  cols: number,
  density: number,
  maxWeight: number,
): fc.Arbitrary<Weights> {
  const cell = fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: maxWeight }))
    .map(([draw, w]) => (draw < density ? w : null));
  return fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  });
}

/** Dense maximisation matrix for linear-sum-assignment: a pair that is not allowed weighs 0. */
export function referenceTotal({ weights, cols }: Instance): number {
  const matrix = weights.map((row) => Array.from({ length: cols }, (_, c) => row[c] ?? 0));
  // A complete graph with non-negative weights: a maximum-weight full assignment is a maximum-weight
  // matching, and zero-weight pairs add nothing. (The option really is spelt "maximaze".)
  return linearSumAssignment(matrix, { maximaze: true }).gain;
}
