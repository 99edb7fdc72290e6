// Optimal assignment (maximum-weight bipartite b-matching) for the 科技副总 matching.
//
// maxWeightAssignment serves the side with less total capacity. With capacities 0/1 it runs the
// unit engine (sparse-engine.ts): Jonker–Volgenant row reduction, then one shortest augmenting
// path per remaining row (Dijkstra on column prices, a private "stay unassigned" end per row,
// bucket queue for small integer scores). When every pair is allowed and every capacity is 1, the
// CSR weights already are the row-major matrix and dense-engine.ts runs LAPJV on it (row
// reduction, then linear-scan shortest paths; no queue, no copy). Capacities above 1 go to
// successive shortest paths on the b-matching flow network (flow-engine.ts).
//
// Typed-array reads are cast `as number`: indices are in range by construction, and a runtime
// check for noUncheckedIndexedAccess would sit in the hot loops.
export type { AssignmentProblem, AssignmentSolution, SparseEdges } from './types';
export { maxWeightAssignment } from './max-weight-assignment';
export { buildSparseEdges } from './build-sparse-edges';
