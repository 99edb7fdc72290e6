import type { CalendarDate } from './working-days';
import { addCalendarDays, calendarYear } from './working-days';

/**
 * The last twelve months up to `today`, both ends counted: from the day after the same day a year
 * before (28 February for the 29th). 2026-12-01 gives 2025-12-02 … 2026-12-01. The 政策沙盘's
 * 近12个月 and the run made at 确认施行 both look back this far, so an officer can ask again for
 * exactly what the adoption's run replayed.
 */
export function lastTwelveMonths(today: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  const monthDay = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  const yearBefore = `${String(calendarYear(today) - 1).padStart(4, '0')}-${monthDay}`;
  return { from: addCalendarDays(yearBefore, 1), to: today };
}
