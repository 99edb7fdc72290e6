import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CandidateFacts, NeedFacts } from '../../src/matching/facts';
import { PRIORITY_FLAG_CODES } from '../../src/matching/reference';
import {
  PAIR_EXCLUSION_MESSAGES,
  isInvestmentRelated,
  normaliseOrgRef,
  pairExclusion,
  prepareCandidate,
  prepareNeed,
  scorePair,
} from '../../src/matching/score';
import type { PairScore, ScorePart, ScorePartKey } from '../../src/matching/score';
import type { ScoreWeights, VicePresidentSettings } from '../../src/matching/settings';
import { maxScoreOf } from '../../src/matching/settings';
import { AREA_CODES } from '../../src/reference/areas';
import { FIELDS } from '../../src/reference/fields';
import { HFUT_CODE, SETTINGS, USTC_CODE, candidate, firmCreditCode, need } from './fixtures';

function score(n: NeedFacts, c: CandidateFacts, settings: VicePresidentSettings = SETTINGS) {
  return scorePair(prepareNeed(n), prepareCandidate(c), settings);
}
function exclusion(n: NeedFacts, c: CandidateFacts) {
  return pairExclusion(prepareNeed(n), prepareCandidate(c));
}
function partOf(s: PairScore, key: ScorePartKey): ScorePart {
  const found = s.parts.find((p) => p.key === key);
  if (!found) throw new Error(`no part ${key}`);
  return found;
}

const PART_KEYS: ScorePartKey[] = [
  'field',
  'subField',
  'text',
  'area',
  'priorCooperation',
  'priority',
];

describe('normaliseOrgRef', () => {
  it('drops spaces, folds full-width to half-width and upper-cases', () => {
    expect(normaliseOrgRef(' 合肥 工业\u3000大学 ')).toBe('合肥工业大学');
    expect(normaliseOrgRef('中国科学技术大学（先进技术研究院）')).toBe(
      '中国科学技术大学(先进技术研究院)',
    );
    expect(normaliseOrgRef(HFUT_CODE.toLowerCase())).toBe(HFUT_CODE);
    expect(normaliseOrgRef('９１３４１３０２ｍａ')).toBe('91341302MA');
  });
});

