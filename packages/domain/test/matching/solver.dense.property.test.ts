/**
 * The dense engine (every pair allowed, capacities 1): Jonker–Volgenant augmenting row reduction
 * (its first pass is the greedy row maximum) and linear-scan shortest paths. Checked against
 * exhaustive search, the sparse engine and linear-sum-assignment, on grids full of ties and on
 * rectangles both ways.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxWeightAssignment } from '../../src/matching/solver';
import { isDenseUnit } from '../../src/matching/solver/dense-engine';
import { solveWith } from '../../src/matching/solver/max-weight-assignment';
import { checkProblem } from '../../src/matching/solver/validate';
import type { Instance } from './solver-oracles';
import { bruteForce, expectFeasible, referenceTotal, toProblem } from './solver-oracles';

/**
 * A complete rows × cols grid. `uniform`: weights 0..maxWeight (small maxima make many ties).
 * `grouped`, like the 科技副总 field instances: rows and columns belong to groups, about half of the
 * rows crowd into group 0, a pair in one group scores 40..100 and any other pair 0..30, so rows
 * compete for the same columns and the shortest-path search goes deep.
 */
function completeGrid(
  rows: number,
  cols: number,
  maxWeight: number,
  grouped = false,
): fc.Arbitrary<Instance> {
  const grid = (max: number) =>
    fc.array(fc.array(fc.integer({ min: 0, max }), { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    });
  const groups = (count: number, group: fc.Arbitrary<number>) =>
    fc.array(group, { minLength: count, maxLength: count });
  const weights = grouped
    ? fc
        .tuple(
          groups(rows, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }))),
          groups(cols, fc.integer({ min: 0, max: 3 })),
          grid(60),
        )
        .map(([rowGroup, colGroup, draw]) =>
          draw.map((row, r) =>
            row.map((x, c) => (rowGroup[r] === colGroup[c] ? 40 + x : Math.floor(x / 2))),
          ),
        )
    : grid(maxWeight);
  return fc.record({ weights, cols: fc.constant(cols) });
}

const denseInstance = (minSide: number, maxSide: number, maxWeights: number[]) =>
  fc
    .tuple(
      fc.integer({ min: minSide, max: maxSide }),
      fc.integer({ min: minSide, max: maxSide }),
      fc.constantFrom(...maxWeights),
      fc.boolean(),
    )
    .chain(([rows, cols, maxWeight, grouped]) => completeGrid(rows, cols, maxWeight, grouped));

/** The same instance with rows and columns swapped. */
function transposed({ weights, cols }: Instance): Instance {
  return {
    weights: Array.from({ length: cols }, (_, c) => weights.map((row) => row[c] ?? null)),
    cols: weights.length,
  };
}

describe('dense engine: when it is used', () => {
  it('serves complete grids with unit capacities, and nothing else', () => {
    const grid = {
      weights: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      cols: 3,
    };
    expect(isDenseUnit(checkProblem(toProblem(grid)))).toBe(true);
    // more rows than columns: maxWeightAssignment serves the transpose, which is dense again
    expect(isDenseUnit(checkProblem(toProblem(transposed(grid))))).toBe(false);
    const missing = {
      weights: [
        [1, null, 3],
        [4, 5, 6],
      ],
      cols: 3,
    };
    expect(isDenseUnit(checkProblem(toProblem(missing)))).toBe(false);
    const capacity = { ...grid, rowCapacity: [2, 1] };
    expect(isDenseUnit(checkProblem(toProblem(capacity)))).toBe(false);
    const closed = { ...grid, colCapacity: [1, 0, 1] };
    expect(isDenseUnit(checkProblem(toProblem(closed)))).toBe(false);
  });
});

