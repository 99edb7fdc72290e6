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

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const YUAN = 100n;

describe('programmes and preview', () => {
  it('lists the ten money programmes of the plan with their guides and forms', async () => {
    const { client } = await firmApplicant(h);
    const programmes = await client.programmes.open.query();
    expect(programmes.map((p) => p.id).sort()).toEqual(
      [
        'academician-centre-city',
        'academician-workstation-city',
        'academician-workstation-provincial',
        'high-tech-enterprise',
        'incubator',
        'innovation-contest',
        'rd-platform',
        'scenario-case',
        'talent-team',
        'tech-transfer',
      ].sort(),
    );
    const scenario = programmes.find((p) => p.id === 'scenario-case')!;
    expect(scenario).toMatchObject({
      clause: '四.1',
      yearlyQuota: 10,
      maxAmountFen: 200_000n * YUAN,
    });
    expect(scenario.fields.map((f) => f.title)).toContain('案例名称');
    expect(scenario.guide.evidence.map((e) => e.kind)).toEqual(
      expect.arrayContaining(SCENARIO_EVIDENCE),
    );
  });

  it('previews eligibility and the amount with its explanation before anything is saved', async () => {
    const { client } = await firmApplicant(h);
    const before = await h.prisma.application.count();
    const preview = await client.applications.preview.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('预览用案例'),
      evidenceKinds: SCENARIO_EVIDENCE,
    });
    expect(preview).toMatchObject({ eligible: true, amountFen: 200_000n * YUAN });
    expect(preview.explanation.clause).toBe('四.1');
    expect(await h.prisma.application.count()).toBe(before);
  });

  it('needs a profile before applying', async () => {
    const bare = await h.applicant();
    expect(
      (
        await failure(() =>
          bare.applications.preview.mutate({ ruleId: 'scenario-case', input: {} }),
        )
      ).appCode,
    ).toBe('PROFILE_REQUIRED');
  });
});

describe('applying', () => {
  it('saves an incomplete draft, then refuses to submit it while evidence is missing', async () => {
    const firm = await firmApplicant(h);
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: { caseName: '半成品' },
      evidence: [],
    });
    expect(draft).toMatchObject({
      status: 'draft',
      number: expect.stringMatching(/^SZKC-2026-\d{6}$/),
    });
    const result = await failure(() =>
      firm.client.applications.submit.mutate({ applicationId: draft.id }),
    );
    expect(result.appCode).toBe('NOT_ELIGIBLE');
    expect((await h.prisma.application.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe(
      'draft',
    );
  });

  it('submits a complete application with the engine’s amount, whatever the client claims', async () => {
    const firm = await firmApplicant(h);
    const evidence = await Promise.all(SCENARIO_EVIDENCE.map((k) => firm.upload(k)));
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: { ...scenarioInput('金额篡改测试案例'), amountFen: 99_999_999n },
      evidence,
    });
    const submitted = await firm.client.applications.submit.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
    });
    expect(submitted).toMatchObject({
      status: 'submitted',
      computedAmountFen: 200_000n * YUAN,
      areaCode: 'yongqiao',
    });
    expect(submitted.timeline.map((e) => e.action)).toEqual(['create', 'submit']);
  });

  it('refuses evidence files that are not the applicant’s own', async () => {
    const owner = await firmApplicant(h);
    const theirs = await owner.upload('selection-notice');
    const other = await firmApplicant(h);
    const result = await failure(() =>
      other.client.applications.saveDraft.mutate({
        ruleId: 'scenario-case',
        input: scenarioInput(),
        evidence: [theirs],
      }),
    );
    expect(result.appCode).toBe('INVALID_INPUT');
  });

  it('keeps applicants out of each other’s applications', async () => {
    const { application } = await submittedScenario(h, '他人申请隔离案例');
    const stranger = await firmApplicant(h);
    for (const call of [
      () => stranger.client.applications.byId.query({ id: application.id }),
      () => stranger.client.applications.withdraw.mutate({ applicationId: application.id }),
      () => stranger.client.applications.submit.mutate({ applicationId: application.id }),
    ]) {
      expect((await failure(call)).appCode).toBe('NOT_FOUND');
    }
  });

  it('lets the applicant withdraw before a decision, and not edit after submitting', async () => {
    const { firm, application } = await submittedScenario(h, '撤回测试案例');
    const edit = await failure(() =>
      firm.client.applications.saveDraft.mutate({
        applicationId: application.id,
        ruleId: 'scenario-case',
        input: scenarioInput(),
        evidence: [],
      }),
    );
    expect(edit.appCode).toBe('APPLICATION_LOCKED');
    const withdrawn = await firm.client.applications.withdraw.mutate({
      applicationId: application.id,
      reason: '材料需补充',
    });
    expect(withdrawn.status).toBe('withdrawn');
    expect(
      (
        await failure(() =>
          firm.client.applications.withdraw.mutate({ applicationId: application.id }),
        )
      ).appCode,
    ).toBe('INVALID_TRANSITION');
  });
});

