import type { CalendarDate } from '../calendar';
import { isAreaCode } from '../reference/areas';
import { qualificationName } from '../reference/organisation-types';
import type { CandidateEligibilityFacts, FirmEligibilityFacts } from './facts';
import type { VicePresidentSettings } from './settings';

/** Why one side cannot take part: a stable code and the sentence shown to the person. */
export interface EligibilityFinding {
  readonly code:
    | 'institution-kind'
    | 'contract-too-short'
    | 'too-old'
    | 'young-doctor-too-old'
    | 'capacity'
    | 'not-a-firm'
    | 'outside-city'
    | 'no-qualification';
  readonly message: string;
}

/** Full years between a birth date and a date (both YYYY-MM-DD). */
export function ageOn(birthDate: CalendarDate, on: CalendarDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A researcher's conditions (选派条件). Empty means eligible. */
export function checkCandidateEligibility(
  facts: CandidateEligibilityFacts,
  settings: VicePresidentSettings,
  referenceDate: CalendarDate,
): EligibilityFinding[] {
  const findings: EligibilityFinding[] = [];
  if (facts.institutionKind !== 'university' && facts.institutionKind !== 'institute') {
    findings.push({
      code: 'institution-kind',
      message: '科技副总须为高校或科研院所的科研人员',
    });
  }
  if (facts.employment !== 'staff' && (facts.contractYears ?? 0) < settings.minContractYears) {
    findings.push({
      code: 'contract-too-short',
      message: `非在编人员须与所在单位签订${settings.minContractYears}年及以上聘用合同`,
    });
  }
  const national = facts.priorityFlags.includes('national-talent');
  const limit = national ? settings.maxAgeNationalTalent : settings.maxAge;
  const age = ageOn(facts.birthDate, referenceDate);
  if (age > limit) {
    findings.push({
      code: 'too-old',
      message: `年龄${age}岁，超过${national ? '国家级人才' : ''}${limit}周岁的限制`,
    });
  }
  // A priority claim the birth date contradicts; the programme itself stays open to them.
  if (facts.priorityFlags.includes('young-doctor') && age > settings.youngDoctorMaxAge) {
    findings.push({
      code: 'young-doctor-too-old',
      message: `“青年博士”须在${settings.youngDoctorMaxAge}周岁及以下，您在年龄计算基准日${referenceDate}为${age}岁，请取消勾选`,
    });
  }
  if (facts.capacity < 1 || facts.capacity > settings.maxFirmsPerResearcher) {
    findings.push({
      code: 'capacity',
      message: `每人本批次最多服务${settings.maxFirmsPerResearcher}家企业`,
    });
  }
  return findings;
}

/** A firm's conditions for posting needs. Empty means eligible. */
export function checkFirmEligibility(
  facts: FirmEligibilityFacts,
  settings: VicePresidentSettings,
): EligibilityFinding[] {
  const findings: EligibilityFinding[] = [];
  if (facts.organisationType !== 'firm') {
    findings.push({ code: 'not-a-firm', message: '只有企业可以发布科技副总需求' });
  }
  if (!isAreaCode(facts.areaCode)) {
    findings.push({ code: 'outside-city', message: '企业须在宿州市内注册' });
  }
  if (!facts.qualifications.some((q) => settings.acceptedQualifications.includes(q))) {
    findings.push({
      code: 'no-qualification',
      message: `企业须具备以下资质之一：${settings.acceptedQualifications
        .map(qualificationName)
        .join('、')}`,
    });
  }
  return findings;
}
