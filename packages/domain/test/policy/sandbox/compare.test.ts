import { describe, expect, it } from 'vitest';
import {
  compareReplays,
  planReplay,
  replay,
  replayOutcomes,
  runSandbox,
  sandboxChecksum,
  yuan,
} from '../../../src';
import { DRAFT } from '../fixtures';
import { AMENDMENT, handFixture, PERIOD, PROPOSED } from './fixtures';

// Figures worked out by hand in fixtures.ts (`handFixture`).
const result = () =>
  runSandbox({
    applications: handFixture(),
    period: PERIOD,
    current: DRAFT,
    proposed: PROPOSED,
    amendment: AMENDMENT,
    // 四.8's budget for 2026: ¥1,500,000.
    budgetsFen: { 'tech-transfer': yuan(1_500_000) },
    largest: 6,
  });

describe('compareReplays', () => {
  it('totals both versions: ¥3,450,000 → ¥4,200,000, 3 more eligible, 1 fewer', () => {
    expect(result().totals).toEqual({
      applications: 17,
      eligibleBase: 14,
      eligibleProposed: 16,
      becameEligible: 3,
      becameIneligible: 1,
      // T2 and T3a: eligible under both, paid more.
      amountChanged: 2,
      baseFen: yuan(3_450_000),
      proposedFen: yuan(4_200_000),
      deltaFen: yuan(750_000),
    });
  });

  it('splits by programme, in clause order, against the budget where one is given', () => {
    const rows = result().byProgramme;
    expect(rows.map((r) => [r.clause, r.ruleId])).toEqual([
      ['四.1', 'scenario-case'],
      ['四.8', 'tech-transfer'],
      ['四.9', 'incubator'],
    ]);
    const [scenario, transfer, incubator] = rows;
    // Quota 10 → 12: S11 and S12 become eligible, +2 × ¥200,000.
    expect(scenario).toMatchObject({
      applications: 12,
      becameEligible: 2,
      becameIneligible: 0,
      baseFen: yuan(2_000_000),
      proposedFen: yuan(2_400_000),
      deltaFen: yuan(400_000),
    });
    expect(scenario?.budgetFen).toBeUndefined();
    // ¥1,300,000 → ¥1,800,000; budget ¥1,500,000: ¥200,000 to spare now, ¥300,000 over then.
    expect(transfer).toMatchObject({
      applications: 4,
      becameEligible: 1,
      amountChanged: 2,
      baseFen: yuan(1_300_000),
      proposedFen: yuan(1_800_000),
      deltaFen: yuan(500_000),
      budgetFen: yuan(1_500_000),
      baseOverBudgetFen: -yuan(200_000),
      proposedOverBudgetFen: yuan(300_000),
    });
    // 180 days: I1 (234 days after recognition) is no longer paid.
    expect(incubator).toMatchObject({
      becameIneligible: 1,
      baseFen: yuan(150_000),
      proposedFen: 0n,
      deltaFen: -yuan(150_000),
    });
  });

  it('splits by area, in the order of the reference list', () => {
    const rows = result().byArea;
    expect(rows.map((r) => [r.areaName, r.baseFen, r.proposedFen])).toEqual([
      // S02, S04 … S12: six cases, five paid now (S12 over the quota), six then.
      ['埇桥区', yuan(1_000_000), yuan(1_200_000)],
      ['砀山县', yuan(150_000), 0n],
      // S01, S03 … S11.
      ['萧县', yuan(1_000_000), yuan(1_200_000)],
      ['宿州高新技术产业开发区', yuan(1_300_000), yuan(1_800_000)],
    ]);
    expect(rows.find((r) => r.areaCode === 'yongqiao')?.becameEligible).toBe(1);
  });

  it('explains the largest changes under both versions, largest first, ties in replay order', () => {
    const changes = result().largestChanges;
    expect(changes.map((c) => [c.applicationId, c.deltaFen])).toEqual([
      ['T2', yuan(200_000)],
      ['T3b', yuan(200_000)],
      ['S11', yuan(200_000)],
      ['S12', yuan(200_000)],
      ['I1', -yuan(150_000)],
      ['T3a', yuan(100_000)],
    ]);
    const t2 = changes[0]!;
    expect(t2.base.amount).toBe(yuan(500_000));
    expect(t2.proposed.amount).toBe(yuan(700_000));
    expect(t2.base.explanation.capsApplied).toContain('按上限核减：¥700,000.00 → ¥500,000.00');
    expect(t2.proposed.explanation.capsApplied).toEqual([
      '单项成果累计补助上限 ¥800,000.00，已获补助 ¥0.00，本次最多 ¥800,000.00',
    ]);
    const t3b = changes[1]!;
    expect(t3b.base.refusals[0]?.message).toContain('已累计获得补助 ¥500,000.00');
    expect(t3b.proposed.explanation.capsApplied).toContain(
      '单项成果累计补助上限 ¥800,000.00，已获补助 ¥600,000.00，本次最多 ¥200,000.00',
    );
    expect(changes[4]?.proposed.refusals.map((r) => r.code)).toEqual(['APPLICATION_WINDOW_PASSED']);
    expect(changes[4]?.proposed.explanation.version).toBe('2027.1-sandbox');
  });

  it('lists every application decided the other way, for the adoption to tell its applicant', () => {
    const changes = result().eligibilityChanges;
    expect(changes).toHaveLength(4);
    expect(
      changes
        .map((c) => [c.applicationId, c.ruleId, c.becameEligible])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    ).toEqual([
      ['I1', 'incubator', false],
      ['S11', 'scenario-case', true],
      ['S12', 'scenario-case', true],
      ['T3b', 'tech-transfer', true],
    ]);
  });

  it('measures the base replay against recorded amounts', () => {
    const apps = handFixture().map((a) =>
      a.application.id === 'T1'
        ? { ...a, recordedAmount: yuan(300_000) }
        : a.application.id === 'T2'
          ? // An officer lowered it: the replay pays the engine's ¥500,000.
            { ...a, recordedAmount: yuan(450_000) }
          : a,
    );
    const r = compareReplays(replay(apps, DRAFT, PERIOD), replay(apps, PROPOSED, PERIOD));
    expect(r.recorded).toEqual({ compared: 2, differing: 1 });
  });

  it('refuses to compare replays of different applications', () => {
    const apps = handFixture();
    expect(() =>
      compareReplays(replay(apps, DRAFT, PERIOD), replay(apps.slice(1), PROPOSED, PERIOD)),
    ).toThrow(/different applications/);
  });

  it('carries the checksum of its inputs and outcomes', () => {
    const r = result();
    const plan = planReplay(handFixture(), PERIOD);
    expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(r.checksum).toBe(
      sandboxChecksum({
        applications: handFixture(),
        period: PERIOD,
        currentId: DRAFT.id,
        proposedId: PROPOSED.id,
        amendment: AMENDMENT,
        budgetsFen: { 'tech-transfer': yuan(1_500_000) },
        outcomes: { base: replayOutcomes(plan, DRAFT), proposed: replayOutcomes(plan, PROPOSED) },
      }),
    );
  });
});
