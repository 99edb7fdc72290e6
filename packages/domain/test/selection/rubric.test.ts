import { describe, expect, it } from 'vitest';
import {
  SELECTION_SETTINGS_VERSIONS,
  expertChangesNeedingReview,
  rubricSchema,
  scoreSheetSchema,
  type SelectionSettings,
} from '../../src';

/** The rubric officers set and the sheet experts fill (issue 14), with the messages they read. */
const settings = SELECTION_SETTINGS_VERSIONS[0] as SelectionSettings;
const sheet = scoreSheetSchema(settings.defaultRubric, settings);
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('rubricSchema', () => {
  it('takes the default rubric: 创新性 30, 可行性 25, 团队实力 20, 预期效益 25', () => {
    expect(rubricSchema.safeParse(settings.defaultRubric).success).toBe(true);
  });

  it('refuses criteria that do not add up to 100, or repeat a code', () => {
    const criteria = [
      { code: 'innovation', name: '创新性', maxPoints: 60 },
      { code: 'innovation', name: '可行性', maxPoints: 30 },
    ];
    expect(messages(rubricSchema.safeParse({ criteria }))).toEqual([
      '各评分项分值合计应为100分，现为90分',
      '评分项代码不能重复',
    ]);
  });
});

describe('scoreSheetSchema', () => {
  const scores = { innovation: 25, feasibility: 20, team: 15, benefit: 20 };

  it('takes a score on every criterion with the expert confirming no conflict', () => {
    expect(sheet.parse({ conflict: 'none', scores })).toEqual({ conflict: 'none', scores });
  });

  it('wants a comment for a total of 60 or less, or 90 or more', () => {
    const low = { innovation: 15, feasibility: 15, team: 15, benefit: 15 };
    expect(messages(sheet.safeParse({ conflict: 'none', scores: low }))).toEqual([
      '总分60分，不高于60分，请填写评审意见说明理由',
    ]);
    const high = { innovation: 30, feasibility: 25, team: 15, benefit: 20 };
    expect(messages(sheet.safeParse({ conflict: 'none', scores: high }))).toEqual([
      '总分90分，不低于90分，请填写评审意见说明理由',
    ]);
    expect(
      sheet.safeParse({ conflict: 'none', scores: high, comment: '技术路线清晰，团队基础扎实' })
        .success,
    ).toBe(true);
    // 61 and 89 need none.
    expect(
      sheet.safeParse({
        conflict: 'none',
        scores: { innovation: 16, feasibility: 15, team: 15, benefit: 15 },
      }).success,
    ).toBe(true);
  });

  it('names the criterion that is missing, over its maximum or not a whole number', () => {
    expect(
      messages(
        sheet.safeParse({
          conflict: 'none',
          scores: { innovation: 31, feasibility: 20.5, team: 15 },
        }),
      ),
    ).toEqual(['“创新性”不能超过30分', '“可行性”应为整数分', '请为“预期效益”打分']);
  });

  it('a declared conflict needs its reason and carries no score', () => {
    expect(messages(sheet.safeParse({ conflict: 'declared' }))).toEqual(['请说明需要回避的原因']);
    expect(sheet.parse({ conflict: 'declared', reason: '申报单位为本人博士后合作单位' })).toEqual({
      conflict: 'declared',
      reason: '申报单位为本人博士后合作单位',
    });
    expect(messages(sheet.safeParse({ scores }))).toEqual(['请确认与该申报是否存在利益关系']);
  });
});

describe('expertChangesNeedingReview', () => {
  const before = {
    name: '周文博',
    title: 'professor' as const,
    unitName: '宿州学院',
    unitCreditCode: null,
    fieldCodes: ['low-carbon-energy', 'advanced-materials'] as never,
  };
  it('compares fields as sets, and a missing credit code as none', () => {
    expect(
      expertChangesNeedingReview(before, {
        ...before,
        unitCreditCode: undefined,
        fieldCodes: ['advanced-materials', 'low-carbon-energy'] as never,
      }),
    ).toEqual([]);
  });
  it('names each reviewed field that changed', () => {
    expect(
      expertChangesNeedingReview(before, {
        ...before,
        unitCreditCode: undefined,
        unitName: '安徽大学',
        fieldCodes: ['low-carbon-energy'] as never,
      }),
    ).toEqual(['unitName', 'fieldCodes']);
  });
});
