import { describe, expect, it } from 'vitest';
import { yuan } from '../../src';
import { codes, OTHER_FIRM, priorFrom, run } from './fixtures';

// 四.1 对入选市级重大应用场景典型案例的，每项给予 20 万元奖励，每年评选不超过 10 项。
describe('四.1 市级重大应用场景典型案例', () => {
  it('awards ¥200,000 for a selected typical case', () => {
    const e = run('scenario-case');
    expect(e.eligible).toBe(true);
    expect(e.amount).toBe(yuan(200_000));
    expect(e.explanation.clause).toBe('四.1');
    expect(e.explanation.formula).toBe('定额奖励 ¥200,000.00');
  });

  it('awards the 10th case of a year and shows the count', () => {
    const e = run('scenario-case', {}, { priorAwards: [], approvedThisYear: 9 });
    expect(e.eligible).toBe(true);
    expect(e.explanation.quota).toBe('本年度已评选 9 项，上限 10 项（评选年度：2026 年）');
    expect(e.quotaYear).toBe(2026);
  });

  it('refuses an 11th scenario award in the same year', () => {
    const e = run('scenario-case', {}, { priorAwards: [], approvedThisYear: 10 });
    expect(e.eligible).toBe(false);
    expect(e.amount).toBe(0n);
    expect(codes(e)).toEqual(['YEARLY_QUOTA_REACHED']);
    expect(e.refusals[0]?.message).toContain('已达每年不超过 10 项的上限');
  });

  it('counts the quota in the year the case was selected, not the year of the application', () => {
    const e = run('scenario-case', {
      appliedOn: '2027-02-10',
      inputPatch: { selectedOn: '2026-12-20' },
    });
    expect(e.quotaYear).toBe(2026);
  });

  it('pays one case only once, even when a second organisation applies for it', () => {
    const first = run('scenario-case');
    const second = run(
      'scenario-case',
      { applicant: OTHER_FIRM },
      { priorAwards: [priorFrom(first, 'A-2026-0001')], approvedThisYear: 1 },
    );
    expect(codes(second)).toEqual(['ALREADY_AWARDED']);
    expect(second.refusals[0]?.message).toContain('A-2026-0001');
  });
});
