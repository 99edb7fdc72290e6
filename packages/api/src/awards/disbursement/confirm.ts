import { applicationStatusName, formatYuan } from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { idempotentTransaction } from '../../idempotency';
import { accountView, batchDto } from './batch-dto';
import type { OfficerCtx } from './common';
import { lockBatch, refuseConflicts, refuseOwnApprovals } from './common';

/**
 * 审核: a finance officer checks a draft batch and confirms it for payment.
 *
 * Four eyes (不相容岗位分离), both rules on user ids (not roles):
 * - the confirmer approved no application in the batch (refuseOwnApprovals, which markPaid
 *   applies too);
 * - the confirmer did not create the batch (制单人不能审核自己制的单), so every payment passes
 *   two people in the finance step as well as being decided by someone else.
 * Recording the payment (markPaid) is then open to any finance officer who approved none of its
 * awards, the confirmer and the creator included: it records what the bank did with a batch two
 * people have already checked.
 */
export async function confirmBatch(
  ctx: OfficerCtx,
  req: { batchId: string; idempotencyKey: string },
) {
  return idempotentTransaction(
    ctx.db.prisma,
    {
      key: req.idempotencyKey,
      scope: 'disbursements.confirm',
      actorUserId: ctx.caller.userId,
      now: ctx.now(),
      request: { batchId: req.batchId },
    },
    async (tx) => {
      if (!(await lockBatch(tx, req.batchId))) throw appError('NOT_FOUND');
      const batch = await tx.disbursementBatch.findUniqueOrThrow({
        where: { id: req.batchId },
        include: {
          disbursements: {
            include: {
              application: {
                select: {
                  id: true,
                  number: true,
                  status: true,
                  organisation: { select: { id: true, name: true } },
                },
              },
            },
          },
        },
      });
      if (batch.status === 'paid') {
        throw appError('ALREADY_PAID', { message: `拨付批次 ${batch.number} 已拨付` });
      }
      if (batch.status !== 'draft') {
        throw appError('INVALID_TRANSITION', {
          message: `拨付批次 ${batch.number} 已确认，不需要再次确认`,
        });
      }
      if (batch.disbursements.length === 0) {
        throw appError('INVALID_TRANSITION', {
          message: `拨付批次 ${batch.number} 中没有拨付项，不能确认`,
        });
      }
      if (batch.createdBy === ctx.caller.userId) {
        throw appError('SEPARATION_OF_DUTIES', {
          message: `拨付批次 ${batch.number} 由您制单，须由另一名财务人员审核确认`,
        });
      }
      const apps = batch.disbursements.map((d) => d.application);
      await refuseOwnApprovals(tx, ctx, apps, '审核确认');
      await refuseConflicts(
        tx,
        ctx,
        apps.flatMap((a) => (a.organisation ? [a.organisation] : [])),
      );
      const notWaiting = apps.find((a) => a.status !== 'in-disbursement');
      if (notWaiting) {
        throw appError('INVALID_TRANSITION', {
          message: `申请 ${notWaiting.number} 当前为“${applicationStatusName(notWaiting.status)}”，不能确认拨付`,
        });
      }
      const sum = batch.disbursements.reduce((s, d) => s + d.amountFen, 0n);
      if (sum !== batch.totalFen) {
        throw new Error(`batch ${batch.number}: total ${batch.totalFen} ≠ items ${sum}`);
      }
      await tx.disbursementBatch.update({
        where: { id: batch.id },
        data: {
          status: 'confirmed',
          confirmedBy: ctx.caller.userId,
          confirmedAt: ctx.now(),
          updatedAt: ctx.now(),
        },
      });
      await writeAudit(tx, ctx, {
        action: 'disbursement.confirm',
        objectType: 'disbursement_batch',
        objectId: batch.id,
        details: { number: batch.number, total: formatYuan(sum), items: apps.length },
      });
      return batchDto(tx, batch.id, accountView(ctx));
    },
  );
}
