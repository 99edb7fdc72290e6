/**
 * Dates as people in 宿州 read them. China has no daylight saving, so Asia/Shanghai is UTC+8
 * all year; doing the shift by hand avoids Intl time zones, which WeChat's runtime may lack.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function shanghaiIso(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString();
}

/** `2026-11-27 10:05` */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const iso = shanghaiIso(value);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** `2026-11-27` */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return shanghaiIso(value).slice(0, 10);
}

/** `1.2 MB`, `640 KB` */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Fen as a plain yuan string for an input box: 20000000n → `200000`, 12345n → `123.45`. */
export function fenToYuanText(amount: bigint): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const yuan = abs / 100n;
  const cents = abs % 100n;
  const text = cents === 0n ? yuan.toString() : `${yuan}.${cents.toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}
