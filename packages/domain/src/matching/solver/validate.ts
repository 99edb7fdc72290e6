import { checkCount, checkWeight } from './guards';
import type { AssignmentProblem } from './types';

/** A checked problem with capacities resolved to arrays. */
export interface CheckedProblem {
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly weight: Float64Array;
  readonly rowCapacity: Int32Array;
  readonly colCapacity: Int32Array;
  readonly maxWeight: number;
}

/**
 * Checks the CSR shape (columns strictly increasing within a row, so no pair repeats), the weights
 * and the capacities in O(rows + cols + edges). Throws RangeError/Error with an English message.
 */
export function checkProblem(problem: AssignmentProblem): CheckedProblem {
  const { rows, cols, edges } = problem;
  checkCount('rows', rows);
  checkCount('cols', cols);
  const { rowStart, col, weight } = edges;
  if (rowStart.length !== rows + 1) {
    throw new RangeError(
      `edges.rowStart must have rows + 1 = ${rows + 1} entries, got ${rowStart.length}`,
    );
  }
  if (col.length !== weight.length) {
    throw new RangeError(
      `edges.col and edges.weight differ in length (${col.length} vs ${weight.length})`,
    );
  }
  if (rowStart[0] !== 0 || rowStart[rows] !== col.length) {
    throw new RangeError('edges.rowStart must start at 0 and end at the number of edges');
  }
  let maxWeight = 0;
  for (let r = 0; r < rows; r++) {
    const from = rowStart[r] as number;
    const to = rowStart[r + 1] as number;
    if (to < from || to > col.length) {
      throw new RangeError(`edges.rowStart[${r + 1}] = ${to} is out of order or past the edges`);
    }
    let previous = -1;
    for (let e = from; e < to; e++) {
      const c = col[e] as number;
      if (c <= previous || c >= cols) {
        throw c <= previous
          ? new Error(
              `row ${r}: columns must be strictly increasing (duplicate or unsorted column ${c})`,
            )
          : new RangeError(`row ${r}: column ${c} is out of range 0..${cols - 1}`);
      }
      previous = c;
      const w = weight[e] as number;
      // inline fast test; checkWeight builds the message only for a bad weight
      if (!(w >= 0 && w <= Number.MAX_SAFE_INTEGER && Math.floor(w) === w))
        checkWeight(w, `pair (${r}, ${c})`);
      if (w > maxWeight) maxWeight = w;
    }
  }
  // Potentials are sums of at most rows + cols + 2 weights; keep every intermediate exact.
  if (maxWeight * (rows + cols + 2) > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`weights up to ${maxWeight} are too large to keep sums exact`);
  }
  return {
    rows,
    cols,
    rowStart,
    col,
    weight,
    rowCapacity: capacities('rowCapacity', problem.rowCapacity, rows),
    colCapacity: capacities('colCapacity', problem.colCapacity, cols),
    maxWeight,
  };
}

function capacities(name: string, given: ArrayLike<number> | undefined, count: number): Int32Array {
  const result = new Int32Array(count);
  if (given === undefined) return result.fill(1);
  if (given.length !== count) {
    throw new RangeError(`${name} must have ${count} entries, got ${given.length}`);
  }
  for (let k = 0; k < count; k++) {
    const capacity = given[k] as number;
    if (!Number.isSafeInteger(capacity) || capacity < 0) {
      throw new RangeError(`${name}[${k}] must be a non-negative integer, got ${capacity}`);
    }
    // No row or column can use more than every edge it has; clamping keeps Int32 safe.
    result[k] = Math.min(capacity, 0x7fffffff);
  }
  return result;
}
