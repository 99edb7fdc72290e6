import { describe, expect, it } from 'vitest';
import {
  SELECTION_SETTINGS_VERSIONS,
  aggregatePanel,
  formatPoints,
  rankApplications,
  talentCategoryOf,
  type SelectionSettings,
} from '../../src';

/** Aggregation and ranking (issue 14), every figure computed by hand in the comments. */
const settings = SELECTION_SETTINGS_VERSIONS[0] as SelectionSettings;
const panel = (id: string, totals: (number | null)[]) =>
  aggregatePanel(
    id,
    totals.map((total, i) => ({ expertId: `e${i}`, total })),
    settings,
  );

describe('aggregatePanel', () => {
  it('five scores: drops the highest and lowest and flags a spread over 20', () => {
    // 92 88 85 80 70 → (88 + 85 + 80) / 3 = 84.333… → 84.33; all five: 415 / 5 = 83.00;
    // 92 − 70 = 22 > 20.
    const r = panel('a', [80, 92, 70, 88, 85]);
    expect(r).toMatchObject({
      totals: [92, 88, 85, 80, 70],
      dropped: { highest: 92, lowest: 70 },
      result: 8433,
      mean: 8300,
      spread: 22,
      flag: 'wide-spread',
    });
    expect(r.explanation).toBe(
      '5份有效评分：92、88、85、80、70；去掉最高分92、最低分70后平均84.33分；最高与最低相差22分，超过20分，提请评审组讨论',
    );
  });

  it('fewer than five valid scores are averaged whole; a declared conflict does not count', () => {
    // 80 79 78 (two experts declared a conflict) → 237 / 3 = 79.00; spread 2.
    const r = panel('a', [80, null, 79, null, 78]);
    expect(r).toMatchObject({ result: 7900, mean: 7900, spread: 2, dropped: null, flag: null });
    expect(r.explanation).toBe(
      '3份有效评分：80、79、78（2位专家回避，不计）；平均79.00分（不足5份，不去掉最高最低分）；最高与最低相差2分',
    );
  });

  it('rounds half up to hundredths of a point', () => {
    // 10 scores; drop 95 and 60; eight left: 7 × 90 + 91 = 721 → 721 / 8 = 90.125 → 90.13.
    const r = panel('a', [95, 90, 90, 90, 90, 90, 90, 90, 91, 60]);
    expect(r.result).toBe(9013);
    // (85 + 84 + 84) / 3 = 84.333… → 84.33; (1 + 0 + 1) / 3 = 0.666… → 0.67.
    expect(panel('b', [85, 84, 84]).result).toBe(8433);
    expect(panel('c', [1, 0, 1]).result).toBe(67);
  });

  it('has no result with fewer than three valid scores', () => {
    const r = panel('a', [90, null, 85, null, null]);
    expect(r).toMatchObject({ result: null, flag: 'too-few-scores' });
    expect(r.explanation).toBe(
      '2份有效评分：90、85（3位专家回避，不计）；不足3份，暂无结果，请从备选专家中补足',
    );
  });
});

describe('rankApplications', () => {
  const label = (id: string) => `SZKC-${id}`;

  it('ranks by result, then by the mean of all scores, then by the smaller spread', () => {
    const results = [
      // result (88+85+80)/3 = 84.33, mean (90+88+85+80+70)/5 = 82.60, spread 20
      panel('A', [90, 88, 85, 80, 70]),
      // result (88+85+80)/3 = 84.33, mean (95+88+85+80+75)/5 = 84.60, spread 20
      panel('B', [95, 88, 85, 80, 75]),
      // result 84.33, mean (89+88+85+80+76)/5 = 83.60, spread 13
      panel('C', [89, 88, 85, 80, 76]),
      // result 84.33, mean (90+88+85+80+75)/5 = 83.60 as C, spread 15
      panel('D', [90, 88, 85, 80, 75]),
      // result (90+88+86)/3 = 88.00
      panel('E', [91, 90, 88, 86, 80]),
      // no result
      panel('F', [90, null, null, null, null]),
    ];
    const ranked = rankApplications(results, label);
    expect(ranked.map((r) => [r.applicationId, r.rank])).toEqual([
      ['E', 1],
      ['B', 2],
      ['C', 3],
      ['D', 4],
      ['A', 5],
      ['F', null],
    ]);
    expect(ranked[0]?.reason).toBe('结果88.00分');
    expect(ranked[1]?.reason).toBe(
      '结果84.33分，与SZKC-C、SZKC-D、SZKC-A相同，按全部有效评分平均分84.60分排序',
    );
    expect(ranked[2]?.reason).toBe(
      '结果84.33分，与SZKC-B、SZKC-D、SZKC-A相同，全部有效评分平均分亦同为83.60分，按最高最低分差13分（差小者在前）排序',
    );
    expect(ranked[5]?.reason).toBe('有效评分不足，暂不排名');
  });

  it('applications equal on every count share a rank, and the officers decide in writing', () => {
    const ranked = rankApplications(
      [panel('X', [80, 80, 80]), panel('Y', [80, 80, 80]), panel('Z', [90, 90, 90])],
      label,
    );
    expect(ranked.map((r) => [r.applicationId, r.rank, r.tiedWith])).toEqual([
      ['Z', 1, []],
      ['X', 2, ['Y']],
      ['Y', 2, ['X']],
    ]);
    expect(ranked[1]?.reason).toBe(
      '结果80.00分，与SZKC-Y的结果、全部有效评分平均分和最高最低分差均相同，并列第2名，先后由评审组研究确定并书面说明',
    );
  });
});

describe('talentCategoryOf', () => {
  it('maps a result to A/B/C by the bands, each boundary included', () => {
    expect(talentCategoryOf(9000, settings).category).toBe('A');
    expect(talentCategoryOf(8999, settings).category).toBe('B');
    expect(talentCategoryOf(8000, settings).category).toBe('B');
    expect(talentCategoryOf(7000, settings).category).toBe('C');
    expect(talentCategoryOf(6999, settings)).toEqual({
      category: null,
      reason: '结果69.99分，低于C类分数线70分，不予认定',
    });
    expect(talentCategoryOf(9000, settings).reason).toBe('结果90.00分，不低于A类分数线90分');
  });

  it('formats hundredths of a point', () => {
    expect([0, 7, 67, 8433, 10000].map(formatPoints)).toEqual([
      '0.00',
      '0.07',
      '0.67',
      '84.33',
      '100.00',
    ]);
  });
});
