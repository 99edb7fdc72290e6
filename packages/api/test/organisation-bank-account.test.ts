import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firmApplicant } from './awards-support';
import { WORKSTATION_RULE, key, newOfficer, noticePassedAward } from './disbursement-support';
import { creditCode, firmInput } from './fixtures';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { accountForm, colleague } from './library-support';

let h: Harness;
type Officer = Awaited<ReturnType<Harness['officer']>>;
let reviewer: Officer;
let admin: Officer;
let finance: Officer;
let finance2: Officer;

beforeAll(async () => {
  h = await createHarness();
  [reviewer, admin, finance] = await Promise.all([
    h.officer('reviewer'),
    h.officer('admin'),
    h.officer('finance'),
  ]);
  finance2 = (await newOfficer(h, 'FINANCE_OFFICER', '第二财务人员')).api;
  await h.prisma.programmeBudget.update({
    where: { ruleId_year: { ruleId: WORKSTATION_RULE, year: 2026 } },
    data: { budgetFen: 100_000_000_00n },
  });
});
afterAll(async () => {
  await h?.close();
});

const FIRST = '6222021313000004567';
const SECOND = '6217001230000009876';

async function accountsOf(organisationId: string) {
  return h.prisma.organisationBankAccount.findMany({
    where: { organisationId },
    orderBy: { createdAt: 'asc' },
  });
}

describe('registering the 收款账户', () => {
  it('an administrator of a verified firm registers it; every member sees it masked', async () => {
    const firm = await firmApplicant(h);
    const agent = await colleague(h, firm.org.id);
    const saved = await firm.client.myOrg.bankAccount.save.mutate(
      accountForm(firm.org.name, { accountNo: '6222 0213 1300 0004 567' }),
    );
    expect(saved).toMatchObject({
      holder: firm.org.name,
      bankName: '中国工商银行',
      branchName: '宿州分行营业部',
      accountNoMasked: '****4567',
      setAt: h.clock.now,
    });
    expect(JSON.stringify(saved)).not.toContain(FIRST);

    const seen = await agent.client.myOrg.bankAccount.get.query();
    expect(seen).toMatchObject({
      organisationName: firm.org.name,
      verified: true,
      isAdmin: false,
      account: { accountNoMasked: '****4567' },
      locked: null,
    });
    expect(JSON.stringify(seen)).not.toContain(FIRST);
    // Stored as digits only (spaces typed to group them dropped).
    expect((await accountsOf(firm.org.id)).map((a) => [a.accountNo, a.status])).toEqual([
      [FIRST, 'active'],
    ]);

    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: 'organisation.bank-account.set', objectId: saved.id },
    });
    expect(audit.details).toMatchObject({
      organisationId: firm.org.id,
      areaCode: 'yongqiao',
      accountNo: '****4567',
    });
    // Both members hear of it, the number masked.
    const messages = await h.prisma.notification.findMany({
      where: { kind: 'organisation.bank-account-set', userId: { in: [firm.userId, agent.userId] } },
    });
    expect(messages).toHaveLength(2);
    expect(messages[0]?.body).toContain('中国工商银行宿州分行营业部 ****4567');
  });

  it('refuses a holder other than the verified organisation name', async () => {
    const firm = await firmApplicant(h);
    const refused = await failure(() =>
      firm.client.myOrg.bankAccount.save.mutate(accountForm('宿州某某贸易有限公司')),
    );
    expect(refused).toMatchObject({
      appCode: 'BANK_HOLDER_MISMATCH',
      message: `开户名称须与认证的单位名称“${firm.org.name}”完全一致`,
      fieldErrors: { holder: [`开户名称须与认证的单位名称“${firm.org.name}”完全一致`] },
    });
    expect(await accountsOf(firm.org.id)).toEqual([]);
  });

  it('accepts the name with full-width brackets or spaces typed differently', async () => {
    const client = await h.applicant();
    const org = await client.profile.saveOrganisation.mutate(
      firmInput({ creditCode: creditCode(7101), name: '宿州云启（智能）科技有限公司' }),
    );
    await h.prisma.organisation.update({
      where: { id: org.id },
      data: { verificationStatus: 'verified', verifiedAt: h.clock.now, updatedAt: h.clock.now },
    });
    const saved = await client.myOrg.bankAccount.save.mutate(
      accountForm('宿州云启(智能)科技 有限公司'),
    );
    // The verified name itself is what the batch pays to.
    expect(saved.holder).toBe('宿州云启（智能）科技有限公司');
  });

  it('refuses a number typed differently the second time, or not 8–32 digits', async () => {
    const firm = await firmApplicant(h);
    const mistyped = await failure(() =>
      firm.client.myOrg.bankAccount.save.mutate(
        accountForm(firm.org.name, {
          accountNo: FIRST,
          accountNoConfirm: `${FIRST.slice(0, -1)}8`,
        }),
      ),
    );
    expect(mistyped).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { accountNoConfirm: ['两次输入的银行账号不一致'] },
    });
    const letters = await failure(() =>
      firm.client.myOrg.bankAccount.save.mutate(
        accountForm(firm.org.name, { accountNo: '62220213AB000004567' }),
      ),
    );
    expect(letters.fieldErrors?.accountNo).toEqual(['银行账号只能包含数字']);
    const short = await failure(() =>
      firm.client.myOrg.bankAccount.save.mutate(
        accountForm(firm.org.name, { accountNo: '1234567' }),
      ),
    );
    expect(short.fieldErrors?.accountNo).toEqual(['银行账号应为8–32位数字']);
  });

  it('only an administrator registers it, and only once the organisation is verified', async () => {
    const firm = await firmApplicant(h);
    const agent = await colleague(h, firm.org.id);
    const notAdmin = await failure(() =>
      agent.client.myOrg.bankAccount.save.mutate(accountForm(firm.org.name)),
    );
    expect(notAdmin).toMatchObject({
      appCode: 'NOT_ORG_ADMIN',
      message: '只有单位管理员可以进行此操作',
    });

    const client = await h.applicant();
    const org = await client.profile.saveOrganisation.mutate(
      firmInput({ creditCode: creditCode(7102), name: '宿州未认证科技有限公司' }),
    );
    const unverified = await failure(() =>
      client.myOrg.bankAccount.save.mutate(accountForm(org.name)),
    );
    expect(unverified.appCode).toBe('ORGANISATION_NOT_VERIFIED');
    expect(unverified.message).toContain('单位尚未通过机构认证');

    const stranger = await h.applicant();
    const noOrg = await failure(() => stranger.myOrg.bankAccount.get.query());
    expect(noOrg).toMatchObject({
      appCode: 'NOT_ORG_MEMBER',
      message: '您还不是任何单位的成员，请先注册单位或使用邀请码加入',
    });
  });
});

