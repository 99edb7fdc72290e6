import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CandidateFacts, NeedFacts, PairRule } from '../../src/matching/facts';
import type { MatchInput, MatchOutcome } from '../../src/matching/propose';
import { proposeMatches } from '../../src/matching/propose';
import { pairExclusion, prepareCandidate, prepareNeed, scorePair } from '../../src/matching/score';
import type { VicePresidentSettings } from '../../src/matching/settings';
import { SETTINGS, candidate, firmCreditCode, need } from './fixtures';

const run = (
  needs: readonly NeedFacts[],
  candidates: readonly CandidateFacts[],
  rules: readonly PairRule[] = [],
  settings: VicePresidentSettings = SETTINGS,
) => proposeMatches({ needs, candidates, rules, settings });

const pairsOf = (o: MatchOutcome) => o.proposals.map((p) => `${p.needId}|${p.candidateId}`);
const scoreOf = (n: NeedFacts, c: CandidateFacts, settings = SETTINGS) =>
  scorePair(prepareNeed(n), prepareCandidate(c), settings).total;
const pin = (needId: string, candidateId: string): PairRule => ({
  needId,
  candidateId,
  kind: 'pin',
});
const forbid = (needId: string, candidateId: string): PairRule => ({
  needId,
  candidateId,
  kind: 'forbid',
});

// ── A small 宿州 call ─────────────────────────────────────────────────────────────────────────

/** 埇桥区 fuel-cell firm wanting 质子交换膜/膜电极 expertise. */
const NEED_MEA = need({ id: 'need-a-mea' });
/** 砀山县 storage firm, founded with 安徽理工大学 money. */
const NEED_STORAGE = need({
  id: 'need-b-storage',
  organisationId: 'org-dangshan-storage',
  organisationName: '宿州储能装备有限公司',
  creditCode: firmCreditCode(102),
  areaCode: 'dangshan',
  subFieldCode: 'electrochemical-storage',
  title: '储能电池管理',
  expertiseWanted: '电化学储能、电池管理系统',
  investorInstitutions: ['安徽理工大学'],
});
/** 灵璧县 carbon-fibre firm. */
const NEED_CARBON = need({
  id: 'need-c-carbon',
  organisationId: 'org-lingbi-carbon',
  organisationName: '灵璧碳纤科技有限公司',
  creditCode: firmCreditCode(103),
  areaCode: 'lingbi',
  fieldCode: 'advanced-materials',
  subFieldCode: 'carbon-fibre-composites',
  title: '碳纤维复合材料成型',
  expertiseWanted: '碳纤维、树脂基复合材料',
});

const WANG = candidate({ id: 'cand-wang' });
const LI = candidate({
  id: 'cand-li',
  researcherId: 'res-li',
  name: '李安然',
  institutionName: '安徽理工大学',
  institutionCreditCode: null,
  subFieldCodes: ['electrochemical-storage'],
  expertise: '电化学储能材料、电池管理系统',
  achievements: '锂离子电池热失控机理研究。',
  preferredAreaCodes: ['dangshan'],
});
const ZHAO = candidate({
  id: 'cand-zhao',
  researcherId: 'res-zhao',
  name: '赵明',
  institutionName: '安徽大学',
  institutionCreditCode: null,
  fieldCodes: ['advanced-materials'],
  subFieldCodes: ['carbon-fibre-composites'],
  expertise: '碳纤维复合材料成型工艺，树脂基复合材料',
  achievements: '参与国家自然科学基金项目3项。',
  preferredAreaCodes: ['lingbi'],
});

const NEEDS = [NEED_MEA, NEED_STORAGE, NEED_CARBON];
const CANDIDATES = [WANG, LI, ZHAO];

