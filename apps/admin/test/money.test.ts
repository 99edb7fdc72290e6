import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFen, percentOf, yuanTextToFen } from '../src/utils/money';

describe('money on screen', () => {
  it('shows fen as yuan, and a dash when there is no amount rather than ¥0.00', () => {
    expect(formatFen(20_000_000n)).toBe('¥200,000.00');
    expect(formatFen(1n)).toBe('¥0.01');
    expect(formatFen(null)).toBe('—');
    expect(formatFen(undefined)).toBe('—');
  });

  it('reads what an officer types in yuan exactly, never through a float', () => {
    expect(yuanTextToFen('150000')).toBe(15_000_000n);
    expect(yuanTextToFen('1,234.5')).toBe(123_450n);
    expect(yuanTextToFen('¥0.10')).toBe(10n);
    // 0.1 + 0.2 style mistakes cannot happen: 9007199254740993 yuan stays exact.
    expect(yuanTextToFen('9007199254740993')).toBe(900_719_925_474_099_300n);
    expect(yuanTextToFen('12.345')).toBeNull();
    expect(yuanTextToFen('abc')).toBeNull();
    expect(yuanTextToFen('  ')).toBeNull();
  });

  it('puts an amount back into a yuan box', () => {
    expect(fenToYuanText(4_000_000_00n)).toBe('4000000.00');
    expect(fenToYuanText(null)).toBe('');
  });

  it('draws budget bars in whole percent, clamped, and empty without a budget', () => {
    expect(percentOf(50n, 200n)).toBe(25);
    expect(percentOf(1n, 3n)).toBe(33);
    expect(percentOf(300n, 200n)).toBe(100);
    expect(percentOf(5n, 0n)).toBe(0);
    expect(percentOf(5n, null)).toBe(0);
  });
});
