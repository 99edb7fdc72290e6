import { checkCount, checkIndex, checkWeight } from './guards';
import type { SparseEdges } from './types';

/**
 * Builds SparseEdges from triples in any order (sorts by row then col; throws on duplicate pair,
 * negative/non-integer weight or out-of-range index).
 */
export function buildSparseEdges(
  rows: number,
  cols: number,
  triples: Iterable<readonly [row: number, col: number, weight: number]>,
): SparseEdges {
  checkCount('rows', rows);
  checkCount('cols', cols);
  const rowOf: number[] = [];
  const colOf: number[] = [];
  const weightOf: number[] = [];
  for (const [row, col, weight] of triples) {
    checkIndex('row', row, rows);
    checkIndex('col', col, cols);
    checkWeight(weight, `pair (${row}, ${col})`);
    rowOf.push(row);
    colOf.push(col);
    weightOf.push(weight);
  }
  // Two stable counting sorts (column, then row) order the edges by (row, col) in linear time.
  const identity = new Int32Array(rowOf.length);
  for (let e = 0; e < identity.length; e++) identity[e] = e;
  const order = stableOrderBy(rowOf, rows, stableOrderBy(colOf, cols, identity));

  const rowStart = new Int32Array(rows + 1);
  const col = new Int32Array(order.length);
  const weight = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const e = order[k] as number;
    const r = rowOf[e] as number;
    const c = colOf[e] as number;
    rowStart[r + 1] = (rowStart[r + 1] as number) + 1;
    if (k > 0 && rowOf[order[k - 1] as number] === r && col[k - 1] === c) {
      throw new Error(`duplicate pair (${r}, ${c})`);
    }
    col[k] = c;
    weight[k] = weightOf[e] as number;
  }
  for (let r = 0; r < rows; r++)
    rowStart[r + 1] = (rowStart[r + 1] as number) + (rowStart[r] as number);
  return { rowStart, col, weight };
}

/** Reorders `input` (edge ids) stably by key[edge] ∈ [0, keyCount). */
function stableOrderBy(key: readonly number[], keyCount: number, input: Int32Array): Int32Array {
  const start = new Int32Array(keyCount + 1);
  for (let k = 0; k < input.length; k++) {
    const bucket = (key[input[k] as number] as number) + 1;
    start[bucket] = (start[bucket] as number) + 1;
  }
  for (let b = 0; b < keyCount; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  const output = new Int32Array(input.length);
  for (let k = 0; k < input.length; k++) {
    const e = input[k] as number;
    const bucket = key[e] as number;
    output[start[bucket] as number] = e;
    start[bucket] = (start[bucket] as number) + 1;
  }
  return output;
}