describe('proposeMatches on a small call', () => {
  it('proposes the good pairs, never the investment pair, and explains the rest', () => {
    // 李安然 fits the storage firm best, but 安徽理工大学 invested in it: hard exclusion.
    const o = run(NEEDS, CANDIDATES);
    expect(pairsOf(o)).toEqual(['need-a-mea|cand-wang', 'need-c-carbon|cand-zhao']);
    for (const p of o.proposals) expect(p.pinned).toBe(false);
    expect(o.proposals[0]!.score).toEqual(
      scorePair(prepareNeed(NEED_MEA), prepareCandidate(WANG), SETTINGS),
    );
    expect(o.totalScore).toBe(scoreOf(NEED_MEA, WANG) + scoreOf(NEED_CARBON, ZHAO));
    expect(o.refusedPins).toEqual([]);
    // 李安然 at the MEA firm and 王建华 at the storage firm score below 40.
    expect(scoreOf(NEED_MEA, LI)).toBeLessThan(40);
    expect(scoreOf(NEED_STORAGE, WANG)).toBeLessThan(40);
    expect(o.openNeeds).toMatchObject([
      { needId: 'need-b-storage', positionsLeft: 1, hadOptions: false },
    ]);
    expect(o.unplacedCandidates).toMatchObject([{ candidateId: 'cand-li', hadOptions: false }]);
    expect(o.stats).toEqual({
      needs: 3,
      positions: 3,
      candidates: 3,
      // 王 and 李 × the two 低碳能源 needs, 赵 × the 先进材料 need
      pairsConsidered: 5,
      pairsAllowed: 2,
      excluded: { field: 4, investment: 1, forbidden: 0, 'low-score': 2 },
    });
  });

  it('never proposes a forbidden pair, and counts it', () => {
    const o = run(NEEDS, CANDIDATES, [forbid('need-c-carbon', 'cand-zhao')]);
    expect(pairsOf(o)).toEqual(['need-a-mea|cand-wang']);
    expect(o.stats.excluded).toEqual({ field: 4, investment: 1, forbidden: 1, 'low-score': 2 });
    expect(o.stats.pairsAllowed).toBe(1);
    expect(o.openNeeds).toContainEqual({
      needId: 'need-c-carbon',
      positionsLeft: 1,
      hadOptions: false,
      reason: '无符合条件的人选：同领域人选1名，其中被管理员排除1名',
    });
    expect(o.unplacedCandidates).toContainEqual({
      candidateId: 'cand-zhao',
      hadOptions: false,
      reason: '无可配对的需求：同领域需求1项，其中被管理员排除1项',
    });
  });

  it('counts the investment exclusion declared by the researcher too', () => {
    const wang = { ...WANG, relatedFirmCreditCodes: [firmCreditCode(101)] };
    const o = run(NEEDS, [wang, LI, ZHAO]);
    expect(pairsOf(o)).toEqual(['need-c-carbon|cand-zhao']);
    // 王 × MEA firm (his declaration) and 李 × storage firm (the firm's)
    expect(o.stats.excluded.investment).toBe(2);
    expect(o.stats.excluded['low-score']).toBe(2);
  });

  it('gives the same result whatever order needs, candidates and rules come in', () => {
    const rules = [forbid('need-c-carbon', 'cand-zhao'), pin('need-b-storage', 'cand-wang')];
    const first = run(NEEDS, CANDIDATES, rules);
    const again = run([...NEEDS].reverse(), [LI, ZHAO, WANG], [...rules].reverse());
    expect(again).toEqual(first);
  });

  it('handles an empty call', () => {
    const o = run([], []);
    expect(o).toEqual({
      proposals: [],
      totalScore: 0,
      refusedPins: [],
      openNeeds: [],
      unplacedCandidates: [],
      stats: {
        needs: 0,
        positions: 0,
        candidates: 0,
        pairsConsidered: 0,
        pairsAllowed: 0,
        excluded: { field: 0, investment: 0, forbidden: 0, 'low-score': 0 },
      },
    });
    expect(run([NEED_MEA], []).openNeeds).toEqual([
      {
        needId: 'need-a-mea',
        positionsLeft: 1,
        hadOptions: false,
        reason: '无符合条件的人选：没有同领域的报名人选',
      },
    ]);
  });

  it('says why each need and researcher was left over, from the exclusions it met', () => {
    const o = run(NEEDS, CANDIDATES);
    // 安徽理工大学 invested in the storage firm; 王建华 scores too low there.
    expect(o.openNeeds).toEqual([
      {
        needId: 'need-b-storage',
        positionsLeft: 1,
        hadOptions: false,
        reason: '无符合条件的人选：同领域人选2名，其中因创办或投资关系须回避1名、得分低于40分1名',
      },
    ]);
    expect(o.unplacedCandidates).toEqual([
      {
        candidateId: 'cand-li',
        hadOptions: false,
        reason: '无可配对的需求：同领域需求2项，其中因创办或投资关系须回避1项、得分低于40分1项',
      },
    ]);
    // Open to a need, but it went to a better-scoring researcher.
    const rival = { ...WANG, id: 'cand-wang-2', researcherId: 'res-wang-2', name: '王建国' };
    const crowded = run([NEED_MEA], [WANG, rival]);
    expect(crowded.unplacedCandidates).toEqual([
      expect.objectContaining({ hadOptions: true, reason: '可配对的需求已安排给得分更高的人选' }),
    ]);
  });
});

