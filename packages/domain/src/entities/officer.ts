import { z } from 'zod';
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
