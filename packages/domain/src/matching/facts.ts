import type { CalendarDate } from '../calendar';

/** What the matcher knows of a firm's need (岗位需求), as the API loads it. */
export interface NeedFacts {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  /** the firm's 统一社会信用代码 */
  readonly creditCode: string;
  readonly areaCode: string;
  readonly fieldCode: string;
  readonly subFieldCode?: string | null;
  readonly title: string;
  readonly problem: string;
  readonly expertiseWanted: string;
  /** researchers wanted */
  readonly positions: number;
  /** institutions (name or credit code) that founded or invested in the firm */
  readonly investorInstitutions: readonly string[];
  /** institutions (name or credit code) the firm has worked with before */
  readonly priorPartners: readonly string[];
}

/** What the matcher knows of a researcher's application (报名), as the API loads it. */
export interface CandidateFacts {
  readonly id: string;
  readonly researcherId: string;
  readonly name: string;
  readonly institutionName: string;
  readonly institutionCreditCode?: string | null;
  readonly fieldCodes: readonly string[];
  readonly subFieldCodes: readonly string[];
  readonly expertise: string;
  readonly achievements: string;
  readonly preferredAreaCodes: readonly string[];
  readonly priorityFlags: readonly string[];
  /** credit codes of firms the researcher or the institution founded or invested in */
  readonly relatedFirmCreditCodes: readonly string[];
  /** firms the researcher can serve in this call */
  readonly capacity: number;
}

/** What eligibility needs beyond the candidate's application. */
export interface CandidateEligibilityFacts {
  readonly birthDate: CalendarDate;
  readonly institutionKind: string;
  readonly employment: string;
  readonly contractYears?: number | null;
  readonly priorityFlags: readonly string[];
  readonly capacity: number;
}

export interface FirmEligibilityFacts {
  readonly organisationType: string;
  readonly areaCode: string;
  readonly qualifications: readonly string[];
}

/** A pair the officer fixed: pinned pairs are kept, forbidden pairs are never proposed. */
export interface PairRule {
  readonly needId: string;
  readonly candidateId: string;
  readonly kind: 'pin' | 'forbid';
}

/** The profile fields an application copies when it is made (what the matcher scores later). */
export interface ResearcherSnapshotSource {
  readonly institutionName: string;
  readonly institutionCreditCode: string | null;
  readonly fieldCodes: readonly string[];
  readonly subFieldCodes: readonly string[];
  readonly expertise: string;
  readonly preferredAreaCodes: readonly string[];
}

/**
 * The researcher's profile as an application stores it, so later profile edits do not change a
 * call already under way.
 */
export function candidateSnapshot(profile: ResearcherSnapshotSource) {
  return {
    institutionName: profile.institutionName,
    institutionCreditCode: profile.institutionCreditCode,
    fieldCodes: [...profile.fieldCodes],
    subFieldCodes: [...profile.subFieldCodes],
    expertise: profile.expertise,
    preferredAreaCodes: [...profile.preferredAreaCodes],
  };
}
