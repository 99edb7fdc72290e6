import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCheckViolation } from '@kc/db';
import {
  WORKSTATION_RULE,
  awardsWritten,
  bankedFirm,
  budgetOf,
  confirmedBatchWritten,
  key,
  newOfficer,
} from './disbursement-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

/**
 * Payments under load, through the API. The rows leading up to a payment (awards at
 * notice-passed, their commitments, confirmed batches) are written directly, as in
 * concurrency.test.ts; every payment and approval here goes through tRPC.
 */
let h: Harness;
type Officer = Awaited<ReturnType<Harness['officer']>>;
let finance: Officer;
let finance2: Officer;
let people: { createdBy: string; confirmedBy: string };

beforeAll(async () => {
  h = await createHarness();
  finance = await h.officer('finance');
  const second = await newOfficer(h, 'FINANCE_OFFICER');
  finance2 = second.api;
  const creator = await h.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
  people = { createdBy: creator.id, confirmedBy: second.userId };
});
afterAll(async () => {
  await h?.close();
});

const AWARD = 20_000_000n; // 20万元 in fen

async function refusalsOf(results: PromiseSettledResult<unknown>[]) {
  return Promise.all(
    results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => failure(() => Promise.reject(r.reason))),
  );
}

describe('one batch paid many times at once', () => {
  // Its own programme, so the budget arithmetic below is about these awards only.
  const RULE = 'academician-workstation-provincial';

  beforeAll(async () => {
    await h.prisma.programmeBudget.update({
      where: { ruleId_year: { ruleId: RULE, year: 2026 } },
      data: { budgetFen: 100_000_000_00n },
    });
  });

  it('100 simultaneous markPaid with one idempotency key: paid once, 100 identical answers', async () => {
    const firm = await bankedFirm(h);
    const ids = await awardsWritten(h, firm, 5, {
      status: 'notice-passed',
      commit: true,
      ruleId: RULE,
    });
    const batch = await confirmedBatchWritten(h, ids, people);
    const before = await budgetOf(h, RULE);
    const k = key();

    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () =>
        finance.disbursements.markPaid.mutate({
          batchId: batch.id,
          idempotencyKey: k,
          bankReference: 'BOC-REPLAY-0001',
        }),
      ),
    );
    const answers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(await refusalsOf(results)).toEqual([]);
    expect(answers).toHaveLength(100);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: 'paid', totalFen: 5n * AWARD, itemCount: 5 });

    const after = await budgetOf(h, RULE);
    expect(after.committedFen).toBe(before.committedFen - 5n * AWARD);
    expect(after.paidFen).toBe(before.paidFen + 5n * AWARD);
    const payments = await h.prisma.ledgerEntry.findMany({
      where: { applicationId: { in: ids }, kind: 'payment' },
    });
    expect(payments).toHaveLength(5);
    expect(new Set(payments.map((p) => p.disbursementId)).size).toBe(5);
    expect(
      await h.prisma.applicationEvent.count({
        where: { applicationId: { in: ids }, action: 'mark-paid' },
      }),
    ).toBe(5);
    expect(
      await h.prisma.auditLog.count({
        where: { action: 'disbursement.pay', objectId: batch.id },
      }),
    ).toBe(1);
    expect(await h.prisma.idempotencyRecord.count({ where: { key: k } })).toBe(1);

    // The key is the first caller's: another finance officer cannot borrow its answer.
    const borrowed = await failure(() =>
      finance2.disbursements.markPaid.mutate({
        batchId: batch.id,
        idempotencyKey: k,
        bankReference: 'BOC-REPLAY-0001',
      }),
    );
    expect(borrowed.appCode).toBe('IDEMPOTENCY_KEY_REUSED');
  }, 120_000);

  it('20 simultaneous markPaid with 20 different keys: one pays, 19 are told it is paid', async () => {
    const firm = await bankedFirm(h);
    const ids = await awardsWritten(h, firm, 3, {
      status: 'notice-passed',
      commit: true,
      ruleId: RULE,
    });
    const batch = await confirmedBatchWritten(h, ids, people);
    const before = await budgetOf(h, RULE);

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? finance : finance2).disbursements.markPaid.mutate({
          batchId: batch.id,
          idempotencyKey: key(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusals = await refusalsOf(results);
    expect(refusals).toHaveLength(19);
    expect(new Set(refusals.map((r) => r.appCode))).toEqual(new Set(['ALREADY_PAID']));

    const after = await budgetOf(h, RULE);
    expect(after.paidFen - before.paidFen).toBe(3n * AWARD);
    expect(before.committedFen - after.committedFen).toBe(3n * AWARD);
    expect(
      await h.prisma.ledgerEntry.count({ where: { applicationId: { in: ids }, kind: 'payment' } }),
    ).toBe(3);
  }, 120_000);
});

