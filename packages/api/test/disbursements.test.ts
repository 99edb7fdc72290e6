import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatYuan } from '@kc/domain';
import {
  EXPORT_COLUMNS,
  EXPORT_LAYOUT,
  MAX_EXPORT_FEN,
  fenToYuanNumber,
} from '../src/awards/disbursement';
import {
  BANK,
  awardsWritten,
  bankedFirm,
  budgetOf,
  confirmedBatchWritten,
  giveBankDetails,
  key,
  WORKSTATION_RULE,
  newOfficer,
  noticePassedAward,
} from './disbursement-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

let h: Harness;
type Officer = Awaited<ReturnType<Harness['officer']>>;
let reviewer: Officer;
let admin: Officer;
let finance: Officer;
let finance2: Officer;
let finance2Id: string;
let financeUserId: string;

beforeAll(async () => {
  h = await createHarness();
  [reviewer, admin, finance] = await Promise.all([
    h.officer('reviewer'),
    h.officer('admin'),
    h.officer('finance'),
  ]);
  const second = await newOfficer(h, 'FINANCE_OFFICER', '第二财务人员');
  finance2 = second.api;
  finance2Id = second.userId;
  financeUserId = (await h.prisma.user.findUniqueOrThrow({ where: { username: 'finance' } })).id;
  // Room for every award these tests approve (the demo budget covers five).
  await h.prisma.programmeBudget.update({
    where: { ruleId_year: { ruleId: WORKSTATION_RULE, year: 2026 } },
    data: { budgetFen: 100_000_000_00n },
  });
});
afterAll(async () => {
  await h?.close();
});

const WAN = 1_000_000n; // 1万元 in fen
const AWARD = 20n * WAN; // a city academician workstation: 20万元

async function statusOf(applicationId: string) {
  return (await h.prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).status;
}

