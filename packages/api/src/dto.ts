import type { Organisation, Researcher } from '@kc/db';
import { maskMobile } from '@kc/domain';
import { orgTypeFromDb } from './mappers';

/** What the owner sees of their organisation. */
export function organisationDto(org: Organisation) {
  return {
    id: org.id,
    type: orgTypeFromDb(org.type),
    name: org.name,
    creditCode: org.creditCode,
    areaCode: org.areaCode,
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
    title: r.title,
    fieldCodes: r.fieldCodes,
    subFieldCodes: r.subFieldCodes,
    expertise: r.expertise,
    preferredAreaCodes: r.preferredAreaCodes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
