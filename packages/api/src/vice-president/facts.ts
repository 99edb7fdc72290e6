import type { Organisation, VpCandidate, VpNeed } from '@kc/db';
import type { CandidateFacts, NeedFacts } from '@kc/domain';

/** What the matcher sees of a stored need. */
export function needFacts(need: VpNeed & { organisation: Organisation }): NeedFacts {
  return {
    id: need.id,
    organisationId: need.organisationId,
    organisationName: need.organisation.name,
    creditCode: need.organisation.creditCode,
    areaCode: need.areaCode,
    fieldCode: need.fieldCode,
    subFieldCode: need.subFieldCode,
    title: need.title,
    problem: need.problem,
    expertiseWanted: need.expertiseWanted,
    positions: need.positions,
    investorInstitutions: need.investorInstitutions,
    priorPartners: need.priorPartners,
  };
}

/** What the matcher sees of a stored application: the profile snapshot taken when applying. */
export function candidateFacts(c: VpCandidate & { researcher: { name: string } }): CandidateFacts {
  return {
    id: c.id,
    researcherId: c.researcherId,
    name: c.researcher.name,
    institutionName: c.institutionName,
    institutionCreditCode: c.institutionCreditCode,
    fieldCodes: c.fieldCodes,
    subFieldCodes: c.subFieldCodes,
    expertise: c.expertise,
    achievements: c.achievements,
    preferredAreaCodes: c.preferredAreaCodes,
    priorityFlags: c.priorityFlags,
    relatedFirmCreditCodes: c.relatedFirmCreditCodes,
    capacity: c.capacity,
  };
}
