import type { OfficerRole } from '@kc/domain';
import { TRUST_ROLES } from './organisations/verification/common';

const BUREAU: readonly OfficerRole[] = ['bureau-admin', 'bureau-reviewer'];
const REVIEWERS: readonly OfficerRole[] = [...BUREAU, 'area-officer'];

/**
 * The admin page of each kind of audited record, and who may open it (the admin's menus give
 * the same roles these pages). Kinds without a page of their own (a need, a member) get none.
 */
const PAGES: Record<string, { path: (id: string) => string; roles: readonly OfficerRole[] }> = {
  application: { path: (id) => `/applications/${id}`, roles: REVIEWERS },
  'notice-batch': { path: (id) => `/notices/${id}`, roles: REVIEWERS },
  disbursement_batch: {
    path: (id) => `/finance/disbursements/${id}`,
    roles: ['bureau-admin', 'finance-officer'],
  },
  organisation_verification: {
    path: (id) => `/verifications/verification/${id}`,
    roles: TRUST_ROLES,
  },
  organisation_change: { path: (id) => `/verifications/change/${id}`, roles: TRUST_ROLES },
  organisation_claim: { path: (id) => `/verifications/claim/${id}`, roles: TRUST_ROLES },
  official_list_import: { path: (id) => `/official-lists/imports/${id}`, roles: BUREAU },
  vp_call: { path: (id) => `/vice-president/calls/${id}`, roles: REVIEWERS },
};

/** Where an officer opens an audited record in the admin, or null where they have no page for it. */
export function recordPath(
  role: OfficerRole,
  objectType: string,
  objectId: string | null,
): string | null {
  const page = PAGES[objectType];
  return page && objectId && page.roles.includes(role) ? page.path(objectId) : null;
}
