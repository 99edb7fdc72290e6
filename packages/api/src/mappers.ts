import type { OfficerRole, OrganisationType } from '@kc/domain';
import type { OfficerRole as DbOfficerRole, OrganisationType as DbOrganisationType } from '@kc/db';

/** Database enums are SCREAMING_CASE; the domain uses kebab-case codes. One mapping each way. */
const ROLE_TO_DB = {
  'bureau-admin': 'BUREAU_ADMIN',
  'bureau-reviewer': 'BUREAU_REVIEWER',
  'area-officer': 'AREA_OFFICER',
  'finance-officer': 'FINANCE_OFFICER',
} as const satisfies Record<OfficerRole, DbOfficerRole>;

const ORG_TYPE_TO_DB = {
  firm: 'FIRM',
  university: 'UNIVERSITY',
  institute: 'INSTITUTE',
  incubator: 'INCUBATOR',
} as const satisfies Record<OrganisationType, DbOrganisationType>;

function invert<K extends string, V extends string>(map: Record<K, V>): Record<V, K> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<V, K>;
}

const ROLE_FROM_DB = invert(ROLE_TO_DB);
const ORG_TYPE_FROM_DB = invert(ORG_TYPE_TO_DB);

export const roleToDb = (role: OfficerRole): DbOfficerRole => ROLE_TO_DB[role];
export const roleFromDb = (role: DbOfficerRole): OfficerRole => ROLE_FROM_DB[role];
export const orgTypeToDb = (type: OrganisationType): DbOrganisationType => ORG_TYPE_TO_DB[type];
export const orgTypeFromDb = (type: DbOrganisationType): OrganisationType => ORG_TYPE_FROM_DB[type];