describe('a budget that cannot cover every payment', () => {
  /**
   * Why no path pays beyond the budget. The row keeps committed + paid ≤ budget (CHECK). Money
   * gets into `committed` only by an approval, which checks the remaining budget under the row
   * lock. A payment moves an amount from committed to paid: committed + paid does not change, so
   * a payment can never push the row over its budget — paid ≤ committed + paid ≤ budget. What a
   * payment must not do is pay an award that has no commitment behind it (that would take money
   * nobody set aside): markPaid pays an award only against its own `commit` journal entry of the
   * same amount, and only while the row's committed amount covers it.
   *
   * The setup puts the budget exactly at its edge: 60 awards of 20万 committed and a budget of
   * exactly 60 × 20万, so nothing remains. 40 more awards reached notice-passed without a
   * commitment (as imported or tampered data would) — together 100 × 20万, far more than the
   * budget. Then, all at once: 100 payments (100 one-item batches, two finance officers) and 20
   * approvals of new awards in the same programme (which would need budget room a payment might
   * seem to free). Meanwhile a sampler reads the budget row.
   */
  it('pays exactly the 60 committed awards of 100, refuses the rest, and never exceeds the budget', async () => {
    await h.prisma.programmeBudget.update({
      where: { ruleId_year: { ruleId: WORKSTATION_RULE, year: 2026 } },
      data: { budgetFen: 100_000_000_00n },
    });
    const firm = await bankedFirm(h);
    const committed = await awardsWritten(h, firm, 60, { status: 'notice-passed', commit: true });
    const uncommitted = await awardsWritten(h, firm, 40, {
      status: 'notice-passed',
      commit: false,
    });
    const edge = await budgetOf(h, WORKSTATION_RULE);
    expect(edge.committedFen).toBe(60n * AWARD);
    // To the edge: the budget is exactly what is committed and paid; nothing remains.
    const budgetFen = edge.committedFen + edge.paidFen;
    await h.prisma.programmeBudget.update({ where: { id: edge.id }, data: { budgetFen } });

    const batchOf = new Map<string, string>();
    for (const id of [...committed, ...uncommitted]) {
      batchOf.set(id, (await confirmedBatchWritten(h, [id], people)).id);
    }
    const contender = await bankedFirm(h);
    const newcomers = await awardsWritten(h, contender, 20, {
      status: 'bureau-review',
      commit: false,
    });
    const [admin, reviewer] = await Promise.all([h.officer('admin'), h.officer('reviewer')]);

    // Payments of committed and uncommitted awards interleaved; the approvals run alongside.
    const order = committed.flatMap((id, i) => [id, ...uncommitted.slice(i, i + 1)]);
    expect(order).toHaveLength(100);
    let running = true;
    const seen = { maxPaid: 0n, maxSum: 0n, samples: 0 };
    const sampler = (async () => {
      while (running) {
        const row = await budgetOf(h, WORKSTATION_RULE);
        if (row.paidFen > seen.maxPaid) seen.maxPaid = row.paidFen;
        const sum = row.committedFen + row.paidFen;
        if (sum > seen.maxSum) seen.maxSum = sum;
        seen.samples++;
        // No timer between samples: PGlite's queue runs on microtasks and would starve it.
      }
    })();
    const started = Date.now();
    const [payments, approvals] = await Promise.all([
      Promise.allSettled(
        order.map((id, i) =>
          (i % 2 ? finance : finance2).disbursements.markPaid.mutate({
            batchId: batchOf.get(id) ?? '',
            idempotencyKey: key(),
          }),
        ),
      ),
      Promise.allSettled(
        newcomers.map((id, i) =>
          (i % 2 ? admin : reviewer).review.act.mutate({
            applicationId: id,
            action: 'approve',
            expectedVersion: 1,
          }),
        ),
      ),
    ]);
    const elapsedMs = Date.now() - started;
    running = false;
    await sampler;

    // Exactly the committed awards were paid; the others were refused for want of budget.
    const paidIds = order.filter((_, i) => payments[i]?.status === 'fulfilled');
    expect(paidIds.sort()).toEqual([...committed].sort());
    const paymentRefusals = await refusalsOf(payments);
    expect(paymentRefusals).toHaveLength(40);
    expect(new Set(paymentRefusals.map((r) => r.appCode))).toEqual(new Set(['OVER_BUDGET']));
    // No approval found room: payments free none.
    const approvalRefusals = await refusalsOf(approvals);
    expect(approvalRefusals).toHaveLength(20);
    expect(new Set(approvalRefusals.map((r) => r.appCode))).toEqual(new Set(['OVER_BUDGET']));

    const after = await budgetOf(h, WORKSTATION_RULE);
    expect(after.paidFen).toBe(edge.paidFen + 60n * AWARD);
    expect(after.paidFen).toBe(budgetFen);
    expect(after.committedFen).toBe(0n);
    expect(seen.maxPaid).toBeLessThanOrEqual(budgetFen);
    expect(seen.maxSum).toBeLessThanOrEqual(budgetFen);

    const journal = await h.prisma.ledgerEntry.findMany({
      where: { ruleId: WORKSTATION_RULE, year: 2026, kind: 'payment' },
    });
    expect(journal).toHaveLength(60);
    expect(journal.reduce((s, e) => s + e.amountFen, 0n)).toBe(60n * AWARD);
    expect(new Set(journal.map((e) => e.applicationId))).toEqual(new Set(committed));
    expect(
      await h.prisma.application.count({ where: { id: { in: uncommitted }, status: 'paid' } }),
    ).toBe(0);
    expect(
      await h.prisma.application.count({
        where: { id: { in: uncommitted }, status: 'in-disbursement' },
      }),
    ).toBe(40);
    expect(
      await h.prisma.application.count({ where: { id: { in: newcomers }, status: 'approved' } }),
    ).toBe(0);

    // The backstop exists, and nothing above ever needed it: a raw attempt to pay one fen more
    // than the budget is refused by the database itself.
    const raw = await h.prisma.$executeRaw`
        UPDATE programme_budget SET paid_fen = paid_fen + 1 WHERE id = ${after.id}::uuid`.then(
      () => null,
      (error: unknown) => error,
    );
    expect(isCheckViolation(raw, 'programme_budget_within_budget')).toBe(true);

    console.info(
      `[payment-concurrency] ${h.db.kind}: 100 payments + 20 approvals in ${elapsedMs} ms; ` +
        `${paidIds.length} paid, ${paymentRefusals.length} + ${approvalRefusals.length} refused; ` +
        `${seen.samples} budget samples, max paid ${seen.maxPaid} ≤ budget ${budgetFen}`,
    );
  }, 180_000);
});