describe('paying an award: batch → confirmation by a second finance officer → paid', () => {
  it('moves the budget committed → paid exactly once and journals commit + payment', async () => {
    const before = await budgetOf(h, WORKSTATION_RULE);
    const { applicationId, number, firm } = await noticePassedAward(h, reviewer);
    const approved = await budgetOf(h, WORKSTATION_RULE);
    expect(approved.committedFen - before.committedFen).toBe(AWARD);

    const candidates = await finance.disbursements.candidates.query();
    expect(candidates.find((c) => c.applicationId === applicationId)).toMatchObject({
      number,
      ruleName: expect.stringContaining('院士'),
      clause: '四.5',
      approvedAmountFen: AWARD,
      creditCode: firm.org.creditCode,
      bankName: BANK.bankName,
      // Masked in the list: the full number is for finance, in the batch it is paid from.
      bankAccountMasked: '****4567',
      payable: true,
      problem: null,
    });

    const draft = await finance.disbursements.createBatch.mutate({
      title: '2026年第一批奖补资金',
      applicationIds: [applicationId],
      idempotencyKey: key(),
    });
    expect(draft).toMatchObject({
      number: expect.stringMatching(/^SZKC-BF-2026-\d{3}$/),
      status: 'draft',
      totalFen: AWARD,
      itemCount: 1,
      createdBy: { userId: financeUserId },
      confirmedBy: null,
    });
    expect(draft.items[0]).toMatchObject({
      applicationNumber: number,
      organisationName: firm.org.name,
      payeeName: firm.org.name,
      payeeBankName: BANK.bankName,
      payeeAccountNo: BANK.bankAccountNo,
      amountFen: AWARD,
      status: 'pending',
    });
    expect(await statusOf(applicationId)).toBe('in-disbursement');

    // The payee is frozen: a later change of the organisation's account changes no batch.
    await h.prisma.organisationBankAccount.updateMany({
      where: { organisationId: firm.org.id, status: 'active' },
      data: { accountNo: '6222000000000000000' },
    });
    const seen = await finance.disbursements.byId.query({ id: draft.id });
    expect(seen.items[0]?.payeeAccountNo).toBe(BANK.bankAccountNo);

    const confirmed = await finance2.disbursements.confirm.mutate({
      batchId: draft.id,
      idempotencyKey: key(),
    });
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      confirmedBy: { userId: finance2Id, displayName: '第二财务人员' },
    });

    const payKey = key();
    const paid = await finance.disbursements.markPaid.mutate({
      batchId: draft.id,
      idempotencyKey: payKey,
      bankReference: 'ICBC-20261127-0001',
    });
    expect(paid).toMatchObject({
      status: 'paid',
      statusLabel: '已拨付',
      paidBy: { userId: financeUserId },
      paidAt: h.clock.now,
    });
    expect(paid.items[0]).toMatchObject({
      status: 'paid',
      bankReference: 'ICBC-20261127-0001',
      applicationStatus: 'paid',
    });

    const after = await budgetOf(h, WORKSTATION_RULE);
    expect(after.committedFen).toBe(approved.committedFen - AWARD);
    expect(after.paidFen).toBe(approved.paidFen + AWARD);
    expect(after.committedFen + after.paidFen).toBe(approved.committedFen + approved.paidFen);

    const journal = await h.prisma.ledgerEntry.findMany({
      where: { applicationId },
      orderBy: { id: 'asc' },
    });
    expect(journal.map((e) => [e.kind, e.amountFen, e.approvalRound])).toEqual([
      ['commit', AWARD, 1],
      ['payment', AWARD, 1],
    ]);
    expect(journal[1]?.disbursementId).toBe(paid.items[0]?.disbursementId);

    const app = await admin.review.byId.query({ id: applicationId });
    expect(app.status).toBe('paid');
    expect(app.timeline.map((e) => e.action).slice(-2)).toEqual([
      'add-to-disbursement',
      'mark-paid',
    ]);
    const audits = await h.prisma.auditLog.findMany({
      where: { objectType: 'disbursement_batch', objectId: draft.id },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => a.action)).toEqual([
      'disbursement.create',
      'disbursement.confirm',
      'disbursement.pay',
    ]);

    const book = await admin.disbursements.ledger.query({ year: 2026, ruleId: WORKSTATION_RULE });
    const mine = book.entries.filter((e) => e.applicationId === applicationId);
    expect(mine.map((e) => [e.kind, e.kindLabel, e.amountFen, e.applicationNumber])).toEqual([
      ['commit', '批准占用', AWARD, number],
      ['payment', '拨付', AWARD, number],
    ]);
    expect(mine[1]?.batchNumber).toBe(draft.number);
    expect(book.totals.outstandingFen).toBe(after.committedFen);
    expect(book.totals.paymentFen).toBe(after.paidFen);

    const list = await finance.disbursements.list.query({ status: 'paid' });
    expect(list.items.find((b) => b.id === draft.id)).toMatchObject({
      status: 'paid',
      itemCount: 1,
      totalFen: AWARD,
    });

    // A retry with the same key is answered from the record, and pays nothing.
    const replay = await finance.disbursements.markPaid.mutate({
      batchId: draft.id,
      idempotencyKey: payKey,
      bankReference: 'ICBC-20261127-0001',
    });
    expect(replay).toEqual(paid);

    // A second payment under a new key is refused, whoever asks, and pays nothing.
    for (const who of [finance, finance2]) {
      const again = await failure(() =>
        who.disbursements.markPaid.mutate({ batchId: draft.id, idempotencyKey: key() }),
      );
      expect(again.appCode).toBe('ALREADY_PAID');
      expect(again.message).toContain(draft.number);
    }
    // …and so is putting the paid application into a new batch.
    const rebatch = await failure(() =>
      finance.disbursements.createBatch.mutate({
        applicationIds: [applicationId],
        idempotencyKey: key(),
      }),
    );
    expect(rebatch).toMatchObject({ appCode: 'ALREADY_PAID' });
    expect(rebatch.message).toContain(number);

    const final = await budgetOf(h, WORKSTATION_RULE);
    expect([final.committedFen, final.paidFen]).toEqual([after.committedFen, after.paidFen]);
    expect(await h.prisma.ledgerEntry.count({ where: { applicationId, kind: 'payment' } })).toBe(1);
  });
});

