import { BucketQueue, MAX_BUCKET_SPAN } from './bucket-queue';
import type { MinQueue } from './indexed-heap';
import { IndexedMinHeap } from './indexed-heap';
import type { CheckedProblem } from './validate';

/**
 * Edge scans allowed in augmenting row reduction, per edge of the graph. It is an auction with no
 * slack, so price wars can drag on; past this budget the exact search takes over, which is always
 * correct because every reduction step keeps the prices feasible.
 */
const REDUCTION_BUDGET_PER_EDGE = 4;
const PASSES = 2;

/**
 * Maximum-weight matching for capacities 0 or 1, on the problem's own CSR arrays (no copy).
 *
 * It is a minimum-cost assignment of every row where cost = −weight and each row also has a
 * private cost-0 "unassigned" column. Column prices (minus the usual column potentials) start at
 * 0 and only rise, and only on columns that then stay matched: free columns keep price 0 (needed
 * for optimality when not every column is used) and the private columns never need a price. A row's
 * own potential is implied by its matched edge (price − weight). Capacity-0 columns get an infinite
 * price so no path ever uses them; capacity-0 rows are never served.
 *
 * Returns the matched edge of each row, or −1 (the edge may have weight 0; callers drop those).
 * `reduce: false` skips the row reduction so tests can exercise the exact search on its own.
 */
export function solveSparse(problem: CheckedProblem, reduce = true): Int32Array {
  const { cols, colCapacity } = problem;
  const price = new Float64Array(cols);
  for (let c = 0; c < cols; c++) if (colCapacity[c] === 0) price[c] = Infinity;
  const rowOf = new Int32Array(cols).fill(-1);
  const matchEdge = new Int32Array(problem.rows).fill(-1);

  const free = reduce ? reduceRows(problem, price, rowOf, matchEdge) : servedRows(problem);
  const search = new ShortestPathSearch(problem, price, rowOf, matchEdge);
  for (let k = 0; k < free.length; k++) search.augmentFrom(free[k] as number);
  return matchEdge;
}

/**
 * Jonker–Volgenant augmenting row reduction (two passes) with the unassigned option: a free row
 * takes its best column and raises that column's price until it is only as good as the row's
 * second option, displacing the previous holder, which continues at once. Ties between staying
 * unassigned and a column go to staying unassigned. Returns the rows left for the exact search.
 */
function reduceRows(
  problem: CheckedProblem,
  price: Float64Array,
  rowOf: Int32Array,
  matchEdge: Int32Array,
): Int32Array {
  const { rowStart, col, weight } = problem;
  const free = servedRows(problem);
  let freeCount = free.length;
  let budget = REDUCTION_BUDGET_PER_EDGE * col.length;

  for (let pass = 0; pass < PASSES && freeCount > 0; pass++) {
    const pending = freeCount;
    freeCount = 0;
    let k = 0;
    while (k < pending) {
      const i = free[k++] as number;
      const from = rowStart[i] as number;
      const to = rowStart[i + 1] as number;
      if (budget < 0) {
        free[freeCount++] = i;
        continue;
      }
      budget -= to - from;
      // best (u1, e1) and second best (u2, e2) reduced cost; edge −1 is staying unassigned, cost 0
      let u1 = 0;
      let e1 = -1;
      let u2 = Infinity;
      let e2 = -1;
      for (let e = from; e < to; e++) {
        const h = (price[col[e] as number] as number) - (weight[e] as number);
        if (h < u2) {
          if (h >= u1) {
            u2 = h;
            e2 = e;
          } else {
            u2 = u1;
            e2 = e1;
            u1 = h;
            e1 = e;
          }
        }
      }
      if (e1 < 0) continue; // staying unassigned is best: the row is settled for good
      const j1 = col[e1] as number;
      const holder = rowOf[j1] as number;
      if (u1 < u2) {
        // u2 ≤ 0 is finite: staying unassigned is at worst the second option
        price[j1] = (price[j1] as number) + (u2 - u1);
        matchEdge[i] = e1;
        rowOf[j1] = i;
        if (holder >= 0) {
          matchEdge[holder] = -1;
          free[--k] = holder;
        }
      } else if (holder < 0) {
        matchEdge[i] = e1;
        rowOf[j1] = i;
      } else if (e2 >= 0) {
        // a tie and the best column is held: take the equally good second column instead
        const j2 = col[e2] as number;
        const other = rowOf[j2] as number;
        matchEdge[i] = e2;
        rowOf[j2] = i;
        if (other >= 0) {
          matchEdge[other] = -1;
          free[freeCount++] = other;
        }
      }
      // else: the best column is held and staying unassigned is as good: stay unassigned
    }
  }
  return free.subarray(0, freeCount);
}

