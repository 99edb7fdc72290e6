import { describe, expect, it } from 'vitest';
import {
  planDecision,
  proposeDecision,
  policyRule,
  policySetFor,
  selectionCostFen,
  yuan,
  type CostBasis,
  type DecisionCandidate,
  type DecisionChoice,
  type DecisionLimits,
} from '../../src';

/** 拟定结果 (issue 14): choices against the ranking, the quota, the yearly ceiling and the budget. */
const set = policySetFor('2026-06-01');
const scenarioRule = set ? policyRule(set, 'scenario-case') : undefined;
const talentRule = set ? policyRule(set, 'talent-team') : undefined;
const scenarioCost: CostBasis = { kind: 'award', formula: scenarioRule!.formula };
const talentCost: CostBasis = { kind: 'award', formula: talentRule!.formula };

const candidate = (n: number, rank: number | null, extra: Partial<DecisionCandidate> = {}) => ({
  id: `s${n}`,
  label: `SB-${n}`,
  rank,
  ...extra,
});
const noLimits: DecisionLimits = { quota: null, yearly: null, budgetFen: null };
const choose = (
  selected: number[],
  all: number[],
  extra: Record<number, Partial<DecisionChoice>> = {},
) => all.map((n) => ({ id: `s${n}`, selected: selected.includes(n), ...extra[n] }));

