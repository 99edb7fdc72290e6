import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { firmApplicant, submittedScenario, toBureauReview } from './awards-support';

let h: Harness;
const START = new Date('2026-11-27T02:00:00Z');
const WAN = 10_000n * 100n;
const AWARD = 20n * WAN;

/**
 * One year's worth of work, made through the API (except the payment, see `payDirectly`):
 *   埇桥区  A paid · B notice passed · C in notice · D approved · E under review · F rejected
 *           H high-tech enterprise first recognition, approved
 *   砀山县  G approved
 */
const ids: Record<string, string> = {};

async function approve(id: string, area: 'yongqiao' | 'dangshan' = 'yongqiao') {
  const atBureau = await toBureauReview(h, id, area);
  const reviewer = await h.officer('reviewer');
  return reviewer.review.act.mutate({
    applicationId: id,
    action: 'approve',
    expectedVersion: atBureau.version,
  });
}

/**
 * Books a payment the way the disbursement service does (its own tests cover it): a paid
 * disbursement, the ledger's payment entry, committed → paid in the budget row, status paid.
 */
async function payDirectly(applicationId: string) {
  const admin = await h.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
  const finance = await h.prisma.user.findUniqueOrThrow({ where: { username: 'finance' } });
  await h.prisma.$transaction(async (tx) => {
    const app = await tx.application.findUniqueOrThrow({ where: { id: applicationId } });
    const amount = app.approvedAmountFen!;
    const batch = await tx.disbursementBatch.create({
      data: {
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
        number: 'SZKC-BF-2026-901',
        status: 'paid',
        totalFen: amount,
        createdBy: finance.id,
        confirmedBy: admin.id,
        confirmedAt: h.clock.now,
        paidBy: finance.id,
        paidAt: h.clock.now,
      },
    });
    const disbursement = await tx.disbursement.create({
      data: {
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
        batchId: batch.id,
        applicationId,
        amountFen: amount,
        status: 'paid',
        paidAt: h.clock.now,
      },
    });
    await tx.ledgerEntry.create({
      data: {
        at: h.clock.now,
        ruleId: app.ruleId,
        year: app.year,
        applicationId,
        kind: 'payment',
        amountFen: amount,
        disbursementId: disbursement.id,
      },
    });
    await tx.programmeBudget.update({
      where: { ruleId_year: { ruleId: app.ruleId, year: app.year } },
      data: { committedFen: { decrement: amount }, paidFen: { increment: amount } },
    });
    await tx.application.update({ where: { id: applicationId }, data: { status: 'paid' } });
  });
}

beforeAll(async () => {
  h = await createHarness();
  for (const key of ['A', 'B', 'C', 'D', 'E', 'F']) {
    ids[key] = (await submittedScenario(h, `驾驶舱案例${key}`, 'yongqiao')).application.id;
  }
  ids.G = (await submittedScenario(h, '驾驶舱案例G', 'dangshan')).application.id;
  for (const key of ['A', 'B', 'C', 'D']) await approve(ids[key]!);
  await approve(ids.G!, 'dangshan');
  const atBureau = await toBureauReview(h, ids.F!);
  await (
    await h.officer('reviewer')
  ).review.act.mutate({
    applicationId: ids.F!,
    action: 'reject',
    comment: '案例未达到市级典型案例标准',
    expectedVersion: atBureau.version,
  });

  const firm = await firmApplicant(h, 'yongqiao');
  const evidence = await Promise.all(
    ['high-tech-certificate', 'credit-commitment', 'bank-account'].map((k) => firm.upload(k)),
  );
  const draft = await firm.client.applications.saveDraft.mutate({
    ruleId: 'high-tech-enterprise',
    input: { recognitionType: 'first', certificateNo: 'GR202634001234', certifiedOn: '2026-10-20' },
    evidence,
  });
  const submitted = await firm.client.applications.submit.mutate({
    applicationId: draft.id,
    expectedVersion: draft.version,
  });
  ids.H = submitted.id;
  await approve(ids.H);

  // A and B through a notice; C into a second one that is still running.
  let admin = await h.officer('admin');
  const first = await admin.notices.create.mutate({
    title: '驾驶舱测试公示一',
    applicationIds: [ids.A!, ids.B!],
  });
  await admin.notices.publish.mutate({ batchId: first.id });
  h.clock.now = new Date('2026-12-07T02:00:00Z');
  admin = await h.officer('admin');
  await admin.notices.close.mutate({ batchId: first.id });
  const second = await admin.notices.create.mutate({
    title: '驾驶舱测试公示二',
    applicationIds: [ids.C!],
  });
  await admin.notices.publish.mutate({ batchId: second.id });
  await payDirectly(ids.A!);
  h.clock.now = START;
});
afterAll(async () => {
  await h?.close();
});

