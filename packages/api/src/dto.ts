import type { Organisation, Researcher } from '@kc/db';
import type { AreaCode, InstitutionLinkStatus, VerificationStatus } from '@kc/domain';
import {
  checkRegistrationArea,
  institutionLinkStatusName,
  isAreaCode,
  maskMobile,
  verificationStatusName,
} from '@kc/domain';
import { orgTypeFromDb } from './mappers';

/** What the organisation's members see of it. */
export function organisationDto(org: Organisation) {
  const registration = isAreaCode(org.areaCode)
    ? checkRegistrationArea(org.creditCode, org.areaCode as AreaCode)
    : { flags: [], notes: [] };
  return {
    id: org.id,
    type: orgTypeFromDb(org.type),
    name: org.name,
    creditCode: org.creditCode,
    areaCode: org.areaCode,
    verificationStatus: org.verificationStatus as VerificationStatus,
    verificationStatusLabel: verificationStatusName(org.verificationStatus),
    verifiedAt: org.verifiedAt,
    legalRepresentative: org.legalRepresentative,
    /** 市外注册 / 登记地与所选县区不一致: shown, never refused (docs/DECISIONS.md). */
    registrationFlags: registration.flags,
    registrationNotes: registration.notes,
    version: org.version,
    address: org.address,
    fieldCodes: org.fieldCodes,
    subFieldCodes: org.subFieldCodes,
    qualifications: org.qualifications,
    contactName: org.contactName,
    contactPhone: org.contactPhone,
    intro: org.intro,
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
  };
}

/** What an officer sees: the contact phone masked. */
export function organisationOfficerDto(org: Organisation) {
  const { contactPhone, ...rest } = organisationDto(org);
  return { ...rest, contactPhoneMasked: maskMobile(contactPhone) };
}

/** What the researcher sees of their own profile (the ID number is never stored in full). */
export function researcherDto(r: Researcher) {
  return {
    id: r.id,
    name: r.name,
    residentIdMasked: r.residentIdMasked,
    birthDate: r.birthDate.toISOString().slice(0, 10),
    sex: r.sex as 'male' | 'female',
    mobile: r.mobile,
    institutionName: r.institutionName,
    institutionCreditCode: r.institutionCreditCode,
    /** 单位关联: 未核验 / 待单位确认 / 已确认 / 单位未确认 */
    institutionLinkStatus: r.institutionLinkStatus as InstitutionLinkStatus,
    institutionLinkStatusLabel: institutionLinkStatusName(r.institutionLinkStatus),
    title: r.title,
    fieldCodes: r.fieldCodes,
    subFieldCodes: r.subFieldCodes,
    expertise: r.expertise,
    preferredAreaCodes: r.preferredAreaCodes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
