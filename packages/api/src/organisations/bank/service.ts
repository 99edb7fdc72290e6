import type { OrganisationBankAccount, TransactionClient } from '@kc/db';
import type { BankAccountForm } from '@kc/domain';
import { maskAccountNo, sameHolderName } from '@kc/domain';
import { writeAudit } from '../../audit';
import { lockOrganisations } from '../../awards/locks';
import type { ApplicantCaller } from '../../caller';
import type { Context } from '../../context';
import { appError } from '../../errors';
import { notifyOrganisation } from '../../notifications/write';
import { requireMembership, requireOrgAdmin, requireVerified } from '../membership';

type ApplicantCtx = Context & { caller: ApplicantCaller };

/** An account as members see it: the number masked, always. */
export function bankAccountDto(account: OrganisationBankAccount) {
  return {
    id: account.id,
    holder: account.holder,
    bankName: account.bankName,
    branchName: account.branchName,
    accountNoMasked: maskAccountNo(account.accountNo),
    setAt: account.createdAt,
  };
}

/**
 * The disbursement batch not yet paid (draft or confirmed) that holds one of the organisation's
 * applications: its payee is frozen from the account, which must not change under it.
 */
export async function unpaidBatchOf(
  db: Pick<TransactionClient, 'disbursement'>,
  organisationId: string,
): Promise<{ number: string } | null> {
  const row = await db.disbursement.findFirst({
    where: { application: { organisationId }, batch: { status: { not: 'paid' } } },
    select: { batch: { select: { number: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return row ? { number: row.batch.number } : null;
}

function lockedMessage(batch: { number: string }): string {
  return `本单位的奖补资金已列入拨付批次 ${batch.number}，拨付完成前收款账户不能变更（该批次按列入时的账户拨付）`;
}

async function activeAccountOf(
  db: Pick<TransactionClient, 'organisationBankAccount'>,
  organisationId: string,
) {
  return db.organisationBankAccount.findFirst({ where: { organisationId, status: 'active' } });
}

/** myOrg.bankAccount.get: any member sees the account (masked) and whether it may change now. */
export async function getBankAccount(ctx: ApplicantCtx) {
  const db = ctx.db.prisma;
  const { organisation: org, role } = await requireMembership(db, ctx.caller.userId);
  const [account, locked] = await Promise.all([
    activeAccountOf(db, org.id),
    unpaidBatchOf(db, org.id),
  ]);
  return {
    /** The holder must be exactly this name (the form pre-fills it). */
    organisationName: org.name,
    verified: org.verificationStatus === 'verified',
    isAdmin: role === 'admin',
    account: account ? bankAccountDto(account) : null,
    locked: locked ? { batchNumber: locked.number, message: lockedMessage(locked) } : null,
  };
}

function sameAccount(a: OrganisationBankAccount, b: BankAccountForm): boolean {
  return (
    a.accountNo === b.accountNo &&
    a.bankName === b.bankName.trim() &&
    a.branchName === b.branchName.trim()
  );
}

/**
 * myOrg.bankAccount.save: an administrator of a verified organisation registers or changes its
 * 收款账户. A change re-confirms the current account's last 4 digits, and waits while a batch
 * not yet paid holds one of the organisation's awards. The old row stays, marked replaced.
 */
export async function saveBankAccount(ctx: ApplicantCtx, input: BankAccountForm) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const { organisation } = await requireOrgAdmin(tx, ctx.caller.userId);
    // Serialised against createBatch (which takes the same row shared before it freezes payees).
    await lockOrganisations(tx, [organisation.id], 'update');
    const org = await tx.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    requireVerified(org);
    const locked = await unpaidBatchOf(tx, org.id);
    if (locked) throw appError('BANK_ACCOUNT_LOCKED', { message: lockedMessage(locked) });
    if (!sameHolderName(input.holder, org.name)) {
      const message = `开户名称须与认证的单位名称“${org.name}”完全一致`;
      throw appError('BANK_HOLDER_MISMATCH', { message, fieldErrors: { holder: [message] } });
    }
    const active = await activeAccountOf(tx, org.id);
    if (active) {
      if (!input.currentLast4) {
        const message = '变更收款账户须输入当前收款账号的后4位数字';
        throw appError('BANK_REAUTH_FAILED', { message, fieldErrors: { currentLast4: [message] } });
      }
      if (active.accountNo.slice(-4) !== input.currentLast4) {
        const message = '当前收款账号后4位不正确，不能变更收款账户';
        throw appError('BANK_REAUTH_FAILED', { message, fieldErrors: { currentLast4: [message] } });
      }
      // Saving the same account again changes nothing (a double tap, a retried request).
      if (sameAccount(active, input)) return bankAccountDto(active);
      await tx.organisationBankAccount.update({
        where: { id: active.id },
        data: { status: 'replaced', replacedAt: ctx.now() },
      });
    }
    const account = await tx.organisationBankAccount.create({
      data: {
        organisationId: org.id,
        // The verified name itself (the input may differ in spaces or bracket widths only).
        holder: org.name,
        bankName: input.bankName.trim(),
        branchName: input.branchName.trim(),
        accountNo: input.accountNo,
        status: 'active',
        createdBy: ctx.caller.userId,
        createdAt: ctx.now(),
      },
    });
    const masked = maskAccountNo(account.accountNo);
    await writeAudit(tx, ctx, {
      action: active ? 'organisation.bank-account.change' : 'organisation.bank-account.set',
      objectType: 'organisation_bank_account',
      objectId: account.id,
      areaCode: org.areaCode,
      details: {
        organisationId: org.id,
        areaCode: org.areaCode,
        holder: account.holder,
        bank: `${account.bankName}${account.branchName}`,
        accountNo: masked,
        ...(active
          ? {
              previousBank: `${active.bankName}${active.branchName}`,
              previousAccountNo: maskAccountNo(active.accountNo),
            }
          : {}),
      },
    });
    const who = await tx.user.findUnique({
      where: { id: ctx.caller.userId },
      select: { displayName: true },
    });
    await notifyOrganisation(tx, org.id, {
      kind: active ? 'organisation.bank-account-changed' : 'organisation.bank-account-set',
      at: ctx.now(),
      title: active ? '收款账户已变更' : '收款账户已登记',
      body:
        `${org.name}的收款账户已${active ? '变更为' : '登记为'}${account.bankName}${account.branchName} ${masked}` +
        `（操作人：${who?.displayName ?? '单位管理员'}）。奖补资金将拨付至该账户；如非本单位授权操作，请立即联系单位管理员。`,
      link: { page: 'org-bank', id: account.id },
    });
    return bankAccountDto(account);
  });
}
