import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { serializePlain } from '../src/plain-serialize';
import { answerTransformer } from '../src/serialized-answer';

/** A small seeded generator (mulberry32): the same trees on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Keys superjson escapes or orders specially: dots, backslashes, integer-like names.
const KEYS = ['id', 'a.b', 'c\\d', '0', '12', 'amountFen', 'x', '名称', 'e.f\\.g', ''];
// Few distinct bigints, so that equal amounts recur (superjson annotates each recurrence).
const BIGINTS = [0n, 200_000_000n, 50_000_000n, -1n, 9_007_199_254_740_993n];
// Dates that recur as the same object (a row's createdAt and updatedAt from one `now`); superjson
// notes those by identity. Made per tree: a Date object met in two trees would be two trees' business.
const sharedDates = () => [new Date(Date.UTC(2026, 11, 6)), new Date(Date.UTC(2029, 5, 15, 8))];

function tree(next: () => number, depth: number, dates = sharedDates()): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const r = next();
  if (depth <= 0 || r < 0.35) {
    return pick<() => unknown>([
      () => 'text',
      () => '',
      () => Math.floor(next() * 1000) - 500,
      () => next(),
      () => next() < 0.5,
      () => null,
      () => undefined,
      () => pick(BIGINTS),
      () => new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 1e10)),
      () => pick(dates),
    ])();
  }
  if (r < 0.7)
    return Array.from({ length: Math.floor(next() * 4) }, () => tree(next, depth - 1, dates));
  const obj: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 5); i > 0; i--) obj[pick(KEYS)] = tree(next, depth - 1, dates);
  return obj;
}

describe('serializePlain', () => {
  it('gives superjson’s output byte for byte on 3,000 random trees', () => {
    let annotated = 0;
    let equalities = 0;
    let dateEqualities = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const value = tree(random(seed), 7);
      const ours = serializePlain(value);
      expect(ours, `seed ${seed}`).not.toBeNull();
      expect(JSON.stringify(ours), `seed ${seed}`).toBe(JSON.stringify(superjson.serialize(value)));
      if (ours?.meta?.values) annotated++;
      const same = ours?.meta?.referentialEqualities;
      if (same) equalities++;
      const values = ours?.meta?.values as Record<string, unknown> | undefined;
      if (
        same &&
        !Array.isArray(same) &&
        Object.keys(same).some((k) => `${values?.[k]}` === 'Date')
      )
        dateEqualities++;
    }
    // The trees did exercise the annotations, not only plain JSON.
    expect(annotated).toBeGreaterThan(1000);
    expect(equalities).toBeGreaterThan(100);
    expect(dateEqualities).toBeGreaterThan(50);
  });

  it('a queue page: dates, amounts (some equal), nulls and undefined', () => {
    const page = {
      total: 2,
      items: [
        { id: 'a', computedAmountFen: 20_000_000n, approvedAmountFen: null, at: new Date(0) },
        { id: 'b', computedAmountFen: 20_000_000n, approvedAmountFen: undefined, at: new Date(1) },
      ],
    };
    const ours = serializePlain(page);
    expect(ours).toEqual(superjson.serialize(page));
    expect(superjson.deserialize(ours!)).toEqual(page);
  });

  it('a row whose times were set from one Date (a submission’s answer)', () => {
    const now = new Date('2026-12-06T01:30:00.000Z');
    const row = { submittedAt: now, events: [{ at: now }], updatedAt: now, decidedAt: null };
    const ours = serializePlain(row);
    expect(ours).toEqual(superjson.serialize(row));
    expect(ours?.meta?.referentialEqualities).toEqual({
      submittedAt: ['updatedAt', 'events.0.at'],
    });
    expect(superjson.deserialize(ours!)).toEqual(row);
  });

  it('leaves to superjson what it does not handle', () => {
    const shared = { q: 1 };
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    class Money {
      fen = 1n;
    }
    for (const value of [
      { a: shared, b: shared },
      cyclic,
      { n: Number.NaN },
      { n: -0 },
      { n: Number.POSITIVE_INFINITY },
      { m: new Map([[1, 2]]) },
      { s: new Set([1]) },
      { e: new Error('x') },
      { d: new Date(Number.NaN) },
      { c: new Money() },
      { f: () => 1 },
      { y: Symbol('s') },
      JSON.parse('{"__proto__": 1}') as unknown,
    ]) {
      expect(serializePlain(value)).toBeNull();
    }
  });

  it('is what the tRPC transformer sends', () => {
    const value = { when: new Date(5), fen: 3n, list: [undefined, 'x'] };
    expect(answerTransformer.output.serialize(value)).toEqual(superjson.serialize(value));
    const shared = { q: 1 };
    const odd = { a: shared, b: shared, m: new Map([[1, 2]]) };
    expect(answerTransformer.output.serialize(odd)).toEqual(superjson.serialize(odd));
  });
});
