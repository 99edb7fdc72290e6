import { describe, expect, it } from 'vitest';
import type { AssignmentProblem } from '../../src/matching/solver';
import { buildSparseEdges, maxWeightAssignment } from '../../src/matching/solver';

type Triple = readonly [row: number, col: number, weight: number];

function problem(
  rows: number,
  cols: number,
  triples: Triple[],
  capacities: Pick<AssignmentProblem, 'rowCapacity' | 'colCapacity'> = {},
): AssignmentProblem {
  return { rows, cols, edges: buildSparseEdges(rows, cols, triples), ...capacities };
}

/** Every pair of a rows × cols grid with weight weightOf(r, c). */
function grid(rows: number, cols: number, weightOf: (r: number, c: number) => number): Triple[] {
  const triples: Triple[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) triples.push([r, c, weightOf(r, c)]);
  return triples;
}

describe('maxWeightAssignment: degenerate inputs', () => {
  it('handles 0 rows, 0 columns and no edges', () => {
    expect(maxWeightAssignment(problem(0, 0, []))).toEqual({ pairs: [], total: 0 });
    expect(maxWeightAssignment(problem(0, 5, []))).toEqual({ pairs: [], total: 0 });
    expect(maxWeightAssignment(problem(4, 0, []))).toEqual({ pairs: [], total: 0 });
    expect(maxWeightAssignment(problem(3, 3, []))).toEqual({ pairs: [], total: 0 });
  });

  it('returns total 0 and omits zero-weight pairs when every weight is 0', () => {
    const all = grid(3, 4, () => 0);
    expect(maxWeightAssignment(problem(3, 4, all))).toEqual({ pairs: [], total: 0 });
    expect(
      maxWeightAssignment(
        problem(3, 4, all, { rowCapacity: [2, 2, 2], colCapacity: [3, 3, 3, 3] }),
      ),
    ).toEqual({ pairs: [], total: 0 });
  });

  it('never returns a zero-weight pair next to positive ones', () => {
    const solution = maxWeightAssignment(
      problem(2, 2, [
        [0, 0, 5],
        [1, 0, 0],
        [1, 1, 0],
      ]),
    );
    expect(solution).toEqual({ pairs: [[0, 0]], total: 5 });
  });
});

describe('maxWeightAssignment: optimality on hand-checked cases', () => {
  it('beats greedy: the heaviest pair is not always in the optimum', () => {
    // greedy takes (0,0)=10 and is stuck with 10; the optimum is 9 + 9
    const solution = maxWeightAssignment(
      problem(2, 2, [
        [0, 0, 10],
        [0, 1, 9],
        [1, 0, 9],
      ]),
    );
    expect(solution).toEqual({
      pairs: [
        [0, 1],
        [1, 0],
      ],
      total: 18,
    });
  });

  it('leaves rows unassigned when that is optimal (maximum weight, not maximum cardinality)', () => {
    // matching both rows gives 1 + 1 = 2; the single pair (0,0) gives 5
    const solution = maxWeightAssignment(
      problem(2, 2, [
        [0, 0, 5],
        [0, 1, 1],
        [1, 0, 1],
      ]),
    );
    expect(solution).toEqual({ pairs: [[0, 0]], total: 5 });
  });

  it('solves wide and tall rectangles', () => {
    const wide = maxWeightAssignment(
      problem(
        2,
        5,
        grid(2, 5, (r, c) => (r + 1) * (c + 1)),
      ),
    );
    expect(wide).toEqual({
      pairs: [
        [0, 3],
        [1, 4],
      ],
      total: 4 + 10,
    });
    const tall = maxWeightAssignment(
      problem(
        5,
        2,
        grid(5, 2, (r, c) => (r + 1) * (c + 1)),
      ),
    );
    expect(tall).toEqual({
      pairs: [
        [3, 0],
        [4, 1],
      ],
      total: 4 + 10,
    });
  });

  it('respects capacities above 1, and uses each pair at most once', () => {
    // one researcher who may take two needs; two needs that each want them
    const two = problem(
      1,
      2,
      [
        [0, 0, 7],
        [0, 1, 3],
      ],
      { rowCapacity: [2] },
    );
    expect(maxWeightAssignment(two)).toEqual({
      pairs: [
        [0, 0],
        [0, 1],
      ],
      total: 10,
    });
    // capacities 3 × 3 but a single edge: it is used once, not three times
    const single = problem(1, 1, [[0, 0, 4]], { rowCapacity: [3], colCapacity: [3] });
    expect(maxWeightAssignment(single)).toEqual({ pairs: [[0, 0]], total: 4 });
    // both sides above 1
    const both = problem(
      2,
      2,
      grid(2, 2, (r, c) => 1 + r + 2 * c),
      {
        rowCapacity: [2, 1],
        colCapacity: [1, 2],
      },
    );
    expect(maxWeightAssignment(both)).toEqual({
      pairs: [
        [0, 0],
        [0, 1],
        [1, 1],
      ],
      total: 1 + 3 + 4,
    });
  });

  it('never uses a row or column of capacity 0', () => {
    const triples = grid(3, 3, (r, c) => 10 + r + c);
    const solution = maxWeightAssignment(
      problem(3, 3, triples, { rowCapacity: [1, 0, 1], colCapacity: [0, 1, 1] }),
    );
    expect(solution.pairs.every(([r, c]) => r !== 1 && c !== 0)).toBe(true);
    expect(solution.total).toBe(11 + 14); // (0,1) + (2,2), or (0,2) + (2,1)
  });
});

