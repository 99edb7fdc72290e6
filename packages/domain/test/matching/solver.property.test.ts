import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxWeightAssignment } from '../../src/matching/solver';
import { solveWith } from '../../src/matching/solver/max-weight-assignment';
import type { Instance } from './solver-oracles';
import {
  bruteForce,
  expectFeasible,
  referenceTotal,
  toProblem,
  weightsArbitrary,
} from './solver-oracles';

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
