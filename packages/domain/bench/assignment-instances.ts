/**
 * Seeded benchmark instances for the assignment solver, built straight into CSR form.
 * `field` instances imitate 科技副总 matching: researchers (rows) and needs (columns) belong to one or
 * two of five fields with sub-fields, so a few popular fields are over-subscribed; scores 0..100
 * come from field and sub-field overlap plus text-overlap-like noise. `uniform` instances draw
 * allowed pairs and scores 0..100 uniformly.
 */
import type { SparseEdges } from '../src/matching/solver';
import { mulberry32 } from '../../../tooling/bench/src/random';

export type InstanceKind = 'field' | 'uniform';

export interface InstanceSpec {
  readonly kind: InstanceKind;
  readonly rows: number;
  readonly cols: number;
  /** share of pairs allowed; 1 = every pair */
  readonly density: number;
  readonly seed: number;
}

export interface Instance extends InstanceSpec {
  readonly edges: SparseEdges;
}

export function instanceName(spec: InstanceSpec): string {
  const size = `${spec.rows.toLocaleString('en')}×${spec.cols.toLocaleString('en')}`;
  const share = spec.density >= 1 ? 'dense' : `${+(spec.density * 100).toFixed(2)}%`;
  return `${spec.kind} ${size} ${share}`;
}

export function buildInstance(spec: InstanceSpec): Instance {
  const random = mulberry32(spec.seed);
  const edges = spec.kind === 'field' ? fieldEdges(spec, random) : uniformEdges(spec, random);
  return { ...spec, edges };
}

const FIELDS = 5;
const SUBFIELDS = 6;
const RESEARCHER_FIELD_SHARE = [0.32, 0.26, 0.2, 0.14, 0.08];
const NEED_FIELD_SHARE = [0.14, 0.2, 0.22, 0.24, 0.2];

interface Profile {
  /** bit f set: belongs to field f */
  readonly fields: number;
  /** bit f*SUBFIELDS+s set: works in sub-field s of field f */
  readonly subfields: number;
}

function fieldEdges(spec: InstanceSpec, random: () => number): SparseEdges {
  const researchers = profiles(spec.rows, RESEARCHER_FIELD_SHARE, random);
  const needs = profiles(spec.cols, NEED_FIELD_SHARE, random);
  const score = (r: Profile, n: Profile): number => {
    if ((r.fields & n.fields) === 0) return Math.floor(random() * 31);
    const subfield = (r.subfields & n.subfields) !== 0 ? 25 : 0;
    return Math.min(100, 40 + subfield + Math.floor(random() * 36));
  };
  // Columns of each field, so sparse rows can draw mostly from their own fields.
  const byField: number[][] = Array.from({ length: FIELDS }, () => []);
  needs.forEach((need, c) => {
    for (let f = 0; f < FIELDS; f++) if (need.fields & (1 << f)) byField[f]?.push(c);
  });
  return toCsr(spec, random, (row, pick) => {
    const researcher = researchers[row] as Profile;
    const own = byField.filter((_, f) => researcher.fields & (1 << f));
    // 85% of a researcher's allowed needs share a field with them, the rest are cross-field.
    pick(() => {
      if (random() < 0.85) {
        const list = own[Math.floor(random() * own.length)] as number[];
        if (list.length > 0) return list[Math.floor(random() * list.length)] as number;
      }
      return Math.floor(random() * spec.cols);
    });
    return (c) => score(researcher, needs[c] as Profile);
  });
}

function profiles(count: number, share: readonly number[], random: () => number): Profile[] {
  const drawField = (): number => {
    let x = random();
    for (let f = 0; f < FIELDS - 1; f++) {
      x -= share[f] as number;
      if (x < 0) return f;
    }
    return FIELDS - 1;
  };
  return Array.from({ length: count }, () => {
    const first = drawField();
    const second = random() < 0.35 ? drawField() : first;
    let subfields = 0;
    for (const f of new Set([first, second])) {
      const n = 1 + Math.floor(random() * 2);
      for (let k = 0; k < n; k++)
        subfields |= 1 << (f * SUBFIELDS + Math.floor(random() * SUBFIELDS));
    }
    return { fields: (1 << first) | (1 << second), subfields };
  });
}

function uniformEdges(spec: InstanceSpec, random: () => number): SparseEdges {
  return toCsr(spec, random, (_row, pick) => {
    pick(() => Math.floor(random() * spec.cols));
    return () => Math.floor(random() * 101);
  });
}

/**
 * Rows in order; for each, `describe` registers how to draw a column (for sparse instances) and
 * returns how to score one. Dense instances score every column; sparse rows get about
 * density × cols distinct columns (between half and one and a half times that).
 */
function toCsr(
  spec: InstanceSpec,
  random: () => number,
  describe: (row: number, pick: (draw: () => number) => void) => (col: number) => number,
): SparseEdges {
  const { rows, cols, density } = spec;
  const rowStart = new Int32Array(rows + 1);
  let col = new Int32Array(Math.ceil(rows * cols * Math.min(1, density * 1.6)) + rows);
  let weight = new Float64Array(col.length);
  const seen = new Uint8Array(cols);
  let count = 0;
  for (let r = 0; r < rows; r++) {
    let draw: (() => number) | undefined;
    const score = describe(r, (d) => (draw = d));
    const start = count;
    if (density >= 1 || draw === undefined) {
      for (let c = 0; c < cols; c++) col[count++] = c;
    } else {
      const want = Math.min(cols, Math.max(1, Math.round(density * cols * (0.5 + random()))));
      for (let tries = 0; tries < want * 4 && count - start < want; tries++) {
        const c = draw();
        if (seen[c] === 1) continue;
        seen[c] = 1;
        col[count++] = c;
      }
      col.subarray(start, count).sort();
      for (let k = start; k < count; k++) seen[col[k] as number] = 0;
    }
    for (let k = start; k < count; k++) weight[k] = score(col[k] as number);
    rowStart[r + 1] = count;
  }
  col = col.slice(0, count);
  weight = weight.slice(0, count);
  return { rowStart, col, weight };
}