describe('dashboard.summary', () => {
  it('counts and sums the year per programme, area and status group, with the money', async () => {
    const finance = await h.officer('finance');
    const s = await finance.dashboard.summary.query({ year: 2026 });
    expect(s.areaCode).toBeNull();
    expect(s.totals).toEqual({
      count: 8,
      requestedFen: 8n * AWARD,
      awardedCount: 6,
      awardedFen: 6n * AWARD,
      committedFen: 5n * AWARD,
      paidFen: AWARD,
    });
    expect(s.byRule.map((r) => [r.ruleId, r.clause, r.count, r.awardedCount])).toEqual([
      ['scenario-case', '四.1', 7, 5],
      ['high-tech-enterprise', '四.10', 1, 1],
    ]);
    expect(s.byRule[0]).toMatchObject({ committedFen: 4n * AWARD, paidFen: AWARD });
    expect(s.byArea.map((a) => [a.areaName, a.count, a.awardedFen])).toEqual([
      ['砀山县', 1, AWARD],
      ['埇桥区', 7, 5n * AWARD],
    ]);
    expect(Object.fromEntries(s.byStatusGroup.map((g) => [g.group, g.count]))).toEqual({
      'under-review': 1,
      approved: 3,
      'in-notice': 1,
      'to-pay': 1,
      paid: 1,
      rejected: 1,
      withdrawn: 0,
    });
    expect(s.byStatusGroup.find((g) => g.group === 'paid')).toMatchObject({
      label: '已拨付',
      awardedFen: AWARD,
    });
    expect(s.money).toEqual({
      committedFen: 5n * AWARD,
      paidFen: AWARD,
      budgetFen: 3330n * WAN,
    });
    // The budget rows' counters agree with the ledger, rule by rule.
    expect(s.reconciliation?.every((r) => r.agrees)).toBe(true);
    const budgetRows = await h.prisma.programmeBudget.findMany({ where: { year: 2026 } });
    expect(budgetRows.reduce((sum, b) => sum + b.committedFen, 0n)).toBe(s.money.committedFen);
    expect(budgetRows.reduce((sum, b) => sum + b.paidFen, 0n)).toBe(s.money.paidFen);

    const nothing = await finance.dashboard.summary.query({ year: 2025 });
    expect(nothing.totals.count).toBe(0);
  });

  it('gives an area officer their own area only', async () => {
    const yongqiao = await h.officer('yongqiao');
    const mine = await yongqiao.dashboard.summary.query({ year: 2026 });
    expect(mine).toMatchObject({ areaCode: 'yongqiao', areaName: '埇桥区' });
    expect(mine.totals).toMatchObject({
      count: 7,
      awardedCount: 5,
      committedFen: 4n * AWARD,
      paidFen: AWARD,
    });
    expect(mine.byArea.map((a) => a.areaCode)).toEqual(['yongqiao']);
    expect(mine.money.budgetFen).toBeNull();
    expect(mine.reconciliation).toBeNull();
    expect(
      (await failure(() => yongqiao.dashboard.summary.query({ year: 2026, areaCode: 'dangshan' })))
        .appCode,
    ).toBe('FORBIDDEN');

    const dangshan = await h.officer('dangshan');
    expect((await dangshan.dashboard.summary.query({ year: 2026 })).totals.count).toBe(1);
    const admin = await h.officer('admin');
    const filtered = await admin.dashboard.summary.query({ year: 2026, areaCode: 'dangshan' });
    expect(filtered.totals).toMatchObject({ count: 1, committedFen: AWARD });
  });
});

