import { describe, expect, it } from 'vitest';
import type { AcceptanceSeat, ExpertFacts } from '../../src';
import {
  OUTCOME_OF_VERDICT,
  acceptanceConclusion,
  acceptanceDecisionRefusal,
  acceptanceSheetSchema,
  acceptanceVerdictName,
  departsFromPanel,
  drawPanel,
  reviewReportSchema,
  selectionSettingsFor,
  verdictRefusal,
} from '../../src';

/**
 * 验收专家组 (四.2): the verdicts' tally, when the panel is complete, its majority, and the rule
 * for the bureau's decision on the final report. Every figure below is counted by hand.
 */
const settings = selectionSettingsFor('2027-01-01');
const rules = settings.acceptance;

const accepted = (answer: AcceptanceSeat['answer']): AcceptanceSeat => ({
  status: 'accepted',
  answer,
});
const seat = (status: AcceptanceSeat['status']): AcceptanceSeat => ({ status, answer: null });

describe('acceptance settings', () => {
  it('default to five experts, two reserves and three valid verdicts', () => {
    expect(rules).toEqual({ panelSize: 5, reserves: 2, minValidVerdicts: 3 });
  });
});

describe('verdicts', () => {
  it('are named, and each stands for one review outcome', () => {
    expect(['pass', 'revise', 'fail'].map(acceptanceVerdictName)).toEqual([
      '通过',
      '需整改',
      '不通过',
    ]);
    expect(OUTCOME_OF_VERDICT).toEqual({ pass: 'pass', revise: 'return', fail: 'fail' });
  });

  it('need a comment unless 通过, and a confirmed absence of conflict or a declared one', () => {
    expect(acceptanceSheetSchema.safeParse({ conflict: 'none', verdict: 'pass' }).success).toBe(
      true,
    );
    const bare = acceptanceSheetSchema.safeParse({
      conflict: 'none',
      verdict: 'revise',
      comment: '   ',
    });
    expect(bare.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['comment', '选择“需整改”或“不通过”的，须填写验收意见说明理由'],
    ]);
    const fail = acceptanceSheetSchema.safeParse({
      conflict: 'none',
      verdict: 'fail',
      comment: '公斤级制备未实现',
    });
    expect(fail.data).toEqual({ conflict: 'none', verdict: 'fail', comment: '公斤级制备未实现' });
    const noVerdict = acceptanceSheetSchema.safeParse({ conflict: 'none' });
    expect(noVerdict.error?.issues[0]?.message).toBe('请选择验收意见');
    const unconfirmed = acceptanceSheetSchema.safeParse({ verdict: 'pass' });
    expect(unconfirmed.error?.issues[0]?.message).toBe('请确认与该项目是否存在利益关系');
    const noReason = acceptanceSheetSchema.safeParse({ conflict: 'declared', reason: ' ' });
    expect(noReason.error?.issues[0]).toMatchObject({
      path: ['reason'],
      message: '请说明需要回避的原因',
    });
    expect(
      acceptanceSheetSchema.safeParse({ conflict: 'declared', reason: '本人曾在承担单位兼职' })
        .success,
    ).toBe(true);
  });
});

describe('the panel’s conclusion', () => {
  it('counts five verdicts and takes the one more than half give', () => {
    const c = acceptanceConclusion(
      [
        accepted('pass'),
        accepted('pass'),
        accepted('revise'),
        accepted('pass'),
        accepted('fail'),
        seat('reserve'),
        seat('reserve'),
      ],
      rules,
    );
    expect(c).toEqual({
      tally: { pass: 3, revise: 1, fail: 1 },
      valid: 5,
      conflicts: 0,
      awaitingAnswer: 0,
      awaitingVerdict: 0,
      vacancies: 0,
      complete: true,
      majority: 'pass',
      explanation: '有效意见5份（通过3、需整改1、不通过1），多数意见为“通过”。',
    });
  });

  it('has no majority on a 2–2 split; a declared conflict voids a verdict and leaves a place', () => {
    const c = acceptanceConclusion(
      [
        accepted('pass'),
        accepted('revise'),
        accepted('conflict'),
        accepted('revise'),
        accepted('pass'),
      ],
      rules,
    );
    // 4 valid ≥ 3: complete; 2 × 2 = 4 is not more than 4.
    expect(c).toMatchObject({
      valid: 4,
      conflicts: 1,
      vacancies: 1,
      complete: true,
      majority: null,
      explanation: '有效意见4份（通过2、需整改2、不通过0；1位专家回避），没有过半数的意见。',
    });
  });

  it('takes three of four as a majority (3 × 2 = 6 > 4)', () => {
    const c = acceptanceConclusion(
      [
        accepted('fail'),
        accepted('fail'),
        accepted('conflict'),
        accepted('fail'),
        accepted('pass'),
      ],
      rules,
    );
    expect(c).toMatchObject({ valid: 4, complete: true, majority: 'fail' });
  });

  it('is not complete while an invitation is open or an accepted expert has not answered', () => {
    const c = acceptanceConclusion(
      [
        accepted('pass'),
        seat('invited'),
        seat('declined'),
        accepted(null),
        accepted('pass'),
        accepted('pass'),
        seat('reserve'),
      ],
      rules,
    );
    // The declined place went to the first reserve, invited now: 5 − 1 invited − 4 accepted
    // (one of them yet to answer) = no place open.
    expect(c).toEqual({
      tally: { pass: 3, revise: 0, fail: 0 },
      valid: 3,
      conflicts: 0,
      awaitingAnswer: 1,
      awaitingVerdict: 1,
      vacancies: 0,
      complete: false,
      majority: null,
      explanation: '专家组意见尚未汇齐：1位专家尚未确认是否参加，1位专家尚未提出验收意见。',
    });
  });

  it('is not complete with fewer valid verdicts than the settings’ minimum, however many answered', () => {
    const c = acceptanceConclusion(
      [
        accepted('pass'),
        accepted('conflict'),
        accepted('conflict'),
        seat('declined'),
        accepted('pass'),
      ],
      rules,
    );
    expect(c).toMatchObject({
      valid: 2,
      conflicts: 2,
      vacancies: 3,
      complete: false,
      majority: null,
      explanation: '专家组意见尚未汇齐：有效意见2份，不足3份，3个名额待备选专家递补。',
    });
    // The same verdicts under a minimum of two are a complete panel, unanimous.
    expect(
      acceptanceConclusion([accepted('pass'), accepted('conflict'), accepted('pass')], {
        ...rules,
        minValidVerdicts: 2,
      }),
    ).toMatchObject({ complete: true, majority: 'pass', vacancies: 3 });
  });

  it('lets an expert give or change a verdict only while accepted, not recused and not complete', () => {
    const open = { complete: false };
    expect(verdictRefusal(accepted(null), open)).toBeNull();
    expect(verdictRefusal(accepted('revise'), open)).toBeNull();
    expect(verdictRefusal(seat('invited'), open)).toBe('确认参加后才能提出验收意见');
    expect(verdictRefusal(accepted('conflict'), open)).toBe('您已申明回避，不能再提出验收意见');
    expect(verdictRefusal(accepted('pass'), { complete: true })).toBe(
      '验收专家组意见已汇齐，不能再修改',
    );
  });
});