describe('who may do what', () => {
  it('keeps payment to finance officers, and preparation to finance and the bureau admin', async () => {
    const { applicationId } = await noticePassedAward(h, reviewer);
    const firm = await h.applicant();
    const area = await h.officer('yongqiao');
    for (const who of [reviewer, area, firm]) {
      const refused = await failure(() =>
        who.disbursements.createBatch.mutate({
          applicationIds: [applicationId],
          idempotencyKey: key(),
        }),
      );
      expect(refused.appCode).toBe('FORBIDDEN');
      expect((await failure(() => who.disbursements.candidates.query())).appCode).toBe('FORBIDDEN');
    }
    expect(await statusOf(applicationId)).toBe('notice-passed');

    // The bureau admin may prepare a batch, but neither confirm nor pay it.
    const batch = await admin.disbursements.createBatch.mutate({
      applicationIds: [applicationId],
      idempotencyKey: key(),
    });
    const confirm = await failure(() =>
      admin.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() }),
    );
    expect(confirm.appCode).toBe('FORBIDDEN');
    await finance.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() });
    for (const who of [admin, reviewer]) {
      const pay = await failure(() =>
        who.disbursements.markPaid.mutate({ batchId: batch.id, idempotencyKey: key() }),
      );
      expect(pay.appCode).toBe('FORBIDDEN');
    }
    expect(await statusOf(applicationId)).toBe('in-disbursement');
  });

  it('requires a UUID idempotency key on money-moving procedures', async () => {
    const batchId = '00000000-0000-4000-8000-000000000000';
    const missing = await failure(() =>
      finance.disbursements.markPaid.mutate({ batchId } as never),
    );
    expect(missing.appCode).toBe('INVALID_INPUT');
    expect(missing.fieldErrors?.idempotencyKey).toBeDefined();
    const notUuid = await failure(() =>
      finance.disbursements.confirm.mutate({ batchId, idempotencyKey: 'retry-1' }),
    );
    expect(notUuid.appCode).toBe('INVALID_INPUT');
  });
});

