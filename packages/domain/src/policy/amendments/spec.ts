import type { PolicySettings } from '../settings';
import type { RuleDraft } from '../types';
import type { ParameterValue, ValueShape } from './values';

/** Where a parameter lives: the version itself, its named settings, or one rule. */
export type ParameterScope = 'version' | 'setting' | 'rule';

/** A revision being assembled from an amendment's changes, before `derivePolicySet`. */
export interface RevisionParts {
  readonly settings: Partial<Record<keyof PolicySettings, unknown>>;
  /** Edits per rule id, applied in order to the rule as the base version holds it. */
  readonly ruleEdits: Map<string, ((rule: RuleDraft) => RuleDraft)[]>;
}

/**
 * One amendable figure of a version, with what the data-only `AmendableParameter` cannot carry:
 * how to word a value as a clause, and how to write a new value into a revision.
 */
export interface ParameterSpec {
  /** Stable key, e.g. `rules.tech-transfer.formula.cap`, `settings.applicationWindowDays`. */
  readonly key: string;
  readonly scope: ParameterScope;
  readonly ruleId?: string;
  /** The plan's clause (`四.8`); `—` for the version's date and its settings. */
  readonly clause: string;
  readonly ruleName?: string;
  /** Chinese name of the item, e.g. `单项成果补助上限`. */
  readonly label: string;
  readonly note?: string;
  readonly shape: ValueShape;
  /** The value in the version it was read from. */
  readonly value: ParameterValue;
  /** The value as the plan would word it, e.g. `单项成果累计最高 80万元`. */
  sentence(value: ParameterValue): string;
  /** Writes `value` into the revision; absent for the version's date (the amendment's field). */
  apply?(value: ParameterValue, into: RevisionParts): void;
}

/** Queues an edit of one rule. */
export function editRule(
  into: RevisionParts,
  ruleId: string,
  edit: (rule: RuleDraft) => RuleDraft,
): void {
  const edits = into.ruleEdits.get(ruleId) ?? [];
  edits.push(edit);
  into.ruleEdits.set(ruleId, edits);
}
