import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../src';
import { addDays, daysBetween, isIsoDate, yearOf } from '../../src/policy/dates';
import { keyPart } from '../../src/policy/keys';
import { mulberry32 } from '../../../../tooling/bench/src/random';

/**
 * The engine's hot helpers count days without `Date`, skip NFKC for plain names and format money
 * without a regex (issue 13). Each must answer exactly as the simple version it replaced.
 */

/** The `Date`-based reading the day counter replaced. */
function referenceDay(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return null;
  }
  return Date.UTC(y, mo - 1, d) / 86_400_000;
}

function referenceKey(value: string): string {
  const canonical = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  return canonical.length > 0 ? canonical : '_';
}

function referenceYuan(amount: bigint): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${whole}.${(abs % 100n).toString().padStart(2, '0')}`;
}

describe('dates are counted without Date, and agree with it', () => {
  it('accepts the same days (leap years, month ends, years below 100) and counts the same distance', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (const y of [0, 99, 100, 1600, 1900, 1970, 2000, 2024, 2025, 2026, 2100, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const date = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const expected = referenceDay(date);
          expect(isIsoDate(date), date).toBe(expected !== null);
          if (expected !== null) expect(daysBetween('1970-01-01', date), date).toBe(expected);
        }
      }
    }
  });

  it('refuses anything but YYYY-MM-DD', () => {
    for (const text of [
      '2026-1-01',
      ' 2026-01-01',
      '2026-01-01 ',
      '２０２６-01-01',
      '2026/01/01',
      '',
    ]) {
      expect(isIsoDate(text), JSON.stringify(text)).toBe(false);
    }
    expect(() => yearOf('2026-02-30')).toThrow(RangeError);
  });

  it('adds days across a leap day and a year end', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-09-01', '2026-03-01')).toBe(-184);
  });
});

describe('a key part is the NFKC spelling, normalised only when it has to be', () => {
  it('gives the same key as NFKC for names mixing ASCII, ideographs, full-width and accents', () => {
    const alphabet = [
      'a',
      'Z',
      '0',
      ' ',
      '-',
      '宿',
      '州',
      '（',
      'Ａ',
      '１',
      '\u0301',
      'é',
      'İ',
      '·',
      '〔',
      'ß',
      'ǅ',
    ];
    const rnd = mulberry32(13);
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      for (let n = Math.floor(rnd() * 8); n > 0; n--)
        s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(keyPart(s), JSON.stringify(s)).toBe(referenceKey(s));
    }
  });

  it('joins a full-width platform name with its plain spelling', () => {
    expect(keyPart('宿州市ＸＸ（重点）实验室')).toBe(keyPart('宿州市 xx(重点)实验室'));
    expect(keyPart('—')).toBe('_');
  });
});

describe('money is formatted without a regex, the same as before', () => {
  it('writes every amount as ¥ with thousands and fen, negatives with a leading minus', () => {
    const values: bigint[] = [];
    for (let i = -1_200n; i <= 1_200n; i++) values.push(i);
    for (let x = 10n; x < 10n ** 20n; x *= 10n) values.push(x - 1n, x, x + 7n, -x);
    const rnd = mulberry32(7);
    for (let k = 0; k < 20_000; k++) values.push(BigInt(Math.floor(rnd() * 1e15)));
    for (const v of values) expect(formatYuan(v), String(v)).toBe(referenceYuan(v));
  });
});
