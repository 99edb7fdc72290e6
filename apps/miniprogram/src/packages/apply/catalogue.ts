import type { PolicySet } from '@kc/domain';
import { POLICY_SETS, policyCatalogue } from '@kc/domain';
import { api } from '../../api/client';

/** The versions last read in this app session (the mini-program's JS outlives its pages). */
let lastRead: readonly PolicySet[] | null = null;
/** The read under way, shared by the pages that open meanwhile. */
let reading: Promise<readonly PolicySet[]> | null = null;

/**
 * The policy versions the server decides with (issue 15): the code's versions followed by every
 * version the bureau has adopted, built by the domain's `policyCatalogue` from the adopted
 * amendments (`policyVersions.catalogue`, public), as the API builds its own.
 *
 * Read again whenever an apply page loads, since a version may have been adopted since; the
 * page's own first request goes out in the same batch. When it cannot be read (or built), the
 * versions read earlier in the session stand, or else the code's: the server decides a new
 * application anyway, and a saved one under a version missing here says so (rule.ts).
 */
export function readPolicyCatalogue(): Promise<readonly PolicySet[]> {
  reading ??= api.policyVersions.catalogue
    .query()
    .then(({ amendments }) => {
      lastRead = policyCatalogue(amendments);
      return lastRead;
    })
    .catch(() => lastRead ?? POLICY_SETS)
    .finally(() => {
      reading = null;
    });
  return reading;
}