describe('maxWeightAssignment: determinism', () => {
  const triples = grid(8, 9, (r, c) => ((r * 7 + c * 3) % 5) * 10); // many ties
  it('gives identical pairs for the same input', () => {
    const first = maxWeightAssignment(problem(8, 9, triples));
    const second = maxWeightAssignment(problem(8, 9, triples));
    expect(second).toEqual(first);
  });

  it('does not depend on the order of the triples', () => {
    const reference = maxWeightAssignment(problem(8, 9, triples));
    const reversed = maxWeightAssignment(problem(8, 9, [...triples].reverse()));
    const shuffled = maxWeightAssignment(
      problem(
        8,
        9,
        [...triples].sort(
          (a, b) => ((a[0] * 31 + a[1] * 17) % 13) - ((b[0] * 31 + b[1] * 17) % 13),
        ),
      ),
    );
    expect(reversed).toEqual(reference);
    expect(shuffled).toEqual(reference);
  });

  it('prefers leaving a row unassigned over a change that gains nothing', () => {
    // row 1 could take column 0 only by moving row 0 to column 1 for a net gain of 0
    const solution = maxWeightAssignment(
      problem(2, 2, [
        [0, 0, 5],
        [0, 1, 3],
        [1, 0, 2],
      ]),
    );
    expect(solution).toEqual({ pairs: [[0, 0]], total: 5 });
  });
});

describe('buildSparseEdges', () => {
  it('sorts triples by row then column', () => {
    const edges = buildSparseEdges(3, 4, [
      [2, 1, 5],
      [0, 3, 1],
      [0, 0, 2],
      [2, 0, 7],
    ]);
    expect([...edges.rowStart]).toEqual([0, 2, 2, 4]);
    expect([...edges.col]).toEqual([0, 3, 0, 1]);
    expect([...edges.weight]).toEqual([2, 1, 7, 5]);
  });

  it('rejects a duplicate pair', () => {
    expect(() =>
      buildSparseEdges(2, 2, [
        [1, 1, 3],
        [0, 0, 1],
        [1, 1, 4],
      ]),
    ).toThrow(/duplicate pair \(1, 1\)/);
  });

  it('rejects negative, fractional and non-finite weights', () => {
    for (const weight of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => buildSparseEdges(1, 1, [[0, 0, weight]])).toThrow(RangeError);
    }
  });

  it('rejects out-of-range indices and bad sizes', () => {
    expect(() => buildSparseEdges(2, 2, [[2, 0, 1]])).toThrow(RangeError);
    expect(() => buildSparseEdges(2, 2, [[0, -1, 1]])).toThrow(RangeError);
    expect(() => buildSparseEdges(2, 2, [[0.5, 0, 1]])).toThrow(RangeError);
    expect(() => buildSparseEdges(-1, 2, [])).toThrow(RangeError);
    expect(() => buildSparseEdges(2, 1.5, [])).toThrow(RangeError);
  });
});

describe('maxWeightAssignment: input guards', () => {
  const edges = buildSparseEdges(2, 2, [
    [0, 0, 1],
    [1, 1, 1],
  ]);

  it('rejects a malformed CSR', () => {
    const bad = (patch: Partial<AssignmentProblem['edges']>) => ({
      rows: 2,
      cols: 2,
      edges: { ...edges, ...patch },
    });
    expect(() => maxWeightAssignment(bad({ rowStart: new Int32Array([0, 1]) }))).toThrow(
      RangeError,
    );
    expect(() => maxWeightAssignment(bad({ rowStart: new Int32Array([0, 2, 1]) }))).toThrow(
      RangeError,
    );
    expect(() => maxWeightAssignment(bad({ rowStart: new Int32Array([0, 3, 2]) }))).toThrow(
      RangeError,
    );
    expect(() => maxWeightAssignment(bad({ col: new Int32Array([0, 2]) }))).toThrow(RangeError);
    expect(() => maxWeightAssignment(bad({ weight: new Float64Array([1, -1]) }))).toThrow(
      RangeError,
    );
    expect(() => maxWeightAssignment(bad({ weight: new Float64Array([1]) }))).toThrow(RangeError);
    // a row's columns must be strictly increasing: no repeated pair
    const repeated = {
      rows: 1,
      cols: 2,
      edges: {
        rowStart: new Int32Array([0, 2]),
        col: new Int32Array([1, 1]),
        weight: new Float64Array([1, 1]),
      },
    };
    expect(() => maxWeightAssignment(repeated)).toThrow(/strictly increasing/);
  });

  it('rejects bad capacities', () => {
    expect(() => maxWeightAssignment({ rows: 2, cols: 2, edges, rowCapacity: [1] })).toThrow(
      RangeError,
    );
    expect(() => maxWeightAssignment({ rows: 2, cols: 2, edges, colCapacity: [1, -1] })).toThrow(
      RangeError,
    );
    expect(() => maxWeightAssignment({ rows: 2, cols: 2, edges, colCapacity: [1, 0.5] })).toThrow(
      RangeError,
    );
  });

  it('rejects weights too large to keep sums exact', () => {
    const huge = buildSparseEdges(1, 1, [[0, 0, 2 ** 52]]);
    expect(() => maxWeightAssignment({ rows: 1, cols: 1, edges: huge })).toThrow(RangeError);
  });
});
