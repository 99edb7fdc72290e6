import { z } from 'zod';
import { describeSetting } from './settings';
import type { PolicySettingName } from './settings';
import type { ExplanationSetting, PolicySet, Rule } from './types';

/**
 * What `evaluate` needs of a rule that does not depend on the application, worked out once per
 * policy version. Keyed by the version object: versions are immutable data, and a derived version
 * is a new object, so an entry can never go stale.
 */
export interface CompiledRule {
  readonly rule: Rule;
  /**
   * The rule's input schema compiled by zod to one generated function (`z.compile`): a valid input
   * is parsed by it alone, an invalid one falls back to the ordinary parser, which words the
   * issues exactly as before. A schema zod cannot compile is the rule's own schema unchanged.
   */
  readonly inputSchema: Rule['inputSchema'];
  /** The version's settings this rule's explanation shows, in words (copied into each). */
  readonly settings: readonly ExplanationSetting[];
}

const COMPILED = new WeakMap<PolicySet, ReadonlyMap<string, CompiledRule>>();

export function compiledRule(set: PolicySet, ruleId: string): CompiledRule | undefined {
  let rules = COMPILED.get(set);
  if (!rules) {
    rules = new Map(set.rules.map((rule) => [rule.id, compile(rule, set)]));
    COMPILED.set(set, rules);
  }
  return rules.get(ruleId);
}

function compile(rule: Rule, set: PolicySet): CompiledRule {
  const used: PolicySettingName[] = ['applicationWindowDays', 'coveredEventsFrom'];
  if (rule.recognition) used.push('upgradeAward');
  if (rule.applicants.researchers) used.push('contestTeamsMayApply');
  return {
    rule,
    inputSchema: precompiled(rule.inputSchema),
    settings: Object.freeze(used.map((name) => Object.freeze(describeSetting(name, set.settings)))),
  };
}

const PRECOMPILED = new WeakMap<z.ZodType, z.ZodType>();

/** Versions share most rules' schemas: each is compiled once, whichever version asks first. */
function precompiled<S extends z.ZodType>(schema: S): S {
  let compiled = PRECOMPILED.get(schema);
  if (!compiled) {
    compiled = z.compile(schema);
    PRECOMPILED.set(schema, compiled);
  }
  return compiled as S;
}
