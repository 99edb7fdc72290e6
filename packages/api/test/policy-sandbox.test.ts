import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src';
import type { JobDeps, JobQueue } from '../src/jobs';
import { createJobQueue } from '../src/jobs';
import { runSandboxJob } from '../src/policy/sandbox';
import { firmApplicant } from './awards-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

/**
 * 政策沙盘 (issue 15): an officer asks for a period; the background job replays every application
 * submitted in it under the version in force and under the proposal; the result is stored with
 * its checksum. The fixture's answer is worked out by hand below.
 */
describe('the policy sandbox over real applications', () => {
  let h: Harness;
  let queue: JobQueue;
  let deps: JobDeps;
  /** The firms' user ids, in the order their applications were submitted. */
  const applicants: string[] = [];
  const YUAN = 100n;
  const VERSION = 'suzhou-future-2027-01';

  /** 四.8 with one payment of `paidYuan`: 10% of it, capped. */
  const techTransfer = (paidYuan: bigint) => ({
    contractNo: `HT-${Math.random().toString(36).slice(2, 8)}`,
    resultName: '高效储热材料制备技术',
    sellerName: '合肥储能研究院有限公司',
    sellerLocation: 'outside-city',
    contractSignedOn: '2026-09-01',
    contractAmount: paidYuan * 2n * YUAN,
    payments: [{ paidOn: '2026-10-10', amount: paidYuan * YUAN, voucherNo: 'PZ001' }],
    conversionProject: '在宿州经开区建设中试线',
  });
  const EVIDENCE = [
    'technology-contract',
    'bank-transfer-voucher',
    'conversion-proof',
    'credit-commitment',
    'bank-account',
  ];

  beforeAll(async () => {
    // 2026-12-01 10:00 in Shanghai.
    h = await createHarness({ start: new Date('2026-12-01T02:00:00Z') });
    queue = createJobQueue(h.db, { log: silentLogger });
    await queue.start();
    deps = {
      db: h.db,
      wechat: h.wechat.client,
      log: silentLogger,
      now: () => h.clock.now,
      queue,
      config: { subscribeTemplates: {}, reminderDays: 3 },
      files: h.fileStore,
    };
    // Three firms' 四.8 applications, submitted: ¥3,000,000, ¥6,500,000 and ¥9,000,000 paid.
    for (const paid of [3_000_000n, 6_500_000n, 9_000_000n]) {
      const firm = await firmApplicant(h);
      applicants.push(firm.userId);
      const draft = await firm.client.applications.saveDraft.mutate({
        ruleId: 'tech-transfer',
        input: techTransfer(paid),
        evidence: await Promise.all(EVIDENCE.map((k) => firm.upload(k))),
      });
      await firm.client.applications.submit.mutate({
        applicationId: draft.id,
        expectedVersion: draft.version,
      });
      // A minute apart: the replay takes them in the order they came in.
      h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    }
  });
  afterAll(async () => {
    await queue.stop();
    await h.close();
  });

  it('replays the period under both versions: the extra cost of a ¥800,000 cap, exact to the fen', async () => {
    const admin = await h.officer('admin');
    await admin.policyVersions.propose.mutate({
      amendment: {
        baseId: 'suzhou-future-2026-draft',
        id: VERSION,
        version: '2027.1',
        title: '提高技术成果转化补助上限',
        effectiveFrom: '2027-01-01',
        changes: { 'rules.tech-transfer.formula.cap': '800000.00' },
      },
    });
    const reviewer = await h.officer('reviewer');
    const bad = await failure(() =>
      reviewer.policyVersions.sandboxStart.mutate({
        versionId: VERSION,
        from: '2026-12-31',
        to: '2026-01-01',
      }),
    );
    expect(bad).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { to: ['结束日期不能早于开始日期'] },
    });
    const run = await reviewer.policyVersions.sandboxStart.mutate({
      versionId: VERSION,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(run).toMatchObject({ status: 'queued', statusName: '排队中', progress: 0 });
    // Not done yet: nothing to export, and nothing audited.
    expect(
      await failure(() => reviewer.policyVersions.sandboxExport.mutate({ id: run.id })),
    ).toMatchObject({
      appCode: 'INVALID_TRANSITION',
      message: '推演尚未完成，完成后才能导出',
      httpStatus: 409,
    });

    // The worker's turn (run by hand here, as pg-boss would).
    expect(await runSandboxJob(deps, run.id)).toEqual({ status: 'done' });
    // A second delivery of the same job does nothing.
    expect(await runSandboxJob(deps, run.id)).toEqual({ status: 'skipped' });

    const done = await reviewer.policyVersions.sandboxRun.query({ id: run.id });
    expect(done).toMatchObject({ status: 'done', statusName: '已完成', progress: 100 });
    expect(done.checksum).toMatch(/^[0-9a-f]{64}$/);
    const programme = done.result!.byProgramme.find((p) => p.ruleId === 'tech-transfer')!;
    // By hand: 10% of each payment, capped per contract.
    //   base (cap ¥500,000):     300,000 + 500,000 + 500,000 = 1,300,000
    //   proposed (cap ¥800,000): 300,000 + 650,000 + 800,000 = 1,750,000
    expect(programme).toMatchObject({
      applications: 3,
      eligibleBase: 3,
      eligibleProposed: 3,
      amountChanged: 2,
      baseFen: 1_300_000n * YUAN,
      proposedFen: 1_750_000n * YUAN,
      deltaFen: 450_000n * YUAN,
      // The seeded budget for 四.8 is ¥3,000,000: both versions stay within it.
      budgetFen: 3_000_000n * YUAN,
    });
    expect(done.result!.totals.deltaFen).toBe(450_000n * YUAN);
    // The largest change first, each explained under both versions.
    const [largest] = done.result!.largestChanges;
    expect(largest).toMatchObject({
      baseAmount: 500_000n * YUAN,
      proposedAmount: 800_000n * YUAN,
      deltaFen: 300_000n * YUAN,
    });
    expect(largest!.base.explanation.capsApplied.join('')).toContain('500,000');
    expect(largest!.proposed.explanation.capsApplied.join('')).toContain('800,000');
    // As officers know it: its number and applicant, not its id.
    expect(done.result!.applications[largest!.applicationId]).toMatchObject({
      number: expect.stringMatching(/^\S+$/),
      applicantName: expect.stringContaining('宿州测试科技有限公司'),
    });
    // The list of every application decided the other way stays on the server.
    expect(done.result).not.toHaveProperty('eligibilityChanges');
    // The 2030 estimate: no target counts 四.8, so no line moves.
    expect(done.result!.projection.label).toContain('估算');
    expect(done.result!.projection.targets.map((t) => t.targetId)).toContain('scenario-cases');
    expect(done.result!.projection.targets.every((t) => !t.changed)).toBe(true);

    // 导出Excel: the screen's tables in a workbook, the export audited.
    const file = await reviewer.policyVersions.sandboxExport.mutate({ id: run.id });
    expect(file.filename).toBe('政策沙盘_提高技术成果转化补助上限_2026-01-01至2026-12-31.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '说明',
      '分事项',
      '分县区',
      '变化最大的申请',
      '2030目标估算',
    ]);
    const sheet = wb.getWorksheet('分事项')!;
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '四.8')!;
    // 现行 ¥1,300,000 → 修订后 ¥1,750,000: 差额 ¥450,000, within the ¥3,000,000 budget.
    expect([9, 10, 11, 12, 13].map((c) => row.getCell(c).value)).toEqual([
      1_300_000,
      1_750_000,
      450_000,
      3_000_000,
      null,
    ]);
    expect(
      await h.prisma.auditLog.count({
        where: { action: 'policy.sandbox.export', objectId: VERSION },
      }),
    ).toBe(1);

    // The same inputs, the same checksum.
    const again = await reviewer.policyVersions.sandboxStart.mutate({
      versionId: VERSION,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    await runSandboxJob(deps, again.id);
    const second = await reviewer.policyVersions.sandboxRun.query({ id: again.id });
    expect(second.checksum).toBe(done.checksum);
    expect((await reviewer.policyVersions.sandboxRuns.query({ versionId: VERSION })).length).toBe(
      2,
    );
    // Pure: nothing but the runs' own rows was written.
    expect(
      await h.prisma.application.count({ where: { ruleId: 'tech-transfer', status: 'submitted' } }),
    ).toBe(3);
  });

  it('at 确认施行, tells the applicants whose application the new version would decide the other way', async () => {
    const QUOTA = 'suzhou-future-2026-12';
    const admin = await h.officer('admin');
    const proposed = await admin.policyVersions.propose.mutate({
      amendment: {
        baseId: 'suzhou-future-2026-draft',
        id: QUOTA,
        version: '2026.12',
        title: '技术成果转化补助每年限两项',
        effectiveFrom: '2026-12-20',
        changes: { 'rules.tech-transfer.yearlyQuota': 2 },
      },
    });
    const asked = await admin.policyVersions.requestAdoption.mutate({
      id: QUOTA,
      expectedVersion: proposed.rowVersion,
      effectiveFrom: '2026-12-20',
    });
    const leader = await h.officer('leader');
    await leader.policyVersions.confirm.mutate({ id: QUOTA, expectedVersion: asked.rowVersion });

    // The adoption made its own run over the last year, to be done in the background.
    const [adoption] = await leader.policyVersions.sandboxRuns.query({ versionId: QUOTA });
    expect(adoption).toMatchObject({
      purpose: 'adoption',
      purposeName: '确认施行时自动推演',
      // The last twelve months, as the admin's 近12个月 offers them.
      from: '2025-12-02',
      to: '2026-12-01',
      status: 'queued',
    });
    expect(await runSandboxJob(deps, adoption!.id)).toEqual({ status: 'done' });
    // Two a year: the third application (¥9,000,000 paid) would be refused; its applicant is told.
    const told = await h.prisma.notification.findMany({
      where: { kind: 'policy.eligibility-changed' },
    });
    expect(told.map((n) => n.userId)).toEqual([applicants[2]]);
    expect(told[0]).toMatchObject({
      title: '政策调整后申报条件有变化',
      linkPage: 'application',
    });
    expect(told[0]!.body).toContain('《技术成果转化补助每年限两项》将于2026-12-20起施行');
    expect(told[0]!.body).toContain('已提交的申请仍按提交时的标准办理');
    expect((await leader.policyVersions.sandboxRun.query({ id: adoption!.id })).notifiedCount).toBe(
      1,
    );
    // Told once: a second delivery of the job writes nothing.
    expect(await runSandboxJob(deps, adoption!.id)).toEqual({ status: 'skipped' });
    expect(
      await h.prisma.notification.count({ where: { kind: 'policy.eligibility-changed' } }),
    ).toBe(1);
  });

  it('a firm cannot ask for a replay; an unknown version is not found', async () => {
    const firm = await firmApplicant(h);
    expect(
      (
        await failure(() =>
          firm.client.policyVersions.sandboxStart.mutate({
            versionId: VERSION,
            from: '2026-01-01',
            to: '2026-12-31',
          }),
        )
      ).appCode,
    ).toBe('FORBIDDEN');
    const admin = await h.officer('admin');
    expect(
      (
        await failure(() =>
          admin.policyVersions.sandboxStart.mutate({
            versionId: 'no-such-version',
            from: '2026-01-01',
            to: '2026-12-31',
          }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');
  });
});
