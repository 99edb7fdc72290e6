import { addCalendarDays, todayInShanghai } from '@kc/domain';

/**
 * Times are shown in Suzhou's time zone whatever the officer's computer is set to:
 * a record registered at 00:30 Beijing time belongs to that day, also for deadlines.
 */
const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function toDate(value: Date | string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parts(date: Date): Record<string, string> {
  const part: Record<string, string> = {};
  for (const { type, value: v } of shanghai.formatToParts(date)) part[type] = v;
  return part;
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai; an empty string for a missing or invalid time. */
export function formatDateTime(value: Date | string | number | null | undefined): string {
  const date = toDate(value);
  if (!date) return '';
  const part = parts(date);
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/**
 * `YYYY-MM-DD` in Asia/Shanghai. A calendar date string (`2026-11-27`, as the API sends notice
 * periods) is passed through unchanged: it is already a Shanghai date, not an instant.
 */
export function formatDate(value: Date | string | number | null | undefined): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = toDate(value);
  if (!date) return '';
  const part = parts(date);
  return `${part.year}-${part.month}-${part.day}`;
}

/** Today's date in Suzhou (`YYYY-MM-DD`). */
export function todayShanghai(now: Date = new Date()): string {
  return todayInShanghai(now);
}

/** This year in Suzhou: the default budget year. */
export function currentYearShanghai(now: Date = new Date()): number {
  return Number(todayShanghai(now).slice(0, 4));
}

/** A calendar date `days` later (`2026-11-27` + 1 → `2026-11-28`). */
export function addDays(date: string, days: number): string {
  return addCalendarDays(date, days);
}
