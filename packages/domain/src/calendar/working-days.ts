/**
 * Working days (工作日) in Asia/Shanghai, for deadlines such as the public notice (公示) period.
 *
 * Dates are plain 'YYYY-MM-DD' strings: a calendar day in Asia/Shanghai, with no time and no
 * zone. All arithmetic is on UTC day numbers (Date.UTC), never on local-time Date objects, so
 * the result does not depend on the time zone of the machine running it.
 *
 * A working day is Monday–Friday, except the calendar's public holidays (放假日), plus the
 * calendar's make-up working days (调休上班日, Saturdays or Sundays worked in exchange for a
 * longer holiday).
 *
 * Counting rules (one convention everywhere):
 * - `addWorkingDays(start, n)`: the start day is NOT counted; the result is the n-th working
 *   day after it (n = 0 gives `start`; negative n counts backwards).
 * - `workingDaysBetween(start, end)`: working days d with start < d ≤ end, so
 *   `workingDaysBetween(s, addWorkingDays(s, n)) === n`.
 * - The public notice follows the Civil Code (民法典 第二百零一条: a period counted in days
 *   starts the day after the event; 第二百零三条: it ends at 24:00 of its last day). The day of
 *   publication does not count — a notice published at 17:00 does not lose a day — and the
 *   period runs to the end of `noticeEndDate(publishedOn)`. The period is over from the next
 *   day on (`isNoticePeriodOver`). This never gives objectors less than the stated number of
 *   working days, whatever the hour of publication.
 */

/** 'YYYY-MM-DD', a calendar day in Asia/Shanghai. */
export type CalendarDate = string;

export interface WorkingCalendar {
  /** e.g. '国务院办公厅2026年节假日安排' */
  name: string;
  /**
   * Years whose official schedule is completely entered. For other years the calendar knows
   * only weekends: check `uncoveredYears` and warn the user (the State Council publishes the
   * next year's schedule around November).
   */
  years: readonly number[];
  /** Days off (放假日). Listing the weekend days of a holiday too is harmless. */
  holidays: readonly CalendarDate[];
  /** 调休 make-up working days: Saturdays or Sundays that are working days. */
  workdays: readonly CalendarDate[];
}

/** The default length of a public notice (公示期), in working days. */
export const NOTICE_WORKING_DAYS = 5;

