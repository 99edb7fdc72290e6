import type { TransactionClient } from '@kc/db';

/**
 * Row locks taken inside money-moving transactions. Always in this order — application, then
 * budget — so two transactions never wait on each other in a cycle.
 */
export async function lockApplication(tx: TransactionClient, applicationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM application WHERE id = ${applicationId}::uuid FOR UPDATE`;
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
