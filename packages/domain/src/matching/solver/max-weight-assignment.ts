import { solveFlow } from './flow-engine';
import { solveSparse } from './sparse-engine';
import { transpose } from './transpose';
import type { AssignmentProblem, AssignmentSolution } from './types';
import type { CheckedProblem } from './validate';
import { checkProblem } from './validate';

/**
 * `auto` picks by capacities. For tests: `flow` forces the general engine, and `search` runs the
 * unit engine without its row-reduction start, so that the exact search alone is checked.
 */
export type Engine = 'auto' | 'flow' | 'search';

/**
 * Maximum-weight b-matching: maximise total weight subject to the capacities. Not every row/col
 * must be used. Pairs of weight 0 are never returned (they add nothing to the total).
 *
 * Deterministic: the result depends only on the problem (sizes, edges in CSR order, capacities),
 * not on how it was built. Among equally good solutions the tie-break is procedural: the side with
 * less total capacity is served (the rows unless the columns have strictly less), one unit at a
 * time in ascending index order, and a unit prefers staying unassigned over a change that gains
 * nothing.
 */
export function maxWeightAssignment(problem: AssignmentProblem): AssignmentSolution {
  return solveWith(problem, 'auto');
}

/** maxWeightAssignment with a chosen engine; for tests and benchmarks. */
export function solveWith(problem: AssignmentProblem, engine: Engine): AssignmentSolution {
  const checked = checkProblem(problem);
  // Serving the side with less capacity means fewer searches, and each ends sooner because the
  // other side still has room.
  if (usableCapacity(checked, 'rows') <= usableCapacity(checked, 'cols')) {
    return fromUsedEdges(checked, usedEdges(checked, engine));
  }
  const flipped = transpose(checked);
  const usedFlipped = usedEdges(flipped.problem, engine);
  const used = new Uint8Array(checked.col.length);
  for (let e = 0; e < usedFlipped.length; e++) {
    if (usedFlipped[e] === 1) used[flipped.edgeOfTransposed[e] as number] = 1;
  }
  return fromUsedEdges(checked, used);
}

/** Which edges an optimum uses (1) or not (0). */
function usedEdges(problem: CheckedProblem, engine: Engine): Uint8Array {
  if (engine === 'flow' || maxOf(problem.rowCapacity) > 1 || maxOf(problem.colCapacity) > 1) {
    return solveFlow(problem);
  }
  const used = new Uint8Array(problem.col.length);
  const matchEdge = solveSparse(problem, engine !== 'search');
  for (let r = 0; r < matchEdge.length; r++) {
    const e = matchEdge[r] as number;
    if (e >= 0) used[e] = 1;
  }
  return used;
}

/** Σ min(capacity, degree) over one side: no row or column can use more than its edges. */
function usableCapacity(problem: CheckedProblem, side: 'rows' | 'cols'): number {
  const { rows, cols, rowStart, col, rowCapacity, colCapacity } = problem;
  let total = 0;
  if (side === 'rows') {
    for (let r = 0; r < rows; r++) {
      total += Math.min(
        rowCapacity[r] as number,
        (rowStart[r + 1] as number) - (rowStart[r] as number),
      );
    }
    return total;
  }
  const degree = new Int32Array(cols);
  for (let e = 0; e < col.length; e++)
    degree[col[e] as number] = (degree[col[e] as number] as number) + 1;
  for (let c = 0; c < cols; c++) total += Math.min(colCapacity[c] as number, degree[c] as number);
  return total;
}

function fromUsedEdges(problem: CheckedProblem, used: Uint8Array): AssignmentSolution {
  const { rows, rowStart, col, weight } = problem;
  const pairs: (readonly [number, number])[] = [];
  let total = 0;
  for (let r = 0; r < rows; r++) {
    for (let e = rowStart[r] as number; e < (rowStart[r + 1] as number); e++) {
      if (used[e] === 0 || weight[e] === 0) continue;
      pairs.push([r, col[e] as number]);
      total += weight[e] as number;
    }
  }
  return { pairs, total };
}

function maxOf(values: Int32Array): number {
  let max = 0;
  for (let k = 0; k < values.length; k++)
    if ((values[k] as number) > max) max = values[k] as number;
  return max;
}