describe('four eyes', () => {
  it('refuses the batch’s creator confirming their own batch', async () => {
    const { applicationId } = await noticePassedAward(h, reviewer);
    const batch = await finance.disbursements.createBatch.mutate({
      applicationIds: [applicationId],
      idempotencyKey: key(),
    });
    const own = await failure(() =>
      finance.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() }),
    );
    expect(own.appCode).toBe('SEPARATION_OF_DUTIES');
    expect(own.message).toContain('另一名财务人员');
    expect(
      (await h.prisma.disbursementBatch.findUniqueOrThrow({ where: { id: batch.id } })).status,
    ).toBe('draft');
    await finance2.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() });
  });

  it('refuses the approver confirming payment of an award they approved, after a move to finance', async () => {
    const approver = await newOfficer(h, 'BUREAU_REVIEWER', '原审核员');
    const { applicationId, number } = await noticePassedAward(h, approver.api);
    const other = await noticePassedAward(h, reviewer);
    const batch = await finance.disbursements.createBatch.mutate({
      applicationIds: [other.applicationId, applicationId],
      idempotencyKey: key(),
    });
    // The reviewer moves to the finance office: the rule is about the person, not the role.
    await h.prisma.user.update({
      where: { id: approver.userId },
      data: { role: 'FINANCE_OFFICER' },
    });
    const refused = await failure(() =>
      approver.api.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() }),
    );
    expect(refused.appCode).toBe('SEPARATION_OF_DUTIES');
    expect(refused.message).toContain(number);
    // …while they may still confirm a batch of awards someone else approved.
    const third = await noticePassedAward(h, reviewer);
    const clean = await finance.disbursements.createBatch.mutate({
      applicationIds: [third.applicationId],
      idempotencyKey: key(),
    });
    expect(
      await approver.api.disbursements.confirm.mutate({ batchId: clean.id, idempotencyKey: key() }),
    ).toMatchObject({ status: 'confirmed' });
  });

  it('refuses the approver recording the payment of an award they approved, and writes nothing', async () => {
    const approver = await newOfficer(h, 'BUREAU_REVIEWER', '原审核员乙');
    const { applicationId, number } = await noticePassedAward(h, approver.api);
    const other = await noticePassedAward(h, reviewer);
    const batch = await finance.disbursements.createBatch.mutate({
      applicationIds: [other.applicationId, applicationId],
      idempotencyKey: key(),
    });
    await finance2.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() });
    await h.prisma.user.update({
      where: { id: approver.userId },
      data: { role: 'FINANCE_OFFICER' },
    });
    const before = await budgetOf(h, WORKSTATION_RULE);
    const audits = await h.prisma.auditLog.count();

    const refused = await failure(() =>
      approver.api.disbursements.markPaid.mutate({ batchId: batch.id, idempotencyKey: key() }),
    );
    expect(refused.appCode).toBe('SEPARATION_OF_DUTIES');
    expect(refused.message).toContain(number);
    expect(refused.message).toContain('另一名财务人员');
    expect(await budgetOf(h, WORKSTATION_RULE)).toEqual(before);
    expect(
      await h.prisma.ledgerEntry.count({
        where: { applicationId: { in: [applicationId, other.applicationId] }, kind: 'payment' },
      }),
    ).toBe(0);
    expect(await statusOf(applicationId)).toBe('in-disbursement');
    expect(
      (await h.prisma.disbursementBatch.findUniqueOrThrow({ where: { id: batch.id } })).status,
    ).toBe('confirmed');
    // Refusals are not audited (only failed logins are): nothing at all was written.
    expect(await h.prisma.auditLog.count()).toBe(audits);

    // Another finance officer records it.
    const paid = await finance.disbursements.markPaid.mutate({
      batchId: batch.id,
      idempotencyKey: key(),
    });
    expect(paid).toMatchObject({ status: 'paid', paidBy: { userId: financeUserId } });
  });
});

