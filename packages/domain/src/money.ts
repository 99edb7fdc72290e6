/**
 * Money is integer fen (分) in a bigint, never a float: public money must be right to the fen.
 */
declare const fenBrand: unique symbol;
export type Fen = bigint & { readonly [fenBrand]: true };

export const FEN_PER_YUAN = 100n;

export function fen(amount: bigint | number): Fen {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError(`Fen must be a whole number, got ${amount}`);
  }
  return BigInt(amount) as Fen;
}

/** Whole yuan → fen: `yuan(200_000)` is ¥200,000.00. */
export function yuan(amount: bigint | number): Fen {
  return (fen(amount) * FEN_PER_YUAN) as Fen;
}

/**
 * Parses a decimal yuan string exactly ("4999990", "1,234.5", "0.01") into fen.
 * Returns null for anything that is not a non-negative amount with at most two decimals.
 */
export function parseYuan(input: string): Fen | null {
  const cleaned = input
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const whole = BigInt(match[1] ?? '0');
  const cents = BigInt((match[2] ?? '').padEnd(2, '0'));
  return (whole * FEN_PER_YUAN + cents) as Fen;
}

/** `¥200,000.00`; negative amounts as `-¥1.00`. */
export function formatYuan(amount: bigint): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const digits = abs.toString();
  // Every explanation line carries amounts: split the digits by position, no bigint division.
  const wholeEnd = digits.length - 2;
  const whole = wholeEnd > 0 ? groupThousands(digits.slice(0, wholeEnd)) : '0';
  const cents = wholeEnd > 0 ? digits.slice(wholeEnd) : digits.padStart(2, '0');
  return `${negative ? '-' : ''}¥${whole}.${cents}`;
}

/** `1234567` → `1,234,567`. */
function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** `20万元`, `3.5万元`, `500元` — the way the plan itself writes amounts. */
export function formatWanYuan(amount: bigint): string {
  const yuanWhole = amount / FEN_PER_YUAN;
  if (amount % FEN_PER_YUAN !== 0n || yuanWhole < 10_000n)
    return `${formatYuan(amount).slice(1)}元`;
  const wan = yuanWhole / 10_000n;
  const rest = yuanWhole % 10_000n;
  if (rest === 0n) return `${wan}万元`;
  return `${wan}.${rest.toString().padStart(4, '0').replace(/0+$/, '')}万元`;
}

export function minFen(...amounts: Fen[]): Fen {
  return amounts.reduce((a, b) => (b < a ? b : a));
}

export function maxFen(...amounts: Fen[]): Fen {
  return amounts.reduce((a, b) => (b > a ? b : a));
}

/** `amount × numerator / denominator`, rounded down to the fen (a subsidy never rounds up). */
export function mulRatioFloor(amount: Fen, numerator: bigint, denominator: bigint): Fen {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  return ((amount * numerator) / denominator) as Fen;
}
