import type { CalendarDate } from '../calendar';

/** Points each explainable part of a pair score can give. They add up to the score's maximum. */
export interface ScoreWeights {
  /** the need's field is one of the researcher's fields (a pair without it is excluded) */
  readonly field: number;
  /** the need's sub-field is one of the researcher's sub-fields */
  readonly subField: number;
  /** share of the need's wanted-expertise terms found in the researcher's expertise/achievements */
  readonly text: number;
  /** the firm's county/park is one the researcher prefers */
  readonly area: number;
  /** the firm names the researcher's institution as a past partner */
  readonly priorCooperation: number;
  /** the researcher belongs to a priority group (国家级/省级人才, 青年博士 …) */
  readonly priority: number;
}

/**
 * The 科技副总 programme's numbers. The plan (四.6) gives none; these follow Anhui's
 * 皖科才〔2024〕2号 and Jiangsu's 苏科规范〔2024〕1号. Versioned like the award policy: a call
 * records the version it ran under, so re-running it later gives the same answer.
 */
export interface VicePresidentSettings {
  readonly version: string;
  readonly effectiveFrom: CalendarDate;
  /** usual age limit, on the call's reference date */
  readonly maxAge: number;
  /** age limit for national-level talents (国家级人才) */
  readonly maxAgeNationalTalent: number;
  /**
   * oldest age at which a researcher may claim 青年博士 (a priority group worth `weights.priority`),
   * on the call's reference date. The plan does not define 青年; the 2023 central measures for
   * 青年科技人才 count those of 40 and under, and the demo's 青年博士 (36) fits that reading.
   */
  readonly youngDoctorMaxAge: number;
  /** researchers on a contract (not on the staff) need a contract of at least this many years */
  readonly minContractYears: number;
  /** a firm must hold at least one of these qualifications */
  readonly acceptedQualifications: readonly string[];
  /** years of a secondment term */
  readonly termYears: number;
  /** firms one researcher may serve in one call ("normally one") */
  readonly maxFirmsPerResearcher: number;
  /** researchers one need may take */
  readonly maxPositionsPerNeed: number;
  /** pairs scoring below this are not proposed */
  readonly minScore: number;
  readonly weights: ScoreWeights;
  /** working days of public notice of the matched list */
  readonly noticeWorkingDays: number;
}

export const VP_SETTINGS_VERSIONS: readonly VicePresidentSettings[] = [
  {
    version: 'vp-2026-01',
    effectiveFrom: '2026-01-01',
    maxAge: 55,
    maxAgeNationalTalent: 60,
    // Added with issue 11: the flag was accepted from anyone; 青年 had always meant this.
    youngDoctorMaxAge: 40,
    minContractYears: 3,
    acceptedQualifications: [
      'high-tech-enterprise',
      'tech-sme',
      'specialised-sme',
      'innovative-sme',
    ],
    termYears: 2,
    maxFirmsPerResearcher: 1,
    maxPositionsPerNeed: 3,
    minScore: 40,
    weights: { field: 30, subField: 20, text: 30, area: 10, priorCooperation: 5, priority: 5 },
    noticeWorkingDays: 5,
  },
];

/** The settings in force on a date: the latest version that has started. */
export function vpSettingsFor(date: CalendarDate): VicePresidentSettings {
  let found: VicePresidentSettings | undefined;
  for (const s of VP_SETTINGS_VERSIONS) if (s.effectiveFrom <= date) found = s;
  if (!found) throw new RangeError(`no 科技副总 settings in force on ${date}`);
  return found;
}

export function findVpSettings(version: string): VicePresidentSettings | undefined {
  return VP_SETTINGS_VERSIONS.find((s) => s.version === version);
}

export function maxScoreOf(weights: ScoreWeights): number {
  return (
    weights.field +
    weights.subField +
    weights.text +
    weights.area +
    weights.priorCooperation +
    weights.priority
  );
}
