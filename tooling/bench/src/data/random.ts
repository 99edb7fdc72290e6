/**
 * A seeded generator (mulberry32), so `--seed` gives the same database every time, and the small
 * helpers the generator draws with.
 */
import { mulberry32 } from '../random';

export interface Rng {
  (): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `weights` in the order of `items`; they need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
  /** A version-4 shaped UUID from the stream (deterministic, unlike randomUUID). */
  uuid(): string;
}

export function seededRng(seed: number): Rng {
  const next = mulberry32(seed);
  const hex = (n: number) =>
    Math.floor(next() * 16 ** n)
      .toString(16)
      .padStart(n, '0');
  return Object.assign(next, {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) if ((r -= w) < 0) return item;
      return (items[items.length - 1] as readonly [T, number])[0];
    },
    chance: (p: number) => next() < p,
    uuid: () =>
      `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(6)}${hex(6)}`,
  });
}
