import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness } from './harness';
import { submittedScenario, toBureauReview } from './awards-support';
import { WORKSTATION_RULE, key, newOfficer, noticePassedAward } from './disbursement-support';
import { APPLICATION_FORM, needForm, vpFirm, vpResearcher } from './vp-support';

/**
 * The app's clock is the only clock. The harness runs in a window of early November 2026, days
 * before this test was written and ever further from any day it runs on, so a timestamp taken from
 * the database (`now()`, a column default) or the machine instead of the injected clock falls
 * outside the window and fails here.
 */
const WINDOW_START = new Date('2026-11-02T01:00:00Z'); // Monday 09:00 in Shanghai
const WINDOW_END = new Date('2026-11-20T10:00:00Z');

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ start: WINDOW_START });
});
afterAll(() => h?.close());

function advance(hours: number) {
  h.clock.now = new Date(h.clock.now.getTime() + hours * 3_600_000);
  expect(h.clock.now.getTime()).toBeLessThanOrEqual(WINDOW_END.getTime());
}

/**
 * Every timestamptz value in the database, per table and column, with the earliest and latest.
 * `_prisma_migrations` is the migration runner's own bookkeeping (Prisma's layout, its default),
 * not the app's data; objections carry the date an officer typed in (`received_at`).
 */
async function timestampColumns() {
  const columns = await h.prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type = 'timestamp with time zone'
      AND table_name <> '_prisma_migrations'
      AND NOT (table_name = 'objection' AND column_name = 'received_at')
    ORDER BY table_name, column_name`;
  const out: { column: string; rows: number; min: Date | null; max: Date | null }[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const [row] = await h.prisma.$queryRawUnsafe<
      { rows: bigint; min: Date | null; max: Date | null }[]
    >(
      `SELECT count("${column}") AS rows, min("${column}") AS min, max("${column}") AS max FROM "${table}"`,
    );
    out.push({
      column: `${table}.${column}`,
      rows: Number(row?.rows ?? 0),
      min: row?.min ?? null,
      max: row?.max ?? null,
    });
  }
  return out;
}

describe('the one clock', () => {
  it('stamps every row the award path and the 科技副总 path write with the injected time', async () => {
    // Officers: login, a new account, a budget, a declared conflict.
    let admin = await h.officer('admin');
    let reviewer = await h.officer('reviewer');
    // Officer sessions last 8 hours: after a day's jump everyone logs in again.
    const nextDay = async () => {
      advance(24);
      admin = await h.officer('admin');
      reviewer = await h.officer('reviewer');
    };
    await newOfficer(h, 'BUREAU_REVIEWER', '时钟测试审核员');
    advance(1);
    await admin.budgets.set.mutate({
      ruleId: WORKSTATION_RULE,
      year: 2026,
      budgetFen: 500_000_000n,
    });

    // An applicant applies; the area and the bureau review; the award is approved and noticed.
    advance(1);
    const { firm, application } = await submittedScenario(h, '时钟测试场景案例');
    advance(2);
    const atBureau = await toBureauReview(h, application.id);
    advance(1);
    const approved = await reviewer.review.act.mutate({
      applicationId: application.id,
      action: 'approve',
      expectedVersion: atBureau.version,
    });
    const notice = await admin.notices.create.mutate({
      title: '时钟测试公示',
      applicationIds: [approved.id],
    });
    advance(1);
    await admin.notices.publish.mutate({ batchId: notice.id });
    await nextDay(); // the period starts the day after publication
    await admin.notices.recordObjection.mutate({
      itemId: notice.items[0]!.id,
      objector: '匿名',
      content: '对该案例的真实性有疑问，请核实。',
      receivedAt: h.clock.now,
    });
    advance(2);
    const objection = (await admin.notices.byId.query({ id: notice.id })).items[0]!.objections[0]!;
    await admin.notices.resolveObjection.mutate({
      objectionId: objection.id,
      outcome: 'dismiss',
      resolution: '经核实材料真实，异议不成立。',
    });
    await admin.review.declareConflict.mutate({
      organisationId: firm.org.id,
      reason: '时钟测试回避',
    });

    // A noticed award is paid: batch, confirmation by a second finance officer, payment.
    await nextDay();
    const paid = await noticePassedAward(h, reviewer);
    const finance = await h.officer('finance');
    const finance2 = await newOfficer(h, 'FINANCE_OFFICER', '时钟测试财务');
    const batch = await finance.disbursements.createBatch.mutate({
      applicationIds: [paid.applicationId],
      idempotencyKey: key(),
    });
    advance(1);
    await finance2.api.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() });
    advance(1);
    await finance.disbursements.markPaid.mutate({ batchId: batch.id, idempotencyKey: key() });

    // 科技副总: a call, a need, an application; notifications on the way.
    await nextDay();
    const call = await admin.vp.calls.create.mutate({
      year: 2026,
      title: '时钟测试科技副总批次',
      needsDeadline: '2026-11-30',
      applicationsDeadline: '2026-12-10',
      referenceDate: '2026-12-10',
    });
    const vpFirmA = await vpFirm(h);
    await vpFirmA.client.vp.needs.create.mutate({ callId: call.id, need: needForm() });
    await admin.vp.calls.advance.mutate({ callId: call.id, action: 'open-applications' });
    const researcher = await vpResearcher(h);
    await researcher.client.vp.candidates.apply.mutate({
      callId: call.id,
      application: APPLICATION_FORM,
    });
    await admin.vp.calls.advance.mutate({ callId: call.id, action: 'start-matching' });
    await admin.vp.matching.run.mutate({ callId: call.id });

    const columns = await timestampColumns();
    const written = columns.filter((c) => c.rows > 0);
    // The flows above wrote most tables; a column that got no rows proves nothing either way.
    expect(written.length).toBeGreaterThan(30);
    const outside = written.filter(
      (c) =>
        (c.min && c.min.getTime() < WINDOW_START.getTime()) ||
        (c.max && c.max.getTime() > WINDOW_END.getTime()),
    );
    expect(
      outside.map((c) => `${c.column}: ${c.min?.toISOString()} … ${c.max?.toISOString()}`),
    ).toEqual([]);
  });
});