describe('scorePair', () => {
  it('gives full marks to a perfect pair: same field and sub-field, all terms, preferred area, past partner, priority group', () => {
    const n = need({ priorPartners: ['合肥工业大学'] });
    const c = candidate({
      expertise: '膜电极国产化，质子交换膜、膜电极制备',
      priorityFlags: ['national-talent'],
    });
    const s = score(n, c);
    expect(s.max).toBe(100);
    expect(s.total).toBe(100);
    for (const p of s.parts) expect(p.points).toBe(p.max);
    expect(s.parts.map((p) => p.key)).toEqual(PART_KEYS);
    expect(s.parts.map((p) => p.label)).toEqual([
      '产业领域相符',
      '细分方向相符',
      '专长与需求契合',
      '意向地区',
      '既往合作',
      '优先支持人选',
    ]);
  });

  it('scores the usual pair part by part with Chinese explanations naming the matched terms', () => {
    // Wanted: 膜电极国产化 + 质子交换膜、膜电极制备 → 11 distinct bigrams; 王建华 covers 8 (not 国产化).
    const s = score(need(), candidate());
    expect(s.parts).toEqual([
      { key: 'field', label: '产业领域相符', points: 30, max: 30, detail: '需求领域「低碳能源」' },
      {
        key: 'subField',
        label: '细分方向相符',
        points: 20,
        max: 20,
        detail: '细分方向「质子交换膜」',
      },
      {
        key: 'text',
        label: '专长与需求契合',
        points: 21,
        max: 30,
        detail: '需求关键词11个，命中8个：质子交换膜、膜电极制备（30×8/11，向下取整）',
      },
      { key: 'area', label: '意向地区', points: 10, max: 10, detail: '企业位于意向地区「埇桥区」' },
      {
        key: 'priorCooperation',
        label: '既往合作',
        points: 0,
        max: 5,
        detail: '无既往合作记录',
      },
      { key: 'priority', label: '优先支持人选', points: 0, max: 5, detail: '不属于优先支持人选' },
    ]);
    expect(s.total).toBe(81);
  });

  it('gives no field points when the need is outside the researcher’s fields, and says so', () => {
    const s = score(need(), candidate({ fieldCodes: ['advanced-materials'], subFieldCodes: [] }));
    expect(partOf(s, 'field')).toMatchObject({ points: 0, detail: '人选未从事「低碳能源」' });
    expect(partOf(s, 'subField')).toMatchObject({ points: 0, detail: '人选未从事「质子交换膜」' });
  });

  it('explains a need without sub-field, a researcher without preferred areas and the priority groups', () => {
    const s = score(
      need({ subFieldCode: null }),
      candidate({ preferredAreaCodes: [], priorityFlags: ['national-talent', 'young-doctor'] }),
    );
    expect(partOf(s, 'subField')).toMatchObject({ points: 0, detail: '需求未指定细分方向' });
    expect(partOf(s, 'area')).toMatchObject({ points: 0, detail: '人选未填写意向地区' });
    expect(partOf(s, 'priority')).toMatchObject({ points: 5, detail: '国家级人才、青年博士' });
  });

  it('names the firm’s area when it is not one the researcher prefers', () => {
    const s = score(need({ areaCode: 'lingbi' }), candidate({ preferredAreaCodes: ['yongqiao'] }));
    expect(partOf(s, 'area')).toMatchObject({
      points: 0,
      detail: '企业所在「灵璧县」不在意向地区内',
    });
  });

  it('rounds text points down and shows the sum behind them', () => {
    const n = need({ title: '催化剂', expertiseWanted: '质子交换膜涂布' });
    const wanted = prepareNeed(n).wantedTerms;
    expect([...wanted]).toEqual(['催化', '化剂', '质子', '子交', '交换', '换膜', '膜涂', '涂布']);
    const s = score(n, candidate({ expertise: '催化剂', achievements: '' }));
    // 30 × 2 / 8 = 7.5 → 7
    expect(partOf(s, 'text')).toMatchObject({
      points: 7,
      detail: '需求关键词8个，命中2个：催化剂（30×2/8，向下取整）',
    });
  });

  it('names the matched words, joined back from their bigrams, at most 6 of them, then 等', () => {
    const joined = score(
      need({ title: '质子交换膜燃料电池电堆', expertiseWanted: '膜电极' }),
      candidate({ expertise: '质子交换膜燃料电池电堆 膜电极', achievements: '' }),
    );
    expect(partOf(joined, 'text')).toMatchObject({
      points: 30,
      detail: '需求关键词12个，命中12个：质子交换膜燃料电池电堆、膜电极（30×12/12，向下取整）',
    });
    const many = '氢能，储能，光伏，风电，芯片，算力，无人机';
    const listed = score(
      need({ title: '多方向', expertiseWanted: many }),
      candidate({ expertise: many, achievements: '' }),
    );
    expect(partOf(listed, 'text').detail).toContain('：氢能、储能、光伏、风电、芯片、算力等（');
  });

  it('gives no text points, without dividing by zero, when the need names no expertise', () => {
    const s = score(need({ title: '的和与', expertiseWanted: '及或在' }), candidate());
    expect(partOf(s, 'text')).toMatchObject({ points: 0, detail: '需求未描述所需专长' });
    expect(s.total).toBe(30 + 20 + 0 + 10);
  });

  it('counts no text from the problem description, only title and wanted expertise', () => {
    const a = score(need({ problem: '质子交换膜' }), candidate());
    const b = score(need({ problem: '与专长完全无关的一段很长的技术难题描述文字。' }), candidate());
    expect(a).toEqual(b);
  });

  it('finds past cooperation by institution name (spaces, full-width) or by credit code', () => {
    for (const priorPartners of [
      ['合肥 工业大学'],
      [HFUT_CODE.toLowerCase()],
      ['中国科学技术大学', '合肥工业大学'],
    ]) {
      expect(partOf(score(need({ priorPartners }), candidate()), 'priorCooperation')).toMatchObject(
        {
          points: 5,
          detail: '企业曾与「合肥工业大学」合作',
        },
      );
    }
    expect(
      partOf(
        score(need({ priorPartners: ['合肥工业大学宣城校区', USTC_CODE] }), candidate()),
        'priorCooperation',
      ).points,
    ).toBe(0);
  });

  it('uses the weights of the settings it is given', () => {
    const weights: ScoreWeights = {
      field: 10,
      subField: 10,
      text: 7,
      area: 3,
      priorCooperation: 0,
      priority: 1,
    };
    const s = score(need(), candidate(), { ...SETTINGS, weights });
    expect(s.max).toBe(31);
    expect(s.parts.map((p) => p.max)).toEqual([10, 10, 7, 3, 0, 1]);
    // 7 × 8 / 11 = 5.09 → 5
    expect(s.total).toBe(10 + 10 + 5 + 3);
  });

  describe('property: the explanation adds up', () => {
    const fieldArb = fc.constantFrom(...FIELDS);
    const PHRASES = [
      '质子交换膜',
      '膜电极制备',
      '催化剂',
      '双极板',
      '氢气循环泵',
      '电化学储能',
      'PEM燃料电池',
      '智能飞控',
      '无人机',
      '基因编辑',
      '碳纤维复合材料',
      '的和与',
      '',
      'ＡＩ算法',
    ];
    const textArb = fc
      .array(fc.constantFrom(...PHRASES), { maxLength: 4 })
      .map((parts) => parts.join('、'));
    const areaArb = fc.constantFrom(...AREA_CODES);
    const instArb = fc.constantFrom('合肥工业大学', '中国科学技术大学', '安徽大学', '宿州学院');

    const needArb = fc
      .record({
        field: fieldArb,
        withSub: fc.boolean(),
        subPick: fc.nat(),
        title: textArb,
        expertiseWanted: textArb,
        areaCode: areaArb,
        partners: fc.subarray(['合肥工业大学', '安徽大学', 'x']),
      })
      .map((r) =>
        need({
          fieldCode: r.field.code,
          subFieldCode: r.withSub
            ? r.field.subFields[r.subPick % r.field.subFields.length]!.code
            : null,
          title: r.title,
          expertiseWanted: r.expertiseWanted,
          areaCode: r.areaCode,
          priorPartners: r.partners,
        }),
      );
    const candidateArb = fc
      .record({
        fields: fc.subarray([...FIELDS], { minLength: 1, maxLength: 2 }),
        subSeed: fc.array(fc.nat(), { maxLength: 3 }),
        expertise: textArb,
        achievements: textArb,
        areas: fc.subarray([...AREA_CODES], { maxLength: 3 }),
        flags: fc.subarray([...PRIORITY_FLAG_CODES]),
        institutionName: instArb,
      })
      .map((r) => {
        const subs = r.fields.flatMap((f) => f.subFields.map((s) => s.code));
        return candidate({
          fieldCodes: r.fields.map((f) => f.code),
          subFieldCodes: r.subSeed.map((i) => subs[i % subs.length]!),
          expertise: r.expertise,
          achievements: r.achievements,
          preferredAreaCodes: r.areas,
          priorityFlags: r.flags,
          institutionName: r.institutionName,
        });
      });
    const weightsArb: fc.Arbitrary<ScoreWeights> = fc.record({
      field: fc.integer({ min: 0, max: 50 }),
      subField: fc.integer({ min: 0, max: 50 }),
      text: fc.integer({ min: 0, max: 50 }),
      area: fc.integer({ min: 0, max: 50 }),
      priorCooperation: fc.integer({ min: 0, max: 50 }),
      priority: fc.integer({ min: 0, max: 50 }),
    });

    it('parts add up to the total; each part within 0..max; total ≤ max = sum of weights', () => {
      fc.assert(
        fc.property(
          needArb,
          candidateArb,
          fc.oneof(fc.constant(SETTINGS.weights), weightsArb),
          (n, c, weights) => {
            const s = score(n, c, { ...SETTINGS, weights });
            expect(s.parts.map((p) => p.key)).toEqual(PART_KEYS);
            expect(s.total).toBe(s.parts.reduce((sum, p) => sum + p.points, 0));
            for (const p of s.parts) {
              expect(Number.isInteger(p.points)).toBe(true);
              expect(p.points).toBeGreaterThanOrEqual(0);
              expect(p.points).toBeLessThanOrEqual(p.max);
              expect(p.max).toBe(weights[p.key]);
              expect(p.detail.length).toBeGreaterThan(0);
            }
            expect(s.max).toBe(maxScoreOf(weights));
            expect(s.total).toBeLessThanOrEqual(s.max);
            const shared = c.fieldCodes.includes(n.fieldCode);
            expect(partOf(s, 'field').points).toBe(shared ? weights.field : 0);
            if (!shared) expect(exclusion(n, c)).toBe('field');
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});

describe('pairExclusion and the investment exclusion (创办或投资关系)', () => {
  it('allows a pair that shares a field and has no investment relation', () => {
    expect(exclusion(need(), candidate())).toBeNull();
  });

  it("returns 'field' when the researcher works in none of the need's fields", () => {
    expect(
      exclusion(need(), candidate({ fieldCodes: ['life-health', 'advanced-materials'] })),
    ).toBe('field');
    expect(exclusion(need(), candidate({ fieldCodes: [] }))).toBe('field');
    // a shared sub-field code alone does not count: the field decides
    expect(
      exclusion(
        need(),
        candidate({
          fieldCodes: ['advanced-materials'],
          subFieldCodes: ['proton-exchange-membrane'],
        }),
      ),
    ).toBe('field');
  });

  it('excludes a firm the researcher declared (their credit code, in any case)', () => {
    const n = need({ creditCode: firmCreditCode(101) });
    for (const code of [firmCreditCode(101), firmCreditCode(101).toLowerCase()]) {
      const c = candidate({ relatedFirmCreditCodes: [firmCreditCode(7), code] });
      expect(isInvestmentRelated(prepareNeed(n), prepareCandidate(c))).toBe(true);
      expect(exclusion(n, c)).toBe('investment');
    }
    expect(exclusion(n, candidate({ relatedFirmCreditCodes: [firmCreditCode(102)] }))).toBeNull();
  });

  it("excludes when the firm names the researcher's institution as investor — by name, whatever the spacing or width", () => {
    for (const investor of ['合肥工业大学', ' 合肥 工业 大学 ', '合肥\u3000工业大学']) {
      expect(exclusion(need({ investorInstitutions: [investor] }), candidate())).toBe('investment');
    }
    const ustc = candidate({
      institutionName: '中国科学技术大学(先进技术研究院)',
      institutionCreditCode: null,
    });
    expect(
      exclusion(need({ investorInstitutions: ['中国科学技术大学（先进技术研究院）'] }), ustc),
    ).toBe('investment');
  });

  it("excludes when the firm names the institution's credit code", () => {
    expect(exclusion(need({ investorInstitutions: [HFUT_CODE.toLowerCase()] }), candidate())).toBe(
      'investment',
    );
    expect(exclusion(need({ investorInstitutions: [USTC_CODE] }), candidate())).toBeNull();
  });

  it('does not exclude on a merely similar institution name', () => {
    expect(
      exclusion(need({ investorInstitutions: ['合肥工业大学宣城校区', '安徽大学'] }), candidate()),
    ).toBeNull();
  });

  it('puts the investment exclusion before the field check', () => {
    const c = candidate({
      fieldCodes: ['life-health'],
      relatedFirmCreditCodes: [firmCreditCode(101)],
    });
    expect(exclusion(need(), c)).toBe('investment');
  });

  it('compares only the institution name when the candidate has no institution credit code', () => {
    const c = candidate({ institutionCreditCode: null });
    expect(prepareCandidate(c).institutionRefs).toEqual(['合肥工业大学']);
    expect(exclusion(need({ investorInstitutions: [HFUT_CODE] }), c)).toBeNull();
  });

  it('has a Chinese message for every exclusion', () => {
    expect(PAIR_EXCLUSION_MESSAGES).toEqual({
      field: '需求领域不在该人选的研究领域内',
      investment: '该企业由人选本人或其所在单位创办或投资，按规定须回避',
      forbidden: '管理员已排除该配对',
    });
  });
});