/** Rows that may take a column: capacity 1 and at least one edge. */
function servedRows(problem: CheckedProblem): Int32Array {
  const { rows, rowStart, rowCapacity } = problem;
  const served = new Int32Array(rows);
  let count = 0;
  for (let r = 0; r < rows; r++) {
    if (rowCapacity[r] !== 0 && (rowStart[r + 1] as number) > (rowStart[r] as number)) {
      served[count++] = r;
    }
  }
  return served.subarray(0, count);
}

/**
 * Dijkstra over matched columns on reduced costs (non-negative thanks to the prices). Free columns
 * and "leave this reached row unassigned" are the path's possible ends; the search stops once
 * nothing queued is cheaper than the best end found. Scratch arrays are reset through
 * touched-lists, not O(cols) clears.
 */
class ShortestPathSearch {
  private readonly dist: Float64Array;
  private readonly predRow: Int32Array;
  private readonly predEdge: Int32Array;
  private readonly touched: Int32Array;
  private readonly popped: Int32Array;
  private readonly heap: MinQueue;

  constructor(
    private readonly problem: CheckedProblem,
    private readonly price: Float64Array,
    private readonly rowOf: Int32Array,
    private readonly matchEdge: Int32Array,
  ) {
    const { cols } = problem;
    this.dist = new Float64Array(cols).fill(Infinity);
    this.predRow = new Int32Array(cols);
    this.predEdge = new Int32Array(cols);
    this.touched = new Int32Array(cols);
    this.popped = new Int32Array(cols);
    // Distances of queued columns lie in [−maxWeight, 0): buckets when that range is small.
    const { maxWeight } = problem;
    this.heap =
      maxWeight < MAX_BUCKET_SPAN
        ? new BucketQueue(cols, -maxWeight, maxWeight + 1)
        : new IndexedMinHeap(cols);
  }

  augmentFrom(start: number): void {
    const { rowStart, col, weight } = this.problem;
    const { price, rowOf, matchEdge, dist, predRow, predEdge, touched, popped, heap } = this;
    let touchedCount = 0;
    let poppedCount = 0;
    // Cheapest end of path found so far: the free column `sink`, or else leaving `bestRow`
    // unassigned. Both are terminal, so they are tracked here instead of queued, and the search
    // stops once nothing queued is cheaper (ties end the search early).
    let best = 0;
    let bestRow = start;
    let sink = -1;
    let row = start;
    let offset = 0; // distance to `row` minus its implied potential
    for (;;) {
      for (let e = rowStart[row] as number, to = rowStart[row + 1] as number; e < to; e++) {
        const j = col[e] as number;
        const d = offset + (price[j] as number) - (weight[e] as number);
        // d ≥ best can never matter: best only falls
        if (d >= best || d >= (dist[j] as number)) continue;
        predRow[j] = row;
        predEdge[j] = e;
        if (rowOf[j] === -1) {
          best = d;
          sink = j;
          continue;
        }
        if (dist[j] === Infinity) touched[touchedCount++] = j;
        dist[j] = d;
        heap.push(j, d);
      }
      if (heap.size === 0 || heap.minKey() >= best) break;
      const j = heap.pop();
      popped[poppedCount++] = j;
      row = rowOf[j] as number;
      offset =
        (dist[j] as number) - ((price[j] as number) - (weight[matchEdge[row] as number] as number));
      if (offset < best) {
        best = offset;
        bestRow = row;
        sink = -1;
      }
    }

    // Keep reduced costs non-negative: popped columns rise by (path length − their distance).
    for (let k = 0; k < poppedCount; k++) {
      const j = popped[k] as number;
      price[j] = (price[j] as number) + best - (dist[j] as number);
    }

    let j = sink;
    if (sink < 0 && bestRow !== start) {
      // bestRow gives up its column, which the path then hands backwards
      j = col[matchEdge[bestRow] as number] as number;
      matchEdge[bestRow] = -1;
    }
    while (j >= 0) {
      const i = predRow[j] as number;
      const previous = matchEdge[i] as number;
      matchEdge[i] = predEdge[j] as number;
      rowOf[j] = i;
      j = i === start ? -1 : (col[previous] as number);
    }

    for (let k = 0; k < touchedCount; k++) dist[touched[k] as number] = Infinity;
    heap.clear();
  }
}
