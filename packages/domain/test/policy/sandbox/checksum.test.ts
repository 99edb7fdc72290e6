import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { batched, canonicalJson, sandboxChecksum, Sha256, sha256Hex, yuan } from '../../../src';
import { mulberry32 } from '../../../../../tooling/bench/src/random';
import { DRAFT } from '../fixtures';
import { AMENDMENT, handFixture, PERIOD, PROPOSED } from './fixtures';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256 (no Node built-in)', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on every length around the block edges, Chinese and emoji', () => {
    for (let n = 0; n <= 200; n++) {
      const text = 'a'.repeat(n);
      expect(sha256Hex(text), `length ${n}`).toBe(nodeSha256(text));
    }
    for (const text of ['宿州市科学技术局', '¥500,000.00 → ¥800,000.00', '😀𠮷é', 'x\u0000y']) {
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });

  it('encodes a lone surrogate as U+FFFD, as Node does', () => {
    for (const text of ['\ud800', 'a\udc00b', '\ud83d\ud83d\ude00']) {
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });

  it('gives the same digest fed in pieces, wherever they split', () => {
    const rnd = mulberry32(15);
    const chars = ['a', '宿', '😀', '\n', '"'];
    let text = '';
    for (let i = 0; i < 3000; i++) text += chars[Math.floor(rnd() * chars.length)];
    const hash = new Sha256();
    for (let at = 0; at < text.length;) {
      let next = Math.min(text.length, at + 1 + Math.floor(rnd() * 300));
      // Never split a surrogate pair: pieces are whole strings.
      if (/[\ud800-\udbff]/.test(text[next - 1] ?? '')) next++;
      hash.update(text.slice(at, next));
      at = next;
    }
    expect(hash.hex()).toBe(nodeSha256(text));
  });
});

describe('canonical JSON', () => {
  it('sorts keys, drops undefined, writes bigints tagged', () => {
    expect(canonicalJson({ b: 1, a: [true, null, undefined], c: undefined, d: yuan(1) })).toBe(
      '{"a":[true,null,null],"b":1,"d":{"$bigint":"100"}}',
    );
    expect(canonicalJson({ 中: '宿州', Z: 'z', a: 'a' })).toBe('{"Z":"z","a":"a","中":"宿州"}');
  });

  it('refuses what JSON cannot say the same way twice', () => {
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(TypeError);
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(new Map())).toThrow(TypeError);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/deeply/);
  });
});

describe('sandboxChecksum', () => {
  const input = {
    applications: handFixture(),
    period: PERIOD,
    currentId: DRAFT.id,
    proposedId: PROPOSED.id,
    amendment: AMENDMENT,
  };

  it('is the SHA-256 of the canonical JSON of its inputs', () => {
    expect(sandboxChecksum(input)).toBe(
      nodeSha256(
        canonicalJson({
          format: 'kc-policy-sandbox/1',
          applications: input.applications,
          period: PERIOD,
          currentId: DRAFT.id,
          proposedId: PROPOSED.id,
          amendment: AMENDMENT,
          budgetsFen: null,
        }),
      ),
    );
  });

  it('is the same with node:crypto’s SHA-256 passed in, as the server does', () => {
    const h = createHash('sha256');
    const node = batched({ update: (t) => h.update(t), hex: () => h.digest('hex') }, 100);
    expect(sandboxChecksum(input, node)).toBe(sandboxChecksum(input));
  });

  it('does not depend on key order, and changes with any amount, date or id', () => {
    const reordered = {
      ...input,
      amendment: JSON.parse(JSON.stringify(AMENDMENT)) as typeof AMENDMENT,
      period: { to: PERIOD.to, from: PERIOD.from },
    };
    expect(sandboxChecksum(reordered)).toBe(sandboxChecksum(input));
    const apps = handFixture();
    const first = apps[0]!;
    const changed = [{ ...first, recordedAmount: yuan(1) }, ...apps.slice(1)];
    expect(sandboxChecksum({ ...input, applications: changed })).not.toBe(sandboxChecksum(input));
    expect(sandboxChecksum({ ...input, period: { ...PERIOD, to: '2026-12-30' } })).not.toBe(
      sandboxChecksum(input),
    );
    expect(sandboxChecksum({ ...input, proposedId: 'other' })).not.toBe(sandboxChecksum(input));
    expect(sandboxChecksum({ ...input, amendment: null })).not.toBe(sandboxChecksum(input));
  });
});
