import { describe, expect, it } from 'vitest';
import {
  VP_SETTINGS_VERSIONS,
  findVpSettings,
  maxScoreOf,
  vpSettingsFor,
} from '../../src/matching/settings';

describe('科技副总 settings', () => {
  it('has the 2026 numbers: 55/60 years, 3-year contracts, 2-year terms, one firm each', () => {
    const s = vpSettingsFor('2026-06-30');
    expect(s).toMatchObject({
      version: 'vp-2026-01',
      maxAge: 55,
      maxAgeNationalTalent: 60,
      minContractYears: 3,
      termYears: 2,
      maxFirmsPerResearcher: 1,
      maxPositionsPerNeed: 3,
      minScore: 40,
      noticeWorkingDays: 5,
    });
    expect(maxScoreOf(s.weights)).toBe(100);
  });

  it('picks the version in force on a date, from its first day', () => {
    expect(vpSettingsFor('2026-01-01').version).toBe('vp-2026-01');
    expect(vpSettingsFor('2030-12-31').version).toBe(VP_SETTINGS_VERSIONS.at(-1)!.version);
  });

  it('refuses a date before any version, saying so in Chinese', () => {
    expect(() => vpSettingsFor('2025-12-31')).toThrow(RangeError);
    expect(() => vpSettingsFor('2025-12-31')).toThrow(
      'no 科技副总 settings in force on 2025-12-31',
    );
  });

  it('finds a version by name, so a call re-runs under the settings it recorded', () => {
    expect(findVpSettings('vp-2026-01')).toBe(VP_SETTINGS_VERSIONS[0]);
    expect(findVpSettings('vp-1999-01')).toBeUndefined();
  });

  it('lists versions in order of effective date', () => {
    const dates = VP_SETTINGS_VERSIONS.map((v) => v.effectiveFrom);
    expect(dates).toEqual([...dates].sort());
  });

  it('maxScoreOf sums every weight', () => {
    expect(
      maxScoreOf({ field: 1, subField: 2, text: 4, area: 8, priorCooperation: 16, priority: 32 }),
    ).toBe(63);
  });
});