describe('capacities', () => {
  /** Three PEM researchers of falling quality (the first also prefers 埇桥区, the last does not know 膜电极). */
  const strong = candidate({ id: 'c1' });
  const good = candidate({ id: 'c2', preferredAreaCodes: [] });
  const weaker = candidate({ id: 'c3', preferredAreaCodes: [], expertise: '质子交换膜材料' });

  it('fills a need with several positions with the best researchers', () => {
    expect(scoreOf(NEED_MEA, strong)).toBeGreaterThan(scoreOf(NEED_MEA, good));
    expect(scoreOf(NEED_MEA, good)).toBeGreaterThan(scoreOf(NEED_MEA, weaker));
    expect(scoreOf(NEED_MEA, weaker)).toBeGreaterThanOrEqual(40);
    const o = run([{ ...NEED_MEA, positions: 2 }], [weaker, good, strong]);
    expect(pairsOf(o)).toEqual(['need-a-mea|c1', 'need-a-mea|c2']);
    expect(o.openNeeds).toEqual([]);
    expect(o.unplacedCandidates).toMatchObject([{ candidateId: 'c3', hadOptions: true }]);
    expect(o.stats.positions).toBe(2);
  });

  it('leaves positions open when there are too few researchers, saying options existed', () => {
    const o = run([{ ...NEED_MEA, positions: 3 }], [good]);
    expect(pairsOf(o)).toEqual(['need-a-mea|c2']);
    expect(o.openNeeds).toMatchObject([
      { needId: 'need-a-mea', positionsLeft: 2, hadOptions: true },
    ]);
  });

  it('places a researcher at no more firms than their capacity', () => {
    const twin = { ...NEED_MEA, id: 'need-a2', creditCode: firmCreditCode(111) };
    const one = run([NEED_MEA, twin], [strong]);
    expect(one.proposals).toHaveLength(1);
    expect(one.openNeeds).toHaveLength(1);
    expect(one.openNeeds[0]!.hadOptions).toBe(true);
    const two = run([NEED_MEA, twin], [{ ...strong, capacity: 2 }]);
    expect(pairsOf(two)).toEqual(['need-a-mea|c1', 'need-a2|c1']);
    expect(two.unplacedCandidates).toEqual([]);
  });

  it('places nobody with capacity 0 and fills no need with 0 positions', () => {
    const o = run([NEED_MEA], [{ ...strong, capacity: 0 }]);
    expect(o.proposals).toEqual([]);
    expect(o.unplacedCandidates).toMatchObject([{ candidateId: 'c1', hadOptions: true }]);
    const closed = run([{ ...NEED_MEA, positions: 0 }], [strong]);
    expect(closed.proposals).toEqual([]);
    expect(closed.openNeeds).toEqual([]);
    expect(closed.stats.positions).toBe(0);
  });

  it('chooses the best total, not the best single pair first', () => {
    // 王: excellent at both firms; 李 (PEM only, 埇桥区 only) good at the 埇桥区 firm, too weak at 萧县.
    const xiao = need({
      id: 'need-x',
      creditCode: firmCreditCode(120),
      areaCode: 'xiaoxian',
      subFieldCode: 'membrane-electrode',
      title: '膜电极',
      expertiseWanted: '膜电极制备',
    });
    const wang = candidate({
      id: 'c-wang',
      preferredAreaCodes: ['yongqiao', 'xiaoxian'],
      expertise: '膜电极国产化，质子交换膜、膜电极制备',
    });
    const li = candidate({
      id: 'c-li',
      subFieldCodes: ['proton-exchange-membrane'],
      expertise: '质子交换膜',
      achievements: '',
    });
    const greedyFirst = scoreOf(NEED_MEA, wang);
    expect(greedyFirst).toBeGreaterThanOrEqual(scoreOf(NEED_MEA, li));
    expect(greedyFirst).toBeGreaterThanOrEqual(scoreOf(xiao, wang));
    expect(scoreOf(xiao, li)).toBeLessThan(40);
    const o = run([NEED_MEA, xiao], [wang, li]);
    expect(pairsOf(o)).toEqual(['need-a-mea|c-li', 'need-x|c-wang']);
    expect(o.totalScore).toBe(scoreOf(NEED_MEA, li) + scoreOf(xiao, wang));
    expect(o.totalScore).toBeGreaterThan(greedyFirst);
  });
});