describe('dashboard.targets', () => {
  it('measures the 2030 targets the data allows, and says which it cannot', async () => {
    const reviewer = await h.officer('reviewer');
    const t = await reviewer.dashboard.targets.query();
    expect(t.targetYear).toBe(2030);
    const byId = Object.fromEntries(t.targets.map((x) => [x.id, x]));
    expect(Object.keys(byId)).toEqual([
      'high-tech-enterprises',
      'tech-smes',
      'industry-scale',
      'talent-teams',
      'scenario-cases',
      'innovation-platforms',
      'angel-fund',
    ]);

    // Verified facts only: H's firm has the award. Two demo firms (经开区, 萧县) only declare
    // the qualification themselves (自报): shown apart, not counted.
    expect(byId['high-tech-enterprises']).toMatchObject({
      measured: true,
      figure: 50,
      value: 1,
      percent: 2,
      reached: false,
      breakdown: { verified: 0, withAward: 1 },
      selfDeclared: 2,
      byYear: [{ year: 2026, value: 1 }],
    });
    expect(byId['high-tech-enterprises']!.byArea?.map((a) => [a.areaCode, a.value])).toEqual([
      ['yongqiao', 1],
    ]);
    // Three demo firms and every test firm (A–H, eight firms) declared tech-sme; no list yet.
    expect(byId['tech-smes']).toMatchObject({
      value: 0,
      figure: 100,
      selfDeclared: 11,
      byYear: [],
    });
    expect(byId['scenario-cases']).toMatchObject({ selfDeclared: null });
    expect(byId['scenario-cases']).toMatchObject({
      value: 5,
      figure: 5,
      reached: true,
      percent: 100,
      breakdown: { confirmed: 2, provisional: 3 },
    });
    expect(byId['talent-teams']).toMatchObject({ measured: true, value: 0 });
    expect(byId['innovation-platforms']).toMatchObject({ measured: true, value: 0 });
    for (const id of ['industry-scale', 'angel-fund']) {
      expect(byId[id]).toMatchObject({ measured: false, value: null, percent: null });
      expect(byId[id]!.notMeasuredReason).toBeTruthy();
    }
    expect(t.moneyPaid).toEqual({
      totalFen: AWARD,
      byYear: [{ year: 2026, paidFen: AWARD }],
      byArea: [{ areaCode: 'yongqiao', areaName: '埇桥区', paidFen: AWARD }],
    });
  });

  it('gives an area officer their own area’s contribution', async () => {
    const yongqiao = await h.officer('yongqiao');
    const t = await yongqiao.dashboard.targets.query();
    expect(t.areaCode).toBe('yongqiao');
    const byId = Object.fromEntries(t.targets.map((x) => [x.id, x]));
    expect(byId['scenario-cases']).toMatchObject({ value: 4, reached: null });
    expect(byId['high-tech-enterprises']).toMatchObject({ value: 1, selfDeclared: 0 });
    // Demo firm 2 is in 埇桥区, and seven of the eight test firms: all self-declared.
    expect(byId['tech-smes']).toMatchObject({ value: 0, selfDeclared: 8 });
    const dangshan = await h.officer('dangshan');
    const theirs = await dangshan.dashboard.targets.query();
    expect(theirs.moneyPaid.totalFen).toBe(0n);
    expect(
      (await failure(() => yongqiao.dashboard.targets.query({ areaCode: 'dangshan' }))).appCode,
    ).toBe('FORBIDDEN');
  });

  it('counts a qualification once it is verified, and no longer as the firm’s own declaration', async () => {
    const officer = await h.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const verify = async (creditCode: string, kind: string, documentNo: string) => {
      const org = await h.prisma.organisation.findUniqueOrThrow({ where: { creditCode } });
      await h.prisma.organisationQualification.create({
        data: {
          organisationId: org.id,
          kind,
          source: 'officer',
          documentNo,
          recognisedOn: new Date('2025-12-01T00:00:00Z'),
          verifiedBy: officer.id,
          createdAt: h.clock.now,
        },
      });
    };
    await verify('91341300MA2N8H4QXE', 'high-tech-enterprise', 'GR202534000001'); // 宿氢, 经开区
    await verify('91341302MA2P3K7D51', 'tech-sme', '2025341302A0000001'); // 云智, 埇桥区

    const t = await (await h.officer('reviewer')).dashboard.targets.query();
    const byId = Object.fromEntries(t.targets.map((x) => [x.id, x]));
    expect(byId['high-tech-enterprises']).toMatchObject({
      value: 2,
      breakdown: { verified: 1, withAward: 1 },
      selfDeclared: 1,
      byYear: [
        { year: 2025, value: 1 },
        { year: 2026, value: 1 },
      ],
    });
    expect(byId['tech-smes']).toMatchObject({
      value: 1,
      selfDeclared: 10,
      byArea: [{ areaCode: 'yongqiao', areaName: '埇桥区', value: 1 }],
    });
    const mine = await (await h.officer('yongqiao')).dashboard.targets.query();
    expect(mine.targets.find((x) => x.id === 'tech-smes')).toMatchObject({
      value: 1,
      selfDeclared: 7,
    });
  });
});