describe('review', () => {
  it('takes an application through the county and the bureau to approval, committing the budget', async () => {
    const { application } = await submittedScenario(h, '完整审批流程案例');
    const budgetBefore = await h.prisma.programmeBudget.findUniqueOrThrow({
      where: { ruleId_year: { ruleId: 'scenario-case', year: 2026 } },
    });
    const atBureau = await toBureauReview(h, application.id);
    expect(atBureau.status).toBe('bureau-review');
    const reviewer = await h.officer('reviewer');
    const approved = await reviewer.review.act.mutate({
      applicationId: application.id,
      action: 'approve',
      expectedVersion: atBureau.version,
    });
    expect(approved).toMatchObject({
      status: 'approved',
      approvedAmountFen: 200_000n * YUAN,
      overrideReason: null,
    });
    expect(approved.timeline.map((e) => e.action)).toEqual([
      'create',
      'submit',
      'accept-area',
      'forward',
      'approve',
    ]);

    const budget = await h.prisma.programmeBudget.findUniqueOrThrow({
      where: { id: budgetBefore.id },
    });
    expect(budget.committedFen - budgetBefore.committedFen).toBe(200_000n * YUAN);
    expect(budget.approvedCount - budgetBefore.approvedCount).toBe(1);
    expect(
      await h.prisma.ledgerEntry.count({
        where: { applicationId: application.id, kind: 'commit' },
      }),
    ).toBe(1);
    expect(
      await h.prisma.awardOnceKey.count({ where: { applicationId: application.id } }),
    ).toBeGreaterThan(0);
    const audit = await h.prisma.auditLog.findMany({ where: { objectId: application.id } });
    expect(audit.map((a) => a.action)).toEqual([
      'application.create',
      'application.submit',
      'application.accept-area',
      'application.forward',
      'application.approve',
    ]);
  });

  it('refuses a skipped step, the wrong role and another area', async () => {
    const { application } = await submittedScenario(h, '越级审批测试案例');
    const reviewer = await h.officer('reviewer');
    const skip = await failure(() =>
      reviewer.review.act.mutate({
        applicationId: application.id,
        action: 'approve',
        expectedVersion: application.version,
      }),
    );
    expect(skip.appCode).toBe('INVALID_TRANSITION');

    const atBureau = await toBureauReview(h, application.id);
    const county = await h.officer('yongqiao');
    const wrongRole = await failure(() =>
      county.review.act.mutate({
        applicationId: application.id,
        action: 'approve',
        expectedVersion: atBureau.version,
      }),
    );
    expect(wrongRole.appCode).toBe('FORBIDDEN');

    const elsewhere = await h.officer('dangshan');
    expect((await failure(() => elsewhere.review.byId.query({ id: application.id }))).appCode).toBe(
      'NOT_FOUND',
    );
    const queue = await elsewhere.review.queue.query({});
    expect(queue.items.map((i) => i.id)).not.toContain(application.id);
    const finance = await h.officer('finance');
    expect(
      (
        await failure(() =>
          finance.review.act.mutate({
            applicationId: application.id,
            action: 'approve',
            expectedVersion: atBureau.version,
          }),
        )
      ).appCode,
    ).toBe('FORBIDDEN');
  });

  it('returns an application with a comment, and the applicant resubmits it', async () => {
    const { firm, application } = await submittedScenario(h, '退回修改测试案例');
    const county = await h.officer('yongqiao');
    let app = await county.review.act.mutate({
      applicationId: application.id,
      action: 'accept-area',
      expectedVersion: application.version,
    });
    const noComment = await failure(() =>
      county.review.act.mutate({
        applicationId: application.id,
        action: 'return',
        expectedVersion: app.version,
      }),
    );
    expect(noComment.appCode).toBe('INVALID_INPUT');
    expect(noComment.fieldErrors?.comment?.[0]).toContain('须填写');
    app = await county.review.act.mutate({
      applicationId: application.id,
      action: 'return',
      comment: '请补充案例实施成效数据',
      expectedVersion: app.version,
    });
    expect(app.status).toBe('returned');

    const mine = await firm.client.applications.byId.query({ id: application.id });
    expect(mine.timeline.at(-1)).toMatchObject({
      action: 'return',
      comment: '请补充案例实施成效数据',
    });
    const edited = await firm.client.applications.saveDraft.mutate({
      applicationId: application.id,
      ruleId: 'scenario-case',
      input: scenarioInput('退回修改测试案例'),
      evidence: mine.evidence.map((e) => ({ fileId: e.fileId!, kind: e.kind })),
      expectedVersion: mine.version,
    });
    const again = await firm.client.applications.submit.mutate({
      applicationId: application.id,
      expectedVersion: edited.version,
    });
    expect(again.status).toBe('submitted');
  });

  it('refuses a stale version: two officers cannot both act on what one of them saw', async () => {
    const { application } = await submittedScenario(h, '并发版本测试案例');
    const county = await h.officer('yongqiao');
    await county.review.act.mutate({
      applicationId: application.id,
      action: 'accept-area',
      expectedVersion: application.version,
    });
    const stale = await failure(() =>
      county.review.act.mutate({
        applicationId: application.id,
        action: 'forward',
        expectedVersion: application.version,
      }),
    );
    expect(stale.appCode).toBe('STALE_VERSION');
  });

  it('lets an officer lower the amount only with a written reason, never raise it', async () => {
    const { application } = await submittedScenario(h, '金额调整测试案例');
    const atBureau = await toBureauReview(h, application.id);
    const admin = await h.officer('admin');
    const act = (amount: bigint, reason?: string) =>
      admin.review.act.mutate({
        applicationId: application.id,
        action: 'approve',
        expectedVersion: atBureau.version,
        overrideAmountFen: amount,
        overrideReason: reason,
      });
    expect((await failure(() => act(150_000n * YUAN))).appCode).toBe('OVERRIDE_REASON_REQUIRED');
    expect((await failure(() => act(300_000n * YUAN, '超出政策上限的调整'))).appCode).toBe(
      'INVALID_INPUT',
    );
    const approved = await act(150_000n * YUAN, '案例部分内容已获其他财政资金支持，按比例核减');
    expect(approved).toMatchObject({
      approvedAmountFen: 150_000n * YUAN,
      computedAmountFen: 200_000n * YUAN,
    });
    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { objectId: application.id, action: 'application.approve' },
    });
    expect(JSON.stringify(audit.details)).toContain('按比例核减');
  });

  it('blocks an officer who declared a conflict of interest with the applicant', async () => {
    const { firm, application } = await submittedScenario(h, '回避测试案例');
    const atBureau = await toBureauReview(h, application.id);
    const reviewer = await h.officer('reviewer');
    await reviewer.review.declareConflict.mutate({
      organisationId: firm.org.id,
      reason: '亲属在该企业任职',
    });
    expect((await reviewer.review.myConflicts.query()).map((c) => c.organisationId)).toContain(
      firm.org.id,
    );
    expect(
      await h.prisma.auditLog.count({
        where: { action: 'conflict.declare', objectId: firm.org.id },
      }),
    ).toBe(1);
    const result = await failure(() =>
      reviewer.review.act.mutate({
        applicationId: application.id,
        action: 'approve',
        expectedVersion: atBureau.version,
      }),
    );
    expect(result.appCode).toBe('CONFLICT_OF_INTEREST');
    expect((await reviewer.review.byId.query({ id: application.id })).allowedActions).toEqual([]);
  });

  it('refuses an approval the budget cannot cover, and changes nothing', async () => {
    const { application } = await submittedScenario(h, '预算不足测试案例');
    const atBureau = await toBureauReview(h, application.id);
    await h.prisma.programmeBudget
      .create({
        data: {
          ruleId: 'scenario-case',
          year: 2099,
          budgetFen: 1n,
          createdAt: h.clock.now,
          updatedAt: h.clock.now,
        },
      })
      .catch(() => undefined);
    const budget = await h.prisma.programmeBudget.findUniqueOrThrow({
      where: { ruleId_year: { ruleId: 'scenario-case', year: 2026 } },
    });
    const saved = budget.budgetFen;
    await h.prisma.programmeBudget.update({
      where: { id: budget.id },
      data: { budgetFen: budget.committedFen + budget.paidFen + 100n },
    });
    try {
      const reviewer = await h.officer('reviewer');
      const result = await failure(() =>
        reviewer.review.act.mutate({
          applicationId: application.id,
          action: 'approve',
          expectedVersion: atBureau.version,
        }),
      );
      expect(result.appCode).toBe('OVER_BUDGET');
      expect(result.message).toContain('预算余额');
      const after = await h.prisma.application.findUniqueOrThrow({ where: { id: application.id } });
      expect(after.status).toBe('bureau-review');
      expect(await h.prisma.awardOnceKey.count({ where: { applicationId: application.id } })).toBe(
        0,
      );
    } finally {
      await h.prisma.programmeBudget.update({
        where: { id: budget.id },
        data: { budgetFen: saved },
      });
    }
  });

  it('pays one case once: a second application for the same case is refused', async () => {
    const first = await submittedScenario(h, '重复奖励测试案例');
    const atBureau = await toBureauReview(h, first.application.id);
    const reviewer = await h.officer('reviewer');
    await reviewer.review.act.mutate({
      applicationId: first.application.id,
      action: 'approve',
      expectedVersion: atBureau.version,
    });
    // Another firm applies for the same selected case (the case, not the firm, is paid once).
    const second = await firmApplicant(h);
    const evidence = await Promise.all(SCENARIO_EVIDENCE.map((k) => second.upload(k)));
    const draft = await second.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('重复奖励测试案例'),
      evidence,
    });
    const result = await failure(() =>
      second.client.applications.submit.mutate({ applicationId: draft.id }),
    );
    expect(result.appCode).toBe('NOT_ELIGIBLE');
  });
});
