import { formatYuan, parseYuan } from '@kc/domain';

/** `¥200,000.00`, or `—` when there is no amount (never `¥0.00` for "unknown"). */
export function formatFen(fen: bigint | null | undefined): string {
  return fen === null || fen === undefined ? '—' : formatYuan(fen);
}

/** A difference with its sign: `+¥450,000.00`, `-¥20,000.00`, `¥0.00`. */
export function formatSignedFen(fen: bigint): string {
  return fen > 0n ? `+${formatYuan(fen)}` : formatYuan(fen);
}

/**
 * What an officer typed in a yuan box (`200000`, `1,234.5`, `¥20.00`) as fen, or null when it is
 * not an amount. Money never passes through a float.
 */
export function yuanTextToFen(text: string | null | undefined): bigint | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  return parseYuan(text);
}

/** Fen as a plain yuan string for an input box (`200000.00`). */
export function fenToYuanText(fen: bigint | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return formatYuan(fen).replace(/[¥,]/g, '');
}

/** Share of `part` in `whole` as a whole percentage 0–100 (for progress bars; display only). */
export function percentOf(part: bigint, whole: bigint | null | undefined): number {
  if (!whole || whole <= 0n) return 0;
  const pct = Number((part * 10000n) / whole) / 100;
  return Math.max(0, Math.min(100, Math.round(pct)));
}
