/**
 * The canonical byte encoding of `src/policy/sandbox/canonical-bytes.ts`, written the slow and
 * obvious way, to test the fast one against: one array of numbers, sorted keys looked up by name,
 * varints by division, UTF-8 by code point (a lone surrogate is its own code point: WTF-8).
 * Shapes are numbered across all the values given, as one encoder numbers them.
 */
export function referenceBytes(...values: unknown[]): Uint8Array {
  const out: number[] = [];
  const shapes: string[] = [];
  const varint = (n: number) => {
    for (;;) {
      const low = n % 128;
      n = Math.floor(n / 128);
      if (n === 0) return out.push(low);
      out.push(low + 128);
    }
  };
  const text = (s: string) => {
    for (const ch of s) {
      const c = ch.codePointAt(0) as number;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else {
        out.push(
          0xf0 | (c >> 18),
          0x80 | ((c >> 12) & 63),
          0x80 | ((c >> 6) & 63),
          0x80 | (c & 63),
        );
      }
    }
    out.push(0xff);
  };
  const walk = (v: unknown): void => {
    if (v === null || v === undefined) {
      out.push(0x00);
    } else if (typeof v === 'boolean') {
      out.push(v ? 0x02 : 0x01);
    } else if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) {
        out.push(v >= 0 ? 0x03 : 0x04);
        varint(Math.abs(v));
      } else {
        out.push(0x05);
        const view = new DataView(new ArrayBuffer(8));
        view.setFloat64(0, v);
        for (let i = 0; i < 8; i++) out.push(view.getUint8(i));
      }
    } else if (typeof v === 'bigint') {
      const safe = BigInt(Number.MAX_SAFE_INTEGER);
      if (v >= 0n && v <= safe) {
        out.push(0x06);
        varint(Number(v));
      } else if (v < 0n && v >= -safe) {
        out.push(0x07);
        varint(Number(-v));
      } else {
        out.push(0x08);
        text(String(v));
      }
    } else if (typeof v === 'string') {
      out.push(0x09);
      text(v);
    } else if (Array.isArray(v)) {
      out.push(0x0a);
      varint(v.length);
      v.forEach(walk);
    } else {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      const id = JSON.stringify(keys);
      const seen = shapes.indexOf(id);
      if (seen >= 0) {
        out.push(0x0c);
        varint(seen);
      } else {
        shapes.push(id);
        out.push(0x0b);
        varint(keys.length);
        keys.forEach(text);
      }
      for (const k of keys) walk(record[k]);
    }
  };
  values.forEach(walk);
  return Uint8Array.from(out);
}
