import { z } from 'zod';
import { plainString } from '../validate/safe-text';
import type { OfficerRole } from './officer';

/**
 * Officers' passwords and second factor (等保 2.0 第三级: two factors for administrators).
 * One policy for the admin's forms, the API's inputs and the write.
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 64;

/**
 * Passwords guessed first: leaked-list favourites, the product's and the bureau's names, and the
 * demo password. Compared in lower case, so `Admin@12345` is as refused as `admin@12345`.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '1234567890',
  '0123456789',
  '12345678910',
  '1qaz2wsx3edc',
  '1q2w3e4r5t',
  'qwertyuiop',
  'qwerty12345',
  'qwer1234qwer',
  'abc1234567',
  'abcd123456',
  'a123456789',
  'aa12345678',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'admin12345',
  'admin123456',
  'admin@12345',
  'admin@123456',
  'administrator1',
  'welcome123',
  'iloveyou123',
  'woaini1314520',
  'woaini123456',
  'zxcvbnm123',
  'asdfghjkl1',
  'root123456',
  'test123456',
  'demo@20260',
  'suzhou123456',
  'kejiju123456',
  'kcsz123456',
  'changeme123',
];

const common = new Set(COMMON_PASSWORDS);

/** The rules every new password meets, whoever it belongs to. */
export const officerPasswordSchema = plainString({ error: '请输入密码' })
  .min(PASSWORD_MIN_LENGTH, `密码至少${PASSWORD_MIN_LENGTH}位`)
  .max(PASSWORD_MAX_LENGTH, `密码不能超过${PASSWORD_MAX_LENGTH}位`)
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), '密码须同时包含字母和数字')
  .refine((v) => !common.has(v.toLowerCase()), '该密码过于常见，容易被猜中，请换一个');

export const PASSWORD_CONTAINS_USERNAME = '密码不能包含用户名';

/** Whether `password` contains the account's own name (the first thing an attacker tries). */
export function passwordContainsUsername(password: string, username: string): boolean {
  const name = username.trim().toLowerCase();
  return name.length > 0 && password.toLowerCase().includes(name);
}

/** The policy for one account: the shared rules, and not the account's own name. */
export function officerPasswordFor(username: string) {
  return officerPasswordSchema.refine(
    (v) => !passwordContainsUsername(v, username),
    PASSWORD_CONTAINS_USERNAME,
  );
}

/**
 * Each rule with whether `password` meets it, for the form that shows them live while typing.
 */
export function passwordPolicyChecks(
  password: string,
  username: string,
): { label: string; ok: boolean }[] {
  return [
    {
      label: `至少${PASSWORD_MIN_LENGTH}位`,
      ok: password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH,
    },
    { label: '同时包含字母和数字', ok: /[A-Za-z]/.test(password) && /\d/.test(password) },
    {
      label: '不包含用户名',
      ok: password.length > 0 && !passwordContainsUsername(password, username),
    },
    { label: '不是常见密码', ok: password.length > 0 && !common.has(password.toLowerCase()) },
  ];
}

/** The password typed again to prove who is at the keyboard (修改密码, 关闭两步验证). */
const currentPasswordSchema = plainString({ error: '请输入当前密码' })
  .min(1, '请输入当前密码')
  .max(128, '密码过长');

/** 修改密码: the current one proves who types; the new one meets the policy (checked again with the username by the API). */
export const officerPasswordChangeSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: officerPasswordSchema,
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: '新密码不能与当前密码相同',
  });
export type OfficerPasswordChangeInput = z.input<typeof officerPasswordChangeSchema>;

/** A 6-digit code from the authenticator app (spaces typed by the officer are dropped). */
export const totpCodeSchema = plainString({ error: '请输入6位动态验证码' })
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(plainString().regex(/^\d{6}$/, '请输入6位动态验证码'));

/** A one-time recovery code, as printed: `xxxxx-xxxxx` (case and dashes are forgiven). */
export const recoveryCodeSchema = plainString({ error: '请输入恢复码' })
  .transform((v) => v.replace(/[\s-]+/g, '').toLowerCase())
  .pipe(plainString().regex(/^[a-z0-9]{10}$/, '恢复码为10位字母或数字'));

/**
 * 关闭两步验证 (roles that do not require it): the officer proves again who is at the keyboard,
 * with a current code from the app or, the phone being elsewhere, the password.
 */
export const secondFactorDisableSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp'), code: totpCodeSchema }),
  z.object({ method: z.literal('password'), currentPassword: currentPasswordSchema }),
]);
export type SecondFactorDisableInput = z.input<typeof secondFactorDisableSchema>;

/** What a login still owes before the session opens anything. */
export const LOGIN_STEPS = ['change-password', 'enrol-second-factor', 'second-factor'] as const;
export type LoginStep = (typeof LOGIN_STEPS)[number];

export const LOGIN_STEP_NAMES: Record<LoginStep, string> = {
  'change-password': '修改初始密码',
  'enrol-second-factor': '设置两步验证',
  'second-factor': '两步验证',
};

/** Roles that must use a second factor unless the bureau's setting says otherwise. */
export const DEFAULT_SECOND_FACTOR_ROLES: readonly OfficerRole[] = [
  'bureau-admin',
  'finance-officer',
];