describe('dashboard.targetsXlsx', () => {
  async function readBack(base64: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    return wb;
  }
  const rowValues = (ws: ExcelJS.Worksheet, row: number) =>
    (ws.getRow(row).values as unknown[]).slice(1);

  it('builds the targets workbook on the server: four sheets, numbers as numbers, yuan from fen', async () => {
    const admin = await h.officer('admin');
    const report = await admin.dashboard.targets.query();
    const file = await admin.dashboard.targetsXlsx.query();
    expect(file).toMatchObject({
      filename: `2030目标进度_全市_${report.asOf}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(Buffer.from(file.base64, 'base64').length).toBe(file.sizeBytes);

    const wb = await readBack(file.base64);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      '目标进度',
      '分年度',
      '分县区园区',
      '资金拨付',
    ]);
    const [progress, byYear, byArea, money] = wb.worksheets as [
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
    ];
    expect(rowValues(progress, 1)).toEqual([
      '目标',
      '规划原文',
      '目标值',
      '单位',
      '当前值（全市，已核验）',
      '自报未核验（不计入）',
      '完成比例',
      '是否达成',
      '统计口径',
    ]);
    expect(progress.getRow(1).font?.bold).toBe(true);
    // One row per target, in the report's order; counts and ratios are numbers.
    report.targets.forEach((t, i) => {
      const row = progress.getRow(i + 2);
      expect(row.getCell(1).value).toBe(t.name);
      expect(row.getCell(3).value).toBe(t.figure);
      expect(row.getCell(5).value).toBe(t.measured ? t.value : '暂不统计');
    });
    const cases = report.targets.findIndex((t) => t.id === 'scenario-cases') + 2;
    expect(progress.getCell(cases, 5).value).toBe(5);
    expect(progress.getCell(cases, 7).value).toBe(1);
    expect(progress.getCell(cases, 7).numFmt).toBe('0%');
    expect(progress.getCell(cases, 8).value).toBe('已达成');
    const scale = report.targets.findIndex((t) => t.id === 'industry-scale') + 2;
    expect(progress.getCell(scale, 9).value).toContain('营业收入');

    expect(rowValues(byYear, 1)).toEqual(['目标', '年度', '数量']);
    expect(rowValues(byYear, 2)).toEqual(['未来产业链高新技术企业', 2025, 1]);
    expect(rowValues(byArea, 1)).toEqual(['目标', '县区/园区', '数量']);
    expect(typeof byArea.getCell(2, 3).value).toBe('number');

    // 20 万元 paid: 200000 yuan as a number shown with two decimals, beside the formatted text.
    expect(rowValues(money, 1)).toEqual(['口径', '年度或县区/园区', '已拨付（元）', '已拨付']);
    expect(rowValues(money, 2)).toEqual(['合计', '全市', 200_000, '¥200,000.00']);
    expect(money.getCell(2, 3).numFmt).toBe('#,##0.00');
    expect(rowValues(money, 3)).toEqual(['分年度', '2026年', 200_000, '¥200,000.00']);
    expect(rowValues(money, 4)).toEqual(['分县区园区', '埇桥区', 200_000, '¥200,000.00']);
  });

  it('gives an area officer their own area only', async () => {
    const yongqiao = await h.officer('yongqiao');
    const file = await yongqiao.dashboard.targetsXlsx.query();
    expect(file.filename).toMatch(/^2030目标进度_埇桥区_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = await readBack(file.base64);
    const progress = wb.getWorksheet('目标进度')!;
    expect(progress.getCell(1, 5).value).toBe('当前值（埇桥区，已核验）');
    const areas = new Set<unknown>();
    wb.getWorksheet('分县区园区')!.eachRow((row, n) => {
      if (n > 1) areas.add(row.getCell(2).value);
    });
    expect([...areas]).toEqual(['埇桥区']);

    const dangshan = await h.officer('dangshan');
    const theirs = await readBack((await dangshan.dashboard.targetsXlsx.query()).base64);
    expect(rowValues(theirs.getWorksheet('资金拨付')!, 2)).toEqual(['合计', '砀山县', 0, '¥0.00']);
    expect(
      (await failure(() => yongqiao.dashboard.targetsXlsx.query({ areaCode: 'dangshan' }))).appCode,
    ).toBe('FORBIDDEN');
  });
});
