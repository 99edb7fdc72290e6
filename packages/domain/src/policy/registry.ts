import { addDays, isIsoDate } from './dates';
import { SUZHOU_FUTURE_2026_DRAFT } from './sets/suzhou-future-2026-draft';
import type { IsoDate, PolicySet, Rule } from './types';

/** Every policy version, oldest first. Add a version with `addPolicyVersion`, never by editing one. */
export const POLICY_SETS: readonly PolicySet[] = [SUZHOU_FUTURE_2026_DRAFT];

/** The version in force on a date (the application date), or undefined if none is. */
export function policySetFor(
  date: IsoDate,
  registry: readonly PolicySet[] = POLICY_SETS,
): PolicySet | undefined {
  if (!isIsoDate(date)) return undefined;
  let found: PolicySet | undefined;
  for (const set of registry) {
    if (set.effectiveFrom > date) continue;
    if (set.effectiveTo !== undefined && set.effectiveTo < date) continue;
    if (!found || set.effectiveFrom > found.effectiveFrom) found = set;
  }
  return found;
}

/** A version by its id or its version label. */
export function findPolicySet(
  idOrVersion: string,
  registry: readonly PolicySet[] = POLICY_SETS,
): PolicySet | undefined {
  return registry.find((s) => s.id === idOrVersion || s.version === idOrVersion);
}

/**
 * A registry with one more version. The open-ended version it follows is closed the day before the
 * new one starts, so every date has exactly one version in force.
 */
export function addPolicyVersion(
  registry: readonly PolicySet[],
  next: PolicySet,
): readonly PolicySet[] {
  if (registry.some((s) => s.id === next.id)) {
    throw new Error(`policy set ${next.id} is already registered`);
  }
  const latest = latestPolicySet(registry);
  if (latest && next.effectiveFrom <= latest.effectiveFrom) {
    throw new Error(
      `policy set ${next.id} must start after ${latest.id} (${latest.effectiveFrom})`,
    );
  }
  const dayBefore = addDays(next.effectiveFrom, -1);
  return [
    ...registry.map((s) =>
      s === latest && (s.effectiveTo === undefined || s.effectiveTo > dayBefore)
        ? { ...s, effectiveTo: dayBefore }
        : s,
    ),
    next,
  ];
}

/** The newest version of a registry (the one a new amendment is made from). */
export function latestPolicySet(registry: readonly PolicySet[]): PolicySet | undefined {
  return registry.reduce<PolicySet | undefined>(
    (a, s) => (!a || s.effectiveFrom > a.effectiveFrom ? s : a),
    undefined,
  );
}

/** A rule of a version by id. */
export function policyRule(set: PolicySet, ruleId: string): Rule | undefined {
  return set.rules.find((r) => r.id === ruleId);
}
