import { describe, expect, it } from 'vitest';
import {
  compareOutcomes,
  compareReplays,
  explainOutcome,
  explainRow,
  outcomesOf,
  planReplay,
  replay,
  replayOutcomes,
  replayOutcomesSideBySide,
  yuan,
} from '../../../src';
import { DRAFT, OTHER_FIRM } from '../fixtures';
import { handFixture, historical, PERIOD, PROPOSED, transfer } from './fixtures';

// The hand fixture, with a case another firm already had paid and a contract paid again.
const apps = () => [
  ...handFixture(),
  historical('S01-again', 'scenario-case', {
    appliedOn: '2026-08-01',
    applicant: OTHER_FIRM,
    input: { caseName: '应用场景案例01', selectedOn: '2026-06-18' },
  }),
  transfer('T1b', 'HT-1', yuan(2_500_000), '2026-06-01', '2026-06-05'),
];

describe('replayOutcomes', () => {
  it('keeps, row by row, what `replay` decides: eligible, amount, history', () => {
    for (const set of [DRAFT, PROPOSED]) {
      const lean = replayOutcomes(planReplay(apps(), PERIOD), set);
      const full = replay(apps(), set, PERIOD);
      expect(lean.sources.map((s) => s.application.id)).toEqual(
        full.rows.map((row) => row.applicationId),
      );
      expect([...lean.eligible]).toEqual(full.rows.map((row) => (row.decision.eligible ? 1 : 0)));
      expect(lean.amounts).toEqual(full.rows.map((row) => row.decision.amount));
      expect(full.rows.map((_, at) => lean.histories.at(at))).toEqual(
        full.rows.map((row) => row.history),
      );
      const { histories, ...rest } = outcomesOf(full);
      const { histories: leanHistories, ...leanRest } = lean;
      expect(rest).toEqual(leanRest);
      expect(full.rows.map((_, at) => histories.at(at))).toEqual(
        full.rows.map((_, at) => leanHistories.at(at)),
      );
    }
  });

  it('explains a row as `explainRow` does', () => {
    const lean = replayOutcomes(planReplay(apps(), PERIOD), DRAFT);
    const full = replay(apps(), DRAFT, PERIOD);
    full.rows.forEach((row, at) => {
      expect(explainOutcome(lean, at), row.applicationId).toEqual(explainRow(full, row));
    });
  });
});

describe('replayOutcomesSideBySide', () => {
  it('replays each version as if alone: eligible, amount and history, row by row', () => {
    const plan = planReplay(apps(), PERIOD);
    const together = replayOutcomesSideBySide(plan, [DRAFT, PROPOSED, DRAFT]);
    [DRAFT, PROPOSED, DRAFT].forEach((set, version) => {
      const alone = replayOutcomes(planReplay(apps(), PERIOD), set);
      const side = together[version]!;
      expect(side.policySet).toEqual(alone.policySet);
      expect([...side.eligible]).toEqual([...alone.eligible]);
      expect(side.amounts).toEqual(alone.amounts);
      expect(alone.sources.map((_, at) => side.histories.at(at))).toEqual(
        alone.sources.map((_, at) => alone.histories.at(at)),
      );
    });
    // The amendment changes what is paid: the versions' histories are their own.
    expect(together[1]!.amounts).not.toEqual(together[0]!.amounts);
  });
});

describe('compareOutcomes', () => {
  it('compares as `compareReplays` does', () => {
    const plan = planReplay(apps(), PERIOD);
    const options = { budgetsFen: { 'tech-transfer': yuan(1_500_000) }, largest: 5 };
    expect(
      compareOutcomes(replayOutcomes(plan, DRAFT), replayOutcomes(plan, PROPOSED), options),
    ).toEqual(
      compareReplays(replay(apps(), DRAFT, PERIOD), replay(apps(), PROPOSED, PERIOD), options),
    );
  });

  it('refuses outcomes of other applications, row by row', () => {
    const base = replayOutcomes(planReplay(apps(), PERIOD), DRAFT);
    const swapped = apps();
    // Same count, same days, but two applications' ids swapped.
    const [a, b] = [swapped[0]!, swapped[1]!];
    swapped[0] = { ...a, application: { ...a.application, id: b.application.id } };
    swapped[1] = { ...b, application: { ...b.application, id: a.application.id } };
    const proposed = replayOutcomes(planReplay(swapped, PERIOD), PROPOSED);
    expect(() => compareOutcomes(base, proposed)).toThrow(/row 0 is T1 in one, T2 in the other/);
  });
});
