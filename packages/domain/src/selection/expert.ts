import { z } from 'zod';
import {
  checkSubFieldsWithinFields,
  codeChoice,
  fieldCodesSchema,
  subFieldCodesSchema,
  text,
} from '../entities/shared';
import { codesOf, nameLookup } from '../reference/lookup';
import { RESEARCHER_TITLES } from '../reference/titles';
import { optionalCreditCodeSchema } from '../validate/credit-code';
import { mobileSchema } from '../validate/mobile';
import { plainString } from '../validate/safe-text';

/**
 * The expert pool (专家库). An expert registers in the mini-program and is drawn only once a
 * bureau officer has approved them; an officer can suspend them (and reinstate them) with a reason.
 */
export const EXPERT_STATUSES = [
  { code: 'pending', name: '待审核' },
  { code: 'active', name: '在库' },
  { code: 'suspended', name: '已暂停' },
  { code: 'rejected', name: '未通过' },
] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number]['code'];
export const EXPERT_STATUS_CODES = codesOf(EXPERT_STATUSES);
export const expertStatusName = nameLookup(EXPERT_STATUSES);

/**
 * Review experts hold a senior title (副高级及以上): the plan is silent, and this is what
 * provincial and city expert pools ask. Officers see the title; the form offers only these.
 */
export const EXPERT_TITLES = RESEARCHER_TITLES.filter((t) =>
  [
    'professor',
    'associate-professor',
    'researcher',
    'associate-researcher',
    'senior-engineer-professor',
    'senior-engineer',
  ].includes(t.code),
);
export const EXPERT_TITLE_CODES = codesOf(EXPERT_TITLES);

/** Declared conflicts: units or people the expert must not review (回避). */
export const MAX_DECLARED_CONFLICTS = 20;

/** An expert's own registration: the mini-program form, the tRPC input and the stored row. */
export const expertProfileSchema = z
  .object({
    name: text('姓名', 2, 20),
    mobile: mobileSchema.meta({ title: '手机号码', description: '评审通知用，仅审核人员可见全号' }),
    title: codeChoice(EXPERT_TITLES, EXPERT_TITLE_CODES, {
      title: '职称',
      error: '入库专家须具有副高级及以上职称，请选择职称',
    }),
    unitName: text('工作单位', 2, 100),
    unitCreditCode: optionalCreditCodeSchema.meta({ title: '单位统一社会信用代码' }),
    fieldCodes: fieldCodesSchema,
    subFieldCodes: subFieldCodesSchema,
    expertise: text('研究专长', 2, 500),
    conflicts: z
      .array(text('回避单位或人员', 2, 60), { error: '请填写需要回避的单位或人员' })
      .max(MAX_DECLARED_CONFLICTS, `需要回避的单位或人员最多填写${MAX_DECLARED_CONFLICTS}项`)
      .default([])
      .transform((items) => [...new Set(items)])
      .meta({
        title: '需要回避的单位或人员',
        description: '如曾任职、兼职、持股的单位，或有亲属、师生关系的人员；抽取专家时自动回避',
      }),
  })
  .superRefine(checkSubFieldsWithinFields);

export type ExpertProfileInput = z.input<typeof expertProfileSchema>;
export type ExpertProfile = z.output<typeof expertProfileSchema>;

/** What an officer may do with an expert in each status, and the status it leads to. */
export const EXPERT_DECISIONS = {
  approve: { from: ['pending'], to: 'active', name: '审核通过' },
  reject: { from: ['pending'], to: 'rejected', name: '审核不通过' },
  suspend: { from: ['active'], to: 'suspended', name: '暂停' },
  reinstate: { from: ['suspended'], to: 'active', name: '恢复' },
} as const satisfies Record<
  string,
  { from: readonly ExpertStatus[]; to: ExpertStatus; name: string }
>;
export type ExpertDecision = keyof typeof EXPERT_DECISIONS;
export const EXPERT_DECISION_CODES = Object.keys(EXPERT_DECISIONS) as [
  ExpertDecision,
  ...ExpertDecision[],
];

/** An officer's decision; every one but approval needs a reason the expert reads. */
export const expertDecisionSchema = z
  .object({
    decision: z.enum(EXPERT_DECISION_CODES, { error: '请选择处理方式' }),
    reason: plainString().trim().max(200, { error: '理由不能超过200字' }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision !== 'approve' && !value.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `请填写${EXPERT_DECISIONS[value.decision].name}的理由`,
      });
  });
export type ExpertDecisionInput = z.infer<typeof expertDecisionSchema>;

/**
 * Edits that change who the expert is or what they review send an approved expert back to
 * review; the rest (mobile, expertise, declared conflicts) do not.
 */
export const EXPERT_FIELDS_NEEDING_REVIEW = [
  'name',
  'title',
  'unitName',
  'unitCreditCode',
  'fieldCodes',
] as const;

type ReviewedField = (typeof EXPERT_FIELDS_NEEDING_REVIEW)[number];
type ReviewedFields = { readonly [K in ReviewedField]?: ExpertProfile[K] | null };

/**
 * Which of the reviewed fields an edit changes: the API decides with it whether an approved
 * expert goes back to review, the mini-program warns with it first. Fields compare as sets
 * (choosing the same fields in another order changes nothing); a missing credit code is none.
 */
export function expertChangesNeedingReview(
  before: ReviewedFields,
  after: ReviewedFields,
): ReviewedField[] {
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b)
      ? a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')
      : (a ?? null) === (b ?? null);
  return EXPERT_FIELDS_NEEDING_REVIEW.filter((k) => !same(before[k], after[k]));
}
