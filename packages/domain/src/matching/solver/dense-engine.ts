import type { CheckedProblem } from './validate';

/**
 * Row scans allowed in augmenting row reduction, per row. It is an auction with no slack, so price
 * wars can drag on; past this budget the exact search takes over (always correct: every reduction
 * step keeps the prices feasible).
 */
const REDUCTION_SCANS_PER_ROW = 4;
const PASSES = 2;

/**
 * True when every pair is allowed, every capacity is 1 and rows ≤ cols: then the CSR weight array
 * is the row-major matrix, and with non-negative weights an optimum can match every row (spare
 * rows take spare columns at weight ≥ 0), so the dense engine solves the plain rectangular
 * assignment problem and the caller drops zero-weight pairs.
 */
export function isDenseUnit(problem: CheckedProblem): boolean {
  const { rows, cols, col, rowCapacity, colCapacity } = problem;
  // Columns are strictly increasing within a row (checked), so rows × cols edges is every pair.
  if (rows === 0 || rows > cols || col.length !== rows * cols) return false;
  return allOnes(rowCapacity) && allOnes(colCapacity);
}

/**
 * Jonker–Volgenant (LAPJV) on the dense matrix, as maximisation: a row's reduced cost for column j
 * is price[j] − weight(row, j), and a matched row's column has its smallest reduced cost. Prices
 * start at 0 and only matched columns' prices rise, so columns left unmatched keep the lowest price,
 * as a rectangular problem needs.
 *
 * 1. Augmenting row reduction, two passes. With every price 0 the first pass gives each row its
 *    first maximum; when those fall on distinct columns that is the optimum and nothing else runs.
 *    Among equally good columns a row prefers a free one.
 * 2. One shortest augmenting path per row still free: Dijkstra over columns by linear scans (no
 *    heap on a dense matrix), all columns at the current minimum taken together.
 *
 * LAPJV's column reduction (price = column maximum) was tried before step 1: it saved ~10% on
 * uniform scores but cost ~35% on the field-structured 1,000² bench instance, so it is not used.
 *
 * Returns the matched edge (row × cols + column) of each row.
 */
export function solveDense(problem: CheckedProblem): Int32Array {
  const { rows, cols, weight } = problem;
  const price = new Float64Array(cols);
  const rowOf = new Int32Array(cols).fill(-1);
  const colOf = new Int32Array(rows).fill(-1);

  const free = reduceRows(rows, cols, weight, price, rowOf, colOf);
  const search = new DenseSearch(cols, weight, price, rowOf, colOf);
  for (let k = 0; k < free.length; k++) search.augmentFrom(free[k] as number);
  const matchEdge = new Int32Array(rows);
  for (let r = 0; r < rows; r++) matchEdge[r] = r * cols + (colOf[r] as number);
  return matchEdge;
}

/**
 * Step 1: a free row takes its best column and raises that column's price until it is only as good
 * as the row's second option, displacing the previous holder, which continues at once. Returns the
 * rows left for the exact search.
 */
function reduceRows(
  rows: number,
  cols: number,
  weight: Float64Array,
  price: Float64Array,
  rowOf: Int32Array,
  colOf: Int32Array,
): Int32Array {
  const free = new Int32Array(rows);
  let freeCount = 0;
  for (let r = 0; r < rows; r++) free[freeCount++] = r;
  let budget = REDUCTION_SCANS_PER_ROW * rows;

  for (let pass = 0; pass < PASSES && freeCount > 0; pass++) {
    const pending = freeCount;
    freeCount = 0;
    let k = 0;
    while (k < pending) {
      const i = free[k++] as number;
      if (--budget < 0) {
        free[freeCount++] = i;
        continue;
      }
      // best (u1, j1) and second best (u2, j2) reduced cost; a free column wins a tie for best
      const base = i * cols;
      let u1 = Infinity;
      let j1 = -1;
      let u2 = Infinity;
      let j2 = -1;
      for (let j = 0; j < cols; j++) {
        const h = (price[j] as number) - (weight[base + j] as number);
        if (h < u2) {
          if (h < u1 || (h === u1 && rowOf[j] === -1 && rowOf[j1] !== -1)) {
            u2 = u1;
            j2 = j1;
            u1 = h;
            j1 = j;
          } else {
            u2 = h;
            j2 = j;
          }
        } else if (h === u1 && rowOf[j] === -1 && rowOf[j1] !== -1) {
          // u1 = u2 = h: the held best becomes the second, this free column the best
          j2 = j1;
          j1 = j;
        }
      }
      let holder = rowOf[j1] as number;
      if (u1 < u2 && u2 !== Infinity) {
        price[j1] = (price[j1] as number) + (u2 - u1);
        if (holder >= 0) free[--k] = holder; // it lost ground: it goes again at once
      } else if (holder >= 0) {
        // a tie and every best column is held: take the second one, its holder waits a pass
        j1 = j2;
        holder = rowOf[j1] as number;
        if (holder >= 0) free[freeCount++] = holder;
      }
      if (holder >= 0) colOf[holder] = -1;
      colOf[i] = j1;
      rowOf[j1] = i;
    }
  }
  return free.subarray(0, freeCount);
}