describe('minimum score', () => {
  it('proposes a pair scoring exactly minScore and not one a point below', () => {
    const s = scoreOf(NEED_MEA, WANG);
    const at = run([NEED_MEA], [WANG], [], { ...SETTINGS, minScore: s });
    expect(pairsOf(at)).toEqual(['need-a-mea|cand-wang']);
    const above = run([NEED_MEA], [WANG], [], { ...SETTINGS, minScore: s + 1 });
    expect(above.proposals).toEqual([]);
    expect(above.stats.excluded['low-score']).toBe(1);
    expect(above.openNeeds).toMatchObject([
      { needId: 'need-a-mea', positionsLeft: 1, hadOptions: false },
    ]);
    expect(above.unplacedCandidates).toMatchObject([
      { candidateId: 'cand-wang', hadOptions: false },
    ]);
  });
});

describe('officer pins', () => {
  it('keeps a pin even when the pair scores below minScore, marked pinned', () => {
    expect(scoreOf(NEED_MEA, LI)).toBeLessThan(SETTINGS.minScore);
    const o = run([NEED_MEA], [LI, WANG], [pin('need-a-mea', 'cand-li')]);
    expect(o.proposals).toEqual([
      {
        needId: 'need-a-mea',
        candidateId: 'cand-li',
        score: scorePair(prepareNeed(NEED_MEA), prepareCandidate(LI), SETTINGS),
        pinned: true,
      },
    ]);
    // the pin took the only position: 王建华 had an option but is not placed
    expect(o.unplacedCandidates).toMatchObject([{ candidateId: 'cand-wang', hadOptions: true }]);
    expect(o.openNeeds).toEqual([]);
    expect(o.refusedPins).toEqual([]);
  });

  it('keeps a pin on a pair outside the researcher’s fields (the officer decides)', () => {
    const o = run([NEED_CARBON], [WANG], [pin('need-c-carbon', 'cand-wang')]);
    expect(o.proposals).toHaveLength(1);
    expect(o.proposals[0]!.pinned).toBe(true);
    expect(o.proposals[0]!.score.parts[0]!.points).toBe(0);
  });

  it('plans the rest around the pins', () => {
    // pin 王建华 to the storage firm: the MEA firm is left to someone else
    const other = candidate({ id: 'cand-zz-other', preferredAreaCodes: [] });
    const o = run([NEED_MEA, NEED_STORAGE], [WANG, other], [pin('need-b-storage', 'cand-wang')]);
    expect(o.proposals.map((p) => [p.needId, p.candidateId, p.pinned])).toEqual([
      ['need-a-mea', 'cand-zz-other', false],
      ['need-b-storage', 'cand-wang', true],
    ]);
    expect(o.totalScore).toBe(scoreOf(NEED_MEA, other) + scoreOf(NEED_STORAGE, WANG));
  });

  it('refuses a pin on an investment pair, whichever side declared it', () => {
    const o = run(NEEDS, CANDIDATES, [pin('need-b-storage', 'cand-li')]);
    expect(o.refusedPins).toEqual([
      { needId: 'need-b-storage', candidateId: 'cand-li', reason: 'investment' },
    ]);
    expect(pairsOf(o)).not.toContain('need-b-storage|cand-li');
    const declared = { ...WANG, relatedFirmCreditCodes: [firmCreditCode(101)] };
    const o2 = run([NEED_MEA], [declared], [pin('need-a-mea', 'cand-wang')]);
    expect(o2.proposals).toEqual([]);
    expect(o2.refusedPins.map((r) => r.reason)).toEqual(['investment']);
  });

  it('refuses pins beyond a researcher’s capacity or a need’s positions', () => {
    const twin = { ...NEED_MEA, id: 'need-a2', creditCode: firmCreditCode(111) };
    const o = run(
      [NEED_MEA, twin],
      [WANG, LI],
      [pin('need-a2', 'cand-wang'), pin('need-a-mea', 'cand-wang'), pin('need-a-mea', 'cand-li')],
    );
    // pins are taken in (need, candidate) id order: need-a-mea|cand-li, need-a-mea|cand-wang, need-a2|cand-wang
    expect(o.proposals.map((p) => [p.needId, p.candidateId, p.pinned])).toEqual([
      ['need-a-mea', 'cand-li', true],
      ['need-a2', 'cand-wang', true],
    ]);
    expect(o.refusedPins).toEqual([
      { needId: 'need-a-mea', candidateId: 'cand-wang', reason: 'capacity' },
    ]);
  });

  it('refuses pins naming an unknown need or candidate', () => {
    const o = run(
      [NEED_MEA],
      [WANG],
      [pin('need-gone', 'cand-wang'), pin('need-a-mea', 'cand-gone')],
    );
    expect(o.refusedPins.map((r) => [r.needId, r.candidateId, r.reason])).toEqual([
      ['need-a-mea', 'cand-gone', 'unknown'],
      ['need-gone', 'cand-wang', 'unknown'],
    ]);
    expect(pairsOf(o)).toEqual(['need-a-mea|cand-wang']);
  });
});

