import { describe, expect, it } from 'vitest';
import { fen, formatWanYuan, formatYuan, mulRatioFloor, parseYuan, yuan } from '../src';

describe('money in integer fen', () => {
  it('formats fen as yuan with thousands separators', () => {
    expect(formatYuan(yuan(200_000))).toBe('¥200,000.00');
    expect(formatYuan(fen(1))).toBe('¥0.01');
    expect(formatYuan(fen(-150))).toBe('-¥1.50');
  });

  it('formats amounts the way the plan writes them', () => {
    expect(formatWanYuan(yuan(2_000_000))).toBe('200万元');
    expect(formatWanYuan(yuan(35_000))).toBe('3.5万元');
    expect(formatWanYuan(yuan(500))).toBe('500.00元');
  });

  it('parses yuan strings exactly, without floating point', () => {
    expect(parseYuan('4,999,990')).toBe(499_999_000n);
    expect(parseYuan('0.1')).toBe(10n);
    expect(parseYuan('¥1234.56')).toBe(123_456n);
    // 0.1 + 0.2 in floats is 0.30000000000000004; in fen it is exact.
    expect(parseYuan('0.1')! + parseYuan('0.2')!).toBe(parseYuan('0.3'));
  });

  it('refuses malformed or negative amounts and more than two decimals', () => {
    for (const bad of ['', '-1', '1.234', 'abc', '1e5']) expect(parseYuan(bad)).toBeNull();
  });

  it('refuses fractional fen', () => {
    expect(() => fen(1.5)).toThrow(RangeError);
  });

  it('rounds a percentage down to the fen', () => {
    expect(mulRatioFloor(fen(999), 10n, 100n)).toBe(99n);
  });
});
