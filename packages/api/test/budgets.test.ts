import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { submittedScenario, toBureauReview } from './awards-support';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const WAN = 10_000n * 100n;
const AWARD = 20n * WAN;

describe('budgets.list', () => {
  it('shows every programme of the year with its budget, commitments and quota, to any officer', async () => {
    const { application } = await submittedScenario(h, '预算列表案例');
    const atBureau = await toBureauReview(h, application.id);
    const reviewer = await h.officer('reviewer');
    await reviewer.review.act.mutate({
      applicationId: application.id,
      action: 'approve',
      expectedVersion: atBureau.version,
    });

    for (const username of ['finance', 'yongqiao']) {
      const officer = await h.officer(username);
      const { items, totals } = await officer.budgets.list.query({ year: 2026 });
      expect(items).toHaveLength(11);
      expect(items.find((i) => i.ruleId === 'scenario-case')).toMatchObject({
        clause: '四.1',
        ruleName: expect.stringContaining('场景'),
        isSet: true,
        budgetFen: 200n * WAN,
        committedFen: AWARD,
        paidFen: 0n,
        remainingFen: 200n * WAN - AWARD,
        approvedCount: 1,
        yearlyQuota: 10,
      });
      expect(items.find((i) => i.ruleId === 'tech-transfer')).toMatchObject({
        clause: '四.8',
        yearlyQuota: null,
      });
      expect(totals.committedFen).toBe(AWARD);
    }

    const next = await (await h.officer('finance')).budgets.list.query({ year: 2027 });
    expect(next.items).toHaveLength(11);
    expect(next.items.every((i) => !i.isSet && i.budgetFen === null)).toBe(true);
    expect(next.totals.budgetFen).toBe(0n);
  });
});

describe('budgets.set', () => {
  it('creates a budget, then changes it, each audited with the old and new amounts', async () => {
    const admin = await h.officer('admin');
    const created = await admin.budgets.set.mutate({
      ruleId: 'talent-team',
      year: 2027,
      budgetFen: 600n * WAN,
      note: '宿财预〔2027〕1号',
    });
    expect(created).toMatchObject({
      previousBudgetFen: null,
      budgetFen: 600n * WAN,
      remainingFen: 600n * WAN,
    });
    const changed = await admin.budgets.set.mutate({
      ruleId: 'talent-team',
      year: 2027,
      budgetFen: 500n * WAN,
    });
    expect(changed).toMatchObject({ previousBudgetFen: 600n * WAN, budgetFen: 500n * WAN });
    const listed = await admin.budgets.list.query({ year: 2027 });
    expect(listed.items.find((i) => i.ruleId === 'talent-team')).toMatchObject({
      isSet: true,
      budgetFen: 500n * WAN,
    });
    const audit = await h.prisma.auditLog.findMany({
      where: { action: 'budget.set', objectType: 'programme-budget' },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.details)).toEqual([
      expect.objectContaining({
        ruleId: 'talent-team',
        year: 2027,
        oldBudgetFen: null,
        newBudgetFen: (600n * WAN).toString(),
        note: '宿财预〔2027〕1号',
      }),
      expect.objectContaining({
        oldBudgetFen: (600n * WAN).toString(),
        newBudgetFen: (500n * WAN).toString(),
      }),
    ]);
  });

  it('never goes below what is committed and paid, and says the figures', async () => {
    const admin = await h.officer('admin');
    const row = await h.prisma.programmeBudget.findUniqueOrThrow({
      where: { ruleId_year: { ruleId: 'scenario-case', year: 2026 } },
    });
    expect(row.committedFen).toBe(AWARD);
    const refused = await failure(() =>
      admin.budgets.set.mutate({ ruleId: 'scenario-case', year: 2026, budgetFen: AWARD - 1n }),
    );
    expect(refused.appCode).toBe('BUDGET_BELOW_SPENT');
    expect(refused.message).toContain('¥200,000.00');
    expect(refused.message).toContain('¥199,999.99');
    expect(
      (await h.prisma.programmeBudget.findUniqueOrThrow({ where: { id: row.id } })).budgetFen,
    ).toBe(row.budgetFen);

    // Exactly what is spent is allowed: nothing is left to approve.
    const exact = await admin.budgets.set.mutate({
      ruleId: 'scenario-case',
      year: 2026,
      budgetFen: AWARD,
    });
    expect(exact).toMatchObject({ budgetFen: AWARD, remainingFen: 0n });
    await admin.budgets.set.mutate({
      ruleId: 'scenario-case',
      year: 2026,
      budgetFen: row.budgetFen,
    });
  });

  it('refuses an unknown programme, a negative amount and anyone but the bureau admin', async () => {
    const admin = await h.officer('admin');
    expect(
      (
        await failure(() =>
          admin.budgets.set.mutate({ ruleId: 'no-such-rule', year: 2026, budgetFen: WAN }),
        )
      ).appCode,
    ).toBe('UNKNOWN_PROGRAMME');
    expect(
      (
        await failure(() =>
          admin.budgets.set.mutate({ ruleId: 'incubator', year: 2026, budgetFen: -1n }),
        )
      ).appCode,
    ).toBe('INVALID_INPUT');
    for (const username of ['reviewer', 'yongqiao', 'finance']) {
      const officer = await h.officer(username);
      const result = await failure(() =>
        officer.budgets.set.mutate({ ruleId: 'incubator', year: 2026, budgetFen: WAN }),
      );
      expect(result.appCode).toBe('FORBIDDEN');
    }
    const applicant = await h.applicant();
    expect((await failure(() => applicant.budgets.list.query({ year: 2026 }))).appCode).toBe(
      'FORBIDDEN',
    );
    const incubator = await h.prisma.programmeBudget.findUniqueOrThrow({
      where: { ruleId_year: { ruleId: 'incubator', year: 2026 } },
    });
    expect(incubator.budgetFen).toBe(100n * WAN);
  });
});
