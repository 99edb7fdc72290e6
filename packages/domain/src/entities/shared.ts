import { z } from 'zod';
import { AREA_CODES } from '../reference/areas';
import { FIELD_CODES, SUB_FIELD_CODES, fieldOfSubField } from '../reference/fields';

/** Trimmed text with Chinese length messages. */
export function text(label: string, min: number, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}`, abort: true })
    .min(min, `${label}至少${min}个字`)
    .max(max, `${label}不能超过${max}个字`);
}

/** Optional free text: empty strings become undefined. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .optional()
    .transform((v) => (v ? v : undefined));
}

export const areaCodeSchema = z.enum(AREA_CODES, { error: '请选择所在县区或园区' });

export const fieldCodesSchema = z
  .array(z.enum(FIELD_CODES, { error: '未知的产业领域' }), { error: '请选择产业领域' })
  .min(1, '请至少选择一个产业领域')
  .max(5, '最多选择5个产业领域')
  .transform((codes) => [...new Set(codes)]);

export const subFieldCodesSchema = z
  .array(z.enum(SUB_FIELD_CODES, { error: '未知的细分方向' }))
  .max(20, '最多选择20个细分方向')
  .default([])
  .transform((codes) => [...new Set(codes)]);

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
