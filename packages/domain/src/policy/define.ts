import type { z } from 'zod';
import { isIsoDate } from './dates';
import { amountTextOf, maxAmountOf } from './formula';
import type { PolicySettings } from './settings';
import type { FormulaFor, PolicySet, Rule, RuleDraft } from './types';

/** What a clause file writes: the draft rule, typed against its own input schema. */
export type RuleDefinition<S extends z.ZodType> = Omit<
  RuleDraft<z.output<S>>,
  'inputSchema' | 'formula'
> & {
  readonly inputSchema: S;
  readonly formula: FormulaFor<z.output<S>>;
};

/**
 * Declares a rule. Inside the definition every function sees the parsed input's own type; outside,
 * the engine only ever hands a rule the output of that rule's schema, so erasing the type is safe.
 */
export function defineRule<S extends z.ZodType>(definition: RuleDefinition<S>): RuleDraft {
  return definition as unknown as RuleDraft;
}

/** A rule's guide rendered against a version's settings: its time limit and amount text. */
export function renderRule(draft: RuleDraft, settings: PolicySettings): Rule {
  return {
    ...draft,
    guide: {
      ...draft.guide,
      timeLimit: `自${draft.guide.timeLimitFrom}起 ${settings.applicationWindowDays} 天内提出申请；${settings.coveredEventsFrom} 以前发生的不在本政策范围内`,
      amountText: amountTextOf(draft.formula, draft.yearlyQuota),
      consultation:
        settings.consultationContacts.byRule[draft.id] ?? settings.consultationContacts.default,
    },
  };
}

export type PolicySetSpec = Omit<PolicySet, 'rules'> & { readonly rules: readonly RuleDraft[] };

function check(condition: boolean, message: string): void {
  // A policy set is data written by developers; a broken one must fail at load, never at payment.
  if (!condition) throw new Error(`policy set: ${message}`);
}

function validate(set: PolicySet): PolicySet {
  check(set.id.length > 0 && set.version.length > 0, 'id and version are required');
  check(
    isIsoDate(set.effectiveFrom),
    `${set.id}: effectiveFrom ${set.effectiveFrom} is not a date`,
  );
  if (set.effectiveTo !== undefined) {
    check(isIsoDate(set.effectiveTo), `${set.id}: effectiveTo is not a date`);
    check(set.effectiveTo >= set.effectiveFrom, `${set.id}: effectiveTo before effectiveFrom`);
  }
  const s = set.settings;
  check(
    Number.isInteger(s.applicationWindowDays) && s.applicationWindowDays > 0,
    `${set.id}: applicationWindowDays must be a positive whole number`,
  );
  check(isIsoDate(s.coveredEventsFrom), `${set.id}: coveredEventsFrom is not a date`);
  check(
    Number.isInteger(s.publicNoticeWorkingDays) && s.publicNoticeWorkingDays >= 0,
    `${set.id}: publicNoticeWorkingDays must be a whole number`,
  );
  const contact = s.noticeObjectionContact;
  check(
    [contact.department, contact.phone, contact.address].every((v) => v.trim().length > 0),
    `${set.id}: noticeObjectionContact needs a department, a phone and an address`,
  );
  const consultation = s.consultationContacts;
  for (const [key, c] of Object.entries({
    default: consultation.default,
    ...consultation.byRule,
  })) {
    check(
      c.office.trim().length > 0 && /^\d{3,4}-\d{7,8}$/.test(c.phone),
      `${set.id}: consultation contact ${key} needs an office and a phone like 0557-1234567`,
    );
  }
  for (const id of Object.keys(consultation.byRule)) {
    check(
      set.rules.some((r) => r.id === id),
      `${set.id}: consultation contact for unknown rule ${id}`,
    );
  }
  const ids = new Set<string>();
  for (const rule of set.rules) {
    check(!ids.has(rule.id), `${set.id}: rule ${rule.id} appears twice`);
    ids.add(rule.id);
    check(
      !(rule.recognition && rule.formula.kind === 'percentage-capped'),
      `${rule.id}: a recognition ladder and a per-item cap cannot share one item key`,
    );
    check(
      rule.yearlyQuota === undefined ||
        (Number.isInteger(rule.yearlyQuota) && rule.yearlyQuota > 0),
      `${rule.id}: yearlyQuota must be a positive whole number`,
    );
    check(maxAmountOf(rule.formula) > 0n, `${rule.id}: the formula can never pay anything`);
    if (rule.formula.kind === 'percentage-capped') {
      check(
        Number.isInteger(rule.formula.rate) && rule.formula.rate > 0,
        `${rule.id}: rate must be whole basis points`,
      );
    }
  }
  return set;
}

/** Builds a policy set: renders every rule's guide against the set's settings and checks the data. */
export function definePolicySet(spec: PolicySetSpec): PolicySet {
  return validate({ ...spec, rules: spec.rules.map((r) => renderRule(r, spec.settings)) });
}

export interface PolicyRevision {
  readonly id: string;
  readonly version: string;
  readonly effectiveFrom: string;
  readonly effectiveTo?: string;
  readonly title?: string;
  readonly source?: PolicySet['source'];
  /** Settings that change; the rest are inherited. */
  readonly settings?: Partial<PolicySettings>;
  /** Replace a rule by id: receives the current rule, returns the new one. */
  readonly reviseRules?: Readonly<Record<string, (rule: Rule) => RuleDraft>>;
  readonly addRules?: readonly RuleDraft[];
  readonly removeRules?: readonly string[];
  readonly notes?: readonly string[];
}

/**
 * A new version derived from an existing one. The engine is not touched: a version is data.
 * See README.md "Adding a version" for a worked example.
 */
export function derivePolicySet(base: PolicySet, revision: PolicyRevision): PolicySet {
  for (const id of Object.keys(revision.reviseRules ?? {})) {
    check(
      base.rules.some((r) => r.id === id),
      `${revision.id}: cannot revise unknown rule ${id}`,
    );
  }
  const removed = new Set(revision.removeRules ?? []);
  const rules: RuleDraft[] = base.rules
    .filter((r) => !removed.has(r.id))
    .map((r) => revision.reviseRules?.[r.id]?.(r) ?? r);
  return definePolicySet({
    id: revision.id,
    version: revision.version,
    title: revision.title ?? base.title,
    source: revision.source ?? base.source,
    effectiveFrom: revision.effectiveFrom,
    ...(revision.effectiveTo ? { effectiveTo: revision.effectiveTo } : {}),
    settings: { ...base.settings, ...revision.settings },
    rules: [...rules, ...(revision.addRules ?? [])],
    notes: revision.notes ?? [`由 ${base.id} 派生`],
  });
}
