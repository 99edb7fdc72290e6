import { z } from 'zod';
import { codeChoice, text } from '../entities/shared';
import { nameLookup } from '../reference/lookup';
import { ORGANISATION_TYPES, ORGANISATION_TYPE_CODES } from '../reference/organisation-types';
import { creditCodeSchema } from '../validate/credit-code';
import { mobileSchema } from '../validate/mobile';
import { actingFields, requireAuthorisation } from './verification';

/**
 * 变更申请: a verified organisation's credit code, name or type changes only this way, with the
 * new licence and a reason; the area officer approves it and the old values stay on record.
 */
export const changeRequestSchema = z
  .object({
    name: text('单位名称', 2, 100).optional(),
    creditCode: creditCodeSchema.meta({ title: '统一社会信用代码' }).optional(),
    type: codeChoice(ORGANISATION_TYPES, ORGANISATION_TYPE_CODES, {
      title: '单位类型',
      error: '请选择单位类型',
    }).optional(),
    reason: text('变更原因', 5, 500, { description: '如：更名、改制，并注明核准变更的日期' }),
    licenceFileId: z
      .uuid({ error: '请上传变更后的营业执照或事业单位法人证书' })
      .meta({ title: '变更后的证照' }),
  })
  .superRefine((value, ctx) => {
    if (value.name === undefined && value.creditCode === undefined && value.type === undefined) {
      ctx.addIssue({ code: 'custom', path: ['_form'], message: '请至少填写一项需要变更的内容' });
    }
  });
export type ChangeRequestInput = z.input<typeof changeRequestSchema>;
export type ChangeRequest = z.output<typeof changeRequestSchema>;

export const CHANGE_STATUSES = [
  { code: 'pending', name: '待审核' },
  { code: 'approved', name: '已通过' },
  { code: 'rejected', name: '未通过' },
  { code: 'withdrawn', name: '已撤回' },
] as const;
export const changeStatusName = nameLookup(CHANGE_STATUSES);

/**
 * 认领申诉: the credit code is registered by someone else. The newcomer shows the licence and their
 * authority; the area officer sees both sides and decides.
 */
export const claimSubmitSchema = z
  .object({
    creditCode: creditCodeSchema.meta({ title: '统一社会信用代码' }),
    ...actingFields,
    claimantName: text('您的姓名', 2, 30),
    claimantPhone: mobileSchema.meta({ title: '联系电话', description: '中国大陆手机号码' }),
    statement: text('申诉说明', 10, 1000, {
      description: '说明您与该单位的关系，以及为何由您管理该单位账号',
    }),
  })
  .superRefine(requireAuthorisation);
export type ClaimSubmitInput = z.input<typeof claimSubmitSchema>;
export type ClaimSubmit = z.output<typeof claimSubmitSchema>;

export const CLAIM_STATUSES = [
  { code: 'pending', name: '待审核' },
  { code: 'upheld', name: '申诉成立' },
  { code: 'rejected', name: '申诉不成立' },
  { code: 'withdrawn', name: '已撤回' },
] as const;
export const claimStatusName = nameLookup(CLAIM_STATUSES);
