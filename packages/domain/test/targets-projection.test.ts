import { describe, expect, it } from 'vitest';
import { PROJECTION_LABEL, projectTargets } from '../src/targets-projection';

describe('projectTargets (政策沙盘 2030 estimate)', () => {
  // One full year replayed (2026), projected from 2026-12-07.
  const input = {
    period: { from: '2026-01-01', to: '2026-12-31' },
    asOf: '2026-12-07',
    currentValues: {
      'high-tech-enterprises': 20,
      'talent-teams': 3,
      'scenario-cases': 2,
      'innovation-platforms': 1,
      'tech-smes': 40,
    },
    eligible: [
      { ruleId: 'scenario-case', eligibleBase: 2, eligibleProposed: 4 },
      { ruleId: 'talent-team', eligibleBase: 1, eligibleProposed: 1 },
    ],
  };

  it('projects each counted target at each version’s yearly rate, rounded down', () => {
    const cases = projectTargets(input).find((p) => p.targetId === 'scenario-cases');
    // 365 days in the period; 2026-12-07 → 2030-12-31 is 1,485 days.
    // base: 2 + floor(2 × 1485 / 365) = 2 + 8 = 10; proposed: 2 + floor(4 × 1485 / 365) = 2 + 16 = 18
    expect(cases?.series.at(-1)).toEqual({ year: 2030, base: 10, proposed: 18 });
    // the end of 2026 is 24 days ahead: 2 + floor(2 × 24 / 365) = 2
    expect(cases?.series[0]).toEqual({ year: 2026, base: 2, proposed: 2 });
    expect(cases?.series.map((p) => p.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(cases).toMatchObject({
      changed: true,
      figure: 5,
      baseReached: true,
      proposedReached: true,
    });
  });

  it('says which lines an amendment moves, and leaves out what the platform does not count', () => {
    const all = projectTargets(input);
    expect(all.find((p) => p.targetId === 'talent-teams')?.changed).toBe(false);
    // A programme with nothing in the period: the line stays at today's value.
    const platforms = all.find((p) => p.targetId === 'innovation-platforms');
    expect(platforms?.series.at(-1)).toEqual({ year: 2030, base: 1, proposed: 1 });
    expect(platforms?.baseReached).toBe(false);
    // tech SMEs count a list, not a programme's awards; industry scale is not measured.
    expect(all.map((p) => p.targetId)).toEqual([
      'high-tech-enterprises',
      'talent-teams',
      'scenario-cases',
      'innovation-platforms',
    ]);
    expect(PROJECTION_LABEL).toContain('估算');
  });
});