// ── Optimality against brute force ────────────────────────────────────────────────────────────

const PHRASES = ['质子交换膜', '膜电极制备', '催化剂', '电化学储能', '碳纤维复合材料', 'PEM', '的'];
const INSTITUTIONS = ['合肥工业大学', '安徽理工大学', '安徽大学'];
const AREAS = ['yongqiao', 'dangshan', 'lingbi'];
const SUBS = {
  'low-carbon-energy': [
    'proton-exchange-membrane',
    'membrane-electrode',
    'electrochemical-storage',
  ],
  'advanced-materials': ['carbon-fibre-composites', 'carbon-materials'],
} as const;
type Field = keyof typeof SUBS;
const FIELD_CODES = Object.keys(SUBS) as Field[];

const textArb = fc.subarray(PHRASES, { maxLength: 3 }).map((p) => p.join('、'));

const needArb = (i: number) =>
  fc
    .record({
      field: fc.constantFrom<Field>('low-carbon-energy', 'low-carbon-energy', 'advanced-materials'),
      sub: fc.nat(3),
      title: textArb,
      expertiseWanted: textArb,
      areaCode: fc.constantFrom(...AREAS),
      positions: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 9 },
        { arbitrary: fc.constant(0), weight: 1 },
      ),
      investors: fc.oneof(
        { arbitrary: fc.constant<string[]>([]), weight: 4 },
        { arbitrary: fc.subarray(INSTITUTIONS, { minLength: 1, maxLength: 1 }), weight: 1 },
      ),
      partners: fc.subarray(INSTITUTIONS, { maxLength: 1 }),
    })
    .map((r) =>
      need({
        id: `n${i}`,
        organisationId: `org-${i}`,
        creditCode: firmCreditCode(200 + i),
        fieldCode: r.field,
        subFieldCode: SUBS[r.field][r.sub] ?? null,
        title: r.title,
        expertiseWanted: r.expertiseWanted,
        areaCode: r.areaCode,
        positions: r.positions,
        investorInstitutions: r.investors,
        priorPartners: r.partners,
      }),
    );

