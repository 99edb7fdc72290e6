import type { RouteLocationResolved, RouteLocationNormalized } from 'vue-router';

/**
 * Whether an officer may open a route: every matched record's access codes must be held.
 * The router guard turns others away; links use it to stay plain text instead of leading
 * to 无权访问 (finance reads the ledger but may not open an application).
 */
export function mayOpenRoute(
  route: Pick<RouteLocationNormalized | RouteLocationResolved, 'matched'>,
  hasAccess: (codes: readonly string[] | undefined) => boolean,
): boolean {
  return route.matched.every((record) => hasAccess(record.meta.accessCodes));
}
