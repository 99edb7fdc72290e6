import { BucketQueue, MAX_BUCKET_SPAN } from './bucket-queue';
import type { MinQueue } from './indexed-heap';
import { IndexedMinHeap } from './indexed-heap';
import type { CheckedProblem } from './validate';

/**
 * Capacities above 1: successive shortest paths on the b-matching flow network
 * rows → columns → sink, with edge capacity 1 so a pair is used at most once. (Splitting both sides
 * into unit slots would let one pair be matched once per slot pair, so it is not used.) Each row
 * also has a cost-0 edge straight to the sink, its "unassigned" units, so every unit of supply is
 * routed and the cheapest routing is the maximum-weight b-matching.
 *
 * Rows are processed in index order, one unit at a time, by Dijkstra with node potentials on the
 * residual graph. Once a row's cheapest route is its own unassigned edge, all its remaining units
 * would be too (path costs from one source never decrease), so the row is done.
 *
 * Returns which edges of the problem are used (1) or not (0).
 */
export function solveFlow(problem: CheckedProblem): Uint8Array {
  const { rows, cols, rowStart, col, weight, rowCapacity, colCapacity } = problem;
  const edgeCount = col.length;
  const usable = (r: number, e: number): boolean =>
    (weight[e] as number) > 0 &&
    (rowCapacity[r] as number) > 0 &&
    (colCapacity[col[e] as number] as number) > 0;

  // Each row's edge list is its CSR range; each column keeps its used edges (at most its capacity,
  // and never more than its degree) in a slot range, so walking backwards costs the load only.
  const edgeRow = new Int32Array(edgeCount);
  const degree = new Int32Array(cols);
  let maxWeight = 0;
  for (let r = 0; r < rows; r++) {
    for (let e = rowStart[r] as number; e < (rowStart[r + 1] as number); e++) {
      edgeRow[e] = r;
      if (!usable(r, e)) continue;
      const c = col[e] as number;
      degree[c] = (degree[c] as number) + 1;
      if ((weight[e] as number) > maxWeight) maxWeight = weight[e] as number;
    }
  }
  const slotStart = new Int32Array(cols + 1);
  for (let c = 0; c < cols; c++) {
    const room = Math.min(colCapacity[c] as number, degree[c] as number);
    slotStart[c + 1] = (slotStart[c] as number) + room;
  }
  const slotEdge = new Int32Array(slotStart[cols] as number);
  const colLoad = new Int32Array(cols);

  // Nodes: rows 0..rows-1, columns rows..rows+cols-1; the sink is implicit.
  // Reduced cost of u→w is cost + pi[u] − pi[w] ≥ 0. Initially rows 0, columns and sink −maxWeight.
  const nodes = rows + cols;
  const pi = new Float64Array(nodes);
  pi.fill(-maxWeight, rows);
  const piSink = -maxWeight;
  const used = new Uint8Array(edgeCount);
  const dist = new Float64Array(nodes).fill(Infinity);
  const predEdge = new Int32Array(nodes);
  const touched = new Int32Array(nodes);
  const popped = new Int32Array(nodes);
  // Row potentials only fall and the sink's stays, so a search never needs distances above
  // maxWeight (the start row's own unassigned edge): buckets when that range is small.
  const heap: MinQueue =
    maxWeight < MAX_BUCKET_SPAN
      ? new BucketQueue(nodes, 0, maxWeight + 1)
      : new IndexedMinHeap(nodes);

  for (let start = 0; start < rows; start++) {
    let units = Math.min(
      rowCapacity[start] as number,
      (rowStart[start + 1] as number) - (rowStart[start] as number),
    );
    for (; units > 0; units--) {
      let touchedCount = 0;
      let poppedCount = 0;
      let best = Infinity; // cheapest route to the sink found so far
      let sinkVia = -1; // node whose sink edge ends that route
      dist[start] = 0;
      touched[touchedCount++] = start;
      heap.push(start, 0);
      while (heap.size > 0 && heap.minKey() < best) {
        const u = heap.pop();
        popped[poppedCount++] = u;
        const du = dist[u] as number;
        const piU = pi[u] as number;
        if (u < rows) {
          // unassigned edge (always has room: a row routes at most its capacity)
          if (du + piU - piSink < best) {
            best = du + piU - piSink;
            sinkVia = u;
          }
          for (let e = rowStart[u] as number; e < (rowStart[u + 1] as number); e++) {
            if (used[e] === 1 || !usable(u, e)) continue;
            const c = col[e] as number;
            const w = rows + c;
            const d = du - (weight[e] as number) + piU - (pi[w] as number);
            if (d >= best || d >= (dist[w] as number)) continue;
            predEdge[w] = e;
            if (colLoad[c] === 0) {
              // An unused column can only go on to the sink, at reduced cost 0: loads never fall,
              // so it was never queued and kept its initial potential, the sink's. A terminal.
              best = d;
              sinkVia = w;
              continue;
            }
            if (dist[w] === Infinity) touched[touchedCount++] = w;
            dist[w] = d;
            heap.push(w, d);
          }
        } else {
          const c = u - rows;
          if ((colLoad[c] as number) < (colCapacity[c] as number) && du + piU - piSink < best) {
            best = du + piU - piSink;
            sinkVia = u;
          }
          // used edges run backwards, column → row, at cost +weight
          const first = slotStart[c] as number;
          for (let k = first; k < first + (colLoad[c] as number); k++) {
            const e = slotEdge[k] as number;
            const w = edgeRow[e] as number;
            const d = du + (weight[e] as number) + piU - (pi[w] as number);
            if (d < best && d < (dist[w] as number)) {
              if (dist[w] === Infinity) touched[touchedCount++] = w;
              dist[w] = d;
              predEdge[w] = e;
              heap.push(w, d);
            }
          }
        }
      }

      for (let k = 0; k < poppedCount; k++) {
        const u = popped[k] as number;
        pi[u] = (pi[u] as number) + (dist[u] as number) - best;
      }
      for (let k = 0; k < touchedCount; k++) dist[touched[k] as number] = Infinity;
      heap.clear();

      if (sinkVia === start) break; // staying unassigned is now the best for every remaining unit
      // Walk the path back: columns were entered by a newly used edge, rows by a freed one. A
      // column inside the path swaps the edge it left by for the new one; the end column gains one.
      let left = -1; // the freed edge by which the path left the column handled next
      for (let u = sinkVia; u !== start;) {
        const e = predEdge[u] as number;
        if (u >= rows) {
          const c = u - rows;
          used[e] = 1;
          if (left < 0) {
            slotEdge[(slotStart[c] as number) + (colLoad[c] as number)] = e;
            colLoad[c] = (colLoad[c] as number) + 1;
          } else {
            replaceSlot(slotEdge, slotStart[c] as number, left, e);
          }
          u = edgeRow[e] as number;
        } else {
          used[e] = 0;
          left = e;
          u = rows + (col[e] as number);
        }
      }
    }
  }
  return used;
}

/** Replaces edge `from` by edge `to` in a column's slot range starting at `first`. */
function replaceSlot(slotEdge: Int32Array, first: number, from: number, to: number): void {
  let k = first;
  while (slotEdge[k] !== from) k++;
  slotEdge[k] = to;
}