describe('changing the 收款账户', () => {
  it('needs the current account’s last 4 digits, and keeps the old account as replaced', async () => {
    const firm = await firmApplicant(h);
    const first = await firm.client.myOrg.bankAccount.save.mutate(accountForm(firm.org.name));
    const change = accountForm(firm.org.name, {
      bankName: '中国建设银行',
      branchName: '宿州埇桥支行',
      accountNo: SECOND,
    });

    const without = await failure(() => firm.client.myOrg.bankAccount.save.mutate(change));
    expect(without).toMatchObject({
      appCode: 'BANK_REAUTH_FAILED',
      message: '变更收款账户须输入当前收款账号的后4位数字',
      fieldErrors: { currentLast4: ['变更收款账户须输入当前收款账号的后4位数字'] },
    });
    const wrong = await failure(() =>
      firm.client.myOrg.bankAccount.save.mutate({ ...change, currentLast4: '9876' }),
    );
    expect(wrong).toMatchObject({
      appCode: 'BANK_REAUTH_FAILED',
      message: '当前收款账号后4位不正确，不能变更收款账户',
    });
    expect((await accountsOf(firm.org.id)).map((a) => a.status)).toEqual(['active']);

    const before = h.clock.now;
    h.clock.now = new Date(before.getTime() + 3600_000);
    try {
      const second = await firm.client.myOrg.bankAccount.save.mutate({
        ...change,
        currentLast4: '4567',
      });
      expect(second.accountNoMasked).toBe('****9876');
      const rows = await accountsOf(firm.org.id);
      expect(rows.map((a) => [a.id, a.status, a.replacedAt])).toEqual([
        [first.id, 'replaced', h.clock.now],
        [second.id, 'active', null],
      ]);
      const audit = await h.prisma.auditLog.findFirstOrThrow({
        where: { action: 'organisation.bank-account.change', objectId: second.id },
      });
      expect(audit.details).toMatchObject({
        organisationId: firm.org.id,
        bank: '中国建设银行宿州埇桥支行',
        accountNo: '****9876',
        previousBank: '中国工商银行宿州分行营业部',
        previousAccountNo: '****4567',
      });
      // Saving the same account again changes nothing.
      await firm.client.myOrg.bankAccount.save.mutate({ ...change, currentLast4: '9876' });
      expect(await accountsOf(firm.org.id)).toHaveLength(2);
    } finally {
      h.clock.now = before;
    }
  });

  it('is refused while an unpaid batch holds one of the firm’s awards, and allowed once it is paid', async () => {
    const { firm, applicationId } = await noticePassedAward(h, reviewer, { bank: false });
    await firm.client.myOrg.bankAccount.save.mutate(accountForm(firm.org.name));
    const batch = await finance.disbursements.createBatch.mutate({
      applicationIds: [applicationId],
      idempotencyKey: key(),
    });
    const change = accountForm(firm.org.name, { accountNo: SECOND, currentLast4: '4567' });
    const message = `本单位的奖补资金已列入拨付批次 ${batch.number}，拨付完成前收款账户不能变更（该批次按列入时的账户拨付）`;

    expect(await failure(() => firm.client.myOrg.bankAccount.save.mutate(change))).toMatchObject({
      appCode: 'BANK_ACCOUNT_LOCKED',
      message,
    });
    expect((await firm.client.myOrg.bankAccount.get.query()).locked).toEqual({
      batchNumber: batch.number,
      message,
    });

    await finance2.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() });
    expect((await failure(() => firm.client.myOrg.bankAccount.save.mutate(change))).appCode).toBe(
      'BANK_ACCOUNT_LOCKED',
    );

    const paid = await finance.disbursements.markPaid.mutate({
      batchId: batch.id,
      idempotencyKey: key(),
    });
    expect((await firm.client.myOrg.bankAccount.get.query()).locked).toBeNull();
    const changed = await firm.client.myOrg.bankAccount.save.mutate(change);
    expect(changed.accountNoMasked).toBe('****9876');
    // The batch keeps the account it was made with.
    expect(paid.items[0]?.payeeAccountNo).toBe(FIRST);
    const seen = await finance.disbursements.byId.query({ id: batch.id });
    expect(seen.items[0]?.payeeAccountNo).toBe(FIRST);
  });
});

