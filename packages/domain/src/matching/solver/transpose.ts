import type { CheckedProblem } from './validate';

export interface Transposed {
  readonly problem: CheckedProblem;
  /** original edge of each edge of the transposed problem */
  readonly edgeOfTransposed: Int32Array;
}

/** The same problem with rows and columns swapped (CSR of the transpose, columns sorted). */
export function transpose(problem: CheckedProblem): Transposed {
  const { rows, cols, rowStart, col, weight, rowCapacity, colCapacity, maxWeight } = problem;
  const start = new Int32Array(cols + 1);
  for (let e = 0; e < col.length; e++) {
    const c = (col[e] as number) + 1;
    start[c] = (start[c] as number) + 1;
  }
  for (let c = 0; c < cols; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, cols);
  const tCol = new Int32Array(col.length);
  const tWeight = new Float64Array(col.length);
  const edgeOfTransposed = new Int32Array(col.length);
  // rows in ascending order, so each transposed row comes out sorted
  for (let r = 0; r < rows; r++) {
    for (let e = rowStart[r] as number; e < (rowStart[r + 1] as number); e++) {
      const c = col[e] as number;
      const at = fill[c] as number;
      fill[c] = at + 1;
      tCol[at] = r;
      tWeight[at] = weight[e] as number;
      edgeOfTransposed[at] = e;
    }
  }
  return {
    problem: {
      rows: cols,
      cols: rows,
      rowStart: start,
      col: tCol,
      weight: tWeight,
      rowCapacity: colCapacity,
      colCapacity: rowCapacity,
      maxWeight,
    },
    edgeOfTransposed,
  };
}
