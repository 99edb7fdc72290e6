import { POLICY_SETS } from '@kc/domain';

/**
 * Every programme (policy rule) any policy version has, for filters: id, name and clause, the
 * newest version's wording first. Read from @kc/domain, never listed here. The code's versions
 * hold them all: a version the bureau adopts (issue 15) revises figures, quotas and settings of
 * its base, never which rules there are or their names and clauses.
 */
export const PROGRAMME_OPTIONS: readonly { id: string; name: string; clause: string }[] = (() => {
  const seen = new Map<string, { id: string; name: string; clause: string }>();
  for (const set of [...POLICY_SETS].reverse()) {
    for (const rule of set.rules) {
      if (!seen.has(rule.id))
        seen.set(rule.id, { id: rule.id, name: rule.name, clause: rule.clause });
    }
  }
  return [...seen.values()];
})();

/** Budget years offered in filters: two back, this one, one ahead. */
export function yearOptions(current: number): number[] {
  return [current + 1, current, current - 1, current - 2];
}
