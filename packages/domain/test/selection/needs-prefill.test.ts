import { describe, expect, it } from 'vitest';
import { vpNeedPrefill, vpNeedSchema } from '../../src';

/** A 攻关需求 turned into a 科技副总 need: cut to the 科技副总 form, which then accepts it. */
describe('vpNeedPrefill', () => {
  const need = {
    title: '氢'.repeat(60),
    fieldCode: 'low-carbon-energy',
    subFieldCode: 'membrane-electrode',
    problem: '难'.repeat(990),
    indicators: '铂载量不高于0.2毫克每平方厘米',
  };

  it('cuts the title to 50 and keeps the problem without indicators when both would not fit', () => {
    const p = vpNeedPrefill(need);
    expect([...p.title]).toHaveLength(50);
    expect(p.title.endsWith('…')).toBe(true);
    expect(p.problem).toBe(need.problem);
    const long = vpNeedPrefill({ ...need, problem: '难'.repeat(1500) });
    expect([...long.problem]).toHaveLength(1000);
  });

  it('gives what the 科技副总 form accepts once the firm adds its own fields', () => {
    const parsed = vpNeedSchema.safeParse({
      ...vpNeedPrefill({
        ...need,
        title: '膜电极低铂催化剂',
        problem: '现有膜电极铂载量高、成本高，需开发低铂催化剂并实现批量涂布。',
      }),
      expertiseWanted: '膜电极制备、催化剂',
      daysPerYear: 60,
      positions: 1,
      investorInstitutions: [],
      priorPartners: [],
    });
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data.problem).toContain('关键技术指标：铂载量');
  });
});
