import type { Organisation, TransactionClient } from '@kc/db';
import { matchPendingEntries } from '../official-lists/match';
import type { OfficerCtx } from './common';

/**
 * Runs inside the transaction that verifies an organisation, after its row says 已认证: what
 * verification unlocks. Official-list entries imported before the organisation was verified (they
 * were left unmatched, so that registering someone else's code earns nothing) now become its
 * verified qualifications and 免申即享 invitations.
 */
export async function onOrganisationVerified(
  tx: TransactionClient,
  ctx: OfficerCtx,
  org: Organisation,
): Promise<void> {
  await matchPendingEntries(tx, ctx, org);
}
