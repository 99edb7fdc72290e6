import type { CalendarDate } from '@kc/domain';
import { formatYuan } from '@kc/domain';

/** `2026-12-04` (a Shanghai calendar day, as the API's dates are) → `2026年12月4日`. */
export function chineseDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** A day if there is one (`2026年12月4日`), `—` if not. */
export function chineseDateOrDash(date: CalendarDate | null): string {
  return date ? chineseDate(date) : '—';
}

/** Money for the public: `¥200,000.00` from fen (the domain's formatter), `—` when none. */
export function money(fen: bigint | null): string {
  return fen === null ? '—' : formatYuan(fen);
}
