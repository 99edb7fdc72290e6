/**
 * Inputs of the 科技副总 programme, defined once: the mini-program forms, the tRPC procedures and
 * the database writes all parse with these. Field builders carry Chinese titles for forms.
 */
import { z } from 'zod';
import { plainString } from '../validate/safe-text';
import { FIELDS, fieldOfSubField } from '../reference/fields';
import {
  choiceField,
  dateField,
  moneyField,
  optionalTextField,
  textField,
  yearField,
} from '../policy/fields';
import { creditCodeSchema } from '../validate/credit-code';
import {
  EMPLOYMENT_KINDS,
  INSTITUTION_KINDS,
  PRIORITY_FLAG_CODES,
  VP_GRADES,
  VP_RESULT_KINDS,
} from './reference';

const orgRefList = (title: string) =>
  z
    .array(textField(title, { min: 2, max: 100 }))
    .max(10, `${title}最多填写10个`)
    .default([])
    .transform((refs) => [...new Set(refs)])
    .meta({ title });

export const vpCallCreateSchema = z.object({
  year: yearField('年度'),
  title: textField('批次名称', { min: 4, max: 60 }),
  needsDeadline: dateField('需求征集截止日期'),
  applicationsDeadline: dateField('人才报名截止日期'),
  /** the date ages are reckoned on (通常为报名截止日) */
  referenceDate: dateField('年龄计算基准日'),
});
export type VpCallCreateInput = z.input<typeof vpCallCreateSchema>;
export type VpCallForm = z.output<typeof vpCallCreateSchema>;

/** A firm's need (岗位需求 / 科技攻关需求). */
export const vpNeedSchema = z
  .object({
    title: textField('需求名称', { min: 4, max: 50 }),
    fieldCode: choiceField('产业领域', FIELDS),
    // Required: the sub-field is a part of the match score, so an optional-looking field cost
    // firms that skipped it those points (issue 11; see docs/DECISIONS.md).
    subFieldCode: plainString({ error: '请选择细分方向' }).min(1, '请选择细分方向').meta({
      title: '细分方向',
      description: '匹配评分的一部分，请选择与需求最接近的细分方向',
    }),
    problem: textField('技术难题描述', { min: 20, max: 1000 }),
    expertiseWanted: textField('所需专长', {
      min: 4,
      max: 300,
      description: '列出希望科技副总具备的专业方向和技术，如“质子交换膜、膜电极制备”',
    }),
    daysPerYear: z
      .number({ error: '请填写每年到岗天数' })
      .int('到岗天数应为整数')
      .min(10, '每年到岗天数不少于10天')
      .max(200, '每年到岗天数不超过200天')
      .meta({ title: '每年到岗天数' }),
    positions: z
      .number({ error: '请填写需求人数' })
      .int('需求人数应为整数')
      .min(1, '需求人数至少1人')
      .max(3, '每项需求最多3人')
      .default(1)
      .meta({ title: '需求人数' }),
    investorInstitutions: orgRefList('创办或投资本企业的高校院所'),
    priorPartners: orgRefList('曾合作的高校院所'),
  })
  .superRefine((need, ctx) => {
    if (need.subFieldCode && fieldOfSubField(need.subFieldCode) !== need.fieldCode) {
      ctx.addIssue({
        code: 'custom',
        path: ['subFieldCode'],
        message: '细分方向须属于所选的产业领域',
      });
    }
  });
export type VpNeedInput = z.input<typeof vpNeedSchema>;
export type VpNeedForm = z.output<typeof vpNeedSchema>;

