import type { Organisation, TransactionClient } from '@kc/db';
import { appError } from '../errors';

/**
 * Row locks taken inside money-moving transactions. Always in this order — application, then
 * organisation, then budget — so two transactions never wait on each other in a cycle.
 */
export async function lockApplication(tx: TransactionClient, applicationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM application WHERE id = ${applicationId}::uuid FOR UPDATE`;
}

/**
 * The organisation rows a payee is frozen from. A batch takes them shared (two batches may
 * read the same account at once); a 收款账户 change takes its own organisation's row for update,
 * so a batch and an account change never interleave: either the batch sees the new account, or
 * the change sees the batch and is refused (BANK_ACCOUNT_LOCKED).
 */
export async function lockOrganisations(
  tx: TransactionClient,
  organisationIds: readonly string[],
  mode: 'share' | 'update',
): Promise<void> {
  for (const id of [...new Set(organisationIds)].sort()) {
    if (mode === 'share') {
      await tx.$queryRaw`SELECT id FROM organisation WHERE id = ${id}::uuid FOR SHARE`;
    } else {
      await tx.$queryRaw`SELECT id FROM organisation WHERE id = ${id}::uuid FOR UPDATE`;
    }
  }
}

/** Locks the programme's yearly budget row; returns false when the bureau has set no budget. */
export async function lockBudget(
  tx: TransactionClient,
  ruleId: string,
  year: number,
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM programme_budget WHERE rule_id = ${ruleId} AND year = ${year} FOR UPDATE`;
  return rows.length > 0;
}

/**
 * Locks one organisation's row for the rest of the transaction and reads it: submissions,
 * withdrawals, membership changes and officer decisions on one organisation go one at a time, so
 * "one pending", "decided once" and "never without an administrator" hold without relying on a
 * unique index to fail a racing writer.
 */
export async function lockOrganisation(tx: TransactionClient, id: string): Promise<Organisation> {
  await lockOrganisations(tx, [id], 'update');
  const org = await tx.organisation.findUnique({ where: { id } });
  if (!org) throw appError('NOT_FOUND');
  return org;
}
