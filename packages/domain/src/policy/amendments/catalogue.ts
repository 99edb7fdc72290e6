import { POLICY_SETS, addPolicyVersion, findPolicySet } from '../registry';
import type { PolicySet } from '../types';
import { applyAmendment } from './apply';
import type { PolicyAmendment } from './schema';

/**
 * The versions in force over time: the code's versions (`POLICY_SETS`, the base) followed by every
 * adopted amendment, each applied to the version it names and added after the one before it
 * (`addPolicyVersion` closes the previous version the day before). The API builds it from the
 * adopted rows of `policy_version`; a client given the same amendments builds the same list.
 * Throws for a chain that does not hold (an amendment on a version not in the list, or not after
 * the latest one): the database only ever holds chains that do.
 */
export function policyCatalogue(
  adopted: readonly PolicyAmendment[],
  registry: readonly PolicySet[] = POLICY_SETS,
): readonly PolicySet[] {
  // A copy sorted, not `toSorted`: the mini-program runs on runtimes without ES2023's built-ins.
  const inOrder = [...adopted].sort((a, b) =>
    a.effectiveFrom === b.effectiveFrom
      ? a.id.localeCompare(b.id)
      : a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
  let catalogue = registry;
  for (const amendment of inOrder) {
    const base = findPolicySet(amendment.baseId, catalogue);
    if (!base) {
      throw new Error(`amendment ${amendment.id}: base version ${amendment.baseId} is not adopted`);
    }
    catalogue = addPolicyVersion(catalogue, applyAmendment(base, amendment));
  }
  return catalogue;
}
