import { codesOf, nameLookup } from './lookup';

export const ORGANISATION_TYPES = [
  { code: 'firm', name: '企业' },
  { code: 'university', name: '高校' },
  { code: 'institute', name: '科研院所' },
  { code: 'incubator', name: '孵化器运营机构' },
] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number]['code'];
export const ORGANISATION_TYPE_CODES = codesOf(ORGANISATION_TYPES);

/** Firm qualifications that programmes (科技副总, awards) check. */
export const QUALIFICATIONS = [
  { code: 'high-tech-enterprise', name: '高新技术企业' },
  { code: 'tech-sme', name: '科技型中小企业' },
  { code: 'specialised-sme', name: '专精特新企业' },
  { code: 'innovative-sme', name: '创新型中小企业' },
] as const;

export type QualificationCode = (typeof QUALIFICATIONS)[number]['code'];
export const QUALIFICATION_CODES = codesOf(QUALIFICATIONS);

export const organisationTypeName = nameLookup(ORGANISATION_TYPES);
export const qualificationName = nameLookup(QUALIFICATIONS);
