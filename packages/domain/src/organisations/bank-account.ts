import { z } from 'zod';
import { plainString } from '../validate/safe-text';
import { text } from '../entities/shared';
import { toHalfWidth } from '../validate/text';

/** Account numbers: digits only; spaces typed to group them are dropped, full-width digits folded. */
export function normaliseAccountNo(input: string): string {
  return toHalfWidth(input).replace(/\s/g, '');
}

const accountNo = (title: string) =>
  plainString({ error: `请填写${title}` })
    .transform(normaliseAccountNo)
    .pipe(
      plainString()
        .min(1, `请填写${title}`)
        .regex(/^\d+$/, `${title}只能包含数字`)
        .min(8, `${title}应为8–32位数字`)
        .max(32, `${title}应为8–32位数字`),
    )
    .meta({ title });

/**
 * 收款账户: the organisation's own account. The holder must be the verified organisation name (the
 * API checks it, as only it knows the name); the number is typed twice.
 */
export const bankAccountSchema = z
  .object({
    holder: text('开户名称', 2, 100, { description: '须与认证的单位名称完全一致' }),
    bankName: text('开户银行', 2, 50, { description: '如：中国工商银行' }),
    branchName: text('开户网点', 2, 100, { description: '如：宿州分行营业部' }),
    accountNo: accountNo('银行账号'),
    accountNoConfirm: accountNo('确认银行账号'),
    /** Changing an existing account: the last 4 digits of the current one (re-confirmation). */
    currentLast4: plainString()
      .trim()
      .regex(/^\d{4}$/, '请输入当前收款账号的后4位数字')
      .optional()
      .meta({ title: '当前账号后4位', description: '变更收款账户时，输入当前账号的后4位以确认' }),
  })
  .superRefine((value, ctx) => {
    if (value.accountNo !== value.accountNoConfirm) {
      ctx.addIssue({
        code: 'custom',
        path: ['accountNoConfirm'],
        message: '两次输入的银行账号不一致',
      });
    }
  });
export type BankAccountInput = z.input<typeof bankAccountSchema>;
export type BankAccountForm = z.output<typeof bankAccountSchema>;

/** Holder names compare without spaces and with full-width brackets folded (（）vs ()). */
export function sameHolderName(a: string, b: string): boolean {
  const fold = (s: string) => toHalfWidth(s).replace(/\s/g, '');
  return fold(a) === fold(b);
}

/** `6222 **** **** 4567` style: only the last 4 digits show. */
export function maskAccountNo(accountNo: string): string {
  return accountNo.length <= 4 ? '****' : `****${accountNo.slice(-4)}`;
}
