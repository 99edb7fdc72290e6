import { OFFICER_ROLES } from '@kc/domain';

/**
 * The area an officer's lists are confined to: their own for area-bound roles
 * (县区/园区管理员), none for city-wide roles. The server applies the same rule;
 * the UI fixes the area filter so it never offers a choice the server refuses.
 */
export function fixedAreaOf(
  officer: { role: string; areaCode: string | null } | null | undefined,
): string | null {
  if (!officer) return null;
  const areaBound = OFFICER_ROLES.find((r) => r.code === officer.role)?.areaBound ?? false;
  return areaBound ? officer.areaCode : null;
}
