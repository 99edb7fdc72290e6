import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SELECTION_SETTINGS_VERSIONS,
  drawPanel,
  nextReserve,
  type DrawInput,
  type ExpertFacts,
  type SelectionSettings,
} from '../../src';

/**
 * The panel draw (issue 14, 专家评审): no excluded expert is ever drawn, the seed alone decides,
 * and every eligible expert has the same chance. The exclusions are checked here against the
 * facts directly, not through the module's own `exclusionsOf`.
 */
const base = SELECTION_SETTINGS_VERSIONS[0] as SelectionSettings;
const withPanel = (size: number, reserves: number, excludeLastYearReviewers = true) => ({
  ...base,
  panel: { size, reserves, excludeLastYearReviewers },
});

const FIELDS = ['low-carbon-energy', 'biomanufacturing', 'future-network'];
const UNITS = [
  '宿州学院',
  '宿州职业技术学院',
  '安徽宿氢新能源科技有限公司',
  '宿州智造有限公司',
  '淮北师范大学',
];
const PEOPLE = ['张伟', '李娜', '王强', '刘洋'];

const expertArb = (i: number) =>
  fc.record({
    id: fc.constant(`e${String(i).padStart(3, '0')}`),
    status: fc.constantFrom('active', 'active', 'active', 'pending', 'suspended'),
    fieldCodes: fc.subarray(FIELDS, { minLength: 1 }),
    units: fc.constantFrom(...UNITS).map((u) => [u]),
    conflicts: fc.subarray([...UNITS, ...PEOPLE], { maxLength: 2 }),
  }) as fc.Arbitrary<ExpertFacts>;

