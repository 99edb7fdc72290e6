import { z } from 'zod';
import { plainString } from '../validate/safe-text';
import type { Fen } from '../money';
import { formatYuan } from '../money';
import type { Coded } from '../reference/lookup';
import { isIsoDate } from './dates';
import type { DateAfter } from './input-checks';

/**
 * Field builders for rule input schemas. Each carries `.meta({ title, description })` in Chinese so
 * forms can be generated, and Chinese error messages. Money fields are marked `unit: 'fen'`;
 * choice fields carry their Chinese option labels.
 */
export interface PolicyFieldMeta {
  title: string;
  description?: string;
  unit?: 'fen';
  labels?: Record<string, string>;
  [key: string]: unknown;
}

/** Must contain at least one letter or digit, so a name always yields a usable key. */
const MEANINGFUL = /[\p{L}\p{N}]/u;

export function textField(
  title: string,
  opts: { min?: number; max?: number; description?: string } = {},
) {
  const { min = 2, max = 100, description } = opts;
  return plainString({ error: `请填写${title}` })
    .trim()
    .min(1, { error: `请填写${title}`, abort: true })
    .min(min, `${title}至少${min}个字`)
    .max(max, `${title}不能超过${max}个字`)
    .refine((v) => MEANINGFUL.test(v), `${title}应包含文字或数字`)
    .meta({ title, ...(description ? { description } : {}) });
}

/** Optional text: blank becomes undefined. */
export function optionalTextField(
  title: string,
  opts: { max?: number; description?: string } = {},
) {
  const { max = 100, description } = opts;
  return plainString({ error: `${title}应为文字` })
    .trim()
    .max(max, `${title}不能超过${max}个字`)
    .optional()
    .transform((v) => (v ? v : undefined))
    .meta({ title, ...(description ? { description } : {}) });
}

/** 文号 such as 皖科高秘〔2026〕12号. */
export function docNoField(title: string, description?: string) {
  return textField(title, { min: 2, max: 60, description: description ?? '文件上的发文字号' });
}

export function dateField(title: string, description?: string) {
  return z.iso
    .date({ error: `请填写有效的${title}（格式：YYYY-MM-DD）` })
    .meta({ title, ...(description ? { description } : {}) });
}

/** ¥100 亿 in fen: anything larger is a unit mistake (yuan typed as fen the other way round). */
const MONEY_SANITY_LIMIT = 1_000_000_000_000n;

/** Money in fen (bigint). Forms take yuan and convert with `parseYuan`. */
export function moneyField(title: string, opts: { description?: string; positive?: boolean } = {}) {
  const { description, positive = false } = opts;
  return z
    .bigint({ error: `请填写${title}（以分为单位的整数）` })
    .min(positive ? 1n : 0n, positive ? `${title}应大于0` : `${title}不能为负数`)
    .max(MONEY_SANITY_LIMIT, `${title}超出合理范围，请核对金额单位`)
    .transform((v) => v as Fen)
    .meta({ title, unit: 'fen', ...(description ? { description } : {}) });
}

export function choiceField<const T extends readonly Coded[]>(
  title: string,
  options: T,
  description?: string,
) {
  const codes = options.map((o) => o.code) as unknown as readonly [
    T[number]['code'],
    ...T[number]['code'][],
  ];
  const labels = Object.fromEntries(options.map((o) => [o.code, o.name]));
  return z
    .enum(codes as unknown as [T[number]['code'], ...T[number]['code'][]], {
      error: `请选择${title}（可选：${options.map((o) => o.name).join('、')}）`,
    })
    .meta({ title, labels, ...(description ? { description } : {}) });
}

export function yearField(title: string, description?: string) {
  return z
    .number({ error: `请填写${title}（四位年份）` })
    .int(`${title}应为四位年份`)
    .min(2000, `${title}应为四位年份`)
    .max(2100, `${title}应为四位年份`)
    .meta({ title, ...(description ? { description } : {}) });
}

