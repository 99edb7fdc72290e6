import { fieldMeta } from '@kc/domain';
import type { ReactNode } from 'react';
import { z } from 'zod';

/**
 * What a form needs to know about each field of a domain zod schema: which control, its Chinese
 * title, its options. Read from the schema itself (its types and `.meta({ title })`), so a rule
 * or form added to the domain gets its form without UI code.
 *
 * A list of texts is read as `text-list` (one box, an item a line); an override can make it
 * `text-rows` instead (a box per item, each added and removed by itself: 回避单位或人员).
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'month'
  | 'money'
  | 'integer'
  | 'choice'
  | 'multi-choice'
  | 'text-list'
  | 'text-rows'
  | 'group-list';

export interface ChoiceOption {
  code: string;
  name: string;
}

export interface FieldSpec {
  name: string;
  title: string;
  description: string | null;
  kind: FieldKind;
  optional: boolean;
  options: readonly ChoiceOption[];
  /** Longest text the schema takes; for a list of texts, the longest item. */
  maxLength: number | null;
  /** Fields of one row of a `group-list` (e.g. each payment). */
  item: readonly FieldSpec[];
  /** What the box starts with: the schema's default number (需求人数 1), else empty. */
  initial: string;
}

/** Per-form adjustments the schema cannot express (labels of bare enums, dependent fields). */
export interface FieldOverride {
  title?: string;
  kind?: FieldKind;
  options?: readonly ChoiceOption[];
  /** Options that depend on other values (sub-fields of the chosen field). */
  optionsFrom?: (values: FormValues) => readonly ChoiceOption[];
  /** Shown only when this says so (e.g. contract years for contract staff). */
  visible?: (values: FormValues) => boolean;
  hint?: string;
  placeholder?: string;
  /** The control's id after the form's prefix (`area` → `#org-area`); default: the field's name. */
  id?: string;
  /** Chips are `<prefix>-<chipId>-<code>` (`org-field-life-health`); default: the control's id. */
  chipId?: string;
  /** At most this many chips of a multiple choice, or rows of a `text-rows` or `group-list` list. */
  max?: number;
  /** Fewest rows of a `group-list` (default 1: 删除 shows from the second row; 0 lets all go). */
  min?: number;
  /** The words of a `group-list`'s add button (default `+ 添加一项`). */
  addLabel?: string;
  /** Chip size; default: small when there are more than four options. */
  small?: boolean;
  /** Longest input the box takes (a code or number whose length the schema checks itself). */
  maxLength?: number;
  /** WeChat's keyboard for the box (`idcard`, `number`). */
  inputType?: 'text' | 'number' | 'idcard' | 'digit';
  /** Values of other fields to change with this one (dropping a field drops its sub-fields). */
  alsoSet?: (value: RawValue, values: FormValues) => FormValues;
  /** Draws the field itself, e.g. a phone number with WeChat's phone-number button. */
  render?: (control: FieldControlContext) => ReactNode;
}

/** What a custom `render` receives: everything the standard control would use. */
export interface FieldControlContext {
  spec: FieldSpec;
  /** Full element id (`org-contactPhone`); its error line is `<id>-error`. */
  id: string;
  value: RawValue | undefined;
  error: string | undefined;
  hint: string | undefined;
  placeholder: string | undefined;
  required: boolean;
  /** Change the value (and count the field as visited). */
  choose: (value: RawValue) => void;
  set: (value: RawValue) => void;
  touch: () => void;
}

/** Cards of a long form: a title and the fields in it, in screen order. */
export interface FormSection {
  title?: string;
  fields: readonly string[];
}

export type FieldOverrides = Partial<Record<string, FieldOverride>>;

/** Raw form state: strings as typed, arrays of chosen codes, rows of a group. */
export type RawValue = string | string[] | FormValues[];
export type FormValues = { [name: string]: RawValue };

/** Long texts get a text area. */
const TEXTAREA_FROM = 200;

