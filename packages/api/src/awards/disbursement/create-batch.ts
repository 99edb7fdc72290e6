import { isUniqueViolationOn, nextNumber } from '@kc/db';
import { formatYuan, todayInShanghai } from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { idempotentTransaction } from '../../idempotency';
import { lockApplication, lockOrganisations } from '../locks';
import { accountView, batchDto } from './batch-dto';
import type { OfficerCtx } from './common';
import { assertTransition, lockBatch, refuseConflicts } from './common';
import { ACTIVE_ACCOUNT, payeeOf } from './payee';
import { batchStatusName } from './statuses';

export interface CreateBatchRequest {
  title?: string | undefined;
  applicationIds: string[];
  idempotencyKey: string;
}

/**
 * A draft batch of applications whose notice has passed: one disbursement each (the approved
 * amount, the organisation's bank details frozen), each application notice-passed →
 * in-disbursement with its timeline event.
 */
export async function createBatch(ctx: OfficerCtx, req: CreateBatchRequest) {
  const title = req.title?.trim() || null;
  return idempotentTransaction(
    ctx.db.prisma,
    {
      key: req.idempotencyKey,
      scope: 'disbursements.createBatch',
      actorUserId: ctx.caller.userId,
      now: ctx.now(),
      request: { title, applicationIds: req.applicationIds },
    },
    async (tx) => {
      for (const id of [...req.applicationIds].sort()) await lockApplication(tx, id);
      // Freeze the payees under the organisations' row locks: no 收款账户 change slips in between.
      const owners = await tx.application.findMany({
        where: { id: { in: req.applicationIds } },
        select: { organisationId: true },
      });
      await lockOrganisations(
        tx,
        owners.flatMap((o) => (o.organisationId ? [o.organisationId] : [])),
        'share',
      );
      const rows = await tx.application.findMany({
        where: { id: { in: req.applicationIds } },
        include: {
          organisation: { include: ACTIVE_ACCOUNT },
          researcher: { select: { name: true } },
          disbursement: { select: { status: true, batch: { select: { number: true } } } },
        },
      });
      if (rows.length !== req.applicationIds.length) {
        throw appError('NOT_FOUND', { message: '所选申请中有不存在的记录，请刷新后重试' });
      }
      const byId = new Map(rows.map((r) => [r.id, r]));
      const apps = req.applicationIds.flatMap((id) => byId.get(id) ?? []);
      await refuseConflicts(
        tx,
        ctx,
        apps.flatMap((a) => (a.organisation ? [a.organisation] : [])),
      );

      const items = apps.map((app) => {
        if (app.disbursement) {
          const batchNumber = app.disbursement.batch.number;
          if (app.status === 'paid' || app.disbursement.status === 'paid') {
            throw appError('ALREADY_PAID', {
              message: `申请 ${app.number} 已在拨付批次 ${batchNumber} 中拨付，不能重复拨付`,
            });
          }
          throw appError('ALREADY_IN_DISBURSEMENT', {
            message: `申请 ${app.number} 已列入拨付批次 ${batchNumber}，不能重复列入`,
          });
        }
        assertTransition(ctx, app, 'add-to-disbursement');
        const payee = payeeOf(app);
        if (!payee.ok) throw appError('BANK_DETAILS_MISSING', { message: payee.message });
        const amount = app.approvedAmountFen ?? 0n;
        if (amount <= 0n) {
          throw appError('INVALID_TRANSITION', {
            message: `申请 ${app.number} 没有核定奖补金额，不能列入拨付批次`,
          });
        }
        const { ok: _ok, ...frozen } = payee;
        return { app, amount, payee: frozen };
      });

      const totalFen = items.reduce((sum, i) => sum + i.amount, 0n);
      const year = Number(todayInShanghai(ctx.now()).slice(0, 4));
      // The counter row lock is held to the end of the transaction: take the number late.
      const number = await nextNumber(tx, 'disbursement', year);
      const batch = await tx.disbursementBatch.create({
        data: {
          number,
          title,
          status: 'draft',
          totalFen,
          createdBy: ctx.caller.userId,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        },
      });
      try {
        await tx.disbursement.createMany({
          data: items.map((i) => ({
            batchId: batch.id,
            applicationId: i.app.id,
            amountFen: i.amount,
            status: 'pending',
            createdAt: ctx.now(),
            updatedAt: ctx.now(),
            ...i.payee,
          })),
        });
      } catch (error) {
        // The backstop behind the status check: an application is in at most one batch, ever.
        if (isUniqueViolationOn(error, 'application_id')) throw appError('ALREADY_IN_DISBURSEMENT');
        throw error;
      }
      const moved = await tx.application.updateMany({
        where: { id: { in: req.applicationIds }, status: 'notice-passed' },
        data: { status: 'in-disbursement', version: { increment: 1 }, updatedAt: ctx.now() },
      });
      if (moved.count !== items.length) throw appError('STALE_VERSION');
      await tx.applicationEvent.createMany({
        data: items.map((i) => ({
          applicationId: i.app.id,
          actorUserId: ctx.caller.userId,
          actorRole: ctx.caller.role,
          action: 'add-to-disbursement',
          at: ctx.now(),
          fromStatus: i.app.status,
          toStatus: 'in-disbursement',
          details: { batchId: batch.id, batchNumber: number, amountFen: i.amount.toString() },
        })),
      });
      await writeAudit(tx, ctx, {
        action: 'disbursement.create',
        objectType: 'disbursement_batch',
        objectId: batch.id,
        details: {
          number,
          title,
          total: formatYuan(totalFen),
          applications: items.map((i) => ({
            number: i.app.number,
            amount: formatYuan(i.amount),
          })),
        },
      });
      return batchDto(tx, batch.id, accountView(ctx));
    },
  );
}

