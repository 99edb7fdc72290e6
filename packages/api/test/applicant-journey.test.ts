import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import {
  SCENARIO_EVIDENCE,
  firmApplicant,
  scenarioInput,
  submittedScenario,
  toBureauReview,
} from './awards-support';

/**
 * The applicant's side of an application (issue 11): the receipt on submit, what the applicant
 * may not see (the programme's budget), deleting a draft, and the preview telling the same reasons
 * as a submission would.
 */
describe('applying, as the applicant sees it', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const YUAN = 100n;

  /** A complete 四.8 form (money in fen), with the given changes. */
  const techTransfer = (changes: Record<string, unknown> = {}) => ({
    contractNo: `HT-${Math.random().toString(36).slice(2, 8)}`,
    resultName: '高效储热材料制备技术',
    sellerName: '合肥储能研究院有限公司',
    sellerLocation: 'outside-city',
    contractSignedOn: '2026-09-01',
    contractAmount: 1_000_000n * YUAN,
    payments: [{ paidOn: '2026-10-10', amount: 300_000n * YUAN, voucherNo: 'PZ001' }],
    conversionProject: '在宿州经开区建设中试线',
    ...changes,
  });
  const TECH_TRANSFER_EVIDENCE = [
    'technology-contract',
    'bank-transfer-voucher',
    'conversion-proof',
    'credit-commitment',
    'bank-account',
  ];

  it('sends a receipt with the application number when it is submitted, in the same transaction', async () => {
    const { firm, application } = await submittedScenario(h, '回执测试场景');
    const { items } = await firm.client.notifications.mine.query({});
    expect(items.map((n) => n.title)).toEqual(['申请已提交']);
    expect(items[0]!.body).toContain(application.number);
    expect(items[0]!.link).toEqual({ page: 'application', id: application.id });
    expect(new Date(items[0]!.at).getTime()).toBe(new Date(application.submittedAt!).getTime());

    // A refused submission changes nothing, and sends nothing.
    const other = await firmApplicant(h);
    const draft = await other.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('缺材料的场景'),
      evidence: [],
    });
    const refused = await failure(() =>
      other.client.applications.submit.mutate({ applicationId: draft.id }),
    );
    expect(refused.appCode).toBe('NOT_ELIGIBLE');
    expect((await other.client.notifications.mine.query({})).items).toEqual([]);
  });

  it('never tells the applicant what is left of the programme’s budget', async () => {
    const { firm, application } = await submittedScenario(h, '不外露场景');
    const preview = await firm.client.applications.preview.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('不外露场景二'),
      evidenceKinds: SCENARIO_EVIDENCE,
    });
    const budgetWords = /预算/;
    expect(JSON.stringify(preview.explanation)).not.toMatch(budgetWords);
    expect(JSON.stringify(preview.refusals)).not.toMatch(budgetWords);

    // Approved: the officer's explanation names the budget, the applicant's copy does not.
    const atBureau = await toBureauReview(h, application.id);
    const reviewer = await h.officer('reviewer');
    await reviewer.review.act.mutate({
      applicationId: application.id,
      action: 'approve',
      expectedVersion: atBureau.version,
    });
    const officerView = await reviewer.review.byId.query({ id: application.id });
    expect(JSON.stringify(officerView.explanation)).toMatch(budgetWords);
    const mine = await firm.client.applications.byId.query({ id: application.id });
    expect(JSON.stringify(mine.explanation)).not.toMatch(budgetWords);
    const list = await firm.client.applications.mine.query();
    expect(JSON.stringify(list.map((a) => a.explanation))).not.toMatch(budgetWords);
  });

  it('deletes a draft, and only a draft', async () => {
    const firm = await firmApplicant(h);
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('要删除的草稿'),
      evidence: [await firm.upload('case-summary')],
    });
    const stranger = await firmApplicant(h);
    expect(
      (
        await failure(() =>
          stranger.client.applications.deleteDraft.mutate({ applicationId: draft.id }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');
    expect(
      (
        await failure(() =>
          firm.client.applications.deleteDraft.mutate({
            applicationId: draft.id,
            expectedVersion: draft.version + 1,
          }),
        )
      ).appCode,
    ).toBe('STALE_VERSION');
    await firm.client.applications.deleteDraft.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
    });
    // Gone from the list; the row stays closed, as the append-only timeline requires.
    expect((await h.prisma.application.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe(
      'withdrawn',
    );
    expect((await firm.client.applications.mine.query()).map((a) => a.id)).not.toContain(draft.id);

    const { firm: sent, application } = await submittedScenario(h, '已提交不能删除');
    const locked = await failure(() =>
      sent.client.applications.deleteDraft.mutate({ applicationId: application.id }),
    );
    expect(locked.appCode).toBe('APPLICATION_LOCKED');
    expect(locked.message).toMatch(/撤回/);
  });

  describe('the preview gives the reasons a submission would', () => {
    /** Saves the form as a draft and submits it: the reasons submit gives, per field. */
    async function submitReasons(
      firm: Awaited<ReturnType<typeof firmApplicant>>,
      input: Record<string, unknown>,
    ) {
      const evidence = await Promise.all(TECH_TRANSFER_EVIDENCE.map((k) => firm.upload(k)));
      const draft = await firm.client.applications.saveDraft.mutate({
        ruleId: 'tech-transfer',
        input,
        evidence,
      });
      const refused = await failure(() =>
        firm.client.applications.submit.mutate({ applicationId: draft.id }),
      );
      expect(refused.appCode).toBe('NOT_ELIGIBLE');
      return refused.fieldErrors ?? {};
    }

    async function previewReasons(
      firm: Awaited<ReturnType<typeof firmApplicant>>,
      input: Record<string, unknown>,
    ) {
      const preview = await firm.client.applications.preview.mutate({
        ruleId: 'tech-transfer',
        input,
        evidenceKinds: TECH_TRANSFER_EVIDENCE,
      });
      expect(preview.eligible).toBe(false);
      return preview.refusals;
    }

    it('payments over the contract amount', async () => {
      const firm = await firmApplicant(h);
      const input = techTransfer({ contractAmount: 200_000n * YUAN });
      const reasons = await previewReasons(firm, input);
      expect(reasons).toContainEqual(
        expect.objectContaining({
          field: 'payments',
          message: expect.stringContaining('超过合同成交额') as string,
        }),
      );
      expect((await submitReasons(firm, input)).payments).toEqual([
        reasons.find((r) => r.field === 'payments')!.message,
      ]);
    });

    it('payments over the contract amount, while another field is still blank', async () => {
      const firm = await firmApplicant(h);
      const { conversionProject: _blank, ...rest } = techTransfer({
        contractAmount: 200_000n * YUAN,
      });
      const reasons = await previewReasons(firm, rest);
      expect(reasons.map((r) => r.field)).toEqual(
        expect.arrayContaining(['conversionProject', 'payments']),
      );
    });

    it('a payment before the contract was signed', async () => {
      const firm = await firmApplicant(h);
      const reasons = await previewReasons(firm, techTransfer({ contractSignedOn: '2026-10-20' }));
      expect(reasons).toContainEqual(
        expect.objectContaining({
          field: 'payments.0.paidOn',
          message: expect.stringContaining('早于合同签订日期') as string,
        }),
      );
    });

    it('a contract dated in the future is an error of that field', async () => {
      const firm = await firmApplicant(h);
      const input = techTransfer({ contractSignedOn: '2099-01-01' });
      const reasons = await previewReasons(firm, input);
      expect(reasons).toContainEqual(
        expect.objectContaining({
          field: 'contractSignedOn',
          message: expect.stringContaining('晚于申请日期') as string,
        }),
      );
      const submitted = await submitReasons(firm, input);
      expect(submitted.contractSignedOn?.[0]).toContain('晚于申请日期');
    });

    it('a payment dated in the future is an error of that payment', async () => {
      const firm = await firmApplicant(h);
      const reasons = await previewReasons(
        firm,
        techTransfer({
          payments: [{ paidOn: '2099-03-01', amount: 100_000n * YUAN, voucherNo: 'PZ9' }],
        }),
      );
      const future = reasons.filter((r) => r.message.includes('晚于申请日期'));
      expect(future).toHaveLength(1);
      expect(future[0]!.field).toBe('payments.0.paidOn');
    });
  });
});
