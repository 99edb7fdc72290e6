/**
 * A seeded random source for panel draws: the same seed gives the same sequence on every
 * machine and every run, so a draw recorded with its seed can be replayed and checked by anyone.
 * sfc32 (a small, fast generator that passes PractRand) seeded by cyrb128 (a string hash). Not
 * for secrets: the seed itself comes from a cryptographic source (the API) and is recorded.
 */
export interface SeededRandom {
  /** A uniform integer in [0, n), without modulo bias (a draw must be fair, not nearly fair). */
  below(n: number): number;
}

export function seededRandom(seed: string): SeededRandom {
  const [a0, b0, c0, d0] = cyrb128(seed);
  let a = a0;
  let b = b0;
  let c = c0;
  let d = d0;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32's state mixes in a few rounds.
  for (let i = 0; i < 12; i++) next();
  return {
    below(n) {
      if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) throw new RangeError(`below(${n})`);
      // Reject the top partial block of the 2^32 range so every residue is equally likely.
      const limit = 2 ** 32 - (2 ** 32 % n);
      for (;;) {
        const x = next();
        if (x < limit) return x % n;
      }
    },
  };
}

/** cyrb128: four 32-bit words from a string (public domain, bryc). */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
