import { isDenseUnit, solveDense } from './dense-engine';
import { solveFlow } from './flow-engine';
import { solveSparse } from './sparse-engine';
import { transpose } from './transpose';
import type { AssignmentProblem, AssignmentSolution } from './types';
import type { CheckedProblem } from './validate';
import { checkProblem } from './validate';

/**
 * `auto` picks by capacities and shape. For tests and benchmarks: `flow` forces the general engine,
 * `sparse` the unit sparse engine even on a dense problem, and `search` runs that engine without
 * its row-reduction start, so that the exact search alone is checked.
 */
export type Engine = 'auto' | 'flow' | 'sparse' | 'search';

/**
 * Maximum-weight b-matching: maximise total weight subject to the capacities. Not every row/col
 * must be used. Pairs of weight 0 are never returned (they add nothing to the total).
 *
 * Deterministic: the result depends only on the problem (sizes, edges in CSR order, capacities),
 * not on how it was built. Among equally good solutions the tie-break is procedural: the side with
 * less total capacity is served (the rows unless the columns have strictly less), one unit at a
 * time in ascending index order, and a unit prefers staying unassigned over a change that gains
 * nothing. (A complete grid with capacities 1 is solved as a full assignment instead, see
 * dense-engine.ts; its zero-weight pairs are dropped all the same.)
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
    return fromChosenEdges(checked, chosenEdges(checked, engine));
  }
  const flipped = transpose(checked);
  const chosen = chosenEdges(flipped.problem, engine);
  for (let k = 0; k < chosen.length; k++) {
    chosen[k] = flipped.edgeOfTransposed[chosen[k] as number] as number;
  }
  return fromChosenEdges(checked, chosen);
}

/** The edges an optimum uses, in any order (a list, so that no pass over every edge is needed). */
function chosenEdges(problem: CheckedProblem, engine: Engine): Int32Array {
  if (engine === 'flow' || maxOf(problem.rowCapacity) > 1 || maxOf(problem.colCapacity) > 1) {
    const used = solveFlow(problem);
    const chosen: number[] = [];
    for (let e = 0; e < used.length; e++) if (used[e] === 1) chosen.push(e);
    return Int32Array.from(chosen);
  }
  const matchEdge =
    engine === 'auto' && isDenseUnit(problem)
      ? solveDense(problem)
      : solveSparse(problem, engine !== 'search');
  return matchEdge.filter((e) => e >= 0);
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
  if (col.length === rows * cols) {
    degree.fill(rows); // every pair is an edge (columns strictly increase within a row)
  } else {
    for (let e = 0; e < col.length; e++)
      degree[col[e] as number] = (degree[col[e] as number] as number) + 1;
  }
  for (let c = 0; c < cols; c++) total += Math.min(colCapacity[c] as number, degree[c] as number);
  return total;
}

/** The solution from its edges: sorted by edge id, which is row then column order in CSR. */
function fromChosenEdges(problem: CheckedProblem, chosen: Int32Array): AssignmentSolution {
  const { rowStart, col, weight } = problem;
  chosen.sort();
  const pairs: (readonly [number, number])[] = [];
  let total = 0;
  let r = 0;
  for (let k = 0; k < chosen.length; k++) {
    const e = chosen[k] as number;
    if (weight[e] === 0) continue;
    while ((rowStart[r + 1] as number) <= e) r++;
    pairs.push([r, col[e] as number]);
    total += weight[e] as number;
  }
  return { pairs, total };
}

function maxOf(values: Int32Array): number {
  let max = 0;
  for (let k = 0; k < values.length; k++)
    if ((values[k] as number) > max) max = values[k] as number;
  return max;
}
