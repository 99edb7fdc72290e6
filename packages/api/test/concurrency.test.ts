import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUZHOU_FUTURE_2026_DRAFT, organisationProfileSchema } from '@kc/domain';
import { encodeJson } from '../src/awards/codec';
import { SCENARIO_EVIDENCE, firmApplicant, scenarioInput } from './awards-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/**
 * `n` scenario-case applications waiting for the bureau's decision, from one firm, each for a
 * different selected case. Written straight to the database (the review path itself is tested in
 * awards.test.ts); the approval still runs the engine on them.
 */
async function applicationsAtBureauReview(n: number) {
  const firm = await firmApplicant(h);
  const evidence = await Promise.all(SCENARIO_EVIDENCE.map((k) => firm.upload(k)));
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const app = await h.prisma.application.create({
      data: {
        number: `SZKC-2026-9${String(i).padStart(5, '0')}`,
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
        applicantUserId: firm.userId,
        organisationId: firm.org.id,
        ruleId: 'scenario-case',
        policySetId: SUZHOU_FUTURE_2026_DRAFT.id,
        policyVersion: SUZHOU_FUTURE_2026_DRAFT.version,
        status: 'bureau-review',
        input: encodeJson(scenarioInput(`并发评选案例第${i + 1}号`)),
        areaCode: organisationProfileSchema.shape.areaCode.parse(firm.org.areaCode),
        year: 2026,
        computedAmountFen: 20_000_000n,
        submittedAt: new Date('2026-11-20T02:00:00Z'),
        evidence: {
          create: evidence.map((e) => ({
            fileId: e.fileId,
            kind: e.kind,
            createdAt: h.clock.now,
          })),
        },
      },
    });
    ids.push(app.id);
  }
  return ids;
}

describe('quotas and budgets hold when many officers act at once', () => {
  it('approves exactly 10 of 50 scenario cases approved at the same moment, and refuses 40 clearly', async () => {
    // Enough budget that the quota, not the money, is what binds.
    await h.prisma.programmeBudget.update({
      where: { ruleId_year: { ruleId: 'scenario-case', year: 2026 } },
      data: { budgetFen: 100_000_000_00n },
    });
    const ids = await applicationsAtBureauReview(50);
    const [admin, reviewer] = await Promise.all([h.officer('admin'), h.officer('reviewer')]);
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        (i % 2 ? admin : reviewer).review.act.mutate({
          applicationId: id,
          action: 'approve',
          expectedVersion: 1,
        }),
      ),
    );
    const approved = results.filter((r) => r.status === 'fulfilled');
    const refusals = await Promise.all(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => failure(() => Promise.reject((r as PromiseRejectedResult).reason))),
    );
    expect(approved).toHaveLength(10);
    expect(refusals).toHaveLength(40);
    expect(new Set(refusals.map((r) => r.appCode))).toEqual(new Set(['QUOTA_EXCEEDED']));
    expect(refusals[0]?.message).toContain('10');

    const budget = await h.prisma.programmeBudget.findUniqueOrThrow({
      where: { ruleId_year: { ruleId: 'scenario-case', year: 2026 } },
    });
    expect(budget.approvedCount).toBe(10);
    expect(budget.committedFen).toBe(10n * 20_000_000n);
    expect(
      await h.prisma.application.count({ where: { id: { in: ids }, status: 'approved' } }),
    ).toBe(10);
    expect(
      await h.prisma.ledgerEntry.count({ where: { applicationId: { in: ids }, kind: 'commit' } }),
    ).toBe(10);
  }, 120_000);
});
