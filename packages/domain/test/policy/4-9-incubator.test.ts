import { describe, expect, it } from 'vitest';
import { yuan } from '../../src';
import { codes, priorFrom, run } from './fixtures';

// 四.9 对新认定的国家级、省级和市级科技企业孵化器，分别给予 50 万元、25 万元、15 万元奖励。
describe('四.9 新认定科技企业孵化器', () => {
  it.each([
    ['national', 500_000],
    ['provincial', 250_000],
    ['city', 150_000],
  ])('awards a newly recognised %s incubator ¥%i', (level, amount) => {
    const e = run('incubator', { inputPatch: { level } });
    expect(e.eligible).toBe(true);
    expect(e.amount).toBe(yuan(amount));
  });

  it('climbs the ladder city → provincial → national paying ¥150,000, ¥100,000, ¥250,000', () => {
    const city = run('incubator');
    const provincial = run(
      'incubator',
      { inputPatch: { level: 'provincial', recognisedOn: '2026-06-01' } },
      { priorAwards: [priorFrom(city, 'A-1')], approvedThisYear: 0 },
    );
    expect(provincial.amount).toBe(yuan(100_000));
    const national = run(
      'incubator',
      { inputPatch: { level: 'national', recognisedOn: '2026-08-01' } },
      { priorAwards: [priorFrom(city, 'A-1'), priorFrom(provincial, 'A-2')], approvedThisYear: 0 },
    );
    expect(national.amount).toBe(yuan(250_000));
    expect(city.amount + provincial.amount + national.amount).toBe(yuan(500_000));
  });

  it('refuses a second award for the same incubator at the same level', () => {
    const city = run('incubator');
    const again = run(
      'incubator',
      {},
      { priorAwards: [priorFrom(city, 'A-1')], approvedThisYear: 0 },
    );
    expect(codes(again)).toEqual(['ALREADY_AWARDED']);
  });

  it('accepts an incubator operator as applicant', () => {
    const e = run('incubator', {
      applicant: {
        kind: 'organisation',
        id: 'org-inc',
        name: '宿州创新孵化运营有限公司',
        type: 'incubator',
        areaCode: 'sz-etdz',
        insideCity: true,
        qualifications: [],
      },
    });
    expect(e.eligible).toBe(true);
  });
});