const candidateArb = (i: number, needCount: number) =>
  fc
    .record({
      fields: fc.oneof(
        { arbitrary: fc.constant<Field[]>(['low-carbon-energy']), weight: 3 },
        { arbitrary: fc.subarray(FIELD_CODES, { minLength: 1 }), weight: 2 },
      ),
      subs: fc.subarray([...SUBS['low-carbon-energy'], ...SUBS['advanced-materials']]),
      expertise: textArb,
      achievements: textArb,
      areas: fc.subarray(AREAS),
      flags: fc.subarray(['national-talent', 'young-doctor']),
      institution: fc.constantFrom(...INSTITUTIONS),
      related: fc.oneof(
        { arbitrary: fc.constant<string[]>([]), weight: 4 },
        {
          arbitrary: fc.subarray(
            Array.from({ length: needCount }, (_, k) => firmCreditCode(200 + k)),
            { maxLength: Math.min(1, needCount) },
          ),
          weight: 1,
        },
      ),
      capacity: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 9 },
        { arbitrary: fc.constant(0), weight: 1 },
      ),
    })
    .map((r) =>
      candidate({
        id: `c${i}`,
        researcherId: `r${i}`,
        institutionName: r.institution,
        institutionCreditCode: null,
        fieldCodes: r.fields,
        subFieldCodes: r.subs,
        expertise: r.expertise,
        achievements: r.achievements,
        preferredAreaCodes: r.areas,
        priorityFlags: r.flags,
        relatedFirmCreditCodes: r.related,
        capacity: r.capacity,
      }),
    );

const instanceArb: fc.Arbitrary<MatchInput> = fc
  .record({
    needCount: fc.oneof(
      { arbitrary: fc.integer({ min: 2, max: 4 }), weight: 9 },
      { arbitrary: fc.integer({ min: 0, max: 1 }), weight: 1 },
    ),
    candidateCount: fc.oneof(
      { arbitrary: fc.integer({ min: 2, max: 5 }), weight: 9 },
      { arbitrary: fc.integer({ min: 0, max: 1 }), weight: 1 },
    ),
  })
  .chain(({ needCount, candidateCount }) => {
    const pairs = Array.from({ length: needCount * candidateCount }, (_, k) => ({
      needId: `n${Math.floor(k / candidateCount)}`,
      candidateId: `c${k % candidateCount}`,
    }));
    return fc.record({
      needs: fc.tuple(...Array.from({ length: needCount }, (_, i) => needArb(i))),
      candidates: fc.tuple(
        ...Array.from({ length: candidateCount }, (_, i) => candidateArb(i, needCount)),
      ),
      forbids: fc.subarray(pairs, { maxLength: Math.min(2, pairs.length) }),
      pins: fc.oneof(
        { arbitrary: fc.constant<typeof pairs>([]), weight: 1 },
        { arbitrary: fc.subarray(pairs, { maxLength: Math.min(2, pairs.length) }), weight: 1 },
      ),
      minScore: fc.constantFrom(0, 40, 40, 60),
    });
  })
  .map((r) => ({
    needs: r.needs,
    candidates: r.candidates,
    rules: [
      ...r.forbids.map((p) => ({ ...p, kind: 'forbid' as const })),
      // a pin on a forbidden pair is left out: which one wins is the API's business
      ...r.pins
        .filter(
          (p) => !r.forbids.some((f) => f.needId === p.needId && f.candidateId === p.candidateId),
        )
        .map((p) => ({ ...p, kind: 'pin' as const })),
    ],
    settings: { ...SETTINGS, minScore: r.minScore },
  }));

/**
 * The best total over every feasible assignment of the allowed pairs, by dynamic programming over
 * candidates and the needs' remaining positions. `taken` pairs (pins) are not options again.
 */
