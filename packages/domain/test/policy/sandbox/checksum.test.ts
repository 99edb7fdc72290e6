import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Fen, SandboxChecksumInput } from '../../../src';
import { planReplay, replayOutcomes, sandboxChecksum, Sha256, sha256Hex, yuan } from '../../../src';
import { mulberry32 } from '../../../../../tooling/bench/src/random';
import { DRAFT } from '../fixtures';
import { referenceBytes } from './canonical-reference';
import { AMENDMENT, handFixture, PERIOD, PROPOSED } from './fixtures';

const nodeSha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

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

  it('hashes bytes as node:crypto does, fed in pieces of any size', () => {
    const rnd = mulberry32(16);
    const bytes = Uint8Array.from({ length: 70_000 }, () => Math.floor(rnd() * 256));
    for (const n of [0, 1, 55, 56, 63, 64, 65, 16_384, 16_385, 70_000]) {
      expect(new Sha256().update(bytes.subarray(0, n)).hex(), `length ${n}`).toBe(
        nodeSha256(bytes.subarray(0, n)),
      );
    }
    const hash = new Sha256();
    for (let at = 0; at < bytes.length;) {
      const next = Math.min(bytes.length, at + Math.floor(rnd() * 20_000));
      hash.update(bytes.subarray(at, next));
      at = next;
    }
    expect(hash.hex()).toBe(nodeSha256(bytes));
  });
});

describe('sandboxChecksum', () => {
  const apps = handFixture();
  const plan = planReplay(apps, PERIOD);
  const outcomes = { base: replayOutcomes(plan, DRAFT), proposed: replayOutcomes(plan, PROPOSED) };
  const input: SandboxChecksumInput = {
    applications: apps,
    period: PERIOD,
    currentId: DRAFT.id,
    proposedId: PROPOSED.id,
    amendment: AMENDMENT,
    outcomes,
  };
  const sum = sandboxChecksum(input);

  it('is the SHA-256 of the canonical bytes of its inputs, then of every row’s outcomes', () => {
    const { base, proposed } = outcomes;
    const rows = base.amounts.flatMap((amount, at) => [
      (base.eligible[at] ? 2 : 0) + (proposed.eligible[at] ? 1 : 0),
      amount,
      proposed.amounts[at],
    ]);
    const bytes = referenceBytes(
      {
        format: 'kc-policy-sandbox/2',
        applications: apps,
        period: PERIOD,
        currentId: DRAFT.id,
        proposedId: PROPOSED.id,
        amendment: AMENDMENT,
        budgetsFen: null,
      },
      base.amounts.length,
      ...rows,
    );
    expect(sum).toBe(nodeSha256(bytes));
  });

  it('is stable: the same on every run and machine', () => {
    // Written out, not built from the fixtures: only a change of layout may change this sum.
    const fixed: SandboxChecksumInput = {
      applications: [
        {
          ruleId: 'tech-transfer',
          areaCode: 'sz-hitech',
          application: {
            id: 'T1',
            appliedOn: '2026-02-10',
            applicant: { kind: 'researcher', id: 'r-1', name: '李明', insideCity: true },
            input: { contractNo: 'HT-1', amount: yuan(3_000_000) },
            evidence: ['technology-contract'],
          },
          recordedAmount: yuan(300_000),
        },
      ],
      period: PERIOD,
      currentId: 'current',
      proposedId: 'proposed',
      budgetsFen: { 'tech-transfer': yuan(1_500_000) },
      outcomes: {
        base: { eligible: Uint8Array.of(1), amounts: [yuan(300_000)] },
        proposed: { eligible: Uint8Array.of(0), amounts: [yuan(0)] },
      },
    };
    expect(sandboxChecksum(fixed)).toBe(
      '1b1c3c17c6cb90aabb5d27bfa6bad125e08ce8e6537bcab66d097b0676c4044e',
    );
  });

  it('is the same with node:crypto’s SHA-256 passed in, as the server does', () => {
    const h = createHash('sha256');
    expect(sandboxChecksum(input, { update: (b) => h.update(b), hex: () => h.digest('hex') })).toBe(
      sum,
    );
  });

  it('does not depend on key order', () => {
    const reordered = {
      ...input,
      amendment: JSON.parse(JSON.stringify(AMENDMENT)) as typeof AMENDMENT,
      period: { to: PERIOD.to, from: PERIOD.from },
    };
    expect(sandboxChecksum(reordered)).toBe(sum);
  });

  it('changes with any input: an amount, a date, an id, the amendment, the budgets', () => {
    const first = apps[0]!;
    const changedApps = [{ ...first, recordedAmount: yuan(1) }, ...apps.slice(1)];
    const variants: SandboxChecksumInput[] = [
      { ...input, applications: changedApps },
      { ...input, applications: apps.slice(1) },
      { ...input, applications: [...apps.slice(1), first] },
      { ...input, period: { ...PERIOD, to: '2026-12-30' } },
      { ...input, currentId: 'other' },
      { ...input, proposedId: 'other' },
      { ...input, amendment: null },
      { ...input, budgetsFen: { 'tech-transfer': yuan(1_500_000) } },
    ];
    for (const v of variants) expect(sandboxChecksum(v)).not.toBe(sum);
  });

  it('changes with any outcome: one row paid a fen more, or refused instead', () => {
    const { base, proposed } = outcomes;
    const last = base.amounts.length - 1;
    const amounts = base.amounts.map((a, at) => (at === last ? ((a + 1n) as Fen) : a));
    const eligible = proposed.eligible.slice();
    eligible[3] = eligible[3] ? 0 : 1;
    expect(
      sandboxChecksum({ ...input, outcomes: { base: { ...base, amounts }, proposed } }),
    ).not.toBe(sum);
    expect(
      sandboxChecksum({ ...input, outcomes: { base, proposed: { ...proposed, eligible } } }),
    ).not.toBe(sum);
  });

  it('refuses outcomes of different lengths', () => {
    const { base, proposed } = outcomes;
    const short = { eligible: proposed.eligible.subarray(1), amounts: proposed.amounts.slice(1) };
    expect(() => sandboxChecksum({ ...input, outcomes: { base, proposed: short } })).toThrow(
      /different applications/,
    );
  });
});
