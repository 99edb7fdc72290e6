/**
 * Fen as a number of yuan, for chart axes and spreadsheet cells only (never for arithmetic).
 * Below 2^53 fen, Number(fen) is exact and one division is correctly rounded: the double
 * nearest the exact amount, as the finance export does.
 */
export function fenToYuanNumber(fen: bigint): number {
  if (fen < 0n || fen >= 2n ** 53n) throw new RangeError(`amount out of range: ${fen} fen`);
  return Number(fen) / 100;
}
