import { describe, expect, it } from 'vitest';
import type { CandidateEligibilityFacts, FirmEligibilityFacts } from '../../src/matching/facts';
import {
  ageOn,
  checkCandidateEligibility,
  checkFirmEligibility,
} from '../../src/matching/eligibility';
import { SETTINGS } from './fixtures';

const REFERENCE_DATE = '2026-03-31';

/** A 合肥工业大学 staff researcher, 45 on the reference date. */
function researcher(overrides: Partial<CandidateEligibilityFacts> = {}): CandidateEligibilityFacts {
  return {
    birthDate: '1980-06-15',
    institutionKind: 'university',
    employment: 'staff',
    contractYears: null,
    priorityFlags: [],
    capacity: 1,
    ...overrides,
  };
}

function firm(overrides: Partial<FirmEligibilityFacts> = {}): FirmEligibilityFacts {
  return {
    organisationType: 'firm',
    areaCode: 'yongqiao',
    qualifications: ['tech-sme'],
    ...overrides,
  };
}

const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

describe('ageOn', () => {
  it('counts full years, turning a year older on the birthday itself', () => {
    expect(ageOn('1971-03-15', '2026-03-14')).toBe(54);
    expect(ageOn('1971-03-15', '2026-03-15')).toBe(55);
    expect(ageOn('1971-03-15', '2026-03-16')).toBe(55);
  });

  it('compares month before day (a later month with a smaller day is still after)', () => {
    expect(ageOn('1980-12-01', '2026-11-30')).toBe(45);
    expect(ageOn('1980-01-31', '2026-02-01')).toBe(46);
  });

  it('is 0 on the day of birth and before the first birthday', () => {
    expect(ageOn('2026-03-31', '2026-03-31')).toBe(0);
    expect(ageOn('2025-04-01', '2026-03-31')).toBe(0);
  });

  it('a 29 February birthday comes on 1 March in common years and on 29 February in leap years', () => {
    expect(ageOn('1972-02-29', '2026-02-28')).toBe(53);
    expect(ageOn('1972-02-29', '2026-03-01')).toBe(54);
    expect(ageOn('1972-02-29', '2028-02-28')).toBe(55);
    expect(ageOn('1972-02-29', '2028-02-29')).toBe(56);
  });
});

