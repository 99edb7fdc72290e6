import type { PolicySet, Rule } from '@kc/domain';
import { findPolicySet, policyRule, policySetFor, todayInShanghai } from '@kc/domain';

/**
 * A programme's rule in the versions read (catalogue.ts), or what is missing: the application's
 * version (the adopted versions could not be read) or the rule itself.
 */
export type RuleLookup =
  { rule: Rule; missing?: never } | { rule?: never; missing: 'version' | 'rule' };

function ruleOf(set: PolicySet | undefined, ruleId: string): RuleLookup {
  const rule = set ? policyRule(set, ruleId) : undefined;
  return rule ? { rule } : { missing: 'rule' };
}

/**
 * The rule an application's form is built from: the version in force today, which the server
 * previews, saves and submits with — for a draft or a returned application too, whatever version
 * it was saved under. A saved application's version missing from `sets` means the adopted
 * versions could not be read, so today's is not known either.
 */
export function formRule(
  sets: readonly PolicySet[],
  ruleId: string,
  savedUnder?: string,
): RuleLookup {
  if (savedUnder && !findPolicySet(savedUnder, sets)) return { missing: 'version' };
  return ruleOf(policySetFor(todayInShanghai(new Date()), sets), ruleId);
}

/** The rule a saved application was decided under: its answers are labelled by it. */
export function savedRule(
  sets: readonly PolicySet[],
  ruleId: string,
  policySetId: string,
): RuleLookup {
  const set = findPolicySet(policySetId, sets);
  return set ? ruleOf(set, ruleId) : { missing: 'version' };
}
