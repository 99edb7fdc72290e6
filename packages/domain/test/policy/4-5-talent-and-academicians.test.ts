import { describe, expect, it } from 'vitest';
import { yuan } from '../../src';
import { codes, FIRM, priorFrom, run } from './fixtures';

// 四.5 对获批市级高层次科技人才团队按程序分类给予 300 万元、200 万元、100 万元资金支持。
// 对新获批的省级院士工作站，给予 50 万元奖励，对新获批的市级院士（专家）创新中心、工作站，
// 分别给予 50 万元、20 万元奖励。
describe('四.5 市级高层次科技人才团队', () => {
  it.each([
    ['A', 3_000_000],
    ['B', 2_000_000],
    ['C', 1_000_000],
  ])('supports a category %s team with ¥%i', (category, amount) => {
    const e = run('talent-team', { inputPatch: { category } });
    expect(e.eligible).toBe(true);
    expect(e.amount).toBe(yuan(amount));
  });

  it('supports one team only once, also when it is renamed under the same leader', () => {
    const first = run('talent-team');
    const renamed = run(
      'talent-team',
      { inputPatch: { teamName: '未来碳材料团队', category: 'B' } },
      { priorAwards: [priorFrom(first, 'A-1')], approvedThisYear: 0 },
    );
    expect(codes(renamed)).toEqual(['ALREADY_AWARDED']);
  });

  it('refuses a team hosted outside the city', () => {
    const e = run('talent-team', {
      applicant: {
        kind: 'organisation',
        id: 'x',
        name: '外地研究院',
        type: 'institute',
        areaCode: null,
        insideCity: false,
        qualifications: [],
      },
    });
    expect(codes(e)).toEqual(['APPLICANT_OUTSIDE_CITY']);
  });
});

describe('四.5 院士工作站与院士（专家）创新中心', () => {
  it('awards ¥500,000 for a newly approved provincial academician workstation', () => {
    const e = run('academician-workstation-provincial');
    expect(e.eligible).toBe(true);
    expect(e.amount).toBe(yuan(500_000));
  });

  it('awards ¥500,000 for a newly approved city academician (expert) innovation centre', () => {
    expect(run('academician-centre-city').amount).toBe(yuan(500_000));
  });

  it('awards ¥200,000 for a newly approved city academician (expert) workstation', () => {
    expect(run('academician-workstation-city').amount).toBe(yuan(200_000));
  });

  it('pays ¥300,000 when a city workstation paid ¥200,000 is later approved provincially', () => {
    const city = run('academician-workstation-city');
    const provincial = run(
      'academician-workstation-provincial',
      {},
      { priorAwards: [priorFrom(city, 'A-1')], approvedThisYear: 0 },
    );
    expect(provincial.eligible).toBe(true);
    expect(provincial.amount).toBe(yuan(300_000));
  });

  it('does not pay the city level to a workstation already paid provincially', () => {
    const provincial = run('academician-workstation-provincial');
    const city = run(
      'academician-workstation-city',
      {},
      { priorAwards: [priorFrom(provincial, 'A-1')], approvedThisYear: 0 },
    );
    expect(codes(city)).toEqual(['HIGHER_LEVEL_ALREADY_AWARDED']);
  });

  it('refuses an academician award without the cooperation agreement and lists it', () => {
    const e = run('academician-centre-city', {
      applicant: FIRM,
      evidence: ['approval-document', 'credit-commitment', 'bank-account'],
    });
    expect(e.eligible).toBe(false);
    expect(e.missingEvidence.map((m) => m.kind)).toEqual(['cooperation-agreement']);
    expect(e.computedAmount).toBe(yuan(500_000));
  });
});
