import type { Fen } from '../../money';
import { formatYuan, parseYuan } from '../../money';
import { isIsoDate } from '../dates';
import { rateText } from '../formula';
import { yuanString } from '../report';

/**
 * The kinds of value an amendment can change, and how each is written in the amendment's JSON.
 *
 * Money is written as a STRING OF YUAN (`"800000.00"`), like the CLI's files (policy/README.md):
 * exact once parsed into fen, readable in PostgreSQL's jsonb, and a bare number — yuan or fen? —
 * is refused instead of guessed. Basis points and whole numbers are JSON integers, dates
 * `YYYY-MM-DD`, a choice its option's value; `null` only where the parameter may be removed.
 */
export type ParameterKind = 'money-fen' | 'basis-points' | 'whole-number' | 'date' | 'choice';

/** A value as the amendment's JSON (and the admin form) writes it. */
export type AmendmentValue = string | number | boolean | null;

/** A value as the policy set holds it: money in fen. */
export type ParameterValue = Fen | number | string | boolean | null;

export interface ParameterOption {
  readonly value: string | boolean;
  /** Chinese label, e.g. `就高补差（只补与已获较低级别奖励的差额）`. */
  readonly label: string;
}

/** What a value must be: bounds in the parameter's own kind (money in fen). */
export interface ValueShape {
  readonly kind: ParameterKind;
  readonly min?: ParameterValue;
  readonly max?: ParameterValue;
  /** `null` is allowed and means "none" (e.g. no yearly quota): shown as `noneText`. */
  readonly noneText?: string;
  readonly options?: readonly ParameterOption[];
  /** Chinese unit after a whole number, e.g. `天`, `项`. */
  readonly unit?: string;
}

/** JSON form of a held value (money → yuan string). */
export function toJsonValue(shape: ValueShape, value: ParameterValue): AmendmentValue {
  // Only money is held as a bigint.
  return typeof value === 'bigint' ? yuanString(value) : value;
}

/** The figure as an officer reads it: `¥800,000.00`, `10%`, `12 项`, `不限`. */
export function showValue(shape: ValueShape, value: ParameterValue): string {
  if (value === null) return shape.noneText ?? '—';
  switch (shape.kind) {
    case 'money-fen':
      return formatYuan(value as bigint);
    case 'basis-points':
      return rateText(value as number);
    case 'whole-number':
      return shape.unit ? `${String(value)} ${shape.unit}` : String(value);
    case 'date':
      return String(value);
    case 'choice':
      return shape.options?.find((o) => o.value === value)?.label ?? String(value);
  }
}

export type Decoded =
  | { readonly ok: true; readonly value: ParameterValue }
  | { readonly ok: false; readonly code: 'INVALID_VALUE' | 'VALUE_OUT_OF_BOUNDS'; message: string };

const invalid = (message: string): Decoded => ({ ok: false, code: 'INVALID_VALUE', message });

/** Reads a JSON value into the held form and checks it against the bounds. */
export function decodeValue(shape: ValueShape, json: unknown): Decoded {
  if (json === null) {
    return shape.noneText !== undefined ? { ok: true, value: null } : invalid('此项不能为空');
  }
  let value: ParameterValue;
  switch (shape.kind) {
    case 'money-fen': {
      if (typeof json !== 'string') {
        return invalid('金额请写成以元为单位的字符串，如 "800000.00"');
      }
      const parsed = parseYuan(json);
      if (parsed === null) return invalid(`无法识别的金额“${json}”（以元为单位，最多两位小数）`);
      value = parsed;
      break;
    }
    case 'basis-points':
    case 'whole-number':
      if (typeof json !== 'number' || !Number.isSafeInteger(json)) {
        return invalid(
          shape.kind === 'basis-points' ? '比例请填写万分点整数（1000 即 10%）' : '请填写整数',
        );
      }
      value = json;
      break;
    case 'date':
      if (!isIsoDate(json)) return invalid('请填写有效的日期（格式：YYYY-MM-DD）');
      value = json;
      break;
    case 'choice':
      if (!shape.options?.some((o) => o.value === json)) {
        return invalid(
          `请从以下选项中选择：${(shape.options ?? []).map((o) => o.label).join('、')}`,
        );
      }
      return { ok: true, value: json as string | boolean };
  }
  return withinBounds(shape, value);
}

/** Bounds are of the value's own kind: fen with fen, integers with integers, dates as text. */
function before(a: ParameterValue, b: ParameterValue): boolean {
  return (a as string) < (b as string);
}

function withinBounds(shape: ValueShape, value: ParameterValue): Decoded {
  const below = shape.min !== undefined && shape.min !== null && before(value, shape.min);
  const above = shape.max !== undefined && shape.max !== null && before(shape.max, value);
  if (!below && !above) return { ok: true, value };
  return {
    ok: false,
    code: 'VALUE_OUT_OF_BOUNDS',
    message: `${showValue(shape, value)} 超出允许范围（${boundsText(shape)}）`,
  };
}

/** The bounds in words, for the form and for refusals: `¥0.01 至 ¥100,000,000.00`. */
export function boundsText(shape: ValueShape): string {
  if (shape.kind === 'choice')
    return `可选：${(shape.options ?? []).map((o) => o.label).join('、')}`;
  const min = shape.min !== undefined && shape.min !== null ? showValue(shape, shape.min) : null;
  const max = shape.max !== undefined && shape.max !== null ? showValue(shape, shape.max) : null;
  const [from, to] = shape.kind === 'date' ? ['不早于', '不晚于'] : ['不低于', '不高于'];
  const range =
    min && max ? `${min} 至 ${max}` : min ? `${from} ${min}` : max ? `${to} ${max}` : '不限';
  return shape.noneText !== undefined ? `${range}；可设为“${shape.noneText}”` : range;
}