/** Takes an application out of a draft batch: in-disbursement → notice-passed. */
export async function removeItem(ctx: OfficerCtx, req: { batchId: string; applicationId: string }) {
  return ctx.db.prisma.$transaction(async (tx) => {
    if (!(await lockBatch(tx, req.batchId))) throw appError('NOT_FOUND');
    await lockApplication(tx, req.applicationId);
    const batch = await tx.disbursementBatch.findUniqueOrThrow({ where: { id: req.batchId } });
    const item = await tx.disbursement.findUnique({
      where: { applicationId: req.applicationId },
      include: { application: { include: { organisation: { select: { id: true, name: true } } } } },
    });
    if (!item || item.batchId !== batch.id) {
      throw appError('NOT_FOUND', { message: '该申请不在此拨付批次中' });
    }
    if (batch.status !== 'draft') {
      throw appError(batch.status === 'paid' ? 'ALREADY_PAID' : 'INVALID_TRANSITION', {
        message: `拨付批次 ${batch.number} ${batchStatusName(batch.status)}，不能再移出申请`,
      });
    }
    const app = item.application;
    await refuseConflicts(tx, ctx, app.organisation ? [app.organisation] : []);
    const plan = assertTransition(ctx, app, 'remove-from-disbursement');
    await tx.disbursement.delete({ where: { id: item.id } });
    await tx.disbursementBatch.update({
      where: { id: batch.id },
      data: { totalFen: { decrement: item.amountFen }, updatedAt: ctx.now() },
    });
    const moved = await tx.application.updateMany({
      where: { id: app.id, version: app.version },
      data: { status: plan.to, version: { increment: 1 }, updatedAt: ctx.now() },
    });
    if (moved.count !== 1) throw appError('STALE_VERSION');
    await tx.applicationEvent.create({
      data: {
        applicationId: app.id,
        actorUserId: ctx.caller.userId,
        actorRole: ctx.caller.role,
        action: 'remove-from-disbursement',
        at: ctx.now(),
        fromStatus: app.status,
        toStatus: plan.to,
        details: { batchId: batch.id, batchNumber: batch.number },
      },
    });
    await writeAudit(tx, ctx, {
      action: 'disbursement.remove-item',
      objectType: 'disbursement_batch',
      objectId: batch.id,
      details: {
        number: batch.number,
        application: app.number,
        amount: formatYuan(item.amountFen),
      },
    });
    return batchDto(tx, batch.id, accountView(ctx));
  });
}
