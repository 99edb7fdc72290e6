import fc from 'fast-check';
import { linearSumAssignment } from 'linear-sum-assignment';
import { describe, expect, it } from 'vitest';
import type { AssignmentProblem, AssignmentSolution } from '../../src/matching/solver';
import { buildSparseEdges, maxWeightAssignment } from '../../src/matching/solver';
import { solveWith } from '../../src/matching/solver/max-weight-assignment';

/** weights[r][c] is the pair's weight, or null when the pair is not allowed. */
type Weights = (number | null)[][];

interface Instance {
  readonly weights: Weights;
  readonly cols: number;
  readonly rowCapacity?: number[];
  readonly colCapacity?: number[];
}

function toProblem({ weights, cols, rowCapacity, colCapacity }: Instance): AssignmentProblem {
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
function expectFeasible(instance: Instance, solution: AssignmentSolution): void {
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
function bruteForce({ weights, cols, rowCapacity, colCapacity }: Instance): number {
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
function weightsArbitrary(
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

type CapacityMode = 'default' | 'unit' | 'rows' | 'cols' | 'both';

const capacities = (count: number, max: number) =>
  fc.array(fc.integer({ min: 0, max }), { minLength: count, maxLength: count });

const smallInstance: fc.Arbitrary<Instance> = fc
  .tuple(
    fc.integer({ min: 0, max: 6 }),
    fc.integer({ min: 0, max: 6 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.constantFrom<CapacityMode>('default', 'unit', 'rows', 'cols', 'both'),
  )
  .chain(([rows, cols, density, mode]) =>
    fc.record({
      weights: weightsArbitrary(rows, cols, density, 20),
      cols: fc.constant(cols),
      rowCapacity:
        mode === 'default'
          ? fc.constant(undefined)
          : capacities(rows, mode === 'rows' || mode === 'both' ? 3 : 1),
      colCapacity:
        mode === 'default'
          ? fc.constant(undefined)
          : capacities(cols, mode === 'cols' || mode === 'both' ? 3 : 1),
    }),
  );

describe('maxWeightAssignment against exhaustive search', () => {
  it('finds the optimum and a feasible solution on small instances with capacities 0..3', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const problem = toProblem(instance);
        const expected = bruteForce(instance);
        const solution = maxWeightAssignment(problem);
        expectFeasible(instance, solution);
        expect(solution.total).toBe(expected);
        // the other engines must agree: the general flow engine, and the unit engine's exact
        // search without the row reduction (which settles most small instances by itself)
        for (const engine of ['flow', 'search'] as const) {
          const other = solveWith(problem, engine);
          expectFeasible(instance, other);
          expect(other.total).toBe(expected);
        }
      }),
      { numRuns: 400 },
    );
  });
});

/** Dense maximisation matrix for linear-sum-assignment: a pair that is not allowed weighs 0. */
function referenceTotal({ weights, cols }: Instance): number {
  const matrix = weights.map((row) => Array.from({ length: cols }, (_, c) => row[c] ?? 0));
  // A complete graph with non-negative weights: a maximum-weight full assignment is a maximum-weight
  // matching, and zero-weight pairs add nothing. (The option really is spelt "maximaze".)
  return linearSumAssignment(matrix, { maximaze: true }).gain;
}

const mediumInstance = (maxWeight: number): fc.Arbitrary<Instance> =>
  fc
    .tuple(
      fc.integer({ min: 20, max: 120 }),
      fc.integer({ min: 20, max: 120 }),
      fc.oneof(fc.constant(1), fc.double({ min: 0.02, max: 0.3, noNaN: true })),
    )
    .chain(([rows, cols, density]) =>
      fc.record({
        weights: weightsArbitrary(rows, cols, density, maxWeight),
        cols: fc.constant(cols),
      }),
    );

describe('maxWeightAssignment against linear-sum-assignment', () => {
  it('matches the reference total on dense and sparse 20..120 instances (scores 0..100)', () => {
    fc.assert(
      fc.property(mediumInstance(100), (instance) => {
        const problem = toProblem(instance);
        const expected = referenceTotal(instance);
        const solution = maxWeightAssignment(problem);
        expectFeasible(instance, solution);
        expect(solution.total).toBe(expected);
        expect(solveWith(problem, 'search').total).toBe(expected);
      }),
      // shrinking 120×120 grids takes minutes; the failing instance is reported as found
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('matches it with weights too large for the bucket queue (binary-heap path)', () => {
    fc.assert(
      fc.property(mediumInstance(1_000_000_000), (instance) => {
        const problem = toProblem(instance);
        const expected = referenceTotal(instance);
        expect(maxWeightAssignment(problem).total).toBe(expected);
        expect(solveWith(problem, 'search').total).toBe(expected);
        expect(solveWith(problem, 'flow').total).toBe(expected);
      }),
      { numRuns: 10, endOnFailure: true },
    );
  });
});
