import { maskAccountNo, sameHolderName } from '@kc/domain';

/** The organisation's active 收款账户, as the payee is frozen from it. */
export const ACTIVE_ACCOUNT = {
  bankAccounts: { where: { status: 'active' }, take: 1 },
} as const;

interface PayeeSource {
  number: string;
  organisation: {
    name: string;
    bankAccounts: { holder: string; bankName: string; branchName: string; accountNo: string }[];
  } | null;
  researcher: { name: string } | null;
}

type PayeeCheck =
  | { ok: true; payeeName: string; payeeBankName: string; payeeAccountNo: string }
  | { ok: false; message: string };

/**
 * The account a disbursement is paid to, frozen from the organisation's active 收款账户 (开户银行
 * with its branch, as the bank's transfer form wants it); or why it cannot be paid.
 */
export function payeeOf(app: PayeeSource): PayeeCheck {
  const org = app.organisation;
  if (!org) {
    return {
      ok: false,
      message: `申请 ${app.number}（${app.researcher?.name ?? '个人'}）为个人申请，系统尚未登记个人收款账户，暂不能列入拨付批次`,
    };
  }
  const account = org.bankAccounts[0];
  if (!account) {
    return {
      ok: false,
      message: `${org.name}（申请 ${app.number}）尚未登记收款账户，不能列入拨付批次，请通知该单位管理员在小程序“我的—收款账户”中登记`,
    };
  }
  // The name may have changed (an approved change request) since the account was registered.
  if (!sameHolderName(account.holder, org.name)) {
    return {
      ok: false,
      message: `${org.name}（申请 ${app.number}）收款账户的开户名称“${account.holder}”与单位名称不一致，请该单位更新收款账户后再列入拨付批次`,
    };
  }
  return {
    ok: true,
    payeeName: account.holder,
    payeeBankName: `${account.bankName}${account.branchName}`,
    payeeAccountNo: account.accountNo,
  };
}

/** What the candidate list shows of the account: bank and branch, the number masked. */
export function payeeSummary(app: PayeeSource) {
  const account = app.organisation?.bankAccounts[0];
  return {
    bankAccountHolder: account?.holder ?? null,
    bankName: account ? `${account.bankName}${account.branchName}` : null,
    bankAccountMasked: account ? maskAccountNo(account.accountNo) : null,
  };
}