describe('a batch and an account change at the same moment', () => {
  it('never interleave: the batch pays the account it saw, or the change waits for the payment', async () => {
    for (let round = 0; round < 3; round++) {
      const { firm, applicationId } = await noticePassedAward(h, reviewer, { bank: false });
      await firm.client.myOrg.bankAccount.save.mutate(accountForm(firm.org.name));
      const [made, changed] = await Promise.allSettled([
        finance.disbursements.createBatch.mutate({
          applicationIds: [applicationId],
          idempotencyKey: key(),
        }),
        firm.client.myOrg.bankAccount.save.mutate(
          accountForm(firm.org.name, { accountNo: SECOND, currentLast4: '4567' }),
        ),
      ]);
      expect(made.status).toBe('fulfilled');
      const batch = made.status === 'fulfilled' ? made.value : null;
      const active = await h.prisma.organisationBankAccount.findFirstOrThrow({
        where: { organisationId: firm.org.id, status: 'active' },
      });
      if (changed.status === 'fulfilled') {
        // The change went first: the batch froze the new account.
        expect(batch?.items[0]?.payeeAccountNo).toBe(SECOND);
        expect(active.accountNo).toBe(SECOND);
      } else {
        // The batch went first: the change was refused, the account is the one frozen.
        expect((await failure(() => Promise.reject(changed.reason))).appCode).toBe(
          'BANK_ACCOUNT_LOCKED',
        );
        expect(batch?.items[0]?.payeeAccountNo).toBe(FIRST);
        expect(active.accountNo).toBe(FIRST);
      }
    }
  });
});

describe('the account number is masked everywhere but in a batch for finance', () => {
  it('in the candidate list, in a batch the bureau admin sees, in the audit log and in messages', async () => {
    const { firm, applicationId } = await noticePassedAward(h, reviewer, { bank: false });
    await firm.client.myOrg.bankAccount.save.mutate(
      accountForm(firm.org.name, { accountNo: '6222021313000001357' }),
    );
    const full = '6222021313000001357';

    const candidate = (await admin.disbursements.candidates.query()).find(
      (c) => c.applicationId === applicationId,
    );
    expect(candidate).toMatchObject({ bankAccountMasked: '****1357', payable: true });
    expect(Object.values(candidate ?? {})).not.toContain(full);

    // The bureau admin may prepare a batch; the full number is for finance only.
    const batch = await admin.disbursements.createBatch.mutate({
      applicationIds: [applicationId],
      idempotencyKey: key(),
    });
    expect(batch.items[0]?.payeeAccountNo).toBe('****1357');
    expect((await admin.disbursements.byId.query({ id: batch.id })).items[0]?.payeeAccountNo).toBe(
      '****1357',
    );
    expect(
      (await finance.disbursements.byId.query({ id: batch.id })).items[0]?.payeeAccountNo,
    ).toBe(full);
    const exported = await failure(() =>
      admin.disbursements.exportXlsx.mutate({ batchId: batch.id }),
    );
    expect(exported.appCode).toBe('FORBIDDEN');
    const file = await finance.disbursements.exportXlsx.mutate({ batchId: batch.id });
    expect(file.filename).toBe(`拨付清单-${batch.number}.xlsx`);

    const logs = await h.prisma.auditLog.findMany({ select: { details: true } });
    expect(logs.filter((l) => JSON.stringify(l.details).includes(full))).toEqual([]);
    const messages = await h.prisma.notification.findMany({ select: { body: true } });
    expect(messages.filter((m) => m.body.includes(full))).toEqual([]);
  });
});