/**
 * Step 2, LAPJV's augmentation. Columns whose distance is final leave the todo set for `queue`, as
 * [ready | scan): ready ones are done, scan ones are at the current minimum distance `min` and wait
 * for their row to be scanned. A column leaving todo keeps its distance in `settled` and gets
 * dist −∞, so the row scans skip it with the same comparison that skips a column not improved, and
 * read every array in index order.
 */
class DenseSearch {
  private readonly dist: Float64Array;
  private readonly pred: Int32Array;
  private readonly queue: Int32Array;
  private readonly settled: Float64Array;

  constructor(
    private readonly cols: number,
    private readonly weight: Float64Array,
    private readonly price: Float64Array,
    private readonly rowOf: Int32Array,
    private readonly colOf: Int32Array,
  ) {
    this.dist = new Float64Array(cols);
    this.pred = new Int32Array(cols);
    this.queue = new Int32Array(cols);
    this.settled = new Float64Array(cols);
  }

  augmentFrom(start: number): void {
    const { cols, weight, price, rowOf, colOf, dist, pred, queue, settled } = this;
    const startBase = start * cols;
    for (let j = 0; j < cols; j++) {
      dist[j] = (price[j] as number) - (weight[startBase + j] as number);
      pred[j] = start;
    }
    let low = 0; // queue[0, low): ready
    let up = 0; // queue[low, up): scan
    let min = 0;
    let end = -1;
    while (end < 0) {
      if (up === low) {
        // take every todo column at the new minimum distance into scan
        min = Infinity;
        for (let j = 0; j < cols; j++) {
          const d = dist[j] as number;
          if (d > min || d === -Infinity) continue;
          if (d < min) {
            up = low;
            min = d;
          }
          queue[up++] = j;
        }
        for (let k = low; k < up; k++) {
          const j = queue[k] as number;
          settled[k] = min;
          dist[j] = -Infinity;
          if (end < 0 && rowOf[j] === -1) end = j;
        }
        if (end >= 0) break;
      }
      // scan the row holding the next scan column: its todo columns may get closer via it
      const j1 = queue[low++] as number;
      const i = rowOf[j1] as number;
      const base = i * cols;
      const offset = (price[j1] as number) - (weight[base + j1] as number) - min;
      for (let j = 0; j < cols; j++) {
        const d = (price[j] as number) - (weight[base + j] as number) - offset;
        if (d >= (dist[j] as number)) continue;
        pred[j] = i;
        if (d !== min) {
          dist[j] = d;
        } else if (rowOf[j] === -1) {
          end = j;
          break;
        } else {
          settled[up] = min;
          dist[j] = -Infinity;
          queue[up++] = j;
        }
      }
    }

    // Keep reduced costs non-negative: ready columns rise by (path length − their distance).
    for (let k = 0; k < low; k++) {
      const j = queue[k] as number;
      price[j] = (price[j] as number) + min - (settled[k] as number);
    }
    // Hand the columns back along the path.
    for (let j = end; ;) {
      const i = pred[j] as number;
      const previous = colOf[i] as number;
      rowOf[j] = i;
      colOf[i] = j;
      if (i === start) break;
      j = previous;
    }
  }
}

function allOnes(values: Int32Array): boolean {
  for (let k = 0; k < values.length; k++) if (values[k] !== 1) return false;
  return true;
}