describe('dense engine: optimality', () => {
  it('finds the optimum on small complete grids with ties, square and rectangular', () => {
    fc.assert(
      fc.property(denseInstance(1, 6, [1, 2, 5, 100]), (instance) => {
        const problem = toProblem(instance);
        const expected = bruteForce(instance);
        const solution = maxWeightAssignment(problem);
        expectFeasible(instance, solution);
        expect(solution.total).toBe(expected);
        // the sparse engine, which the dense one replaced on these inputs, agrees
        expect(solveWith(problem, 'sparse').total).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('matches linear-sum-assignment on 20..120 complete grids, ties included', () => {
    fc.assert(
      fc.property(denseInstance(20, 120, [1, 3, 100]), (instance) => {
        const solution = maxWeightAssignment(toProblem(instance));
        expectFeasible(instance, solution);
        expect(solution.total).toBe(referenceTotal(instance));
      }),
      // shrinking 120×120 grids takes minutes; the failing instance is reported as found
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('agrees with the sparse engine on 200..300 grids', () => {
    fc.assert(
      fc.property(denseInstance(200, 300, [1, 3, 100]), (instance) => {
        const problem = toProblem(instance);
        const solution = maxWeightAssignment(problem);
        expectFeasible(instance, solution);
        expect(solution.total).toBe(solveWith(problem, 'sparse').total);
      }),
      { numRuns: 6, endOnFailure: true },
    );
  });

  it('returns the row maxima when they fall on distinct columns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) =>
          fc.tuple(
            completeGrid(n, n, 50),
            fc.shuffledSubarray(
              Array.from({ length: n }, (_, c) => c),
              { minLength: n, maxLength: n },
            ),
          ),
        ),
        ([instance, columnOf]) => {
          // each row's unique maximum is on its own column of a permutation
          const weights = instance.weights.map((row, r) =>
            row.map((w, c) => (c === columnOf[r] ? 51 : w)),
          );
          const solution = maxWeightAssignment(toProblem({ weights, cols: instance.cols }));
          expect(solution.pairs).toEqual(weights.map((_, r) => [r, columnOf[r]]));
          expect(solution.total).toBe(51 * weights.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives a forbidden pair written as weight 0 the same total as leaving it out, and never returns it', () => {
    fc.assert(
      fc.property(
        denseInstance(1, 8, [3, 100]).chain((instance) =>
          fc.tuple(
            fc.constant(instance),
            fc.array(
              fc.array(fc.boolean(), { minLength: instance.cols, maxLength: instance.cols }),
              {
                minLength: instance.weights.length,
                maxLength: instance.weights.length,
              },
            ),
          ),
        ),
        ([instance, forbidden]) => {
          const zeroed = instance.weights.map((row, r) =>
            row.map((w, c) => (forbidden[r]?.[c] ? 0 : w)),
          );
          const left = instance.weights.map((row, r) =>
            row.map((w, c) => (forbidden[r]?.[c] ? null : w)),
          );
          const dense = maxWeightAssignment(toProblem({ weights: zeroed, cols: instance.cols }));
          const sparse = maxWeightAssignment(toProblem({ weights: left, cols: instance.cols }));
          expect(dense.total).toBe(sparse.total);
          expect(dense.pairs.every(([r, c]) => !forbidden[r]?.[c])).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns nothing on an all-zero grid and a full assignment on an all-equal one', () => {
    const zero = { weights: Array.from({ length: 5 }, () => Array<number>(7).fill(0)), cols: 7 };
    expect(maxWeightAssignment(toProblem(zero))).toEqual({ pairs: [], total: 0 });
    const equal = { weights: Array.from({ length: 7 }, () => Array<number>(5).fill(4)), cols: 5 };
    const solution = maxWeightAssignment(toProblem(equal));
    expectFeasible(equal, solution);
    expect(solution.total).toBe(20);
  });

  it('rejects a negative weight in a complete grid', () => {
    const edges = {
      rowStart: Int32Array.from([0, 2, 4]),
      col: Int32Array.from([0, 1, 0, 1]),
      weight: Float64Array.from([3, -1, 2, 5]),
    };
    expect(() => maxWeightAssignment({ rows: 2, cols: 2, edges })).toThrow(RangeError);
  });
});
