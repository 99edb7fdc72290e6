import { z } from 'zod';
import { plainString } from '../validate/safe-text';
import type { PolicyFieldMeta } from '../policy/fields';
import { AREAS, AREA_CODES } from '../reference/areas';
import { FIELDS, FIELD_CODES, SUB_FIELD_CODES, fieldOfSubField } from '../reference/fields';
import type { Coded } from '../reference/lookup';

/**
 * Profile fields carry the same `.meta({ title, description, labels })` as rule inputs (see
 * policy/fields.ts), so the mini-program builds its registration forms from these schemas.
 * Titles are what a form shows; error messages keep their own wording.
 */
export type ProfileFieldMeta = Pick<PolicyFieldMeta, 'title' | 'description' | 'labels'>;

/** `code → Chinese name` of a reference list, as choice fields carry it. */
export function labelsOf(list: readonly Coded[]): Record<string, string> {
  return Object.fromEntries(list.map((item) => [item.code, item.name]));
}

/** Trimmed text with Chinese length messages; `label` is also the form's title unless `meta` says otherwise. */
export function text(
  label: string,
  min: number,
  max: number,
  meta: Partial<ProfileFieldMeta> = {},
) {
  return plainString({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}`, abort: true })
    .min(min, `${label}至少${min}个字`)
    .max(max, `${label}不能超过${max}个字`)
    .meta({ title: label, ...meta });
}

/** Optional free text: empty strings become undefined. */
export function optionalText(label: string, max: number, meta: Partial<ProfileFieldMeta> = {}) {
  return plainString()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .optional()
    .transform((v) => (v ? v : undefined))
    .meta({ title: label, ...meta });
}

/**
 * One code of a reference list, labelled for forms. Unlike policy `choiceField`, the refusal is
 * given in full by the caller (`请选择职称`): profile messages predate the option lists in them.
 */
export function codeChoice<const C extends readonly [string, ...string[]]>(
  options: readonly Coded[],
  codes: C,
  meta: { title: string; error: string; description?: string },
) {
  const { error, ...rest } = meta;
  return z.enum(codes, { error }).meta({ ...rest, labels: labelsOf(options) });
}

export const areaCodeSchema = codeChoice(AREAS, AREA_CODES, {
  title: '所在县区/园区',
  error: '请选择所在县区或园区',
});

const SUB_FIELDS: readonly Coded[] = FIELDS.flatMap((f): readonly Coded[] => f.subFields);

export const fieldCodesSchema = z
  .array(codeChoice(FIELDS, FIELD_CODES, { title: '产业领域', error: '未知的产业领域' }), {
    error: '请选择产业领域',
  })
  .min(1, '请至少选择一个产业领域')
  .max(5, '最多选择5个产业领域')
  .transform((codes) => [...new Set(codes)])
  .meta({ title: '产业领域', description: '可选 1–5 个' });

export const subFieldCodesSchema = z
  .array(codeChoice(SUB_FIELDS, SUB_FIELD_CODES, { title: '细分方向', error: '未知的细分方向' }))
  .max(20, '最多选择20个细分方向')
  .default([])
  .transform((codes) => [...new Set(codes)])
  .meta({ title: '细分方向', description: '须属于所选的产业领域' });

/** Sub-fields must belong to one of the chosen fields. */
export function checkSubFieldsWithinFields(
  value: { fieldCodes: readonly string[]; subFieldCodes: readonly string[] },
  ctx: z.RefinementCtx,
): void {
  for (const sub of value.subFieldCodes) {
    const field = fieldOfSubField(sub);
    if (field && !value.fieldCodes.includes(field)) {
      ctx.addIssue({
        code: 'custom',
        path: ['subFieldCodes'],
        message: '细分方向须属于所选的产业领域',
      });
      return;
    }
  }
}
