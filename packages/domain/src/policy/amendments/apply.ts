import type { PolicyRevision } from '../define';
import { derivePolicySet } from '../define';
import type { PolicySettings } from '../settings';
import type { PolicySet, Rule, RuleDraft } from '../types';
import type { CheckedChange } from './check';
import { checkAmendment } from './check';
import { restateGuide } from './guide-text';
import { AmendmentError } from './problems';
import type { PolicyAmendment } from './schema';
import type { RevisionParts } from './spec';

/** The revision `derivePolicySet` takes, built from checked changes: `reviseRules` from data. */
export function revisionOf(
  base: PolicySet,
  amendment: PolicyAmendment,
  changes: readonly CheckedChange[],
): PolicyRevision {
  const parts: RevisionParts = { settings: {}, ruleEdits: new Map() };
  for (const change of changes) change.spec.apply?.(change.to, parts);
  const reviseRules: Record<string, (rule: Rule) => RuleDraft> = {};
  for (const [ruleId, edits] of parts.ruleEdits) {
    reviseRules[ruleId] = (rule) =>
      restateGuide(
        rule,
        edits.reduce<RuleDraft>((r, edit) => edit(r), rule),
      );
  }
  return {
    id: amendment.id,
    version: amendment.version,
    effectiveFrom: amendment.effectiveFrom,
    settings: parts.settings as Partial<PolicySettings>,
    reviseRules,
    notes: [`${amendment.title}（由 ${base.id} 修订）`, ...(amendment.notes ?? [])],
  };
}

/**
 * The new version an amendment makes. One path: the checked changes become a `PolicyRevision` and
 * go through `derivePolicySet`, exactly as a hand-written version does, so the guide's amount text
 * and time limit are rendered from the new figures and the set is validated the same way.
 * Throws `AmendmentError` (its `problems` per field) for an amendment `checkAmendment` refuses.
 */
export function applyAmendment(base: PolicySet, amendment: unknown): PolicySet {
  const checked = checkAmendment(base, amendment);
  if (!checked.ok) throw new AmendmentError(checked.problems);
  return derivePolicySet(base, revisionOf(base, checked.amendment, checked.changes));
}
