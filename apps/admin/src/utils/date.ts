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

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai; an empty string for a missing or invalid time. */
export function formatDateTime(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const part: Record<string, string> = {};
  for (const { type, value: v } of shanghai.formatToParts(date)) part[type] = v;
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}
