import { z } from 'zod';
import { dateField, moneyField, textField, yearField } from '../policy/fields';
import { fieldCodesSchema } from '../entities/shared';
import { SELECTION_PROGRAMMES, SELECTION_PROGRAMME_CODES } from './call';
import { rubricSchema } from './rubric';

/**
 * A call as an officer writes it (申报指南): the admin's form, the tRPC input and the stored
 * row. The quota's ceiling from the plan is checked by the API against the policy in force.
 */
export const selectionCallSchema = z
  .object({
    programme: z.enum(SELECTION_PROGRAMME_CODES, { error: '请选择申报类别' }).meta({
      title: '申报类别',
      labels: Object.fromEntries(SELECTION_PROGRAMMES.map((p) => [p.code, p.name])),
    }),
    year: yearField('年度'),
    title: textField('指南名称', { min: 4, max: 100 }),
    guide: textField('指南内容', {
      min: 20,
      max: 20_000,
      description: '申报条件、支持方向、申报要求等',
    }),
    fieldCodes: fieldCodesSchema.optional().default([]),
    applyFrom: dateField('申报开始日期'),
    applyUntil: dateField('申报截止日期', '当日仍可提交'),
    quota: z
      .number({ error: '拟支持数量应为整数' })
      .int({ error: '拟支持数量应为整数' })
      .min(1, { error: '拟支持数量至少为1' })
      .max(1000, { error: '拟支持数量过大，请核对' })
      .optional()
      .meta({ title: '拟支持数量' }),
    budgetFen: moneyField('资金预算').optional(),
    rubric: rubricSchema.optional(),
  })
  .superRefine((call, ctx) => {
    if (call.applyUntil < call.applyFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['applyUntil'],
        message: '申报截止日期不能早于开始日期',
      });
  });
export type SelectionCallInput = z.input<typeof selectionCallSchema>;
export type SelectionCallForm = z.output<typeof selectionCallSchema>;
