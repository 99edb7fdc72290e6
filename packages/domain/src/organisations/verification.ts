import { z } from 'zod';
import { plainString } from '../validate/safe-text';
import { labelsOf, text } from '../entities/shared';
import type { OrganisationType } from '../reference/organisation-types';
import { codesOf, nameLookup } from '../reference/lookup';

/** 机构认证: registration (注册) is not verification (认证). */
export const VERIFICATION_STATUSES = [
  { code: 'unverified', name: '未认证' },
  { code: 'pending', name: '认证审核中' },
  { code: 'verified', name: '已认证' },
  { code: 'rejected', name: '认证未通过' },
] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number]['code'];
export const verificationStatusName = nameLookup(VERIFICATION_STATUSES);

/** The states of one verification request (an organisation may submit again after a rejection). */
export const VERIFICATION_REQUEST_STATUSES = [
  { code: 'pending', name: '待审核' },
  { code: 'verified', name: '已通过' },
  { code: 'rejected', name: '未通过' },
  { code: 'withdrawn', name: '已撤回' },
] as const;
export const verificationRequestStatusName = nameLookup(VERIFICATION_REQUEST_STATUSES);

export const LICENCE_KINDS = [
  { code: 'business-licence', name: '营业执照' },
  { code: 'institution-certificate', name: '事业单位法人证书' },
] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number]['code'];
export const licenceKindName = nameLookup(LICENCE_KINDS);

/** The role of the person who acts for the organisation (申请人在单位中的身份). */
export const ACTING_ROLES = [
  { code: 'legal-representative', name: '法定代表人' },
  { code: 'manager', name: '单位负责人或高级管理人员' },
  { code: 'staff', name: '单位员工（经授权）' },
] as const;
export type ActingRole = (typeof ACTING_ROLES)[number]['code'];
export const actingRoleName = nameLookup(ACTING_ROLES);

const fileId = (title: string, error: string) => z.uuid({ error }).meta({ title });

/** What the person acting shows: the licence, the legal representative, their own role. */
const actingFields = {
  licenceKind: z
    .enum(codesOf(LICENCE_KINDS), { error: '请选择证照类型' })
    .meta({ title: '证照类型', labels: labelsOf(LICENCE_KINDS) }),
  licenceFileId: fileId(
    '营业执照或事业单位法人证书',
    '请上传营业执照或事业单位法人证书（图片或PDF）',
  ),
  legalRepName: text('法定代表人姓名', 2, 30, {
    description: '与营业执照或法人证书上的一致',
  }),
  actingRole: z
    .enum(codesOf(ACTING_ROLES), { error: '请选择您在单位中的身份' })
    .meta({ title: '您在单位中的身份', labels: labelsOf(ACTING_ROLES) }),
  authorisationFileId: fileId('授权委托书', '请上传授权委托书').optional().meta({
    title: '授权委托书',
    description: '非法定代表人本人办理的，上传加盖单位公章的授权委托书',
  }),
};

/** 授权委托书 is required unless the legal representative acts in person. */
function requireAuthorisation(
  value: { actingRole: ActingRole; authorisationFileId?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.actingRole !== 'legal-representative' && !value.authorisationFileId) {
    ctx.addIssue({
      code: 'custom',
      path: ['authorisationFileId'],
      message: '非法定代表人本人办理的，须上传加盖单位公章的授权委托书',
    });
  }
}

/** 提交机构认证 — the form in the mini-program, the procedure's input, the row written. */
export const verificationSubmitSchema = z.object(actingFields).superRefine(requireAuthorisation);
export type VerificationSubmitInput = z.input<typeof verificationSubmitSchema>;
export type VerificationSubmit = z.output<typeof verificationSubmitSchema>;

/** An officer's decision on a verification, a change request or a claim. */
export const officerDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: '请选择审核结果' }),
    reason: plainString()
      .trim()
      .max(500, '理由不能超过500个字')
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'reject' && (!value.reason || value.reason.length < 5)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: '不予通过须说明理由（不少于5个字）',
      });
    }
  });
export type OfficerDecision = z.output<typeof officerDecisionSchema>;

/**
 * Whether the licence kind fits the organisation. The credit code's first character names the
 * registering authority (GB 32100): 9 = market regulation (营业执照), 1 = institutional staffing
 * (事业单位法人证书). Firms always hold a 营业执照.
 */
export function licenceKindRefusal(
  type: OrganisationType,
  creditCode: string,
  kind: LicenceKind,
): string | null {
  const authority = creditCode.charAt(0);
  if (type === 'firm' && kind !== 'business-licence') return '企业请上传营业执照';
  if (authority === '9' && kind !== 'business-licence')
    return '统一社会信用代码以“9”开头的单位由市场监管部门登记，请上传营业执照';
  if (authority === '1' && kind !== 'institution-certificate')
    return '统一社会信用代码以“1”开头的单位为事业单位，请上传事业单位法人证书';
  return null;
}

/** The fields locked once an organisation is verified (changed only by an approved request). */
export const LOCKED_FIELDS = [
  { code: 'creditCode', name: '统一社会信用代码' },
  { code: 'name', name: '单位名称' },
  { code: 'type', name: '单位类型' },
] as const;
export type LockedField = (typeof LOCKED_FIELDS)[number]['code'];
export const lockedFieldName = nameLookup(LOCKED_FIELDS);

export { actingFields, requireAuthorisation };
