import type { Rule } from '@kc/domain';
import { findPolicySet, policyRule, policySetFor, todayInShanghai } from '@kc/domain';

export interface RuleInVersion {
  rule: Rule;
  policySetId: string;
}

/**
 * The rule a form is built from: a saved application keeps the version it was made under; a new
 * one takes the version in force today (as the server does).
 */
export function ruleFor(ruleId: string, policySetId?: string): RuleInVersion | null {
  const set = policySetId ? findPolicySet(policySetId) : policySetFor(todayInShanghai(new Date()));
  const rule = set ? policyRule(set, ruleId) : undefined;
  return set && rule ? { rule, policySetId: set.id } : null;
}
