import type { TransactionClient } from '@kc/db';
import type { OfficerCtx } from './common';

/**
 * What the notice does to the submissions a selection call lists (立项公示), beside what it does
 * to applications (common.ts): they are locked in the same order (the batch, then the rows), and
 * an upheld objection takes a submission off the decided list.
 */

/** What an item lists, locked for the rest of the transaction. */
export interface ListedSubject {
  kind: 'award' | 'selection';
  id: string;
  number: string;
  status: string;
  areaCode: string | null;
  organisationId: string | null;
  version: number;
}

export async function lockSubmission(tx: TransactionClient, id: string): Promise<ListedSubject> {
  await tx.$executeRaw`SELECT 1 FROM selection_submission WHERE id = ${id}::uuid FOR UPDATE`;
  const s = await tx.selectionSubmission.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      number: true,
      status: true,
      areaCode: true,
      organisationId: true,
      version: true,
    },
  });
  return { kind: 'selection', ...s };
}

/**
 * An objection to a selected submission was upheld: it leaves the list (not selected, the
 * objection's resolution as the reason), and the call's decided total gives back its cost. The
 * call stays in notice; the bureau may withdraw the notice to decide the list again.
 */
export async function pullSubmission(
  tx: TransactionClient,
  ctx: OfficerCtx,
  submission: ListedSubject,
  resolution: string,
) {
  const now = ctx.now();
  const before = await tx.selectionSubmission.findUniqueOrThrow({
    where: { id: submission.id },
    select: { callId: true, decidedCostFen: true, departures: true },
  });
  const cost = before.decidedCostFen ?? 0n;
  await tx.selectionSubmission.update({
    where: { id: submission.id },
    data: {
      status: 'not-selected',
      decidedCostFen: 0n,
      departures: [...before.departures, '公示期间异议成立，撤出拟入选名单'],
      departureReason: resolution,
      updatedAt: now,
    },
  });
  await tx.selectionCall.update({
    where: { id: before.callId },
    data: { decidedTotalFen: { decrement: cost }, version: { increment: 1 }, updatedAt: now },
  });
  return { releasedFen: cost.toString() };
}
