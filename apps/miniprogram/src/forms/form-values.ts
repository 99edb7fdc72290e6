import { issuePath, parseYuan } from '@kc/domain';
import type { FieldSpec, FormValues, RawValue } from './schema-fields';
import { fenToYuanText } from '../format';

/** Errors by dotted path: `certificateNo`, `payments.0.amount`, `payments` (the whole list). */
export type PathErrors = Partial<Record<string, string>>;

export interface Converted {
  /** What the schema (and the API) receives: money in fen, numbers as numbers, blanks left out. */
  input: Record<string, unknown>;
  /** Mistakes found while converting (an amount that is not money), which beat the schema's words. */
  problems: PathErrors;
}

const INTEGER = /^-?\d+$/;

/** Raw form values → the schema's input shape. */
export function toInput(fields: readonly FieldSpec[], values: FormValues, prefix = ''): Converted {
  const input: Record<string, unknown> = {};
  const problems: PathErrors = {};
  for (const f of fields) {
    const path = `${prefix}${f.name}`;
    const raw = values[f.name];
    if (f.kind === 'group-list') {
      const rows = Array.isArray(raw) ? (raw as FormValues[]) : [];
      input[f.name] = rows.map((row, i) => {
        const converted = toInput(f.item, row, `${path}.${i}.`);
        Object.assign(problems, converted.problems);
        return converted.input;
      });
      continue;
    }
    if (f.kind === 'multi-choice') {
      input[f.name] = Array.isArray(raw) ? raw : [];
      continue;
    }
    if (f.kind === 'text-rows') {
      // Every row, blank ones too: the schema's word about row 2 lands under row 2.
      input[f.name] = Array.isArray(raw)
        ? (raw as unknown[]).filter((r): r is string => typeof r === 'string')
        : [];
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (f.kind === 'text-list') {
      input[f.name] = text
        .split(/[\n,，、；;]+/)
        .map((line) => line.trim())
        .filter(Boolean);
      continue;
    }
    if (text === '') {
      if (f.kind === 'money' && !f.optional) problems[path] = `请填写${f.title}`;
      continue;
    }
    if (f.kind === 'money') {
      const fen = parseYuan(text);
      if (fen === null) problems[path] = `${f.title}请填写以元为单位的金额，最多两位小数`;
      else input[f.name] = fen;
      continue;
    }
    if (f.kind === 'integer') {
      if (INTEGER.test(text)) input[f.name] = Number(text);
      else {
        problems[path] = `${f.title}应为整数`;
        input[f.name] = text;
      }
      continue;
    }
    input[f.name] = typeof raw === 'string' ? raw : text;
  }
  return { input, problems };
}

/** A stored input (a draft) → raw form values, for editing. */
export function fromInput(
  fields: readonly FieldSpec[],
  input: Record<string, unknown>,
): FormValues {
  const out: FormValues = {};
  for (const f of fields) out[f.name] = rawOf(f, input[f.name]);
  return out;
}

function rawOf(f: FieldSpec, value: unknown): RawValue {
  if (f.kind === 'group-list') {
    const rows = Array.isArray(value) ? value : [];
    return rows.length
      ? rows.map((row) => fromInput(f.item, (row ?? {}) as Record<string, unknown>))
      : [fromInput(f.item, {})];
  }
  if (f.kind === 'multi-choice' || f.kind === 'text-rows')
    return Array.isArray(value) ? value.map(String) : [];
  if (f.kind === 'text-list') return Array.isArray(value) ? value.map(String).join('\n') : '';
  if (value === undefined || value === null) return f.initial;
  if (typeof value === 'bigint') return fenToYuanText(value);
  return String(value);
}

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** zod issues → the first message per dotted path; conversion problems take precedence. */
export function pathErrors(issues: readonly IssueLike[], problems: PathErrors): PathErrors {
  const out: PathErrors = { ...problems };
  for (const issue of issues) {
    out[issuePath(issue.path) || '_form'] ??= issue.message;
  }
  return out;
}

/** Only the errors of fields the user has left (or all after a submit attempt). */
export function visiblePathErrors(
  errors: PathErrors,
  touched: ReadonlySet<string>,
  submitted: boolean,
): PathErrors {
  if (submitted) return errors;
  const out: PathErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    // A list's own error (e.g. the total) shows once any of its rows was touched.
    const seen = touched.has(path) || [...touched].some((t) => t.startsWith(`${path}.`));
    if (seen) out[path] = message;
  }
  return out;
}

/** A key for "has the input changed" that survives bigint (JSON.stringify throws on it). */
export function inputKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

/** Sets a value at `name` or `group.index.name`. */
export function setAt(values: FormValues, path: string, value: RawValue): FormValues {
  const [head, index, ...rest] = path.split('.');
  if (head === undefined) return values;
  if (index === undefined) return { ...values, [head]: value };
  const rows = [...((values[head] as FormValues[] | undefined) ?? [])];
  rows[Number(index)] = setAt(rows[Number(index)] ?? {}, rest.join('.'), value);
  return { ...values, [head]: rows };
}
