import { lastTwelveMonths } from '@kc/domain';
import { todayShanghai } from '../../../utils/date';

/**
 * The periods an officer replays most (submission dates, Asia/Shanghai): this year so far, the
 * last twelve months, and last year. Up to today, never beyond: days without applications would
 * only thin the yearly rate the 2030 estimate is drawn from.
 */
export type Period = [from: string, to: string];

/** 近12个月, as the run made at 确认施行 looks back. */
function twelveMonthsTo(today: string): Period {
  const { from, to } = lastTwelveMonths(today);
  return [from, to];
}

export function periodShortcuts(today: string): { text: string; period: Period }[] {
  const year = Number(today.slice(0, 4));
  return [
    { text: '本年度', period: [`${year}-01-01`, today] },
    { text: '近12个月', period: twelveMonthsTo(today) },
    { text: '上一年度', period: [`${year - 1}-01-01`, `${year - 1}-12-31`] },
  ];
}

/** The default: the last twelve months, as an adoption's own run looks back. */
export const defaultPeriod = (today: string = todayShanghai()): Period => twelveMonthsTo(today);

/**
 * The picker's cells are local days: a calendar date as the local midnight it shows, and back.
 * (The officer's computer may be set to another zone; the dates mean Suzhou's days either way.)
 */
export const localDay = (date: string): Date => {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d);
};
export const calendarDateOf = (day: Date): string =>
  `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
