import { describe, expect, it } from 'vitest';
import { lastTwelveMonths } from '../../src';

describe('the last twelve months', () => {
  it('runs from the day after the same day a year before, to today, both counted', () => {
    expect(lastTwelveMonths('2026-12-01')).toEqual({ from: '2025-12-02', to: '2026-12-01' });
    expect(lastTwelveMonths('2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(lastTwelveMonths('2027-01-01')).toEqual({ from: '2026-01-02', to: '2027-01-01' });
    expect(lastTwelveMonths('2026-03-01')).toEqual({ from: '2025-03-02', to: '2026-03-01' });
  });

  it('looks back from a leap day to 1 March, and over a leap day in 366 days', () => {
    expect(lastTwelveMonths('2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
    expect(lastTwelveMonths('2028-03-01')).toEqual({ from: '2027-03-02', to: '2028-03-01' });
    expect(lastTwelveMonths('2029-02-28')).toEqual({ from: '2028-02-29', to: '2029-02-28' });
  });

  it('refuses what is not a date', () => {
    expect(() => lastTwelveMonths('2026-13-01')).toThrow();
  });
});
