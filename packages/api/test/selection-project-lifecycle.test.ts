import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectReportBody } from '@kc/domain';
import { key, newOfficer } from './disbursement-support';
import { answerAll } from './acceptance-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { colleague } from './library-support';
import { reportFiles, signedProject as signedProjectOf } from './selection-support';

/**
 * A project after signing (issue 14, 四.2): the city funds go out in the contract's tranches, each
 * an application of the 四.2 project-funding rule raised by the platform when its condition is met
 * (signing, the mid-term check passed, the acceptance passed) and paid through the award spine —
 * budget, approval, four-eyes disbursement. The unit reports; the bureau reviews; changes and
 * termination are asked for and decided, or the bureau terminates on its own.
 */
describe('a project after signing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ start: new Date('2027-03-30T02:00:00Z') });
  });
  afterAll(() => h.close());

  const WAN = 1_000_000n; // 1万元 in fen
  const TRANCHES = [
    { condition: 'signing' as const, amountFen: 100n * WAN },
    { condition: 'mid-term' as const, amountFen: 50n * WAN },
    { condition: 'acceptance' as const, amountFen: 50n * WAN },
  ];

  /**
   * A concluded project whose contract releases ¥1,000,000 / ¥500,000 / ¥500,000, signed, and the
   * files its reports come with (uploaded by the unit's administrator).
   */
  async function signedProject() {
    const signed = await signedProjectOf(h, TRANCHES);
    return { ...signed, attachments: await reportFiles(signed.firm) };
  }

  function report(done = true): ProjectReportBody {
    return {
      summary: '中试线已建成并完成三轮工艺验证，催化剂批次一致性达到任务书要求。',
      milestones: [
        { done: true, note: '中期目标全部完成' },
        { done, note: done ? '项目目标全部完成' : '公斤级制备正在进行' },
      ],
      cityFundsSpentFen: 90n * WAN,
      ownFundsSpentFen: 120n * WAN,
    };
  }

  it('raises the first tranche on signing, into the bureau’s queue, and pays it through budget and four eyes', async () => {
    const { signed, client, firm } = await signedProject();
    expect(
      signed.tranches.map((t) => [t.trancheNo, t.conditionName, t.application?.status]),
    ).toEqual([
      [1, '任务书签订后', 'bureau-review'],
      [2, '中期检查通过后', undefined],
      [3, '验收通过后', undefined],
    ]);
    const tranche = signed.tranches[0]!.application!;
    expect(tranche.amountFen).toBe(100n * WAN);

    const reviewer = await h.officer('reviewer');
    const seen = await reviewer.review.byId.query({ id: tranche.id });
    expect(seen).toMatchObject({ ruleId: 'key-project', status: 'bureau-review' });
    expect(seen.explanation?.formula).toBe(
      '任务书约定的本期拨付额 ¥1,000,000.00 × 100% = ¥1,000,000.00',
    );
    expect(seen.timeline.map((e) => e.actionLabel)).toEqual(['按项目任务书生成拨付申请']);

    // The unit neither withdraws it nor applies for the programme by hand.
    const withdrawn = await failure(() =>
      client.applications.withdraw.mutate({ applicationId: tranche.id }),
    );
    expect(withdrawn.message).toBe('项目资金拨付申请由平台按任务书生成，不能撤回');
    const byHand = await failure(() =>
      client.applications.saveDraft.mutate({ ruleId: 'key-project', input: {}, evidence: [] }),
    );
    expect(byHand.message).toBe('市级重点科技攻关项目资金由平台按项目任务书生成拨付申请，无需申请');
    expect((await client.programmes.open.query()).map((p) => p.id)).not.toContain('key-project');

    // Approval is against the programme's budget for the year, as for every award.
    const noBudget = await failure(() =>
      reviewer.review.act.mutate({
        applicationId: tranche.id,
        action: 'approve',
        expectedVersion: seen.version,
      }),
    );
    expect(noBudget.appCode).toBe('NO_BUDGET');
    await (
      await h.officer('admin')
    ).budgets.set.mutate({ ruleId: 'key-project', year: 2027, budgetFen: 1000n * WAN });
    await reviewer.review.act.mutate({
      applicationId: tranche.id,
      action: 'approve',
      expectedVersion: seen.version,
    });
    // The notice has its own tests: the tranche is moved past it here.
    await h.prisma.application.update({
      where: { id: tranche.id },
      data: { status: 'notice-passed', version: { increment: 2 } },
    });
    const finance = await h.officer('finance');
    const batch = await finance.disbursements.createBatch.mutate({
      title: '2027年项目资金第一批',
      applicationIds: [tranche.id],
      idempotencyKey: key(),
    });
    const second = await newOfficer(h, 'FINANCE_OFFICER', '第二财务人员');
    await second.api.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() });
    await finance.disbursements.markPaid.mutate({
      batchId: batch.id,
      idempotencyKey: key(),
      bankReference: 'ICBC-20270512-0001',
    });
    const after = await client.selection.projects.mineById.query({ id: signed.id });
    expect(after.tranches[0]?.application).toMatchObject({ status: 'paid', statusName: '已拨付' });
    const ledger = await h.prisma.ledgerEntry.findMany({
      where: { applicationId: tranche.id },
      select: { kind: true, amountFen: true, ruleId: true },
      orderBy: { id: 'asc' },
    });
    expect(ledger).toEqual([
      { kind: 'commit', amountFen: 100n * WAN, ruleId: 'key-project' },
      { kind: 'payment', amountFen: 100n * WAN, ruleId: 'key-project' },
    ]);
    expect(firm.org.id).toBe(after.organisationId);
  });

  it('reviews the mid-term report: a return needs a comment, and passing releases the mid-term tranche', async () => {
    const { signed, client, admin, attachments } = await signedProject();
    expect(signed.reportsOpen).toEqual(['mid-term']);
    const early = await failure(() =>
      client.selection.projects.submitReport.mutate({
        id: signed.id,
        expectedVersion: signed.version,
        kind: 'final',
        body: report(),
        attachments,
      }),
    );
    expect(early.message).toBe('中期检查通过后才能提交结题验收报告');
    const short = await failure(() =>
      client.selection.projects.submitReport.mutate({
        id: signed.id,
        expectedVersion: signed.version,
        kind: 'mid-term',
        body: { ...report(), milestones: [report().milestones[0]!] },
        attachments,
      }),
    );
    expect(short).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { 'body.milestones': ['请逐一填写任务书的2个节点的完成情况'] },
    });
    // A 经办人 reads the project but does not report for the unit.
    const agent = await colleague(h, signed.organisationId, 'agent');
    const agentTry = await failure(() =>
      agent.client.selection.projects.submitReport.mutate({
        id: signed.id,
        expectedVersion: signed.version,
        kind: 'mid-term',
        body: report(false),
        attachments,
      }),
    );
    expect(agentTry.appCode).toBe('NOT_ORG_ADMIN');

    const submitted = await client.selection.projects.submitReport.mutate({
      id: signed.id,
      expectedVersion: signed.version,
      kind: 'mid-term',
      body: report(false),
      attachments,
    });
    expect(submitted.reports).toMatchObject([
      { kind: 'mid-term', status: 'submitted', statusName: '待审查', submissions: 1 },
    ]);
    expect(submitted.reportsOpen).toEqual([]);

    const bare = await failure(() =>
      admin.selection.projects.reviewReport.mutate({
        id: signed.id,
        kind: 'mid-term',
        expectedVersion: submitted.version,
        outcome: 'return',
      }),
    );
    expect(bare.fieldErrors).toEqual({ comment: ['退回或不通过须填写审查意见'] });
    const returned = await admin.selection.projects.reviewReport.mutate({
      id: signed.id,
      kind: 'mid-term',
      expectedVersion: submitted.version,
      outcome: 'return',
      comment: '请补充市级资金支出明细',
    });
    expect(returned.reports[0]).toMatchObject({
      status: 'returned',
      comment: '请补充市级资金支出明细',
    });
    expect(returned.tranches[1]?.application).toBeNull();

    const again = await client.selection.projects.submitReport.mutate({
      id: signed.id,
      expectedVersion: returned.version,
      kind: 'mid-term',
      body: report(false),
      attachments,
    });
    expect(again.reports[0]).toMatchObject({ status: 'submitted', submissions: 2 });
    const passed = await admin.selection.projects.reviewReport.mutate({
      id: signed.id,
      kind: 'mid-term',
      expectedVersion: again.version,
      outcome: 'pass',
    });
    expect(passed.reports[0]?.status).toBe('passed');
    expect(passed.tranches[1]?.application).toMatchObject({
      status: 'bureau-review',
      amountFen: 50n * WAN,
    });
    expect(passed.tranches[2]?.application).toBeNull();
    expect(passed.reportsOpen).toEqual(['final']);

    const told = await client.notifications.mine.query({});
    expect(told.items.map((n) => n.title)).toContain('中期报告审查通过：低铂催化剂公斤级中试');
    const audit = await h.prisma.auditLog.findMany({
      where: { objectType: 'project', objectId: signed.id },
      select: { action: true },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    expect(audit.map((a) => a.action)).toEqual([
      'project.contract.update',
      'project.contract.sign',
      'project.report.submit',
      'project.report.review',
      'project.report.submit',
      'project.report.review',
    ]);
  });

  it('raises a tranche once when two officers pass the same report at the same moment', async () => {
    const { signed, client, admin, attachments } = await signedProject();
    const submitted = await client.selection.projects.submitReport.mutate({
      id: signed.id,
      expectedVersion: signed.version,
      kind: 'mid-term',
      body: report(false),
      attachments,
    });
    const reviewer = await h.officer('reviewer');
    const results = await Promise.allSettled(
      [admin, reviewer].map((who) =>
        who.selection.projects.reviewReport.mutate({
          id: signed.id,
          kind: 'mid-term',
          expectedVersion: submitted.version,
          outcome: 'pass',
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const after = await admin.selection.projects.byId.query({ id: signed.id });
    const raised = await h.prisma.application.count({
      where: { ruleId: 'key-project', organisationId: after.organisationId },
    });
    expect(raised).toBe(2);
    expect(after.tranches[1]?.application?.status).toBe('bureau-review');
  });

  it('accepts the project on its final report and releases the acceptance tranche, each once', async () => {
    const { signed, client, admin, attachments } = await signedProject();
    let p = await client.selection.projects.submitReport.mutate({
      id: signed.id,
      expectedVersion: signed.version,
      kind: 'mid-term',
      body: report(false),
      attachments,
    });
    p = await admin.selection.projects.reviewReport.mutate({
      id: signed.id,
      kind: 'mid-term',
      expectedVersion: p.version,
      outcome: 'pass',
    });
    p = await client.selection.projects.submitReport.mutate({
      id: signed.id,
      expectedVersion: p.version,
      kind: 'final',
      body: report(),
      attachments,
    });
    expect(p).toMatchObject({ status: 'accepting', statusName: '验收中' });
    // 验收: the acceptance panel is drawn and its five experts pass the report
    // (selection-acceptance.test.ts has the panel's own rules).
    await admin.selection.projects.drawAcceptancePanel.mutate({ id: signed.id });
    await answerAll(h, signed.id, ['pass', 'pass', 'pass', 'pass', 'pass']);
    const stale = await failure(() =>
      admin.selection.projects.reviewReport.mutate({
        id: signed.id,
        kind: 'final',
        expectedVersion: p.version - 1,
        outcome: 'pass',
      }),
    );
    expect(stale.appCode).toBe('STALE_VERSION');
    p = await admin.selection.projects.reviewReport.mutate({
      id: signed.id,
      kind: 'final',
      expectedVersion: p.version,
      outcome: 'pass',
      comment: '验收专家组一致同意通过验收',
    });
    expect(p).toMatchObject({ status: 'completed', statusName: '已验收', reportsOpen: [] });
    expect(p.tranches.map((t) => t.application?.status)).toEqual([
      'bureau-review',
      'bureau-review',
      'bureau-review',
    ]);
    expect(p.tranches.map((t) => t.application?.amountFen)).toEqual(
      TRANCHES.map((t) => t.amountFen),
    );
    const twice = await failure(() =>
      admin.selection.projects.reviewReport.mutate({
        id: signed.id,
        kind: 'final',
        expectedVersion: p.version,
        outcome: 'pass',
      }),
    );
    expect(twice.message).toBe('没有待审查的结题验收报告');
    const raised = await h.prisma.application.count({
      where: { ruleId: 'key-project', organisationId: p.organisationId },
    });
    expect(raised).toBe(3);
  });

  it('ends a project whose mid-term check fails, and the tranche still waiting is not paid', async () => {
    const { signed, client, admin, attachments } = await signedProject();
    const submitted = await client.selection.projects.submitReport.mutate({
      id: signed.id,
      expectedVersion: signed.version,
      kind: 'mid-term',
      body: report(false),
      attachments,
    });
    const failed = await admin.selection.projects.reviewReport.mutate({
      id: signed.id,
      kind: 'mid-term',
      expectedVersion: submitted.version,
      outcome: 'fail',
      comment: '关键指标严重滞后，整改无望',
    });
    expect(failed).toMatchObject({
      status: 'terminated',
      statusName: '已终止',
      changesOpen: false,
    });
    // The project row is written once in the review's transaction (the ending), not twice.
    expect(failed.version).toBe(submitted.version + 1);
    expect(failed.changes[0]).toMatchObject({
      kind: 'termination',
      status: 'approved',
      terminationReasonName: '中期检查不通过',
      byBureau: true,
      reason: '中期报告审查不通过：关键指标严重滞后，整改无望',
    });
    // The first tranche, raised on signing and not yet approved, leaves the queue unpaid.
    expect(failed.tranches[0]?.application).toMatchObject({
      status: 'rejected',
      statusName: '未通过',
    });
    expect(failed.tranches[1]?.application).toBeNull();
  });

  it('extends a project once within the settings, one request at a time', async () => {
    const { signed, client, admin } = await signedProject();
    expect(signed.extension).toEqual({ approved: 0, max: 1, maxMonths: 12 });
    const tooLong = await failure(() =>
      client.selection.projects.requestChange.mutate({
        id: signed.id,
        expectedVersion: signed.version,
        request: { kind: 'extension', months: 13, reason: '关键设备进口受阻，到货推迟' },
      }),
    );
    expect(tooLong.fieldErrors).toEqual({ 'request.months': ['每次延期不超过12个月'] });
    const asked = await client.selection.projects.requestChange.mutate({
      id: signed.id,
      expectedVersion: signed.version,
      request: { kind: 'extension', months: 6, reason: '关键设备进口受阻，到货推迟' },
    });
    expect(asked.changesOpen).toBe(false);
    const second = await failure(() =>
      client.selection.projects.requestChange.mutate({
        id: signed.id,
        expectedVersion: asked.version,
        request: { kind: 'change', reason: '合作单位由某大学调整为某研究院' },
      }),
    );
    expect(second.message).toBe('项目已有待审批的变更申请，审批后才能再次申请');

    const change = asked.changes[0]!;
    const noReason = await failure(() =>
      admin.selection.projects.decideChange.mutate({
        id: signed.id,
        changeId: change.id,
        expectedVersion: asked.version,
        decision: 'reject',
      }),
    );
    expect(noReason.fieldErrors).toEqual({ comment: ['不同意须填写理由'] });
    const approved = await admin.selection.projects.decideChange.mutate({
      id: signed.id,
      changeId: change.id,
      expectedVersion: asked.version,
      decision: 'approve',
    });
    expect(approved.contract.endOn).toBe('2029-11-09');
    expect(approved.changes[0]).toMatchObject({
      status: 'approved',
      statusName: '已同意',
      endOnBefore: '2029-05-09',
      endOnAfter: '2029-11-09',
    });
    expect(approved.schedule.finalDueOn).toBe('2029-12-09');
    expect(approved.extension.approved).toBe(1);
    const onceMore = await failure(() =>
      client.selection.projects.requestChange.mutate({
        id: signed.id,
        expectedVersion: approved.version,
        request: { kind: 'extension', months: 3, reason: '关键设备进口受阻，到货推迟' },
      }),
    );
    expect(onceMore.message).toBe('每个项目最多延期1次，本项目已延期');
  });

  it('lets the bureau terminate a project on its own, with a reason the unit reads', async () => {
    const { signed, client, admin } = await signedProject();
    const asked = await client.selection.projects.requestChange.mutate({
      id: signed.id,
      expectedVersion: signed.version,
      request: { kind: 'change', reason: '合作单位由某大学调整为某研究院' },
    });
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    // An area officer reads projects but does not end them.
    const area = await h.officer('yongqiao');
    const notBureau = await failure(() =>
      area.selection.projects.terminate.mutate({
        id: signed.id,
        expectedVersion: asked.version,
        terminationReason: 'breach',
        reason: '承担单位擅自改变资金用途，经核查属实',
      }),
    );
    expect(notBureau.appCode).toBe('FORBIDDEN');
    const ended = await admin.selection.projects.terminate.mutate({
      id: signed.id,
      expectedVersion: asked.version,
      terminationReason: 'breach',
      reason: '承担单位擅自改变资金用途，经核查属实',
    });
    expect(ended.status).toBe('terminated');
    expect(ended.changes.map((c) => [c.kindName, c.statusName, c.decisionComment])).toEqual([
      ['终止', '已同意', null],
      ['变更', '不同意', '项目已终止'],
    ]);
    const told = await client.notifications.mine.query({});
    expect(told.items.map((n) => n.title)).toContain('项目终止：低铂催化剂公斤级中试');
    const again = await failure(() =>
      admin.selection.projects.terminate.mutate({
        id: signed.id,
        expectedVersion: ended.version,
        terminationReason: 'breach',
        reason: '承担单位擅自改变资金用途，经核查属实',
      }),
    );
    expect(again.message).toBe('项目当前为“已终止”，不能终止');
  });
});
