/**
 * Full-width (全角) ASCII variants → half-width, ideographic space → space.
 * Users typing on Chinese IMEs often produce `９１３４１３…` or `ｘ`; we accept and normalise them.
 */
export function toHalfWidth(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Half-width, upper-cased, with spaces and dashes removed: the canonical form of a code. */
export function normaliseCode(input: string): string {
  return toHalfWidth(input).replace(/[\s-]/g, '').toUpperCase();
}
