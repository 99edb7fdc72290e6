import { describe, expect, it } from 'vitest';
import type { AwardApplicant } from '../../../src';
import { planReplay, replayOrder, yuan } from '../../../src';
import { OTHER_FIRM } from '../fixtures';
import { firm, handFixture, historical, PERIOD, transfer } from './fixtures';

describe('planReplay', () => {
  it('holds the applications in replay order and counts those outside the period', () => {
    const apps = [
      transfer('T-2027', 'HT-9', yuan(1_000_000), '2026-12-20', '2027-01-05'),
      ...handFixture().reverse(),
    ];
    const plan = planReplay(apps, PERIOD);
    expect(plan.sources).toEqual(replayOrder(apps, PERIOD));
    expect(plan.outsidePeriod).toBe(1);
    expect(plan.owners).toHaveLength(17);
  });

  it('numbers owners by kind and id, and programmes by rule, in order of first appearance', () => {
    const researcher: AwardApplicant = {
      kind: 'researcher',
      // The same id as an organisation's: another owner all the same.
      id: firm(1).id,
      name: '李明',
      insideCity: true,
    };
    const apps = [
      transfer('a', 'HT-1', yuan(1), '2026-02-01', '2026-02-01', firm(1)),
      transfer('b', 'HT-2', yuan(1), '2026-02-01', '2026-02-02', firm(2)),
      historical('c', 'incubator', { appliedOn: '2026-02-03', applicant: OTHER_FIRM }),
      transfer('d', 'HT-1', yuan(1), '2026-02-01', '2026-02-04', firm(1)),
      historical('e', 'innovation-contest', { appliedOn: '2026-02-05', applicant: researcher }),
    ];
    const plan = planReplay(apps, PERIOD);
    expect([...plan.owners]).toEqual([0, 1, 2, 0, 3]);
    expect(plan.ownerCount).toBe(4);
    expect([...plan.programmes]).toEqual([0, 0, 1, 0, 2]);
    expect(plan.programmeCount).toBe(3);
  });

  it('guesses each quota year from the submission date (NaN for a date that is not one)', () => {
    const apps = [
      transfer('a', 'HT-1', yuan(1), '2026-02-01', '2026-02-01'),
      transfer('b', 'HT-2', yuan(1), '2026-02-01', '2027-02-01'),
      transfer('c', 'HT-3', yuan(1), '2026-02-01', 'x-02-01'),
    ];
    const plan = planReplay(apps, { from: '2026-01-01', to: 'z' });
    expect([...plan.submittedYears]).toEqual([2026, 2027, Number.NaN]);
  });
});
