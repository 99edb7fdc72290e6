import type { IsoDate } from './types';

/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Dates are inputs; nothing here reads a clock.
 * Days are counted with the proleptic Gregorian calendar (as `Date.UTC` does), in plain integers:
 * the engine checks several dates per application, and a `Date` per check was a measurable cost.
 */
const MS_PER_DAY = 86_400_000;
const ZERO = 48;

/** Two-or-four ASCII digits at `at`, or -1. */
function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 (negative before), or NaN when `date` is not a real `YYYY-MM-DD` day. */
function dayNumberOrNaN(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return NaN;
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 2);
  const d = digits(date, 8, 2);
  // Years 0–99 were never dates here: `Date.UTC` reads them as 1900–1999.
  if (y < 100 || m < 1 || m > 12 || d < 1) return NaN;
  if (d > (m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] as number))) return NaN;
  // Days from civil (H. Hinnant): March-based years make the leap day the year's last.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days since 1970-01-01, or undefined when `value` is not a date: one parse for check and count. */
export function isoDay(value: string): number | undefined {
  const n = dayNumberOrNaN(value);
  return Number.isNaN(n) ? undefined : n;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && !Number.isNaN(dayNumberOrNaN(value));
}

/** Days since 1970-01-01; throws for anything that is not a date. */
export function dayNumber(date: IsoDate): number {
  const n = dayNumberOrNaN(date);
  if (Number.isNaN(n)) throw new RangeError(`not a date: ${date}`);
  return n;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(date: IsoDate): number {
  dayNumber(date);
  return Number(date.slice(0, 4));
}