// ---------------------------------------------------------------------------------------------
// Reading schemas back: labels for explanations, money paths for the CLI.
// ---------------------------------------------------------------------------------------------

/** Wrappers we look through to reach a field's own schema. */
function inner(schema: z.ZodType): z.ZodType | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return schema.unwrap() as z.ZodType;
  }
  if (schema instanceof z.ZodDefault) return schema.unwrap() as z.ZodType;
  if (schema instanceof z.ZodPipe) return schema.in as z.ZodType;
  return undefined;
}

const META = new WeakMap<z.ZodType, PolicyFieldMeta | null>();

/**
 * The nearest `PolicyFieldMeta` on a schema or the schemas it wraps. Remembered per schema: zod
 * keeps `.meta()` in a registry lookup, and a `.meta()` call makes a new schema, so a schema's
 * meta never changes once it is built.
 */
export function fieldMeta(schema: z.ZodType): PolicyFieldMeta | undefined {
  const known = META.get(schema);
  if (known !== undefined) return known ?? undefined;
  let found: PolicyFieldMeta | null = null;
  for (let s: z.ZodType | undefined = schema; s; s = inner(s)) {
    const meta = s.meta() as PolicyFieldMeta | undefined;
    if (meta?.title) {
      found = meta;
      break;
    }
  }
  META.set(schema, found);
  return found ?? undefined;
}

function isDateSchema(schema: z.ZodType): boolean {
  for (let s: z.ZodType | undefined = schema; s; s = inner(s)) {
    if (s instanceof z.ZodISODate) return true;
  }
  return false;
}

/**
 * What the explanation and the date checks need to know about a schema, read once: the schema
 * walk (wrappers, registry lookups) cost more than the evaluation it served.
 */
interface FieldReader {
  readonly meta: PolicyFieldMeta | undefined;
  readonly isDate: boolean;
  /** The element's reader, for an array schema. */
  readonly element: FieldReader | undefined;
  /** The fields in schema order, for an object schema. */
  readonly fields:
    | readonly { readonly key: string; readonly label: string; readonly reader: FieldReader }[]
    | undefined;
}

const READERS = new WeakMap<z.ZodType, FieldReader>();

function readerOf(schema: z.ZodType): FieldReader {
  const known = READERS.get(schema);
  if (known) return known;
  const element = arrayElementOf(schema);
  const object = objectSchemaOf(schema);
  const reader: FieldReader = {
    meta: fieldMeta(schema),
    isDate: isDateSchema(schema),
    element: element ? readerOf(element) : undefined,
    fields: object
      ? Object.entries(object.shape as Record<string, z.ZodType>).map(([key, field]) => ({
          key,
          label: fieldMeta(field)?.title ?? key,
          reader: readerOf(field),
        }))
      : undefined,
  };
  READERS.set(schema, reader);
  return reader;
}

/**
 * Dates typed into a rule's form that fall after `day`, with the path of their field
 * (`payments.0.paidOn`) and its title. Read from the raw input, so a date is judged even while
 * another field is still wrong. Every date of a rule's form is something that has happened (a
 * contract, a payment, a recognition); a field that may lie ahead says so with
 * `.meta({ mayBeAfterApplication: true })`.
 */
export function datesAfter(
  schema: z.ZodType,
  value: unknown,
  day: string,
  path: readonly string[] = [],
): DateAfter[] {
  const found: DateAfter[] = [];
  collectDatesAfter(readerOf(schema), value, day, [...path], found);
  return found;
}

/** `path` is a stack pushed and popped on the way down: joined only for a date that is found. */
function collectDatesAfter(
  reader: FieldReader,
  value: unknown,
  day: string,
  path: string[],
  found: DateAfter[],
): void {
  if (reader.isDate) {
    if (typeof value !== 'string' || value <= day || !isIsoDate(value)) return;
    if (reader.meta?.mayBeAfterApplication === true) return;
    const field = path.join('.');
    found.push({ field, title: reader.meta?.title ?? field, date: value });
    return;
  }
  if (Array.isArray(value)) {
    const element = reader.element;
    if (!element) return;
    for (let i = 0; i < value.length; i++) {
      path.push(String(i));
      collectDatesAfter(element, value[i], day, path, found);
      path.pop();
    }
    return;
  }
  const fields = reader.fields;
  if (!fields || value === null || typeof value !== 'object') return;
  for (const f of fields) {
    path.push(f.key);
    collectDatesAfter(f.reader, (value as Record<string, unknown>)[f.key], day, path, found);
    path.pop();
  }
}

