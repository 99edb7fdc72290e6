/**
 * One canonical spelling of a name for once-only and item keys: `宿州市 XX（重点）实验室`,
 * `宿州市XX(重点)实验室` and `宿州市ＸＸ重点实验室` are one platform. Letters and digits only, lower case.
 */
export function keyPart(value: string): string {
  const canonical = isPlain(value) ? plainKey(value) : slowKey(value);
  return canonical.length > 0 ? canonical : '_';
}

/**
 * ASCII and the CJK Unified Ideographs (U+4E00–U+9FFF) are unchanged by NFKC and by lower-casing
 * (but for A–Z): most names and numbers are only these, and need no normalisation.
 */
function isPlain(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80 && (c < 0x4e00 || c > 0x9fff)) return false;
  }
  return true;
}

/** `slowKey` for a plain string: ASCII letters lower-cased, digits and ideographs kept. */
function plainKey(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const keep = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c >= 0x4e00;
    if (keep) continue;
    out += value.slice(from, i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    from = i + 1;
  }
  return from === 0 ? value : out + value.slice(from);
}

function slowKey(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