describe('the bureau’s decision on the final report', () => {
  const complete = acceptanceConclusion(
    [accepted('pass'), accepted('pass'), accepted('revise'), accepted('pass'), accepted('pass')],
    rules,
  );
  const split = acceptanceConclusion(
    [accepted('pass'), accepted('fail'), accepted('revise'), accepted('revise'), accepted('pass')],
    rules,
  );

  it('waits for the panel to be complete', () => {
    const waiting = acceptanceConclusion([accepted('pass'), seat('invited')], rules);
    expect(acceptanceDecisionRefusal(waiting, 'pass', '理由')).toEqual({
      code: 'INVALID_TRANSITION',
      message:
        '验收专家组意见汇齐后才能审查结题验收报告。专家组意见尚未汇齐：1位专家尚未确认是否参加，3个名额待备选专家递补。',
    });
  });

  it('follows the majority without a reason, and departs from it only with one', () => {
    expect(acceptanceDecisionRefusal(complete, 'pass', undefined)).toBeNull();
    expect(departsFromPanel(complete, 'return')).toBe(true);
    for (const reason of [undefined, '', '   '])
      expect(acceptanceDecisionRefusal(complete, 'return', reason)).toEqual({
        code: 'DEPARTURE_REASON_REQUIRED',
        path: 'departureReason',
        message: '审查结论“退回修改”与验收专家组多数意见“通过”不一致，须写明理由',
      });
    expect(
      acceptanceDecisionRefusal(complete, 'return', '经费决算审计报告尚未提交，须补齐后再验收'),
    ).toBeNull();
  });

  it('needs a reason for any outcome when the panel has no majority', () => {
    expect(split.majority).toBeNull();
    expect(departsFromPanel(split, 'return')).toBe(true);
    expect(acceptanceDecisionRefusal(split, 'return', undefined)).toEqual({
      code: 'DEPARTURE_REASON_REQUIRED',
      path: 'departureReason',
      message: '验收专家组没有过半数的意见，须写明审查结论“退回修改”的理由',
    });
  });

  it('takes the reason with the review', () => {
    const parsed = reviewReportSchema.parse({
      outcome: 'pass',
      departureReason: '  专家组意见分歧，经局务会研究同意通过  ',
    });
    expect(parsed.departureReason).toBe('专家组意见分歧，经局务会研究同意通过');
    expect(reviewReportSchema.parse({ outcome: 'pass', departureReason: ' ' })).toEqual({
      outcome: 'pass',
    });
  });
});

describe('an acceptance panel’s draw', () => {
  const expert = (id: string, unit: string): ExpertFacts => ({
    id,
    status: 'active',
    fieldCodes: ['low-carbon-energy'],
    units: [unit],
    conflicts: [],
  });

  it('draws the acceptance size, not the call panel’s, leaving out the project’s units', () => {
    const draw = drawPanel({
      group: {
        fieldCode: 'low-carbon-energy',
        applications: [
          {
            id: 'p1',
            applicantId: 'org1',
            units: ['宿州铂源新材料科技有限公司', '宿州学院'],
            people: [],
          },
        ],
      },
      experts: [
        expert('e1', '宿州学院'),
        expert('e2', '淮北师范大学'),
        expert('e3', '皖北应用技术研究院'),
        expert('e4', '合肥前沿科学中心'),
      ],
      reviewedLastYear: [],
      settings,
      size: { members: 2, reserves: 1 },
      seed: 'acceptance',
    });
    if (!draw.ok) throw new Error(draw.message);
    expect(draw.pool).toEqual(['e2', 'e3', 'e4']);
    expect(draw.members).toHaveLength(2);
    expect(draw.reserves).toHaveLength(1);
    expect([...draw.members, ...draw.reserves].sort()).toEqual(['e2', 'e3', 'e4']);
    expect(draw.excluded).toEqual([{ expertId: 'e1', codes: ['applicant-unit'] }]);
  });
});