describe('checkCandidateEligibility', () => {
  it('accepts a staff researcher of a university or an institute within the age limit', () => {
    expect(checkCandidateEligibility(researcher(), SETTINGS, REFERENCE_DATE)).toEqual([]);
    expect(
      checkCandidateEligibility(
        researcher({ institutionKind: 'institute' }),
        SETTINGS,
        REFERENCE_DATE,
      ),
    ).toEqual([]);
  });

  describe('age limit 55 on the reference date', () => {
    it('accepts someone on the day before their 56th birthday', () => {
      expect(
        checkCandidateEligibility(researcher({ birthDate: '1970-04-01' }), SETTINGS, '2026-03-31'),
      ).toEqual([]);
    });

    it('refuses someone on their 56th birthday, stating age and limit', () => {
      const findings = checkCandidateEligibility(
        researcher({ birthDate: '1970-03-31' }),
        SETTINGS,
        '2026-03-31',
      );
      expect(findings).toEqual([{ code: 'too-old', message: '年龄56岁，超过55周岁的限制' }]);
    });

    it('reckons age on the reference date, not on any other day', () => {
      const facts = researcher({ birthDate: '1970-06-01' });
      expect(checkCandidateEligibility(facts, SETTINGS, '2026-05-31')).toEqual([]);
      expect(codes(checkCandidateEligibility(facts, SETTINGS, '2026-06-01'))).toEqual(['too-old']);
    });

    it('a 29 February birth turns 56 on 29 February (56 years on is always a leap year)', () => {
      const leapling = researcher({ birthDate: '1968-02-29' });
      expect(checkCandidateEligibility(leapling, SETTINGS, '2024-02-28')).toEqual([]);
      expect(codes(checkCandidateEligibility(leapling, SETTINGS, '2024-02-29'))).toEqual([
        'too-old',
      ]);
    });
  });

  describe('national-level talents (国家级人才) may be up to 60', () => {
    const national = (birthDate: string) =>
      researcher({ birthDate, priorityFlags: ['national-talent'] });

    it('accepts a national talent of 60 who would be too old otherwise', () => {
      expect(checkCandidateEligibility(national('1965-04-01'), SETTINGS, '2026-03-31')).toEqual([]);
      const plain = checkCandidateEligibility(
        researcher({ birthDate: '1965-04-01', priorityFlags: ['provincial-talent'] }),
        SETTINGS,
        '2026-03-31',
      );
      expect(plain).toEqual([{ code: 'too-old', message: '年龄60岁，超过55周岁的限制' }]);
    });

    it('a national talent born on 29 February turns 61 on 1 March of a common year', () => {
      expect(checkCandidateEligibility(national('1964-02-29'), SETTINGS, '2025-02-28')).toEqual([]);
      expect(
        codes(checkCandidateEligibility(national('1964-02-29'), SETTINGS, '2025-03-01')),
      ).toEqual(['too-old']);
    });

    it('refuses a national talent on their 61st birthday, naming the national limit', () => {
      expect(checkCandidateEligibility(national('1965-03-31'), SETTINGS, '2026-03-31')).toEqual([
        { code: 'too-old', message: '年龄61岁，超过国家级人才60周岁的限制' },
      ]);
    });
  });

  describe('employment', () => {
    it('refuses a contract researcher with a contract shorter than 3 years', () => {
      expect(
        checkCandidateEligibility(
          researcher({ employment: 'contract', contractYears: 2 }),
          SETTINGS,
          REFERENCE_DATE,
        ),
      ).toEqual([
        { code: 'contract-too-short', message: '非在编人员须与所在单位签订3年及以上聘用合同' },
      ]);
    });

    it('accepts a contract of exactly 3 years or more', () => {
      for (const contractYears of [3, 5]) {
        expect(
          checkCandidateEligibility(
            researcher({ employment: 'contract', contractYears }),
            SETTINGS,
            REFERENCE_DATE,
          ),
        ).toEqual([]);
      }
    });

    it('refuses a contract researcher who gave no contract length', () => {
      for (const contractYears of [null, undefined]) {
        expect(
          codes(
            checkCandidateEligibility(
              researcher({ employment: 'contract', contractYears }),
              SETTINGS,
              REFERENCE_DATE,
            ),
          ),
        ).toEqual(['contract-too-short']);
      }
    });

    it('does not ask staff (在编) for a contract', () => {
      expect(
        checkCandidateEligibility(
          researcher({ employment: 'staff', contractYears: null }),
          SETTINGS,
          REFERENCE_DATE,
        ),
      ).toEqual([]);
      expect(
        checkCandidateEligibility(
          researcher({ employment: 'staff', contractYears: 1 }),
          SETTINGS,
          REFERENCE_DATE,
        ),
      ).toEqual([]);
    });
  });

  it("refuses an institution of kind 'other' (only 高校 and 科研院所)", () => {
    expect(
      checkCandidateEligibility(researcher({ institutionKind: 'other' }), SETTINGS, REFERENCE_DATE),
    ).toEqual([{ code: 'institution-kind', message: '科技副总须为高校或科研院所的科研人员' }]);
  });

  it('refuses a capacity above maxFirmsPerResearcher, and a capacity of 0', () => {
    for (const capacity of [2, 3, 0]) {
      expect(checkCandidateEligibility(researcher({ capacity }), SETTINGS, REFERENCE_DATE)).toEqual(
        [{ code: 'capacity', message: '每人本批次最多服务1家企业' }],
      );
    }
  });

  it('follows the settings it is given (a version allowing two firms)', () => {
    const two = { ...SETTINGS, maxFirmsPerResearcher: 2, minContractYears: 2 };
    expect(
      checkCandidateEligibility(
        researcher({ capacity: 2, employment: 'contract', contractYears: 2 }),
        two,
        REFERENCE_DATE,
      ),
    ).toEqual([]);
  });

  it('reports every failed condition at once, in a stable order', () => {
    const findings = checkCandidateEligibility(
      researcher({
        birthDate: '1960-01-01',
        institutionKind: 'other',
        employment: 'contract',
        contractYears: 1,
        capacity: 2,
      }),
      SETTINGS,
      REFERENCE_DATE,
    );
    expect(codes(findings)).toEqual([
      'institution-kind',
      'contract-too-short',
      'too-old',
      'capacity',
    ]);
    expect(findings.find((f) => f.code === 'too-old')?.message).toBe('年龄66岁，超过55周岁的限制');
  });
});

