import { z } from 'zod';
import { AREA_CODES } from '../reference/areas';
import { codesOf, nameLookup } from '../reference/lookup';

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
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(128, '密码过长'),
});
export type OfficerLoginInput = z.input<typeof officerLoginSchema>;

export const wechatLoginSchema = z.object({
  code: z
    .string({ error: '缺少微信登录凭证' })
    .trim()
    .min(1, '缺少微信登录凭证')
    .max(128, '微信登录凭证无效'),
});

/** The one-time code of WeChat's phone-number button (`<button open-type="getPhoneNumber">`). */
export const wechatPhoneCodeSchema = z.object({
  code: z
    .string({ error: '缺少微信手机号凭证' })
    .trim()
    .min(1, '缺少微信手机号凭证')
    .max(128, '微信手机号凭证无效'),
});

/** A new officer's password: long enough, letters and digits (the login form accepts anything). */
export const officerPasswordSchema = z
  .string({ error: '请输入密码' })
  .min(8, '密码至少8位')
  .max(64, '密码不能超过64位')
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), '密码须同时包含字母和数字');

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
    username: z
      .string({ error: '请输入用户名' })
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9_.-]{3,32}$/, '用户名为3至32位小写字母、数字或 _ . -'),
    displayName: z
      .string({ error: '请输入姓名' })
      .trim()
      .min(2, '姓名至少2个字')
      .max(20, '姓名不能超过20个字'),
    role: z.enum(OFFICER_ROLE_CODES, { error: '请选择角色' }),
    areaCode: officerAreaSchema,
    password: officerPasswordSchema,
  })
  .superRefine(checkRoleArea);
export type OfficerCreateInput = z.input<typeof officerCreateSchema>;

export const officerUpdateSchema = z
  .object({
    id: z.uuid('账号编号无效'),
    displayName: z.string().trim().min(2, '姓名至少2个字').max(20, '姓名不能超过20个字').optional(),
    role: z.enum(OFFICER_ROLE_CODES, { error: '请选择角色' }).optional(),
    areaCode: z.enum(AREA_CODES, { error: '请选择所属县区或园区' }).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role !== undefined)
      checkRoleArea({ ...value, areaCode: value.areaCode ?? null }, ctx);
  });
export type OfficerUpdateInput = z.input<typeof officerUpdateSchema>;