const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year: China has had no daylight saving time since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD'; throws RangeError otherwise. */
function dayNumber(date: CalendarDate): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    // Date.UTC rolls 02-30 over to 03-02 (and maps years 0–99 to 19xx): a round trip catches both.
    if (Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date) return ms / DAY_MS;
  }
  throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function fromDayNumber(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isCalendarDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(date: CalendarDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** Calendar days (not working days). */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

/** The year of a date. */
export function calendarYear(date: CalendarDate): number {
  dayNumber(date);
  return Number(date.slice(0, 4));
}

/** Today's date in Asia/Shanghai at the instant `now` (pass the clock in: functions stay pure). */
export function todayInShanghai(now: Date): CalendarDate {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

interface CalendarSets {
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
}

const compiled = new WeakMap<WorkingCalendar, CalendarSets>();

function setsOf(calendar: WorkingCalendar): CalendarSets {
  let sets = compiled.get(calendar);
  if (!sets) {
    sets = {
      holidays: new Set(calendar.holidays.map(dayNumber)),
      workdays: new Set(calendar.workdays.map(dayNumber)),
    };
    compiled.set(calendar, sets);
  }
  return sets;
}

/**
 * Checks a calendar: valid dates, no day both a holiday and a make-up working day, make-up days
 * only on weekends, and every listed date inside one of `years` (so coverage is honest).
 * Returns the calendar (frozen) so it can wrap a literal.
 */
export function defineWorkingCalendar(calendar: WorkingCalendar): WorkingCalendar {
  const holidays = new Set(calendar.holidays.map(dayNumber));
  for (const day of calendar.workdays) {
    if (holidays.has(dayNumber(day)))
      throw new RangeError(`${calendar.name}: ${day} is both a holiday and a working day`);
    const weekday = dayOfWeek(day);
    if (weekday !== 0 && weekday !== 6)
      throw new RangeError(`${calendar.name}: make-up working day ${day} is not a weekend day`);
  }
  for (const day of [...calendar.holidays, ...calendar.workdays]) {
    if (!calendar.years.includes(calendarYear(day)))
      throw new RangeError(`${calendar.name}: ${day} is outside the calendar's years`);
  }
  return Object.freeze({
    ...calendar,
    years: Object.freeze([...calendar.years]),
    holidays: Object.freeze([...calendar.holidays]),
    workdays: Object.freeze([...calendar.workdays]),
  });
}

/** Several calendars as one (e.g. the official schedule plus a locally announced day off). */
export function mergeWorkingCalendars(
  name: string,
  ...calendars: readonly WorkingCalendar[]
): WorkingCalendar {
  return defineWorkingCalendar({
    name,
    years: [...new Set(calendars.flatMap((c) => c.years))].sort(),
    holidays: [...new Set(calendars.flatMap((c) => c.holidays))].sort(),
    workdays: [...new Set(calendars.flatMap((c) => c.workdays))].sort(),
  });
}

function range(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) days.push(fromDayNumber(d));
  return days;
}

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, 国办发明电〔2025〕7号):
 * 元旦 1.1–1.3, 1.4 (Sun) worked; 春节 2.15–2.23, 2.14 (Sat) and 2.28 (Sat) worked;
 * 清明 4.4–4.6; 劳动节 5.1–5.5, 5.9 (Sat) worked; 端午 6.19–6.21; 中秋 9.25–9.27;
 * 国庆 10.1–10.7, 9.20 (Sun) and 10.10 (Sat) worked.
 */
export const CN_2026_CALENDAR: WorkingCalendar = defineWorkingCalendar({
  name: '国务院办公厅2026年部分节假日安排',
  years: [2026],
  holidays: [
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
});

/** Weekends only: no holidays, no make-up days (tests, or a year not yet announced). */
export const WEEKENDS_ONLY_CALENDAR: WorkingCalendar = defineWorkingCalendar({
  name: '仅双休日',
  years: [],
  holidays: [],
  workdays: [],
});

/**
 * The default: the official national schedules entered so far (2026). Add a year's schedule
 * here when the State Council publishes it (usually in November of the year before); until
 * then dates in that year count weekends only and `uncoveredYears` reports the year.
 */
export const DEFAULT_WORKING_CALENDAR: WorkingCalendar = CN_2026_CALENDAR;

export function isWorkingDay(
  date: CalendarDate,
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): boolean {
  const day = dayNumber(date);
  const sets = setsOf(calendar);
  if (sets.workdays.has(day)) return true;
  if (sets.holidays.has(day)) return false;
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** The n-th working day after `start` (start not counted); n = 0 → start; n < 0 → before. */
export function addWorkingDays(
  start: CalendarDate,
  n: number,
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): CalendarDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  let day = dayNumber(start);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isWorkingDay(fromDayNumber(day), calendar)) left--;
  }
  return fromDayNumber(day);
}

/** Working days d with start < d ≤ end; negative when end is before start. */
export function workingDaysBetween(
  start: CalendarDate,
  end: CalendarDate,
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): number {
  const a = dayNumber(start);
  const b = dayNumber(end);
  if (b < a) return -workingDaysBetween(end, start, calendar);
  let count = 0;
  for (let day = a + 1; day <= b; day++) if (isWorkingDay(fromDayNumber(day), calendar)) count++;
  return count;
}

/**
 * The last day of a public notice published on `publishedOn`: the day of publication does not
 * count, the notice runs `days` working days after it and ends at 24:00 of the returned day.
 * E.g. published Monday 2026-03-02 → ends Monday 2026-03-09.
 */
export function noticeEndDate(
  publishedOn: CalendarDate,
  days: number = NOTICE_WORKING_DAYS,
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): CalendarDate {
  if (!Number.isSafeInteger(days) || days < 1)
    throw new RangeError(`A notice lasts at least one working day, got ${days}`);
  return addWorkingDays(publishedOn, days, calendar);
}

/** True from the day after `endsOn` (the notice ends at 24:00 of `endsOn`, Asia/Shanghai). */
export function isNoticePeriodOver(endsOn: CalendarDate, today: CalendarDate): boolean {
  return dayNumber(today) > dayNumber(endsOn);
}

/** Years between the two dates (inclusive) whose holidays the calendar does not know. */
export function uncoveredYears(
  calendar: WorkingCalendar,
  from: CalendarDate,
  to: CalendarDate = from,
): number[] {
  const [a, b] = [calendarYear(from), calendarYear(to)].sort((x, y) => x - y) as [number, number];
  const missing: number[] = [];
  for (let year = a; year <= b; year++) if (!calendar.years.includes(year)) missing.push(year);
  return missing;
}