describe('checkFirmEligibility', () => {
  it('accepts a firm in 埇桥区 with any one accepted qualification', () => {
    for (const q of SETTINGS.acceptedQualifications) {
      expect(checkFirmEligibility(firm({ qualifications: [q] }), SETTINGS)).toEqual([]);
    }
    expect(
      checkFirmEligibility(
        firm({ areaCode: 'sz-hitech', qualifications: ['other', 'tech-sme'] }),
        SETTINGS,
      ),
    ).toEqual([]);
  });

  it('refuses an organisation that is not a firm', () => {
    expect(checkFirmEligibility(firm({ organisationType: 'university' }), SETTINGS)).toEqual([
      { code: 'not-a-firm', message: '只有企业可以发布科技副总需求' },
    ]);
  });

  it('refuses a firm without an accepted qualification, listing them in Chinese', () => {
    for (const qualifications of [[], ['listed-company']]) {
      expect(checkFirmEligibility(firm({ qualifications }), SETTINGS)).toEqual([
        {
          code: 'no-qualification',
          message:
            '企业须具备以下资质之一：高新技术企业、科技型中小企业、专精特新企业、创新型中小企业',
        },
      ]);
    }
  });

  it('refuses a firm registered outside the city (an unknown area code)', () => {
    for (const areaCode of ['hefei', '340100', '', 'YONGQIAO']) {
      expect(checkFirmEligibility(firm({ areaCode }), SETTINGS)).toEqual([
        { code: 'outside-city', message: '企业须在宿州市内注册' },
      ]);
    }
  });

  it('reports every failed condition at once', () => {
    expect(
      codes(
        checkFirmEligibility(
          { organisationType: 'institute', areaCode: 'nanjing', qualifications: [] },
          SETTINGS,
        ),
      ),
    ).toEqual(['not-a-firm', 'outside-city', 'no-qualification']);
  });
});

describe('青年博士 (+5 priority points) holds only up to the settings’ age', () => {
  const youngDoctor = (birthDate: string) =>
    researcher({ birthDate, priorityFlags: ['young-doctor'] });

  it('takes its limit from the versioned settings (40 in vp-2026-01)', () => {
    expect(SETTINGS.youngDoctorMaxAge).toBe(40);
  });

  it('accepts a 青年博士 who is exactly the limit age on the reference date', () => {
    // 40 years old until the day before the 41st birthday (2026-04-01).
    expect(checkCandidateEligibility(youngDoctor('1985-04-01'), SETTINGS, '2026-03-31')).toEqual(
      [],
    );
  });

  it('refuses the flag one day over (on the 41st birthday), saying why and what to do', () => {
    const findings = checkCandidateEligibility(youngDoctor('1985-03-31'), SETTINGS, '2026-03-31');
    expect(findings).toEqual([
      {
        code: 'young-doctor-too-old',
        message: '“青年博士”须在40周岁及以下，您在年龄计算基准日2026-03-31为41岁，请取消勾选',
      },
    ]);
  });

  it('a 44-year-old claiming 青年博士 is refused the flag, not the programme', () => {
    const findings = checkCandidateEligibility(youngDoctor('1982-01-10'), SETTINGS, '2026-03-31');
    expect(codes(findings)).toEqual(['young-doctor-too-old']);
    expect(findings[0]?.message).toContain('44岁');
    // Without the flag the same person is eligible (55 is the programme's limit).
    expect(
      checkCandidateEligibility(researcher({ birthDate: '1982-01-10' }), SETTINGS, '2026-03-31'),
    ).toEqual([]);
  });
});
