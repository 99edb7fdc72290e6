import type { IsoDate } from './types';

/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Dates are inputs; nothing here reads a clock.
 * `Date.UTC` is used only as a day counter, so no time zone can shift a day.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parts(date: IsoDate): [number, number, number] | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return null;
  }
  return [y, mo, d];
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parts(value) !== null;
}

function dayNumber(date: IsoDate): number {
  const p = parts(date);
  if (!p) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(p[0], p[1] - 1, p[2]) / MS_PER_DAY;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(date: IsoDate): number {
  const p = parts(date);
  if (!p) throw new RangeError(`not a date: ${date}`);
  return p[0];
}
