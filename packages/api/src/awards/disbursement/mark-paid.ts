import { isCheckViolation, isUniqueViolationOn } from '@kc/db';
import { formatYuan, todayInShanghai } from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { idempotentTransaction } from '../../idempotency';
import { lockApplication, lockBudget } from '../locks';
import { accountView, batchDto } from './batch-dto';
import type { OfficerCtx } from './common';
import {
  assertTransition,
  lockBatch,
  refuseConflicts,
  refuseOwnApprovals,
  ruleInfo,
} from './common';
import type { LedgerKind } from './statuses';

export interface MarkPaidRequest {
  batchId: string;
  idempotencyKey: string;
  bankReference?: string | undefined;
}

/**
 * Records that the bank paid a confirmed batch, in one transaction: per award the budget moves
 * committed → paid, a `payment` is journalled against its disbursement, the disbursement and the
 * application become paid (timeline event); then the batch; then the audit record.
 */
export async function markPaid(ctx: OfficerCtx, req: MarkPaidRequest) {
  const bankReference = req.bankReference?.trim() || null;
  return idempotentTransaction(
    ctx.db.prisma,
    {
      key: req.idempotencyKey,
      scope: 'disbursements.markPaid',
      actorUserId: ctx.caller.userId,
      now: ctx.now(),
      request: { batchId: req.batchId, bankReference },
    },
    async (tx) => {
      if (!(await lockBatch(tx, req.batchId))) throw appError('NOT_FOUND');
      const batch = await tx.disbursementBatch.findUniqueOrThrow({
        where: { id: req.batchId },
        include: { disbursements: true },
      });
      if (batch.status === 'paid') {
        throw appError('ALREADY_PAID', {
          message: `拨付批次 ${batch.number} 已于 ${todayInShanghai(batch.paidAt ?? batch.updatedAt)} 拨付，不能重复拨付`,
        });
      }
      if (batch.status !== 'confirmed') {
        throw appError('BATCH_NOT_CONFIRMED', {
          message: `拨付批次 ${batch.number} 尚未确认，须经另一名财务人员审核确认后才能拨付`,
        });
      }
      const items = batch.disbursements;
      if (items.length === 0) throw new Error(`confirmed batch ${batch.number} has no items`);
      const ids = items.map((d) => d.applicationId);

      // Locks: applications (by id), then budgets (by rule, year) — the order approvals use.
      for (const id of [...ids].sort()) await lockApplication(tx, id);
      const apps = await tx.application.findMany({
        where: { id: { in: ids } },
        include: { organisation: { select: { id: true, name: true } } },
      });
      const appById = new Map(apps.map((a) => [a.id, a]));
      await refuseConflicts(
        tx,
        ctx,
        apps.flatMap((a) => (a.organisation ? [a.organisation] : [])),
      );
      // Four eyes: the approver of an award does not record its payment either.
      await refuseOwnApprovals(tx, ctx, apps, '登记拨付');
      for (const app of apps) assertTransition(ctx, app, 'mark-paid');
      const budgetKeys = [...new Set(apps.map((a) => `${a.ruleId}\u0000${a.year}`))].sort();
      for (const key of budgetKeys) {
        const [ruleId = '', year = ''] = key.split('\u0000');
        if (!(await lockBudget(tx, ruleId, Number(year)))) {
          throw appError('NO_BUDGET', { message: `${ruleId} ${year}年度没有预算，不能拨付` });
        }
      }

      // Each award is paid against its own commitment: the latest approval round's `commit`,
      // not released, not yet paid, of exactly the disbursement's amount.
      const journal = await tx.ledgerEntry.findMany({
        where: { applicationId: { in: ids } },
        select: { applicationId: true, kind: true, approvalRound: true, amountFen: true },
      });
      const payments = items.map((d) => {
        const app = appById.get(d.applicationId);
        if (!app) throw new Error(`disbursement ${d.id}: application missing`);
        const own = journal.filter((e) => e.applicationId === d.applicationId);
        const round = Math.max(
          0,
          ...own.filter((e) => e.kind === 'commit').map((e) => e.approvalRound),
        );
        const inRound = (kind: LedgerKind) =>
          own.find((e) => e.kind === kind && e.approvalRound === round);
        if (inRound('payment')) {
          throw appError('ALREADY_PAID', { message: `申请 ${app.number} 已拨付，不能重复拨付` });
        }
        const commit = inRound('commit');
        if (!commit || inRound('release') || commit.amountFen !== d.amountFen) {
          throw appError('OVER_BUDGET', {
            message: `申请 ${app.number} 在${app.year}年度预算中没有金额为 ${formatYuan(d.amountFen)} 的批准占用记录，不能拨付，请核对预算台账`,
          });
        }
        return { d, app, round };
      });

      // Budgets: committed → paid. committed + paid stays the same, so a payment never takes
      // a budget past its limit; committed must cover what is paid out of it.
      const now = ctx.now();
      for (const key of budgetKeys) {
        const [ruleId = '', yearText = ''] = key.split('\u0000');
        const year = Number(yearText);
        const amount = payments
          .filter((p) => p.app.ruleId === ruleId && p.app.year === year)
          .reduce((s, p) => s + p.d.amountFen, 0n);
        const budget = await tx.programmeBudget.findUniqueOrThrow({
          where: { ruleId_year: { ruleId, year } },
        });
        if (budget.committedFen < amount) {
          throw appError('OVER_BUDGET', {
            message: `${ruleInfo(payments.find((p) => p.app.ruleId === ruleId)?.app.policySetId ?? '', ruleId).ruleName}${year}年度已批准未拨付金额 ${formatYuan(budget.committedFen)}，少于本批次应拨付的 ${formatYuan(amount)}，不能拨付，请核对预算台账`,
          });
        }
        try {
          await tx.programmeBudget.update({
            where: { id: budget.id },
            data: {
              committedFen: { decrement: amount },
              paidFen: { increment: amount },
              updatedAt: now,
            },
          });
        } catch (error) {
          if (isCheckViolation(error)) throw appError('OVER_BUDGET');
          throw error;
        }
      }

      try {
        await tx.ledgerEntry.createMany({
          data: payments.map((p) => ({
            ruleId: p.app.ruleId,
            year: p.app.year,
            applicationId: p.app.id,
            approvalRound: p.round,
            disbursementId: p.d.id,
            kind: 'payment',
            at: now,
            amountFen: p.d.amountFen,
            actorUserId: ctx.caller.userId,
            note: `拨付批次 ${batch.number}${bankReference ? `，银行流水号 ${bankReference}` : ''}`,
          })),
        });
      } catch (error) {
        // The journal's unique keys: a disbursement is booked once, an approval paid once.
        if (
          isUniqueViolationOn(error, 'disbursement_id') ||
          isUniqueViolationOn(error, 'application_id', 'kind', 'approval_round')
        ) {
          throw appError('ALREADY_PAID');
        }
        throw error;
      }
      const paidItems = await tx.disbursement.updateMany({
        where: { batchId: batch.id, status: 'pending' },
        data: { status: 'paid', paidAt: now, bankReference, updatedAt: now },
      });
      if (paidItems.count !== items.length) {
        throw new Error(`batch ${batch.number}: ${paidItems.count} of ${items.length} pending`);
      }
      const paidApps = await tx.application.updateMany({
        where: { id: { in: ids }, status: 'in-disbursement' },
        data: { status: 'paid', version: { increment: 1 }, updatedAt: ctx.now() },
      });
      if (paidApps.count !== items.length) throw appError('STALE_VERSION');
      await tx.applicationEvent.createMany({
        data: payments.map((p) => ({
          applicationId: p.app.id,
          actorUserId: ctx.caller.userId,
          actorRole: ctx.caller.role,
          action: 'mark-paid',
          at: now,
          fromStatus: p.app.status,
          toStatus: 'paid',
          details: {
            batchId: batch.id,
            batchNumber: batch.number,
            amountFen: p.d.amountFen.toString(),
            ...(bankReference ? { bankReference } : {}),
          },
        })),
      });
      await tx.disbursementBatch.update({
        where: { id: batch.id },
        data: { status: 'paid', paidBy: ctx.caller.userId, paidAt: now, updatedAt: now },
      });
      await writeAudit(tx, ctx, {
        action: 'disbursement.pay',
        objectType: 'disbursement_batch',
        objectId: batch.id,
        details: {
          number: batch.number,
          total: formatYuan(batch.totalFen),
          ...(bankReference ? { bankReference } : {}),
          applications: payments.map((p) => ({
            number: p.app.number,
            amount: formatYuan(p.d.amountFen),
          })),
        },
      });
      return batchDto(tx, batch.id, accountView(ctx));
    },
  );
}