describe('refusals that pay nothing', () => {
  it('refuses to pay a batch nobody confirmed', async () => {
    const { applicationId } = await noticePassedAward(h, reviewer);
    const batch = await admin.disbursements.createBatch.mutate({
      applicationIds: [applicationId],
      idempotencyKey: key(),
    });
    const before = await budgetOf(h, WORKSTATION_RULE);
    const refused = await failure(() =>
      finance.disbursements.markPaid.mutate({ batchId: batch.id, idempotencyKey: key() }),
    );
    expect(refused.appCode).toBe('BATCH_NOT_CONFIRMED');
    expect(refused.message).toContain(batch.number);
    expect(await budgetOf(h, WORKSTATION_RULE)).toEqual(before);
    expect(await h.prisma.ledgerEntry.count({ where: { applicationId, kind: 'payment' } })).toBe(0);
    expect(await statusOf(applicationId)).toBe('in-disbursement');
  });

  it('puts an application in one batch only — also when two batches are made at once', async () => {
    const { applicationId, number } = await noticePassedAward(h, reviewer);
    const first = await finance.disbursements.createBatch.mutate({
      applicationIds: [applicationId],
      idempotencyKey: key(),
    });
    const second = await failure(() =>
      finance2.disbursements.createBatch.mutate({
        applicationIds: [applicationId],
        idempotencyKey: key(),
      }),
    );
    expect(second.appCode).toBe('ALREADY_IN_DISBURSEMENT');
    expect(second.message).toContain(first.number);
    expect(second.message).toContain(number);

    const race = await noticePassedAward(h, reviewer);
    const results = await Promise.allSettled(
      [finance, finance2, admin, finance].map((who) =>
        who.disbursements.createBatch.mutate({
          applicationIds: [race.applicationId],
          idempotencyKey: key(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      const refusal = await failure(() => Promise.reject((r as PromiseRejectedResult).reason));
      expect(refusal.appCode).toBe('ALREADY_IN_DISBURSEMENT');
    }
    expect(
      await h.prisma.disbursement.count({ where: { applicationId: race.applicationId } }),
    ).toBe(1);
  });

  it('refuses an organisation without bank details, naming it, and leaves nothing behind', async () => {
    const { applicationId, firm } = await noticePassedAward(h, reviewer, { bank: false });
    const ready = await noticePassedAward(h, reviewer);
    const batches = await h.prisma.disbursementBatch.count();
    const candidate = (await finance.disbursements.candidates.query()).find(
      (c) => c.applicationId === applicationId,
    );
    expect(candidate).toMatchObject({ payable: false });
    expect(candidate?.problem).toContain(firm.org.name);

    const refused = await failure(() =>
      finance.disbursements.createBatch.mutate({
        applicationIds: [ready.applicationId, applicationId],
        idempotencyKey: key(),
      }),
    );
    expect(refused.appCode).toBe('BANK_DETAILS_MISSING');
    expect(refused.message).toContain(firm.org.name);
    expect(refused.message).toContain('尚未登记收款账户');
    expect(await h.prisma.disbursementBatch.count()).toBe(batches);
    expect(await statusOf(ready.applicationId)).toBe('notice-passed');

    await giveBankDetails(h, firm.org.id);
    const batch = await finance.disbursements.createBatch.mutate({
      applicationIds: [ready.applicationId, applicationId],
      idempotencyKey: key(),
    });
    expect(batch.itemCount).toBe(2);
  });

  it('refuses a payment the budget’s commitments do not cover (the journal and the row disagree)', async () => {
    const { applicationId } = await noticePassedAward(h, reviewer);
    const batch = await finance.disbursements.createBatch.mutate({
      applicationIds: [applicationId],
      idempotencyKey: key(),
    });
    await finance2.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() });
    const real = await budgetOf(h, WORKSTATION_RULE);
    // Tampered: the row claims less committed money than this payment needs.
    await h.prisma.programmeBudget.update({
      where: { id: real.id },
      data: { committedFen: AWARD - 1n },
    });
    const refused = await failure(() =>
      finance.disbursements.markPaid.mutate({ batchId: batch.id, idempotencyKey: key() }),
    );
    expect(refused.appCode).toBe('OVER_BUDGET');
    const untouched = await budgetOf(h, WORKSTATION_RULE);
    expect([untouched.committedFen, untouched.paidFen]).toEqual([AWARD - 1n, real.paidFen]);
    await h.prisma.programmeBudget.update({
      where: { id: real.id },
      data: { committedFen: real.committedFen },
    });
    expect(
      await finance.disbursements.markPaid.mutate({ batchId: batch.id, idempotencyKey: key() }),
    ).toMatchObject({ status: 'paid' });
  });
});

describe('editing a draft batch', () => {
  it('removes an item while the batch is a draft, and not after confirmation', async () => {
    const a = await noticePassedAward(h, reviewer);
    const b = await noticePassedAward(h, reviewer);
    const batch = await finance.disbursements.createBatch.mutate({
      applicationIds: [a.applicationId, b.applicationId],
      idempotencyKey: key(),
    });
    expect(batch.totalFen).toBe(2n * AWARD);
    const smaller = await admin.disbursements.removeItem.mutate({
      batchId: batch.id,
      applicationId: a.applicationId,
    });
    expect(smaller).toMatchObject({ totalFen: AWARD, itemCount: 1 });
    expect(await statusOf(a.applicationId)).toBe('notice-passed');
    const timeline = await admin.review.byId.query({ id: a.applicationId });
    expect(timeline.timeline.map((e) => e.action).slice(-2)).toEqual([
      'add-to-disbursement',
      'remove-from-disbursement',
    ]);

    // The removed application can go into another batch.
    const other = await finance.disbursements.createBatch.mutate({
      applicationIds: [a.applicationId],
      idempotencyKey: key(),
    });
    expect(other.items[0]?.applicationId).toBe(a.applicationId);

    await finance2.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() });
    const locked = await failure(() =>
      finance.disbursements.removeItem.mutate({
        batchId: batch.id,
        applicationId: b.applicationId,
      }),
    );
    expect(locked.appCode).toBe('INVALID_TRANSITION');
    expect(await statusOf(b.applicationId)).toBe('in-disbursement');

    // An emptied draft cannot be confirmed.
    await finance.disbursements.removeItem.mutate({
      batchId: other.id,
      applicationId: a.applicationId,
    });
    const empty = await failure(() =>
      finance2.disbursements.confirm.mutate({ batchId: other.id, idempotencyKey: key() }),
    );
    expect(empty.appCode).toBe('INVALID_TRANSITION');
  });
});

