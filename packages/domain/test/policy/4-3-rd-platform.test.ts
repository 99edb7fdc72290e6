import { describe, expect, it } from 'vitest';
import { derivePolicySet, yuan } from '../../src';
import { codes, DRAFT, FIRM, priorFrom, run } from './fixtures';

// 四.3 对新认定的国家级、省级研发平台（重点实验室、技术创新中心、企业研发中心等），
// 分别给予 200 万元、40 万元奖励。
describe('四.3 新认定国家级、省级研发平台', () => {
  it('awards ¥2,000,000 for a newly recognised national platform', () => {
    const e = run('rd-platform', {
      inputPatch: { level: 'national', platformName: '国家氢能装备重点实验室' },
    });
    expect(e.eligible).toBe(true);
    expect(e.amount).toBe(yuan(2_000_000));
    expect(e.explanation.formula).toBe('按认定级别（国家级）：¥2,000,000.00');
  });

  it('awards ¥400,000 for a newly recognised provincial platform', () => {
    const e = run('rd-platform');
    expect(e.amount).toBe(yuan(400_000));
    expect(e.onceKeys).toEqual(['rd-platform:orgszxy:安徽省氢能装备技术创新中心:provincial']);
  });

  it('accepts a firm, a university or an institute as host, each platform kind the clause names', () => {
    for (const platformKind of [
      'key-laboratory',
      'tech-innovation-centre',
      'enterprise-rd-centre',
    ]) {
      expect(run('rd-platform', { applicant: FIRM, inputPatch: { platformKind } }).eligible).toBe(
        true,
      );
    }
  });

  it('does not reward a city-level platform under this clause', () => {
    const e = run('rd-platform', { inputPatch: { level: 'city' } });
    expect(e.eligible).toBe(false);
    expect(e.refusals[0]).toMatchObject({ code: 'INVALID_INPUT', field: 'level' });
    expect(e.refusals[0]?.message).toContain('国家级、省级');
  });

  it('refuses the same platform at the same level twice, however its name is spaced or bracketed', () => {
    const first = run('rd-platform');
    const again = run(
      'rd-platform',
      { inputPatch: { platformName: '安徽省 氢能装备（技术创新中心）' } },
      { priorAwards: [priorFrom(first, 'A-1')], approvedThisYear: 0 },
    );
    expect(codes(again)).toEqual(['ALREADY_AWARDED']);
  });

  it('pays only the difference when a provincial platform is later recognised nationally (就高补差)', () => {
    const provincial = run('rd-platform');
    const national = run(
      'rd-platform',
      { appliedOn: '2026-12-01', inputPatch: { level: 'national', recognisedOn: '2026-11-20' } },
      { priorAwards: [priorFrom(provincial, 'A-1')], approvedThisYear: 0 },
    );
    expect(national.eligible).toBe(true);
    expect(national.amount).toBe(yuan(1_600_000));
    expect(national.explanation.capsApplied).toContain(
      '就高补差：国家级奖励 ¥2,000,000.00 − 该研发平台已获较低级别奖励 ¥400,000.00 = ¥1,600,000.00',
    );
    expect(national.explanation.settings.map((s) => s.name)).toContain('upgradeAward');
  });

  it('finds the provincial award under the platform’s former name', () => {
    const provincial = run('rd-platform', {
      inputPatch: { platformName: '宿州氢能装备省级技术创新中心' },
    });
    const national = run(
      'rd-platform',
      {
        appliedOn: '2026-12-01',
        inputPatch: {
          level: 'national',
          platformName: '国家氢能装备技术创新中心',
          formerName: '宿州氢能装备省级技术创新中心',
          recognisedOn: '2026-11-20',
        },
      },
      { priorAwards: [priorFrom(provincial, 'A-1')], approvedThisYear: 0 },
    );
    expect(national.amount).toBe(yuan(1_600_000));
  });

  it('pays the national amount in full when the version sets upgradeAward to full', () => {
    const full = derivePolicySet(DRAFT, {
      id: 'test-full-upgrade',
      version: 'test',
      effectiveFrom: '2026-01-01',
      settings: { upgradeAward: 'full' },
    });
    const provincial = run('rd-platform', {}, undefined, full);
    const national = run(
      'rd-platform',
      { appliedOn: '2026-12-01', inputPatch: { level: 'national', recognisedOn: '2026-11-20' } },
      { priorAwards: [priorFrom(provincial, 'A-1')], approvedThisYear: 0 },
      full,
    );
    expect(national.amount).toBe(yuan(2_000_000));
    expect(national.explanation.settings.find((s) => s.name === 'upgradeAward')?.value).toContain(
      '全额',
    );
  });

  it('does not pay a provincial award to a platform already paid at national level', () => {
    const national = run('rd-platform', { inputPatch: { level: 'national' } });
    const provincial = run(
      'rd-platform',
      { inputPatch: { level: 'provincial' } },
      { priorAwards: [priorFrom(national, 'A-1')], approvedThisYear: 0 },
    );
    expect(codes(provincial)).toEqual(['HIGHER_LEVEL_ALREADY_AWARDED']);
  });

  it('treats platforms of different hosts as different platforms', () => {
    const first = run('rd-platform');
    const other = run(
      'rd-platform',
      { applicant: FIRM },
      { priorAwards: [priorFrom(first, 'A-1')], approvedThisYear: 0 },
    );
    expect(other.eligible).toBe(true);
  });
});
