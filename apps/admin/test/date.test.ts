import { describe, expect, it } from 'vitest';
import {
  addDays,
  currentYearShanghai,
  formatDate,
  formatDateTime,
  todayShanghai,
} from '../src/utils/date';

describe('formatDateTime', () => {
  it('shows a UTC instant in Suzhou time, on the next day when it is past midnight there', () => {
    expect(formatDateTime(new Date('2026-01-01T16:30:00Z'))).toBe('2026-01-02 00:30');
  });

  it('accepts the ISO strings and epoch milliseconds an API might send', () => {
    expect(formatDateTime('2026-03-15T01:05:00.000Z')).toBe('2026-03-15 09:05');
    expect(formatDateTime(Date.UTC(2025, 11, 31, 15, 59))).toBe('2025-12-31 23:59');
  });

  it('writes midnight as 00, not 24', () => {
    expect(formatDateTime('2026-06-30T16:00:00Z')).toBe('2026-07-01 00:00');
  });

  it('shows nothing for a missing or unreadable time', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});

describe('formatDate and calendar days', () => {
  it('gives the Suzhou date of an instant, the next day after 16:00 UTC', () => {
    expect(formatDate(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
    expect(formatDate(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
  });

  it('passes a calendar date (a notice period end) through unchanged', () => {
    expect(formatDate('2026-12-08')).toBe('2026-12-08');
  });

  it('knows today and this year in Suzhou, whatever the computer says', () => {
    const lateNewYearsEveUtc = new Date('2026-12-31T17:00:00Z');
    expect(todayShanghai(lateNewYearsEveUtc)).toBe('2027-01-01');
    expect(currentYearShanghai(lateNewYearsEveUtc)).toBe(2027);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
