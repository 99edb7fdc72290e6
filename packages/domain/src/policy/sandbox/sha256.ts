/**
 * SHA-256 (FIPS 180-4) of bytes or text, in plain TypeScript. The domain is also bundled into the
 * admin and the WeChat mini-program, so it imports no Node built-in (`node:crypto`) and relies on
 * no `TextEncoder` (absent from older WeChat base libraries): text is encoded to UTF-8 here, fed in
 * pieces, and the digest is the standard one — the API can check it with `node:crypto`.
 */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** Bytes gathered before whole blocks are hashed; 4 more fit, so one character never overflows. */
const BUFFER = 1 << 14;

export class Sha256 {
  private readonly h = new Int32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  private readonly bytes = new Uint8Array(BUFFER + 4);
  private readonly w = new Int32Array(64);
  private used = 0;
  /** Bytes already hashed (exact up to 2^53). */
  private hashed = 0;
  private digest: string | undefined;

  /**
   * Adds bytes as they are, or `text` encoded as UTF-8 (a lone surrogate as U+FFFD, as
   * `TextEncoder` does). Pieces of text are whole strings: a surrogate pair split across two calls
   * is two lone surrogates.
   */
  update(input: string | Uint8Array): this {
    if (this.digest !== undefined) throw new Error('sha256: update after digest');
    if (typeof input === 'string') this.updateText(input);
    else this.updateBytes(input);
    return this;
  }

  private updateBytes(input: Uint8Array): void {
    let used = this.used;
    for (let at = 0; at < input.length;) {
      const take = Math.min(input.length - at, BUFFER - used);
      this.bytes.set(input.subarray(at, at + take), used);
      at += take;
      used += take;
      if (used >= BUFFER) used = this.flush(used);
    }
    this.used = used;
  }

  private updateText(text: string): void {
    const bytes = this.bytes;
    let used = this.used;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        bytes[used++] = c;
      } else if (c < 0x800) {
        bytes[used++] = 0xc0 | (c >> 6);
        bytes[used++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const next = text.charCodeAt(i + 1);
          if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
            i++;
            bytes[used++] = 0xf0 | (c >> 18);
            bytes[used++] = 0x80 | ((c >> 12) & 0x3f);
            bytes[used++] = 0x80 | ((c >> 6) & 0x3f);
            bytes[used++] = 0x80 | (c & 0x3f);
            if (used >= BUFFER) used = this.flush(used);
            continue;
          }
          c = 0xfffd;
        }
        bytes[used++] = 0xe0 | (c >> 12);
        bytes[used++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[used++] = 0x80 | (c & 0x3f);
      }
      if (used >= BUFFER) used = this.flush(used);
    }
    this.used = used;
  }

  /** The digest as 64 lower-case hex digits; the hash takes no more input after it. */
  hex(): string {
    if (this.digest === undefined) {
      const bits = (this.hashed + this.used) * 8;
      // Room for the padding and the length: at most 72 bytes.
      let used = this.used > BUFFER - 72 ? this.flush(this.used) : this.used;
      const bytes = this.bytes;
      bytes[used++] = 0x80;
      while (used % 64 !== 56) bytes[used++] = 0;
      // The message length in bits, big-endian in 64 bits.
      const high = Math.floor(bits / 0x1_0000_0000);
      for (const word of [high, bits >>> 0]) {
        for (let shift = 24; shift >= 0; shift -= 8) bytes[used++] = (word >>> shift) & 0xff;
      }
      this.used = this.flush(used);
      let out = '';
      for (const word of this.h) out += (word >>> 0).toString(16).padStart(8, '0');
      this.digest = out;
    }
    return this.digest;
  }

  /** Hashes the whole blocks gathered; the rest moves to the front. Returns the bytes left. */
  private flush(used: number): number {
    const whole = used - (used % 64);
    if (whole > 0) compress(this.h, this.w, this.bytes, whole);
    this.bytes.copyWithin(0, whole, used);
    this.hashed += whole;
    return used - whole;
  }
}

/**
 * The SHA-256 compression of `bytes[0, length)`, whole 64-byte blocks, into the state `h`. One
 * call for every block gathered, the state in local variables throughout; every sum is brought
 * back to 32 bits (`| 0`) as it is made, so V8 keeps integers and never falls back to doubles.
 */
function compress(h: Int32Array, w: Int32Array, bytes: Uint8Array, length: number): void {
  let h0 = h[0] as number;
  let h1 = h[1] as number;
  let h2 = h[2] as number;
  let h3 = h[3] as number;
  let h4 = h[4] as number;
  let h5 = h[5] as number;
  let h6 = h[6] as number;
  let h7 = h[7] as number;
  for (let at = 0; at < length; at += 64) {
    for (let t = 0; t < 16; t++) {
      const j = at + t * 4;
      w[t] =
        ((bytes[j] as number) << 24) |
        ((bytes[j + 1] as number) << 16) |
        ((bytes[j + 2] as number) << 8) |
        (bytes[j + 3] as number);
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15] as number;
      const y = w[t - 2] as number;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = ((((w[t - 16] as number) + s0) | 0) + (((w[t - 7] as number) + s1) | 0)) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let k = h7;
    for (let t = 0; t < 64; t++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 =
        (((((k + s1) | 0) + ((e & f) ^ (~e & g))) | 0) +
          (((K[t] as number) + (w[t] as number)) | 0)) |
        0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + k) | 0;
  }
  h[0] = h0;
  h[1] = h1;
  h[2] = h2;
  h[3] = h3;
  h[4] = h4;
  h[5] = h5;
  h[6] = h6;
  h[7] = h7;
}

/** SHA-256 of `text` (UTF-8), as 64 hex digits. */
export function sha256Hex(text: string): string {
  return new Sha256().update(text).hex();
}