describe('planDecision', () => {
  const four = [candidate(1, 1), candidate(2, 2), candidate(3, 3), candidate(4, null)];

  it('as ranked: no departure, the cost is the award times the count', () => {
    const plan = planDecision({
      candidates: four,
      choices: choose([1, 2], [1, 2, 3, 4]),
      limits: noLimits,
      cost: scenarioCost,
      categorised: false,
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.selectedCount).toBe(2);
    // 2 × ¥200,000 = ¥400,000 = 40,000,000 fen
    expect(plan.totalFen).toBe(yuan(400_000));
    expect(plan.decided.every((d) => d.departures.length === 0)).toBe(true);
    expect(plan.decided.find((d) => d.id === 's3')).toMatchObject({ selected: false, costFen: 0n });
  });

  it('skipping the second for the third needs a reason on both, naming the ranks', () => {
    const plan = planDecision({
      candidates: four,
      choices: choose([1, 3], [1, 2, 3, 4]),
      limits: noLimits,
      cost: scenarioCost,
      categorised: false,
    });
    expect(plan).toMatchObject({ ok: false, code: 'DEPARTURE_REASON_REQUIRED' });
    if (plan.ok) return;
    expect(plan.fieldErrors.s2).toEqual(['SB-2：排名第2，未入选，而排名第3的SB-3入选，须写明理由']);
    expect(plan.fieldErrors.s3).toEqual(['SB-3：排名第3，入选，而排名第2的SB-2未入选，须写明理由']);
    expect(plan.fieldErrors.s1).toBeUndefined();

    const withReasons = planDecision({
      candidates: four,
      choices: choose([1, 3], [1, 2, 3, 4], {
        2: { reason: '公示前核实，该案例尚未投入运行' },
        3: { reason: '依次递补' },
      }),
      limits: noLimits,
      cost: scenarioCost,
      categorised: false,
    });
    expect(withReasons.ok).toBe(true);
    if (!withReasons.ok) return;
    expect(withReasons.decided.find((d) => d.id === 's2')).toMatchObject({
      departures: ['排名第2，未入选，而排名第3的SB-3入选'],
      reason: '公示前核实，该案例尚未投入运行',
    });
  });

  it('a tie at the line: leaving out one of the tied needs a reason', () => {
    const tied = [candidate(1, 1), candidate(2, 2), candidate(3, 2)];
    const plan = planDecision({
      candidates: tied,
      choices: choose([1, 2], [1, 2, 3]),
      limits: { ...noLimits, quota: 2 },
      cost: scenarioCost,
      categorised: false,
    });
    expect(plan).toMatchObject({ ok: false, code: 'DEPARTURE_REASON_REQUIRED' });
    if (plan.ok) return;
    expect(Object.keys(plan.fieldErrors)).toEqual(['s3']);
  });

  it('a submission without a result cannot be chosen, even with a reason', () => {
    const plan = planDecision({
      candidates: four,
      choices: choose([1, 4], [1, 2, 3, 4], { 4: { reason: '重要' } }),
      limits: noLimits,
      cost: scenarioCost,
      categorised: false,
    });
    expect(plan).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (plan.ok) return;
    expect(plan.fieldErrors.s4).toEqual(['SB-4有效评分不足，没有评审结果，不能入选']);
  });

  it('every submission must be decided, once', () => {
    expect(
      planDecision({
        candidates: four,
        choices: choose([1], [1, 2, 3]),
        limits: noLimits,
        cost: scenarioCost,
        categorised: false,
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('SB-4') });
    expect(
      planDecision({
        candidates: four,
        choices: [...choose([1], [1, 2, 3, 4]), { id: 's1', selected: false }],
        limits: noLimits,
        cost: scenarioCost,
        categorised: false,
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it("holds the call's quota and the plan's yearly ceiling across calls", () => {
    const eleven = Array.from({ length: 11 }, (_, i) => candidate(i + 1, i + 1));
    const all = eleven.map((_, i) => i + 1);
    expect(
      planDecision({
        candidates: eleven,
        choices: choose(all, all),
        limits: { ...noLimits, quota: 10 },
        cost: scenarioCost,
        categorised: false,
      }),
    ).toMatchObject({ ok: false, code: 'QUOTA_EXCEEDED', message: '本指南拟支持10项，现选了11项' });
    // Another call of the year already holds 7: this one may take 3 of the 10.
    const four = all.slice(0, 4);
    expect(
      planDecision({
        candidates: eleven,
        choices: choose(four, all),
        limits: { quota: 10, yearly: { limit: 10, heldElsewhere: 7 }, budgetFen: null },
        cost: scenarioCost,
        categorised: false,
      }),
    ).toMatchObject({
      ok: false,
      code: 'QUOTA_EXCEEDED',
      message: '每年不超过10项，本年度其他指南已拟定入选7项，本指南最多还能选3项',
    });
    expect(
      planDecision({
        candidates: eleven,
        choices: choose(all.slice(0, 3), all),
        limits: { quota: 10, yearly: { limit: 10, heldElsewhere: 7 }, budgetFen: null },
        cost: scenarioCost,
        categorised: false,
      }).ok,
    ).toBe(true);
  });

  it('holds the budget to the fen', () => {
    const projects = [
      candidate(1, 1, { requestedFen: 30_000_000n }),
      candidate(2, 2, { requestedFen: 20_000_001n }),
    ];
    const requested: CostBasis = { kind: 'requested' };
    // 300,000.00 + 200,000.01 = 500,000.01 > 500,000.00
    expect(
      planDecision({
        candidates: projects,
        choices: choose([1, 2], [1, 2]),
        limits: { ...noLimits, budgetFen: 50_000_000n },
        cost: requested,
        categorised: false,
      }),
    ).toMatchObject({
      ok: false,
      code: 'OVER_BUDGET',
      message: '入选项目所需资金合计¥500,000.01，超过本指南预算¥500,000.00',
    });
    const fits = planDecision({
      candidates: projects,
      choices: choose([1, 2], [1, 2]),
      limits: { ...noLimits, budgetFen: 50_000_001n },
      cost: requested,
      categorised: false,
    });
    expect(fits).toMatchObject({ ok: true, totalFen: 50_000_001n });
  });

  it('talent teams: a category is required, and one other than the band needs a reason', () => {
    const teams = [candidate(1, 1, { band: 'A' }), candidate(2, 2, { band: 'C' })];
    expect(
      planDecision({
        candidates: teams,
        choices: choose([1, 2], [1, 2], { 1: { category: 'A' } }),
        limits: noLimits,
        cost: talentCost,
        categorised: true,
      }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fieldErrors: { s2: ['请为SB-2确定团队类别'] },
    });
    const upgraded = planDecision({
      candidates: teams,
      choices: choose([1, 2], [1, 2], { 1: { category: 'A' }, 2: { category: 'B' } }),
      limits: noLimits,
      cost: talentCost,
      categorised: true,
    });
    expect(upgraded).toMatchObject({
      ok: false,
      code: 'DEPARTURE_REASON_REQUIRED',
      fieldErrors: { s2: ['SB-2：评审结果对应C类，拟定为B类，须写明理由'] },
    });
    const asBanded = planDecision({
      candidates: teams,
      choices: choose([1, 2], [1, 2], { 1: { category: 'A' }, 2: { category: 'C' } }),
      limits: noLimits,
      cost: talentCost,
      categorised: true,
    });
    // A ¥3,000,000 + C ¥1,000,000
    expect(asBanded).toMatchObject({ ok: true, totalFen: yuan(4_000_000) });
  });
});

describe('selectionCostFen', () => {
  it('reads the award from the rule: fixed, or the tier of the category', () => {
    const c = candidate(1, 1);
    expect(selectionCostFen(scenarioCost, c, null)).toBe(yuan(200_000));
    expect(selectionCostFen(talentCost, c, 'B')).toBe(yuan(2_000_000));
    expect(selectionCostFen(talentCost, c, null)).toBe(0n);
    expect(selectionCostFen({ kind: 'requested' }, { ...c, requestedFen: 123n }, null)).toBe(123n);
  });
});

describe('proposeDecision', () => {
  it('takes the ranking in order while the quota and budget allow, and stops at a tie that does not fit', () => {
    const cands = [
      candidate(1, 1),
      candidate(2, 2),
      candidate(3, 3),
      candidate(4, 3),
      candidate(5, null),
    ];
    const picked = (choices: DecisionChoice[]) =>
      choices.filter((c) => c.selected).map((c) => c.id);
    expect(
      picked(
        proposeDecision({
          candidates: cands,
          limits: { ...noLimits, quota: 3 },
          cost: scenarioCost,
          categorised: false,
        }),
      ),
    ).toEqual(['s1', 's2']);
    expect(
      picked(
        proposeDecision({
          candidates: cands,
          limits: { ...noLimits, quota: 4 },
          cost: scenarioCost,
          categorised: false,
        }),
      ),
    ).toEqual(['s1', 's2', 's3', 's4']);
    // ¥500,000 buys two cases of ¥200,000.
    expect(
      picked(
        proposeDecision({
          candidates: cands,
          limits: { ...noLimits, budgetFen: yuan(500_000) },
          cost: scenarioCost,
          categorised: false,
        }),
      ),
    ).toEqual(['s1', 's2']);
    // What it proposes, planDecision accepts without a reason.
    const choices = proposeDecision({
      candidates: cands,
      limits: { ...noLimits, quota: 3 },
      cost: scenarioCost,
      categorised: false,
    });
    expect(
      planDecision({
        candidates: cands,
        choices,
        limits: { ...noLimits, quota: 3 },
        cost: scenarioCost,
        categorised: false,
      }).ok,
    ).toBe(true);
  });

  it('talent teams: only those in a band, at their band', () => {
    const teams = [candidate(1, 1, { band: 'B' }), candidate(2, 2, { band: null })];
    expect(
      proposeDecision({ candidates: teams, limits: noLimits, cost: talentCost, categorised: true }),
    ).toEqual([
      { id: 's1', selected: true, category: 'B' },
      { id: 's2', selected: false, category: null },
    ]);
  });
});
