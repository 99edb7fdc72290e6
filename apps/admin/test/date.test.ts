import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../src/utils/date';

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