describe('idempotency keys', () => {
  it('replays createBatch, and refuses a key reused for other arguments, another person or another procedure', async () => {
    const { applicationId } = await noticePassedAward(h, reviewer);
    const other = await noticePassedAward(h, reviewer);
    const k = key();
    const first = await finance.disbursements.createBatch.mutate({
      applicationIds: [applicationId],
      idempotencyKey: k,
    });
    const again = await finance.disbursements.createBatch.mutate({
      applicationIds: [applicationId],
      idempotencyKey: k,
    });
    expect(again).toEqual(first);
    expect(await h.prisma.disbursementBatch.count({ where: { number: first.number } })).toBe(1);

    const otherArgs = await failure(() =>
      finance.disbursements.createBatch.mutate({
        applicationIds: [other.applicationId],
        idempotencyKey: k,
      }),
    );
    expect(otherArgs.appCode).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherPerson = await failure(() =>
      admin.disbursements.createBatch.mutate({
        applicationIds: [applicationId],
        idempotencyKey: k,
      }),
    );
    expect(otherPerson.appCode).toBe('IDEMPOTENCY_KEY_REUSED');

    const confirmKey = key();
    await finance2.disbursements.confirm.mutate({
      batchId: first.id,
      idempotencyKey: confirmKey,
    });
    const otherProcedure = await failure(() =>
      finance2.disbursements.markPaid.mutate({ batchId: first.id, idempotencyKey: confirmKey }),
    );
    expect(otherProcedure.appCode).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await statusOf(applicationId)).toBe('in-disbursement');
    expect(await statusOf(other.applicationId)).toBe('notice-passed');
  });
});