function unwrap(schema: z.ZodType): z.ZodType | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return schema.unwrap() as z.ZodType;
  }
  if (schema instanceof z.ZodDefault) return schema.unwrap() as z.ZodType;
  if (schema instanceof z.ZodPipe) return schema.in as z.ZodType;
  return undefined;
}

function innermost(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let next = unwrap(s); next; next = unwrap(s)) s = next;
  return s;
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  const inner = innermost(schema);
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : {};
}

function enumOptions(
  schema: z.ZodEnum,
  labels: Record<string, string> | undefined,
): ChoiceOption[] {
  return (schema.options as readonly (string | number)[]).map((o) => ({
    code: String(o),
    name: labels?.[String(o)] ?? String(o),
  }));
}

function describe(name: string, schema: z.ZodType): FieldSpec {
  const meta = fieldMeta(schema);
  const inner = innermost(schema);
  const empty = schema.safeParse(undefined);
  const spec: FieldSpec = {
    name,
    title: meta?.title ?? name,
    description: meta?.description ?? null,
    kind: 'text',
    optional: empty.success,
    options: [],
    maxLength: null,
    item: [],
    initial: empty.success && typeof empty.data === 'number' ? String(empty.data) : '',
  };
  if (inner instanceof z.ZodEnum)
    return { ...spec, kind: 'choice', options: enumOptions(inner, meta?.labels) };
  if (inner instanceof z.ZodBigInt) return { ...spec, kind: 'money' };
  if (inner instanceof z.ZodNumber) return { ...spec, kind: 'integer' };
  if (inner instanceof z.ZodArray) {
    const element = innermost(inner.element as z.ZodType);
    if (element instanceof z.ZodObject) {
      return { ...spec, kind: 'group-list', item: describeFields(element) };
    }
    if (element instanceof z.ZodEnum) {
      return {
        ...spec,
        kind: 'multi-choice',
        // The form sends an empty list, never nothing: required when that is refused.
        optional: schema.safeParse([]).success,
        options: enumOptions(element, fieldMeta(inner.element as z.ZodType)?.labels),
      };
    }
    // One text per item (回避单位): the schema's longest item, for a box per row (`text-rows`).
    const max = element instanceof z.ZodString ? element.maxLength : null;
    return { ...spec, kind: 'text-list', maxLength: max };
  }
  // z.iso.date() is a string format of its own class, not a ZodString.
  if ((inner as { format?: unknown }).format === 'date') return { ...spec, kind: 'date' };
  if (inner instanceof z.ZodString) {
    const max = inner.maxLength;
    return {
      ...spec,
      kind: max !== null && max > TEXTAREA_FROM ? 'textarea' : 'text',
      maxLength: max,
    };
  }
  return spec;
}

/** The fields of an object schema (under any pipes and refinements), in the schema's order. */
export function describeFields(schema: z.ZodType, overrides: FieldOverrides = {}): FieldSpec[] {
  return Object.entries(objectShape(schema)).map(([name, field]) => {
    const spec = describe(name, field);
    const o = overrides[name];
    if (!o) return spec;
    return {
      ...spec,
      ...(o.title ? { title: o.title } : {}),
      ...(o.kind ? { kind: o.kind } : {}),
      ...(o.options ? { options: o.options } : {}),
    };
  });
}

/** The element id of a field's control: `<prefix>-<name>` unless an override renames it. */
export function controlId(idPrefix: string, name: string, overrides: FieldOverrides = {}): string {
  return `${idPrefix}-${overrides[name]?.id ?? name}`;
}

/** An empty form for these fields (groups start with one row: most applications have one). */
export function emptyValues(fields: readonly FieldSpec[]): FormValues {
  const out: FormValues = {};
  for (const f of fields) out[f.name] = emptyValue(f);
  return out;
}

export function emptyValue(f: FieldSpec): RawValue {
  if (f.kind === 'multi-choice' || f.kind === 'text-rows') return [];
  if (f.kind === 'group-list') return [emptyValues(f.item)];
  return f.initial;
}