/** The object schema under pipes and wrappers, if any. */
export function objectSchemaOf(schema: z.ZodType): z.ZodObject | undefined {
  for (let s: z.ZodType | undefined = schema; s; s = inner(s)) {
    if (s instanceof z.ZodObject) return s;
  }
  return undefined;
}

function arrayElementOf(schema: z.ZodType): z.ZodType | undefined {
  for (let s: z.ZodType | undefined = schema; s; s = inner(s)) {
    if (s instanceof z.ZodArray) return s.element as z.ZodType;
  }
  return undefined;
}

/** A value as an officer reads it: money as ¥, choices by their Chinese label. */
export function displayValue(schema: z.ZodType, value: unknown): string {
  return showValue(readerOf(schema), value);
}

function showValue(reader: FieldReader, value: unknown): string {
  const meta = reader.meta;
  if (value === undefined || value === null) return '—';
  if (typeof value === 'bigint') return meta?.unit === 'fen' ? formatYuan(value) : value.toString();
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return meta?.labels?.[value] ?? value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const element = reader.element;
    if (!element) return value.map(String).join('；');
    return value.map((item, i) => `第${i + 1}项：${showValue(element, item)}`).join('；');
  }
  if (reader.fields && typeof value === 'object') {
    return showRows(reader, value as Record<string, unknown>)
      .map((row) => `${row.label} ${row.value}`)
      .join('，');
  }
  return String(value);
}

/** `{ label, value }` rows for the fields of an object schema present in the value, in schema order. */
export function displayInputs(
  schema: z.ZodType,
  value: Record<string, unknown>,
): { label: string; value: string }[] {
  return showRows(readerOf(schema), value);
}

function showRows(
  reader: FieldReader,
  value: Record<string, unknown>,
): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  for (const f of reader.fields ?? []) {
    const v = value[f.key];
    if (v === undefined) continue;
    rows.push({ label: f.label, value: showValue(f.reader, v) });
  }
  return rows;
}

/**
 * Turns a JSON value into what the schema expects where money is concerned: for every field marked
 * `unit: 'fen'`, a yuan string (`"4999990.00"`, `"4,999,990"`) becomes fen. A JSON number there is
 * reported in `problems` (is it yuan or fen?). Anything else is left for the schema to judge.
 * Used by the CLI, whose JSON files write money as yuan strings.
 */
export function decodeMoney(
  schema: z.ZodType,
  value: unknown,
  parse: (yuanText: string) => Fen | null,
  problems: string[] = [],
  path = 'input',
): unknown {
  const meta = fieldMeta(schema);
  if (meta?.unit === 'fen') {
    if (typeof value === 'number') {
      problems.push(`${path}：${meta.title}请写成以元为单位的字符串，如 "${value}.00"`);
      return value;
    }
    if (typeof value === 'string') {
      const amount = parse(value);
      if (amount === null)
        problems.push(`${path}：无法识别的金额“${value}”（以元为单位，最多两位小数）`);
      return amount ?? value;
    }
    return value;
  }
  if (Array.isArray(value)) {
    const element = arrayElementOf(schema);
    return element
      ? value.map((v, i) => decodeMoney(element, v, parse, problems, `${path}.${i}`))
      : value;
  }
  const object = objectSchemaOf(schema);
  if (object && value !== null && typeof value === 'object') {
    const shape = object.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const field = shape[key];
      out[key] = field ? decodeMoney(field, v, parse, problems, `${path}.${key}`) : v;
    }
    return out;
  }
  return value;
}
