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

  // The fixture's case, 智慧农业无人机植保应用场景, is all ideographs: its key part is the name itself;
  // the applicant org-yunzhi's is orgyunzhi (letters and digits only).
  const CASE_KEY = '智慧农业无人机植保应用场景';

  it('counts a "2026年度" case concluded in February 2027 in 2026: quota year and once-key', () => {
    // The call's 年度 is 2026, its result document is dated 2027-02-10: the case is one of 2026's ten.
    const e = run(
      'scenario-case',
      { appliedOn: '2027-03-01', inputPatch: { selectedOn: '2027-02-10', selectionYear: 2026 } },
      { priorAwards: [], approvedThisYear: 3 },
    );
    expect(e.eligible).toBe(true);
    expect(e.quotaYear).toBe(2026);
    expect(e.onceKeys).toEqual([
      `scenario-case:2026:${CASE_KEY}`,
      `scenario-case:orgyunzhi:${CASE_KEY}`,
    ]);
    expect(e.explanation.quota).toBe('本年度已评选 3 项，上限 10 项（评选年度：2026 年）');
    expect(e.explanation.inputs).toContainEqual({ label: '评选年度', value: '2026' });
  });

  it('counts a "2027年度" case concluded in December 2026 in 2027', () => {
    const e = run('scenario-case', {
      appliedOn: '2026-12-28',
      inputPatch: { selectedOn: '2026-12-20', selectionYear: 2027 },
    });
    expect(e.quotaYear).toBe(2027);
    expect(e.onceKeys[0]).toBe(`scenario-case:2027:${CASE_KEY}`);
  });

  it('refuses the case when its selection year is full, whatever year the document bears', () => {
    // 2026 holds ten: the case selected for 2026 is refused although 2027 (its date) is empty.
    const e = run(
      'scenario-case',
      { appliedOn: '2027-03-01', inputPatch: { selectedOn: '2027-02-10', selectionYear: 2026 } },
      { priorAwards: [], approvedThisYear: 10 },
    );
    expect(codes(e)).toEqual(['YEARLY_QUOTA_REACHED']);
    expect(e.refusals[0]?.message).toBe('2026 年度已评选 10 项，已达每年不超过 10 项的上限');
  });

  it('without a selection year (a unit applying with its own 入选文件) counts by the 入选日期', () => {
    const e = run('scenario-case', {
      appliedOn: '2027-03-01',
      inputPatch: { selectedOn: '2027-02-10' },
    });
    expect(e.quotaYear).toBe(2027);
    expect(e.onceKeys[0]).toBe(`scenario-case:2027:${CASE_KEY}`);
    // Nothing is shown for a field left blank.
    expect(e.explanation.inputs.map((row) => row.label)).not.toContain('评选年度');
  });

  it('refuses a selection year more than a year from the 入选日期, under its field', () => {
    const e = run('scenario-case', {
      appliedOn: '2027-03-01',
      inputPatch: { selectedOn: '2027-02-10', selectionYear: 2025 },
    });
    expect(codes(e)).toEqual(['INVALID_INPUT']);
    expect(e.refusals[0]).toMatchObject({
      field: 'selectionYear',
      message: expect.stringContaining(
        '评选年度 2025 与入选日期 2027-02-10 不符（应为入选日期所在年份或前后一年）',
      ),
    });
    // Not a year at all: said first, under the same field (as 四.12's 大赛年度 does).
    const typed = run('scenario-case', { inputPatch: { selectionYear: 26 } });
    expect(new Set(codes(typed))).toEqual(new Set(['INVALID_INPUT']));
    expect(typed.refusals[0]).toMatchObject({
      field: 'selectionYear',
      message: '评选年度应为四位年份',
    });
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