describe('the 拨付清单 export', () => {
  async function readBack(base64: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no worksheet');
    return ws;
  }

  it('lists the payees, their bank details and exact amounts, with a total and the batch in the header', async () => {
    const firm = await bankedFirm(h);
    // Amounts that float arithmetic gets wrong, down to one fen, up to just under 10 万亿元.
    const amounts = [1n, 10n, 29n, 12_345n, 100_000_07n, 1_234_567_890_123n, 99_999_999_999_999n];
    const ids: string[] = [];
    for (const amountFen of amounts) {
      ids.push(
        ...(await awardsWritten(h, firm, 1, {
          status: 'notice-passed',
          commit: false,
          amountFen,
          ruleId: 'talent-team',
        })),
      );
    }
    const batch = await confirmedBatchWritten(h, ids, {
      createdBy: financeUserId,
      confirmedBy: finance2Id,
    });
    const file = await finance.disbursements.exportXlsx.mutate({ batchId: batch.id });
    expect(file).toMatchObject({
      filename: `拨付清单-${batch.number}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(Buffer.from(file.base64, 'base64').length).toBe(file.sizeBytes);

    const ws = await readBack(file.base64);
    expect(String(ws.getCell(EXPORT_LAYOUT.titleRow, 1).value)).toContain('拨付清单');
    expect(String(ws.getCell(EXPORT_LAYOUT.batchRow, 1).value)).toContain(
      `批次编号：${batch.number}`,
    );
    expect(String(ws.getCell(EXPORT_LAYOUT.batchRow, 1).value)).toContain('状态：已确认');
    expect(String(ws.getCell(EXPORT_LAYOUT.datesRow, 1).value)).toContain('确认日期：2026-11-26');
    expect(String(ws.getCell(EXPORT_LAYOUT.datesRow, 1).value)).toContain('导出日期：2026-11-27');
    const headers = (ws.getRow(EXPORT_LAYOUT.headerRow).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '序号',
      '申请编号',
      '单位名称',
      '统一社会信用代码',
      '开户名称',
      '开户银行',
      '银行账号',
      '奖补事项',
      '政策条款',
      '金额（元）',
    ]);
    expect(headers).toEqual(EXPORT_COLUMNS.map((c) => c.header));

    const dto = await finance.disbursements.byId.query({ id: batch.id });
    dto.items.forEach((item, i) => {
      const row = ws.getRow(EXPORT_LAYOUT.firstItemRow + i);
      expect((row.values as unknown[]).slice(1, 10)).toEqual([
        i + 1,
        item.applicationNumber,
        firm.org.name,
        firm.org.creditCode,
        firm.org.name,
        BANK.bankName,
        BANK.bankAccountNo, // text: the leading zeros survive
        item.ruleName,
        '四.5',
      ]);
      const amount = row.getCell(10);
      expect(typeof amount.value).toBe('number');
      expect(amount.numFmt).toBe('#,##0.00');
      // Exactly the fen amount: same digits as the bigint, and back to the same fen.
      expect((amount.value as number).toFixed(2)).toBe(
        formatYuan(item.amountFen).slice(1).replace(/,/g, ''),
      );
      expect(BigInt(Math.round((amount.value as number) * 100))).toBe(item.amountFen);
    });
    expect(dto.items.map((i) => i.amountFen).sort((a, b) => (a < b ? -1 : 1))).toEqual(
      [...amounts].sort((a, b) => (a < b ? -1 : 1)),
    );

    const totalRow = ws.getRow(EXPORT_LAYOUT.firstItemRow + amounts.length);
    expect(String(totalRow.getCell(1).value)).toBe(`合计（共 ${amounts.length} 笔）`);
    const total = amounts.reduce((s, a) => s + a, 0n);
    expect((totalRow.getCell(10).value as number).toFixed(2)).toBe(
      formatYuan(total).slice(1).replace(/,/g, ''),
    );
    expect(
      await h.prisma.auditLog.count({
        where: { action: 'disbursement.export', objectId: batch.id },
      }),
    ).toBe(1);
  });

  it('converts every fen amount below 10^15 to the double nearest its exact yuan value', () => {
    const samples = [0n, 1n, 5n, 99n, 100n, 101n, 999_999n, MAX_EXPORT_FEN - 1n];
    let seed = 20261127n;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
      samples.push(seed % MAX_EXPORT_FEN, seed % 100_000_000_00n);
    }
    for (const fen of samples) {
      const value = fenToYuanNumber(fen);
      const exact = `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;
      expect(value).toBe(Number(exact)); // the value Excel stores when "123.45" is typed
      expect(value.toFixed(2)).toBe(exact);
    }
    expect(() => fenToYuanNumber(MAX_EXPORT_FEN)).toThrow(RangeError);
    expect(() => fenToYuanNumber(-1n)).toThrow(RangeError);
  });
});