/** A researcher's application to a call (报名). Fields and expertise come from the profile. */
export const vpCandidateSchema = z
  .object({
    institutionKind: choiceField('单位类型', INSTITUTION_KINDS),
    employment: choiceField('聘用方式', EMPLOYMENT_KINDS),
    contractYears: z
      .number({ error: '请填写聘用合同年限' })
      .int('合同年限应为整数')
      .min(1, '合同年限至少1年')
      .max(50, '合同年限不超过50年')
      .optional()
      .meta({ title: '聘用合同年限' }),
    priorityFlags: z
      .array(z.enum(PRIORITY_FLAG_CODES, { error: '未知的优先支持类别' }))
      .default([])
      .transform((flags) => [...new Set(flags)])
      .meta({ title: '优先支持类别' }),
    achievements: textField('主要成果', { min: 10, max: 2000 }),
    capacity: z
      .number({ error: '请填写可服务企业数' })
      .int('可服务企业数应为整数')
      .min(1, '可服务企业数至少1家')
      .max(3, '可服务企业数不超过3家')
      .default(1)
      .meta({ title: '可服务企业数' }),
    relatedFirmCreditCodes: z
      .array(creditCodeSchema)
      .max(20, '最多填写20家企业')
      .default([])
      .transform((codes) => [...new Set(codes)])
      .meta({
        title: '本人或所在单位创办、投资的企业',
        description: '填写统一社会信用代码；这些企业不会与您匹配',
      }),
  })
  .superRefine((c, ctx) => {
    if (c.employment === 'contract' && c.contractYears === undefined) {
      ctx.addIssue({ code: 'custom', path: ['contractYears'], message: '请填写聘用合同年限' });
    }
  });
export type VpCandidateInput = z.input<typeof vpCandidateSchema>;
export type VpCandidateForm = z.output<typeof vpCandidateSchema>;

export const vpPairRuleSchema = z.object({
  needId: z.uuid('需求编号无效'),
  candidateId: z.uuid('报名编号无效'),
  kind: z.enum(['pin', 'forbid'], { error: '请选择指定或排除' }),
  reason: textField('理由', { min: 2, max: 200 }),
});
export type VpPairRuleInput = z.input<typeof vpPairRuleSchema>;
export type VpPairRuleForm = z.output<typeof vpPairRuleSchema>;

/** A month's work log (工作日志): days on site and what was done. */
export const vpWorkLogSchema = z.object({
  month: plainString({ error: '请选择月份' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为YYYY-MM')
    .meta({ title: '月份' }),
  daysOnSite: z
    .number({ error: '请填写在企业工作天数' })
    .int('天数应为整数')
    .min(0, '天数不能为负数')
    .max(31, '每月天数不超过31天')
    .meta({ title: '在企业工作天数' }),
  activities: textField('工作内容', { min: 10, max: 1000 }),
});
export type VpWorkLogInput = z.input<typeof vpWorkLogSchema>;
export type VpWorkLogForm = z.output<typeof vpWorkLogSchema>;

/** A result of the secondment (成果). Projects and transfers carry a contract amount. */
export const vpResultSchema = z
  .object({
    kind: choiceField('成果类型', VP_RESULT_KINDS),
    title: textField('成果名称', { min: 2, max: 100 }),
    occurredOn: dateField('取得日期'),
    contractAmount: moneyField('合同金额', { positive: true }).optional(),
    quantity: z
      .number({ error: '请填写数量' })
      .int('数量应为整数')
      .min(1, '数量至少为1')
      .max(1000, '数量不超过1000')
      .default(1)
      .meta({ title: '数量' }),
    note: optionalTextField('说明', { max: 500 }),
  })
  .superRefine((r, ctx) => {
    const withAmount = VP_RESULT_KINDS.find((k) => k.code === r.kind)?.hasAmount;
    if (withAmount && r.contractAmount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['contractAmount'], message: '请填写合同金额' });
    }
    if (!withAmount && r.contractAmount !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['contractAmount'],
        message: '该成果类型无需填写合同金额',
      });
    }
  });
export type VpResultInput = z.input<typeof vpResultSchema>;
export type VpResultForm = z.output<typeof vpResultSchema>;

export const vpEvaluationSchema = z
  .object({
    year: yearField('考核年度'),
    grade: choiceField('考核等次', VP_GRADES),
    comment: optionalTextField('考核意见', { max: 500 }),
  })
  .superRefine((e, ctx) => {
    if (e.grade === 'unqualified' && !e.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: '考核不合格须填写考核意见' });
    }
  });
export type VpEvaluationInput = z.input<typeof vpEvaluationSchema>;
export type VpEvaluationForm = z.output<typeof vpEvaluationSchema>;
