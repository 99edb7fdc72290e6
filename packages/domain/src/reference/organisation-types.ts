export const ORGANISATION_TYPES = [
  { code: 'firm', name: '企业' },
  { code: 'university', name: '高校' },
  { code: 'institute', name: '科研院所' },
  { code: 'incubator', name: '孵化器运营机构' },
] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number]['code'];
export const ORGANISATION_TYPE_CODES = ORGANISATION_TYPES.map(
  (t) => t.code,
) as unknown as readonly [OrganisationType, ...OrganisationType[]];

/** Firm qualifications that programmes (科技副总, awards) check. */
export const QUALIFICATIONS = [
  { code: 'high-tech-enterprise', name: '高新技术企业' },
  { code: 'tech-sme', name: '科技型中小企业' },
  { code: 'specialised-sme', name: '专精特新企业' },
  { code: 'innovative-sme', name: '创新型中小企业' },
] as const;

export type QualificationCode = (typeof QUALIFICATIONS)[number]['code'];
export const QUALIFICATION_CODES = QUALIFICATIONS.map((q) => q.code) as unknown as readonly [
  QualificationCode,
  ...QualificationCode[],
];

const labels = new Map<string, string>([
  ...ORGANISATION_TYPES.map((t) => [t.code, t.name] as const),
  ...QUALIFICATIONS.map((q) => [q.code, q.name] as const),
]);

export function organisationTypeName(code: string): string {
  return labels.get(code) ?? code;
}

export function qualificationName(code: string): string {
  return labels.get(code) ?? code;
}
