import { z } from 'zod';
import { plainString } from '../validate/safe-text';
import { AREA_CODES } from '../reference/areas';
import { codesOf, nameLookup } from '../reference/lookup';
import {
  PASSWORD_CONTAINS_USERNAME,
  officerPasswordSchema,
  passwordContainsUsername,
} from './officer-security';

/** Officer roles. Area officers (县区/园区) are bound to one area; bureau roles see the whole city. */
export const OFFICER_ROLES = [
  { code: 'bureau-admin', name: '局管理员', areaBound: false },
  { code: 'bureau-reviewer', name: '局审核员', areaBound: false },
  { code: 'area-officer', name: '县区园区管理员', areaBound: true },
  { code: 'finance-officer', name: '财务人员', areaBound: false },
] as const;

export type OfficerRole = (typeof OFFICER_ROLES)[number]['code'];
export const OFFICER_ROLE_CODES = codesOf(OFFICER_ROLES);

export const officerRoleName = nameLookup(OFFICER_ROLES);

export const officerLoginSchema = z.object({
  username: plainString({ error: '请输入用户名' })
    .trim()
    .min(1, '请输入用户名')
    .max(64, '用户名过长'),
  password: plainString({ error: '请输入密码' }).min(1, '请输入密码').max(128, '密码过长'),
});
export type OfficerLoginInput = z.input<typeof officerLoginSchema>;

export const wechatLoginSchema = z.object({
  code: plainString({ error: '缺少微信登录凭证' })
    .trim()
    .min(1, '缺少微信登录凭证')
    .max(128, '微信登录凭证无效'),
  /** the 《隐私保护指引》 version the user accepted on this login (none: a silent re-login) */
  acceptedNoticeVersion: plainString({ error: '隐私保护指引版本无效' })
    .trim()
    .min(1, '隐私保护指引版本无效')
    .max(32, '隐私保护指引版本无效')
    .optional(),
});

/** The one-time code of WeChat's phone-number button (`<button open-type="getPhoneNumber">`). */
export const wechatPhoneCodeSchema = z.object({
  code: plainString({ error: '缺少微信手机号凭证' })
    .trim()
    .min(1, '缺少微信手机号凭证')
    .max(128, '微信手机号凭证无效'),
});

const officerAreaSchema = z
  .enum(AREA_CODES, { error: '请选择所属县区或园区' })
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** Area officers are bound to one area; bureau and finance roles see the whole city. */
function checkRoleArea(
  value: { role?: OfficerRole | undefined; areaCode?: string | null },
  ctx: z.RefinementCtx,
): void {
  if (!value.role) return;
  const bound = OFFICER_ROLES.find((r) => r.code === value.role)?.areaBound;
  if (bound && !value.areaCode)
    ctx.addIssue({
      code: 'custom',
      path: ['areaCode'],
      message: '县区园区管理员须选择所属县区或园区',
    });
  if (!bound && value.areaCode)
    ctx.addIssue({
      code: 'custom',
      path: ['areaCode'],
      message: '该角色查看全市数据，不设所属县区',
    });
}

export const officerCreateSchema = z
  .object({
    username: plainString({ error: '请输入用户名' })
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9_.-]{3,32}$/, '用户名为3至32位小写字母、数字或 _ . -'),
    displayName: plainString({ error: '请输入姓名' })
      .trim()
      .min(2, '姓名至少2个字')
      .max(20, '姓名不能超过20个字'),
    role: z.enum(OFFICER_ROLE_CODES, { error: '请选择角色' }),
    areaCode: officerAreaSchema,
    password: officerPasswordSchema,
  })
  .superRefine((value, ctx) => {
    checkRoleArea(value, ctx);
    if (passwordContainsUsername(value.password, value.username))
      ctx.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_CONTAINS_USERNAME });
  });
export type OfficerCreateInput = z.input<typeof officerCreateSchema>;

export const officerUpdateSchema = z
  .object({
    id: z.uuid('账号编号无效'),
    displayName: plainString()
      .trim()
      .min(2, '姓名至少2个字')
      .max(20, '姓名不能超过20个字')
      .optional(),
    role: z.enum(OFFICER_ROLE_CODES, { error: '请选择角色' }).optional(),
    areaCode: z.enum(AREA_CODES, { error: '请选择所属县区或园区' }).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role !== undefined)
      checkRoleArea({ ...value, areaCode: value.areaCode ?? null }, ctx);
  });
export type OfficerUpdateInput = z.input<typeof officerUpdateSchema>;
