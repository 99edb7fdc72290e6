import type { CalendarDate } from '@kc/domain';

/** `@db.Date` columns come back as UTC midnight; the sessions run in UTC (docs/DECISIONS.md). */
export function dateOf(value: Date): CalendarDate;
export function dateOf(value: Date | null): CalendarDate | null;
export function dateOf(value: Date | null): CalendarDate | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** A calendar date as the value a `@db.Date` column stores. */
export function dbDate(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** The first instant of a calendar date in Asia/Shanghai (a fixed +8 h: no daylight saving). */
export function shanghaiDayStart(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
