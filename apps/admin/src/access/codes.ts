/**
 * What each officer role may see and do in the admin. Menus, routes and buttons
 * ask for a code, never for a role name, so a role's remit changes here only.
 * The server enforces the same rules on every procedure; this map only keeps the
 * UI from offering what the server would refuse.
 */
export const ACCESS_CODES = {
  organisationList: 'organisation:list',
  organisationView: 'organisation:view',
} as const;

export type AccessCode = (typeof ACCESS_CODES)[keyof typeof ACCESS_CODES];

const ORGANISATION_DIRECTORY: readonly AccessCode[] = [
  ACCESS_CODES.organisationList,
  ACCESS_CODES.organisationView,
];

export const ROLE_ACCESS_CODES: Record<string, readonly AccessCode[]> = {
  'bureau-admin': ORGANISATION_DIRECTORY,
  'bureau-reviewer': ORGANISATION_DIRECTORY,
  // The server confines an area officer's lists and details to their own area.
  'area-officer': ORGANISATION_DIRECTORY,
  // Finance checks the payee organisation before a disbursement.
  'finance-officer': ORGANISATION_DIRECTORY,
};

export function accessCodesForRole(role: string | null | undefined): readonly AccessCode[] {
  return (role && ROLE_ACCESS_CODES[role]) || [];
}

/** True when every required code is held (no requirement means open to any officer). */
export function hasAccessByCodes(
  held: readonly string[],
  required: readonly string[] | undefined,
): boolean {
  if (!required || required.length === 0) return true;
  return required.every((code) => held.includes(code));
}