function bruteForceBest(
  input: MatchInput,
  needLeft: readonly number[],
  candidateLeft: readonly number[],
  taken: ReadonlySet<string>,
): number {
  const { needs, candidates, rules, settings } = input;
  const forbidden = new Set(
    rules.filter((r) => r.kind === 'forbid').map((r) => `${r.needId}|${r.candidateId}`),
  );
  const options = candidates.map((c) =>
    needs.flatMap((n, ni) => {
      const key = `${n.id}|${c.id}`;
      if (taken.has(key) || forbidden.has(key)) return [];
      const pn = prepareNeed(n);
      const pc = prepareCandidate(c);
      if (pairExclusion(pn, pc)) return [];
      const s = scorePair(pn, pc, settings).total;
      return s >= settings.minScore ? [{ ni, s }] : [];
    }),
  );
  const memo = new Map<string, number>();
  const best = (ci: number, left: number[]): number => {
    if (ci === candidates.length) return 0;
    const key = `${ci}|${left.join(',')}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let result = 0;
    const opts = options[ci]!;
    // every subset of this candidate's options within their capacity and the needs' positions
    const choose = (k: number, used: number, gained: number) => {
      if (k === opts.length) {
        result = Math.max(result, gained + best(ci + 1, left));
        return;
      }
      choose(k + 1, used, gained);
      const { ni, s } = opts[k]!;
      if (used < candidateLeft[ci]! && left[ni]! > 0) {
        left[ni]!--;
        choose(k + 1, used + 1, gained + s);
        left[ni]!++;
      }
    };
    choose(0, 0, 0);
    memo.set(key, result);
    return result;
  };
  return best(0, [...needLeft]);
}

describe('proposeMatches properties (small random calls)', () => {
  it('is feasible, honours every exclusion and is optimal (brute force)', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const o = proposeMatches(input);
        const { needs, candidates, rules, settings } = input;
        const needById = new Map(needs.map((n) => [n.id, n]));
        const candidateById = new Map(candidates.map((c) => [c.id, c]));
        const forbidden = new Set(
          rules.filter((r) => r.kind === 'forbid').map((r) => `${r.needId}|${r.candidateId}`),
        );

        // feasible: distinct pairs within positions and capacities
        const keys = pairsOf(o);
        expect(new Set(keys).size).toBe(keys.length);
        for (const n of needs) {
          expect(o.proposals.filter((p) => p.needId === n.id).length).toBeLessThanOrEqual(
            Math.max(0, n.positions),
          );
        }
        for (const c of candidates) {
          expect(o.proposals.filter((p) => p.candidateId === c.id).length).toBeLessThanOrEqual(
            Math.max(0, c.capacity),
          );
        }

        // every proposal is a real, correctly scored pair; never an investment pair
        for (const p of o.proposals) {
          const pn = prepareNeed(needById.get(p.needId)!);
          const pc = prepareCandidate(candidateById.get(p.candidateId)!);
          expect(p.score).toEqual(scorePair(pn, pc, settings));
          expect(pairExclusion(pn, pc)).not.toBe('investment');
          if (p.pinned) {
            expect(rules).toContainEqual({
              needId: p.needId,
              candidateId: p.candidateId,
              kind: 'pin',
            });
          } else {
            expect(pairExclusion(pn, pc)).toBeNull();
            expect(forbidden.has(`${p.needId}|${p.candidateId}`)).toBe(false);
            expect(p.score.total).toBeGreaterThanOrEqual(settings.minScore);
          }
        }
        expect(o.totalScore).toBe(o.proposals.reduce((sum, p) => sum + p.score.total, 0));

        // every pin is either kept or refused, for the stated reason
        const pins = rules.filter((r) => r.kind === 'pin');
        const kept = o.proposals.filter((p) => p.pinned);
        expect(kept.length + o.refusedPins.length).toBe(pins.length);
        for (const r of o.refusedPins) {
          const n = needById.get(r.needId);
          const c = candidateById.get(r.candidateId);
          if (r.reason === 'unknown') expect(n && c).toBeFalsy();
          else if (r.reason === 'investment')
            expect(pairExclusion(prepareNeed(n!), prepareCandidate(c!))).toBe('investment');
          else {
            const needFull =
              kept.filter((p) => p.needId === r.needId).length >= Math.max(0, n!.positions);
            const candidateFull =
              kept.filter((p) => p.candidateId === r.candidateId).length >=
              Math.max(0, c!.capacity);
            expect(needFull || candidateFull).toBe(true);
          }
        }

        // optimal: the non-pinned part is the best possible around the kept pins
        const needLeft = needs.map(
          (n) => Math.max(0, n.positions) - kept.filter((p) => p.needId === n.id).length,
        );
        const candidateLeft = candidates.map(
          (c) => Math.max(0, c.capacity) - kept.filter((p) => p.candidateId === c.id).length,
        );
        const pinnedTotal = kept.reduce((sum, p) => sum + p.score.total, 0);
        const taken = new Set(kept.map((p) => `${p.needId}|${p.candidateId}`));
        expect(o.totalScore - pinnedTotal).toBe(
          bruteForceBest(input, needLeft, candidateLeft, taken),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('counts every pair exactly once in the stats', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const { needs, candidates, rules } = input;
        const o = proposeMatches(input);
        const shareField = (n: NeedFacts, c: CandidateFacts) => c.fieldCodes.includes(n.fieldCode);
        let sharing = 0;
        let investment = 0;
        for (const n of needs)
          for (const c of candidates) {
            if (!shareField(n, c)) continue;
            sharing++;
            if (pairExclusion(prepareNeed(n), prepareCandidate(c)) === 'investment') investment++;
          }
        const keptPinsSharingField = o.proposals.filter(
          (p) =>
            p.pinned &&
            shareField(
              needs.find((n) => n.id === p.needId)!,
              candidates.find((c) => c.id === p.candidateId)!,
            ),
        ).length;
        const { stats } = o;
        expect(stats.needs).toBe(needs.length);
        expect(stats.candidates).toBe(candidates.length);
        expect(stats.positions).toBe(needs.reduce((s, n) => s + Math.max(0, n.positions), 0));
        expect(stats.pairsConsidered).toBe(sharing);
        expect(stats.excluded.field).toBe(needs.length * candidates.length - sharing);
        expect(stats.excluded.investment).toBe(investment);
        expect(
          stats.pairsAllowed +
            stats.excluded.investment +
            stats.excluded.forbidden +
            stats.excluded['low-score'] +
            keptPinsSharingField,
        ).toBe(stats.pairsConsidered);
        expect(stats.excluded.forbidden).toBeLessThanOrEqual(
          rules.filter((r) => r.kind === 'forbid').length,
        );
        // open needs and unplaced candidates match the proposals
        for (const n of needs) {
          const left =
            Math.max(0, n.positions) - o.proposals.filter((p) => p.needId === n.id).length;
          const open = o.openNeeds.find((x) => x.needId === n.id);
          expect(open?.positionsLeft ?? 0).toBe(left);
        }
        for (const c of candidates) {
          const placed = o.proposals.some((p) => p.candidateId === c.id);
          expect(o.unplacedCandidates.some((x) => x.candidateId === c.id)).toBe(!placed);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of needs, candidates and rules', () => {
    fc.assert(
      fc.property(
        instanceArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.needs], { minLength: input.needs.length }),
            fc.shuffledSubarray([...input.candidates], { minLength: input.candidates.length }),
            fc.shuffledSubarray([...input.rules], { minLength: input.rules.length }),
          ),
        ),
        ([input, needs, candidates, rules]) => {
          expect(proposeMatches({ ...input, needs, candidates, rules })).toEqual(
            proposeMatches(input),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives tied researchers a stable answer (identical profiles, different ids)', () => {
    const twins = ['c-b', 'c-a', 'c-c'].map((id) => candidate({ id }));
    const a = run([NEED_MEA], twins);
    const b = run([NEED_MEA], [...twins].reverse());
    expect(a).toEqual(b);
    expect(a.proposals).toHaveLength(1);
  });
});
