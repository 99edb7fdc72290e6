const NUMERALS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** `四` → 4, `十二` → 12, `12` → 12; anything else → NaN (sorted after, by its text). */
function segmentNumber(segment: string): number {
  if (/^\d+$/.test(segment)) return Number(segment);
  const ten = segment.indexOf('十');
  if (ten < 0) return segment.length === 1 ? (NUMERALS[segment] ?? NaN) : NaN;
  const tens = ten === 0 ? 1 : (NUMERALS[segment.slice(0, ten)] ?? NaN);
  const ones = ten === segment.length - 1 ? 0 : (NUMERALS[segment.slice(ten + 1)] ?? NaN);
  return tens * 10 + ones;
}

/**
 * Orders clauses as the plan numbers them: `四.2` before `四.10`, `三` before `四`. Segments are
 * split on `.`; a segment that is not a number sorts after the numbered ones, by its text.
 */
export function compareClauses(a: string, b: string): number {
  const as = a.split('.');
  const bs = b.split('.');
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    const x = as[i];
    const y = bs[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = segmentNumber(x);
    const ny = segmentNumber(y);
    if (Number.isNaN(nx) !== Number.isNaN(ny)) return Number.isNaN(nx) ? 1 : -1;
    if (!Number.isNaN(nx) && nx !== ny) return nx - ny;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
