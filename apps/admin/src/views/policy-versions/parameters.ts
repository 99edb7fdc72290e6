import type { AmendableParameter, AmendmentValue } from '@kc/domain';
import { rateText } from '@kc/domain';
import { fenToYuanText, formatFen, yuanTextToFen } from '../../utils/money';

/**
 * The amendment form, read from the figures the API lists (`AmendableParameter`): grouped by the
 * plan's clause and rule, one draft per figure, and the `changes` an amendment carries. Nothing
 * here knows a rule: a new rule brings its figures and the form follows.
 */
export type Parameter = AmendableParameter;

/** What one input holds while it is edited, and 不限 (`none`) for a figure that may be removed. */
export interface ParameterDraft {
  value: string | number | boolean | null;
  none: boolean;
}

export interface ParameterGroup {
  key: string;
  /** `四.8 购买市外先进技术成果在宿转化补助`, or the version's settings. */
  title: string;
  parameters: Parameter[];
}

/** One changed figure, as the officer checks it before saving. */
export interface ChangeLine {
  key: string;
  where: string;
  label: string;
  from: string;
  to: string;
}

/** The comparison table's own heading for the settings (domain `comparePolicySets`). */
const SETTINGS_TITLE = '版本设置（方案未规定的事项）';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The figures written under `changes`: the version's date is the amendment's own field. */
export const changeParameters = (parameters: readonly Parameter[]) =>
  parameters.filter((p) => p.writtenAs === 'changes');

/** The version's date as a figure: its lower bound and note drive the 拟施行日期 field. */
export const effectiveFromParameter = (parameters: readonly Parameter[]) =>
  parameters.find((p) => p.writtenAs === 'effectiveFrom');

export const fieldOf = (key: string) => `changes.${key}`;

/** Groups in the order the API lists them (the plan's order, settings last). */
export function groupParameters(parameters: readonly Parameter[]): ParameterGroup[] {
  const groups = new Map<string, ParameterGroup>();
  for (const p of changeParameters(parameters)) {
    const key = p.ruleId ?? p.scope;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        title: p.ruleName ? `${p.clause} ${p.ruleName}` : SETTINGS_TITLE,
        parameters: [],
      };
      groups.set(key, group);
    }
    group.parameters.push(p);
  }
  return [...groups.values()];
}

/** `1000` basis points → `10` (the box shows percent, as officers read rates). */
const percentText = (basisPoints: number) => rateText(basisPoints).replace(/%$/, '');

/** `12.5` (percent, at most two decimals) → 1250 basis points, exactly; null when not a rate. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/%$/, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A draft holding `value` as the amendment's JSON writes it (money a yuan string). */
export function draftOf(p: Parameter, value: AmendmentValue): ParameterDraft {
  if (value === null) return { value: p.kind === 'whole-number' ? null : '', none: true };
  if (p.kind === 'basis-points' && typeof value === 'number')
    return { value: percentText(value), none: false };
  return { value, none: false };
}

/** The drafts of a form: the amendment's values where it has them, else the current ones. */
export function draftsOf(
  parameters: readonly Parameter[],
  changes: Readonly<Record<string, unknown>> = {},
): Record<string, ParameterDraft> {
  return Object.fromEntries(
    changeParameters(parameters).map((p) => [
      p.key,
      draftOf(p, p.key in changes ? (changes[p.key] as AmendmentValue) : p.current),
    ]),
  );
}

type Read = { ok: true; value: AmendmentValue } | { ok: false; message: string };
const bad = (message: string): Read => ({ ok: false, message });

/** A draft as the amendment's JSON, or why it cannot be read; the bounds are the server's. */
export function readDraft(p: Parameter, draft: ParameterDraft): Read {
  if (p.nullable && draft.none) return { ok: true, value: null };
  const v = draft.value;
  switch (p.kind) {
    case 'money-fen': {
      const fen = typeof v === 'string' ? yuanTextToFen(v) : null;
      return fen === null
        ? bad('请填写金额（元，最多两位小数）')
        : { ok: true, value: fenToYuanText(fen) };
    }
    case 'basis-points': {
      const bp = typeof v === 'string' ? percentToBasisPoints(v) : null;
      return bp === null ? bad('请填写百分比（最多两位小数）') : { ok: true, value: bp };
    }
    case 'whole-number':
      return typeof v === 'number' && Number.isSafeInteger(v)
        ? { ok: true, value: v }
        : bad('请填写整数');
    case 'date':
      return typeof v === 'string' && DAY.test(v) ? { ok: true, value: v } : bad('请选择日期');
    case 'choice':
      return p.options?.some((o) => o.value === v)
        ? { ok: true, value: v as string | boolean }
        : bad('请选择一项');
  }
}

/** A value as officers read it, worded as the API's `currentText`: `¥800,000.00`, `12%`, `不限`. */
export function valueText(p: Parameter, value: AmendmentValue): string {
  if (value === null) return p.noneText ?? '—';
  switch (p.kind) {
    case 'money-fen':
      return formatFen(yuanTextToFen(String(value)));
    case 'basis-points':
      return rateText(Number(value));
    case 'whole-number':
      return p.unit ? `${String(value)} ${p.unit}` : String(value);
    case 'date':
      return String(value);
    case 'choice':
      return p.options?.find((o) => o.value === value)?.label ?? '—';
  }
}

/** The form's drafts read: the changed figures only, each unreadable one's message by field. */
export function changesOf(
  parameters: readonly Parameter[],
  drafts: Readonly<Record<string, ParameterDraft>>,
): {
  changes: Record<string, AmendmentValue>;
  lines: ChangeLine[];
  errors: Record<string, string>;
} {
  const changes: Record<string, AmendmentValue> = {};
  const lines: ChangeLine[] = [];
  const errors: Record<string, string> = {};
  for (const group of groupParameters(parameters))
    for (const p of group.parameters) {
      const draft = drafts[p.key];
      if (!draft) continue;
      const read = readDraft(p, draft);
      if (!read.ok) {
        errors[fieldOf(p.key)] = read.message;
        continue;
      }
      // The server refuses a "change" to the same value (NO_CHANGE): only real ones are sent.
      if (read.value === p.current) continue;
      changes[p.key] = read.value;
      lines.push({
        key: p.key,
        where: group.title,
        label: p.label,
        from: p.currentText,
        to: valueText(p, read.value),
      });
    }
  return { changes, lines, errors };
}

/** Whether a draft differs from the current figure (an unreadable one counts as edited). */
export function isEdited(p: Parameter, draft: ParameterDraft | undefined): boolean {
  if (!draft) return false;
  const read = readDraft(p, draft);
  return !read.ok || read.value !== p.current;
}

/**
 * A figure's note for the form. Rates are typed here in percent, so the note's line on writing
 * them as basis points (meant for the amendment's JSON) is left out.
 */
export function noteOf(p: Parameter): string {
  return (p.note ?? '')
    .split('；')
    .filter((part) => !part.includes('万分点'))
    .join('；');
}
