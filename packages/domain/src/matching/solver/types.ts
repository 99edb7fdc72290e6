/** Allowed pairs in compressed sparse row form. Row r's edges are col[rowStart[r] .. rowStart[r+1]-1]. */
export interface SparseEdges {
  readonly rowStart: Int32Array; // length rows + 1
  readonly col: Int32Array; // column index of each edge
  readonly weight: Float64Array; // benefit of each edge: a non-negative safe integer (scores are integer points)
}

export interface AssignmentProblem {
  readonly rows: number;
  readonly cols: number;
  readonly edges: SparseEdges;
  /** how many columns each row may take (default 1 each); 0 allowed */
  readonly rowCapacity?: ArrayLike<number>;
  /** how many rows each column may take (default 1 each); 0 allowed */
  readonly colCapacity?: ArrayLike<number>;
}

export interface AssignmentSolution {
  /** chosen pairs, sorted by row then column; a pair (edge) is used at most once */
  readonly pairs: ReadonlyArray<readonly [row: number, col: number]>;
  /** sum of the chosen edges' weights (exact integer) */
  readonly total: number;
}
