import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../../src/policy/sandbox/byte-writer';
import { CanonicalEncoder } from '../../../src/policy/sandbox/canonical-bytes';
import { yuan } from '../../../src';
import { mulberry32 } from '../../../../../tooling/bench/src/random';
import { handFixture } from './fixtures';
import { referenceBytes } from './canonical-reference';

/** The encoder's bytes for `values`, in one encoding (shapes numbered across them). */
function encoded(...values: unknown[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const out = new ByteWriter((bytes) => chunks.push(bytes.slice()));
  const encoder = new CanonicalEncoder(out);
  for (const v of values) encoder.value(v);
  out.flush();
  return Uint8Array.from(chunks.flatMap((c) => [...c]));
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('canonical bytes', () => {
  it('writes each kind of value as the reference does', () => {
    const values: unknown[] = [
      null,
      undefined,
      true,
      false,
      0,
      -0,
      1,
      127,
      128,
      300,
      -1,
      -129,
      2 ** 31,
      2 ** 32 + 5,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      0.5,
      -1.25e-7,
      2 ** 60,
      0n,
      yuan(500_000),
      -yuan(150_000),
      2n ** 53n,
      -(2n ** 70n),
      '',
      'a',
      '宿州市科学技术局',
      '😀𠮷é',
      '\ud800',
      'a\udc00b',
      'x\u0000y',
      [],
      [1, [2, [3]], undefined, null],
      {},
      { b: 1, a: [true, null, undefined], c: undefined, d: yuan(1) },
      { 中: '宿州', Z: 'z', a: 'a' },
    ];
    for (const v of values) expect(hex(encoded(v)), String(v)).toBe(hex(referenceBytes(v)));
    expect(hex(encoded(...values))).toBe(hex(referenceBytes(...values)));
  });

  it('writes the applications of the hand fixture as the reference does', () => {
    const apps = handFixture();
    expect(hex(encoded(apps))).toBe(hex(referenceBytes(apps)));
  });

  it('names a shape met before by its number, whatever order its keys were in', () => {
    const first = encoded({ a: 1, b: 2 });
    const both = encoded({ a: 1, b: 2 }, { b: 2, a: 1 });
    // Tag 0x0c, shape 0, then the two values again.
    expect(hex(both)).toBe(hex(first) + '0c00' + '0301' + '0302');
  });

  it('gives equal values equal bytes: key order, undefined properties, −0', () => {
    expect(hex(encoded({ b: [1, 2], a: { y: 'y', x: 'x' } }))).toBe(
      hex(encoded({ a: { x: 'x', y: 'y' }, b: [1, 2] })),
    );
    expect(hex(encoded({ a: 1, gone: undefined }))).toBe(hex(encoded({ a: 1 })));
    expect(hex(encoded(-0))).toBe(hex(encoded(0)));
  });

  it('gives different values different bytes', () => {
    const values: unknown[] = [
      null,
      0,
      '0',
      0n,
      false,
      '',
      [],
      {},
      [null],
      [[]],
      { a: null },
      { a: '' },
      { '': 'a' },
      ['a', 'b'],
      ['ab'],
      ['a\u0000b'],
      { a: 1, b: 2 },
      { a: 2, b: 1 },
      { ab: 1 },
      '\ufffd',
      '\ud800',
      1.5,
      1,
      -1,
      1n,
      -1n,
      2n ** 53n,
      '9007199254740992',
    ];
    const seen = new Map<string, unknown>();
    for (const v of values) {
      const bytes = hex(encoded(v));
      expect(seen.has(bytes), `${String(v)} and ${String(seen.get(bytes))}`).toBe(false);
      seen.set(bytes, v);
    }
  });

  it('hands on long text in chunks without losing or splitting a character', () => {
    const rnd = mulberry32(2026);
    const chars = ['a', '宿', '😀', '\u00e9', '\ud800'];
    let text = '';
    for (let i = 0; i < 70_000; i++) text += chars[Math.floor(rnd() * chars.length)];
    const sizes: number[] = [];
    const chunks: Uint8Array[] = [];
    const out = new ByteWriter((bytes) => {
      sizes.push(bytes.length);
      chunks.push(bytes.slice());
    });
    new CanonicalEncoder(out).value([text, text]);
    out.flush();
    expect(sizes.length).toBeGreaterThan(2);
    expect(out.length).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(hex(Uint8Array.from(chunks.flatMap((c) => [...c])))).toBe(
      hex(referenceBytes([text, text])),
    );
  });

  it('refuses what JSON cannot say the same way twice', () => {
    const fails = (v: unknown) => () => encoded(v);
    expect(fails({ at: new Date(0) })).toThrow(TypeError);
    expect(fails(Number.NaN)).toThrow(TypeError);
    expect(fails(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(fails(new Map())).toThrow(TypeError);
    expect(fails({ f: () => 1 })).toThrow(TypeError);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(fails(cycle)).toThrow(/deeply/);
  });
});
