/**
 * One rule for every public notice (公示): the awards' notice batches and the 科技副总 list use it
 * alike, so a notice published on a given day runs the same days and takes objections on the
 * same days, whichever it is.
 *
 * - It is open (objections may be recorded) from the day it is published: a person who reads it
 *   that day may object that day.
 * - Its length is counted in working days after the publication day (民法典 第二百零一条: the day
 *   of the event does not count), so publishing late in the day never shortens it.
 * - It ends at 24:00 of its last day (第二百零三条), Asia/Shanghai; from the next day it is over.
 *
 * The number of working days is data: the policy version's `publicNoticeWorkingDays` for awards,
 * the 科技副总 settings' `noticeWorkingDays`.
 */
import type { CalendarDate, WorkingCalendar } from './working-days';
import { DEFAULT_WORKING_CALENDAR, noticeEndDate, todayInShanghai } from './working-days';

export interface NoticePeriod {
  readonly publishedOn: CalendarDate;
  /** The first day objections are taken: the day of publication. */
  readonly startsOn: CalendarDate;
  /** The last day (to 24:00 Asia/Shanghai). */
  readonly endsOn: CalendarDate;
}

/** The period of a notice published on `publishedOn` lasting `workingDays` working days. */
export function noticePeriod(
  publishedOn: CalendarDate,
  workingDays: number,
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): NoticePeriod {
  return {
    publishedOn,
    startsOn: noticeStartDate(publishedOn),
    endsOn: noticeEndDate(publishedOn, workingDays, calendar),
  };
}

/** The first day of a notice published on `publishedOn` (for periods stored as dates). */
export function noticeStartDate(publishedOn: CalendarDate): CalendarDate {
  return publishedOn;
}

export type NoticePhase = 'before' | 'running' | 'over';

/** Where the instant `at` falls, by its Asia/Shanghai day. */
export function noticePhase(
  period: Pick<NoticePeriod, 'startsOn' | 'endsOn'>,
  at: Date,
): NoticePhase {
  const day = todayInShanghai(at);
  if (day < period.startsOn) return 'before';
  return day > period.endsOn ? 'over' : 'running';
}

/** Whether an objection received at `receivedAt` was received during the notice. */
export function mayRecordObjection(
  period: Pick<NoticePeriod, 'startsOn' | 'endsOn'>,
  receivedAt: Date,
): boolean {
  return noticePhase(period, receivedAt) === 'running';
}
