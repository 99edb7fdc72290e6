import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioInput, toBureauReview } from './awards-support';
import { key, newOfficer } from './disbursement-support';
import { creditCode, firmInput } from './fixtures';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { accountForm, storedFile } from './library-support';
import { verifiedInDb } from './org-support';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const AWARD = 200_000n * 100n; // a scenario case: 20万元
const ACCOUNT_NO = '6222021313000004567';

describe('money reaches a brand-new firm', () => {
  it('an organisation not yet verified keeps a draft but cannot submit it', async () => {
    h.clock.now = new Date('2026-11-27T02:00:00Z');
    const firm = await h.applicant('new-firm-8802');
    await firm.profile.saveOrganisation.mutate(
      firmInput({ creditCode: creditCode(8802), name: '宿州未认证科技有限公司' }),
    );
    const draft = await firm.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('未认证单位的草稿'),
      evidence: [],
    });
    expect(draft.status).toBe('draft');
    const refused = await failure(() =>
      firm.applications.submit.mutate({ applicationId: draft.id, expectedVersion: draft.version }),
    );
    expect(refused.appCode).toBe('ORGANISATION_NOT_VERIFIED');
    expect(refused.message).toMatch(/^单位尚未通过机构认证，请先在“我的—机构认证”提交/);
    expect((await firm.applications.byId.query({ id: draft.id })).status).toBe('draft');
  });

  it('register → verified → account → apply by reference → approved, noticed, batched, confirmed, paid', async () => {
    // Friday 2026-11-27, 10:00 in Shanghai.
    h.clock.now = new Date('2026-11-27T02:00:00Z');
    const secondFinance = await newOfficer(h, 'FINANCE_OFFICER', '复核财务人员');

    // 注册: a new firm, with nothing from the demo seed.
    const openid = 'new-firm-8801';
    const firm = await h.applicant(openid);
    const org = await firm.profile.saveOrganisation.mutate(
      firmInput({ creditCode: creditCode(8801), name: '宿州新创智造科技有限公司' }),
    );
    const me = await firm.auth.me.query();
    expect(
      (await failure(() => firm.myOrg.bankAccount.save.mutate(accountForm(org.name)))).appCode,
    ).toBe('ORGANISATION_NOT_VERIFIED');

    // 认证 (the officer's decision is tested in the verification tests), then its own account.
    await verifiedInDb(h, org.id);
    await firm.myOrg.bankAccount.save.mutate(accountForm(org.name, { accountNo: ACCOUNT_NO }));
    const commitmentFile = await storedFile(h, me.id, '2026年度信用承诺书.pdf');
    await firm.myOrg.documents.add.mutate({ kind: 'credit-commitment', fileId: commitmentFile.id });

    // 申报: the case documents uploaded, the commitment and the account by reference.
    const offers = await firm.myOrg.documents.forEvidence.query({ ruleId: 'scenario-case' });
    const byReference = offers.flatMap((o) => (o.offer ? [o.offer.ref] : []));
    expect(byReference.map((r) => r.kind)).toEqual(['credit-commitment', 'bank-account']);
    const uploads = await Promise.all(
      ['selection-notice', 'case-summary'].map(async (kind) => ({
        kind,
        fileId: (await storedFile(h, me.id, `${kind}.pdf`)).id,
      })),
    );
    const draft = await firm.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('新注册企业全流程案例'),
      evidence: [...uploads, ...byReference],
    });
    const submitted = await firm.applications.submit.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
    });

    // 县区受理 → 市局审核 → 批准.
    const atBureau = await toBureauReview(h, submitted.id);
    const reviewer = await h.officer('reviewer');
    const approved = await reviewer.review.act.mutate({
      applicationId: submitted.id,
      action: 'approve',
      expectedVersion: atBureau.version,
    });
    expect(approved).toMatchObject({ status: 'approved', approvedAmountFen: AWARD });

    // 公示: published on Friday 27 November, five working days to Friday 4 December.
    const admin = await h.officer('admin');
    const notice = await admin.notices.create.mutate({
      title: '新注册企业奖补拟支持名单公示',
      applicationIds: [submitted.id],
    });
    await reviewer.notices.publish.mutate({ batchId: notice.id });
    h.clock.now = new Date('2026-12-07T02:00:00Z');
    const closed = await (await h.officer('admin')).notices.close.mutate({ batchId: notice.id });
    expect(closed.status).toBe('closed');

    // 拨付: the payee frozen from the account the firm entered; a second finance officer confirms.
    const finance = await h.officer('finance');
    const candidate = (await finance.disbursements.candidates.query()).find(
      (c) => c.applicationId === submitted.id,
    );
    expect(candidate).toMatchObject({
      payable: true,
      bankAccountHolder: org.name,
      bankName: '中国工商银行宿州分行营业部',
      bankAccountMasked: '****4567',
    });
    const batch = await finance.disbursements.createBatch.mutate({
      applicationIds: [submitted.id],
      idempotencyKey: key(),
    });
    expect(batch.items[0]).toMatchObject({
      payeeName: org.name,
      payeeBankName: '中国工商银行宿州分行营业部',
      payeeAccountNo: ACCOUNT_NO,
      amountFen: AWARD,
    });
    const confirmer = await h.officer(secondFinance.username);
    await confirmer.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() });
    const paid = await finance.disbursements.markPaid.mutate({
      batchId: batch.id,
      idempotencyKey: key(),
      bankReference: 'ICBC-20261207-0001',
    });
    expect(paid.status).toBe('paid');

    // The ledger's payment entry, with the payee it was paid to.
    const book = await finance.disbursements.ledger.query({ year: 2026, ruleId: 'scenario-case' });
    expect(
      book.entries
        .filter((e) => e.applicationId === submitted.id)
        .map((e) => [e.kind, e.amountFen]),
    ).toEqual([
      ['commit', AWARD],
      ['payment', AWARD],
    ]);
    const payment = await h.prisma.ledgerEntry.findFirstOrThrow({
      where: { applicationId: submitted.id, kind: 'payment' },
      include: { disbursement: true },
    });
    expect(payment.disbursement).toMatchObject({
      payeeName: org.name,
      payeeBankName: '中国工商银行宿州分行营业部',
      payeeAccountNo: ACCOUNT_NO,
      bankReference: 'ICBC-20261207-0001',
    });
    // The firm (its session renewed after ten days) sees its award paid.
    const again = await h.applicant(openid);
    expect((await again.applications.byId.query({ id: submitted.id })).status).toBe('paid');
  });
});