const inputArb = fc
  .integer({ min: 0, max: 40 })
  .chain((n) =>
    fc.record({
      experts: fc.tuple(...Array.from({ length: n }, (_, i) => expertArb(i))),
      applications: fc.array(
        fc.record({
          id: fc.uuid(),
          applicantId: fc.constantFrom('org-1', 'org-2', 'org-3'),
          units: fc.subarray(UNITS, { minLength: 1, maxLength: 2 }),
          people: fc.subarray(PEOPLE, { maxLength: 2 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      reviewedLastYear: fc.array(
        fc.record({
          expertId: fc.integer({ min: 0, max: 39 }).map((i) => `e${String(i).padStart(3, '0')}`),
          applicantId: fc.constantFrom('org-1', 'org-2', 'org-3', 'org-9'),
        }),
        { maxLength: 6 },
      ),
      fieldCode: fc.constantFrom(...FIELDS),
      seed: fc.string({ minLength: 1, maxLength: 16 }),
      size: fc.integer({ min: 1, max: 6 }),
      reserves: fc.integer({ min: 0, max: 3 }),
      excludeLastYear: fc.boolean(),
    }),
  )
  .map((g): DrawInput => ({
    group: { fieldCode: g.fieldCode, applications: g.applications },
    experts: g.experts,
    reviewedLastYear: g.reviewedLastYear,
    settings: withPanel(g.size, g.reserves, g.excludeLastYear),
    seed: g.seed,
  }));

/** Whether an expert may review the group, read straight from the facts. */
function mayReview(e: ExpertFacts, input: DrawInput): boolean {
  const apps = input.group.applications;
  return (
    e.status === 'active' &&
    e.fieldCodes.includes(input.group.fieldCode) &&
    !apps.some((a) => e.units.some((u) => a.units.includes(u))) &&
    !apps.some((a) => e.conflicts.some((c) => a.units.includes(c) || a.people.includes(c))) &&
    !(
      input.settings.panel.excludeLastYearReviewers &&
      input.reviewedLastYear.some(
        (r) => r.expertId === e.id && apps.some((a) => a.applicantId === r.applicantId),
      )
    )
  );
}

describe('drawPanel', () => {
  it('never draws an expert who may not review the group, and draws enough when it can', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const eligible = input.experts.filter((e) => mayReview(e, input)).map((e) => e.id);
        const result = drawPanel(input);
        expect([...result.pool].sort()).toEqual([...eligible].sort());
        const { size, reserves } = input.settings.panel;
        if (!result.ok) {
          expect(eligible.length).toBeLessThan(size);
          expect(result.message).toContain(`不足每组${size}人`);
          return;
        }
        const drawn = [...result.members, ...result.reserves];
        for (const id of drawn) expect(eligible).toContain(id);
        expect(new Set(drawn).size).toBe(drawn.length);
        expect(result.members).toHaveLength(size);
        expect(result.reserves).toHaveLength(Math.min(reserves, eligible.length - size));
        // Every expert left out is listed with at least one reason.
        expect(result.excluded.map((x) => x.expertId).sort()).toEqual(
          input.experts
            .filter((e) => !mayReview(e, input))
            .map((e) => e.id)
            .sort(),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same panel for the same seed, whatever order the pool was loaded in', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, shuffleSeed) => {
        const shuffled = [...input.experts].sort(
          (a, b) =>
            ((a.id.charCodeAt(3) * shuffleSeed) % 7) - ((b.id.charCodeAt(3) * shuffleSeed) % 7),
        );
        expect(drawPanel({ ...input, experts: shuffled })).toEqual(drawPanel(input));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives each eligible expert the same chance: size / pool as a member', () => {
    const experts: ExpertFacts[] = Array.from({ length: 20 }, (_, i) => ({
      id: `e${String(i).padStart(2, '0')}`,
      status: 'active',
      fieldCodes: ['low-carbon-energy'],
      units: [`单位${i}`],
      conflicts: [],
    }));
    const input = {
      group: {
        fieldCode: 'low-carbon-energy',
        applications: [{ id: 'a1', applicantId: 'org-1', units: ['申报单位'], people: [] }],
      },
      experts,
      reviewedLastYear: [],
      settings: withPanel(5, 2),
    };
    const draws = 20_000;
    const asMember = new Map<string, number>();
    const asFirstReserve = new Map<string, number>();
    for (let i = 0; i < draws; i++) {
      const r = drawPanel({ ...input, seed: `fair-${i}` });
      if (!r.ok) throw new Error(r.message);
      for (const id of r.members) asMember.set(id, (asMember.get(id) ?? 0) + 1);
      const first = r.reserves[0] as string;
      asFirstReserve.set(first, (asFirstReserve.get(first) ?? 0) + 1);
    }
    // Binomial(20000, 5/20): mean 5000, sd 61; 5 sd either way.
    for (const e of experts) expect(Math.abs((asMember.get(e.id) ?? 0) - 5000)).toBeLessThan(310);
    // Binomial(20000, 1/20): mean 1000, sd 31.
    for (const e of experts)
      expect(Math.abs((asFirstReserve.get(e.id) ?? 0) - 1000)).toBeLessThan(160);
    // And the counts together fit the uniform law (chi-square, 19 degrees of freedom, p ≈ 0.001).
    const chi = experts.reduce((s, e) => s + ((asMember.get(e.id) ?? 0) - 5000) ** 2 / 5000, 0);
    expect(chi).toBeLessThan(43.8);
  });

  it('replays a recorded draw exactly: the generator and the shuffle are fixed for good', () => {
    // Pinned: a change here would make every panel drawn before it unverifiable.
    const experts: ExpertFacts[] = Array.from({ length: 12 }, (_, i) => ({
      id: `e${String(i).padStart(2, '0')}`,
      status: 'active',
      fieldCodes: ['f'],
      units: [`u${i}`],
      conflicts: [],
    }));
    const r = drawPanel({
      group: { fieldCode: 'f', applications: [] },
      experts,
      reviewedLastYear: [],
      settings: base,
      seed: '2026-scenario-1',
    });
    expect(r.ok && [r.members, r.reserves]).toEqual([
      ['e02', 'e11', 'e00', 'e01', 'e06'],
      ['e10', 'e05'],
    ]);
  });

  it('reads units and names as the same whatever their width or spacing', () => {
    const expert: ExpertFacts = {
      id: 'e1',
      status: 'active',
      fieldCodes: ['low-carbon-energy'],
      units: ['宿州学院（东校区）', '12341300MB1957066X'],
      conflicts: ['Ｚhang Wei'],
    };
    const draw = (units: string[], people: string[]) =>
      drawPanel({
        group: {
          fieldCode: 'low-carbon-energy',
          applications: [{ id: 'a', applicantId: 'o', units, people }],
        },
        experts: [expert],
        reviewedLastYear: [],
        settings: withPanel(1, 0),
        seed: 's',
      });
    expect(draw(['宿州学院(东校区)'], []).pool).toEqual([]);
    expect(draw(['其他单位'], ['zhang wei']).pool).toEqual([]);
    expect(draw(['其他单位'], ['李娜']).pool).toEqual(['e1']);
    // The same unit named by its credit code only.
    expect(draw(['12341300mb1957066x'], []).pool).toEqual([]);
  });

  it('replaces a declining member with the first unused reserve, never by hand', () => {
    expect(nextReserve(['r1', 'r2'], [])).toBe('r1');
    expect(nextReserve(['r1', 'r2'], ['r1'])).toBe('r2');
    expect(nextReserve(['r1', 'r2'], ['r1', 'r2'])).toBeNull();
  });

  it('a top-up draw leaves out the experts already drawn', () => {
    const experts: ExpertFacts[] = ['a', 'b', 'c'].map((id) => ({
      id,
      status: 'active',
      fieldCodes: ['f'],
      units: [id],
      conflicts: [],
    }));
    const r = drawPanel({
      group: { fieldCode: 'f', applications: [] },
      experts,
      reviewedLastYear: [],
      alreadyDrawn: ['a', 'b'],
      settings: withPanel(1, 0),
      seed: 'top-up',
    });
    expect(r.ok && r.members).toEqual(['c']);
    expect(r.excluded).toEqual([
      { expertId: 'a', codes: ['already-drawn'] },
      { expertId: 'b', codes: ['already-drawn'] },
    ]);
  });
});
