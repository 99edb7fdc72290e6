/**
 * 拨付: payment of approved awards whose public notice has passed.
 *
 *   draft batch (finance officer or bureau admin prepares it: 制单)
 *     → confirmed (another finance officer checks it: 审核)
 *     → paid (a finance officer records the bank transfer: one transaction moves every award
 *       committed → paid in its programme budget, journals a `payment`, closes the applications).
 *
 * Public money is paid exactly once. The layers, from the request down to the database:
 * - the idempotency key (src/idempotency.ts): a retried request replays the first answer;
 * - the batch row lock and its status: a second payment of a paid batch, whatever its key, is
 *   refused (ALREADY_PAID) and pays nothing;
 * - `disbursement.application_id` UNIQUE: an application is in at most one batch, ever;
 * - `ledger_entry.disbursement_id` UNIQUE and (application_id, kind, approval_round) UNIQUE: a
 *   disbursement is booked once, an approval is paid once;
 * - the budget row's CHECKs (committed + paid ≤ budget, nothing negative).
 *
 * Within budget: over-commitment is stopped at approval (review-service, under the budget row
 * lock). A payment only converts an existing commitment (committed −= amount, paid += amount, so
 * committed + paid does not change): it is refused when the award has no commitment of the same
 * amount in the journal, or when the budget row's committed amount does not cover it.
 *
 * Lock order, everywhere money moves: batch → applications (by id) → budgets (by rule, year).
 * Approvals lock application → budget, so no transaction ever holds a budget while waiting for an
 * application, and two transactions cannot wait on each other in a cycle. The idempotency claim
 * is written before any lock (see src/idempotency.ts).
 */
import type { Prisma, TransactionClient } from '@kc/db';
import { isCheckViolation, isUniqueViolationOn, nextNumber } from '@kc/db';
import type { ApplicationAction, ApplicationStatus } from '@kc/domain';
import {
  CONFLICT_OF_INTEREST_MESSAGE,
  applicationStatusName,
  findPolicySet,
  formatYuan,
  planTransition,
  policyRule,
  todayInShanghai,
} from '@kc/domain';
import { writeAudit } from '../audit';
import type { OfficerCaller } from '../caller';
import type { Context } from '../context';
import { appError } from '../errors';
import { idempotentTransaction } from '../idempotency';
import { buildDisbursementWorkbook } from './disbursement-export';
import { lockApplication, lockBudget } from './locks';
import { officerActor } from './review-service';
import { transitionRefused } from './transition';

type OfficerCtx = Context & { caller: OfficerCaller };
type Db = Pick<
  TransactionClient,
  'disbursementBatch' | 'user' | 'application' | 'ledgerEntry' | 'conflictOfInterest'
>;

export const BATCH_STATUSES = [
  { code: 'draft', name: '草稿' },
  { code: 'confirmed', name: '已确认' },
  { code: 'paid', name: '已拨付' },
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number]['code'];
export const BATCH_STATUS_CODES = BATCH_STATUSES.map((s) => s.code) as [
  BatchStatus,
  ...BatchStatus[],
];

export function batchStatusName(code: string): string {
  return BATCH_STATUSES.find((s) => s.code === code)?.name ?? code;
}

export const LEDGER_KINDS = [
  { code: 'commit', name: '批准占用' },
  { code: 'release', name: '撤销释放' },
  { code: 'payment', name: '拨付' },
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number]['code'];

function ledgerKindName(code: string): string {
  return LEDGER_KINDS.find((k) => k.code === code)?.name ?? code;
}

/** The state machine's verdict on one application, or a refusal naming it. */
function assertTransition(
  ctx: OfficerCtx,
  app: { number: string; status: string; areaCode: string | null },
  action: ApplicationAction,
) {
  const plan = planTransition({
    status: app.status as ApplicationStatus,
    action,
    actor: officerActor(ctx.caller),
    applicationAreaCode: app.areaCode,
  });
  if (!plan.ok) {
    throw transitionRefused(plan, app.number);
  }
  return plan;
}

function ruleInfo(policySetId: string, ruleId: string) {
  const set = findPolicySet(policySetId);
  const rule = set ? policyRule(set, ruleId) : undefined;
  return { ruleName: rule?.name ?? ruleId, clause: rule?.clause ?? '' };
}

async function lockBatch(tx: TransactionClient, batchId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM disbursement_batch WHERE id = ${batchId}::uuid FOR UPDATE`;
  return rows.length > 0;
}

/** 回避: the organisations among these that the officer declared a conflict of interest with. */
async function refuseConflicts(
  db: Db,
  ctx: OfficerCtx,
  organisations: { id: string; name: string }[],
): Promise<void> {
  if (organisations.length === 0) return;
  const conflicts = await db.conflictOfInterest.findMany({
    where: {
      officerUserId: ctx.caller.userId,
      organisationId: { in: organisations.map((o) => o.id) },
    },
    select: { organisationId: true },
  });
  const first = conflicts[0];
  if (first) {
    const name = organisations.find((o) => o.id === first.organisationId)?.name ?? '';
    throw appError('CONFLICT_OF_INTEREST', {
      message: `${CONFLICT_OF_INTEREST_MESSAGE}（${name}）`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Payee
// ---------------------------------------------------------------------------------------------

interface PayeeSource {
  number: string;
  organisation: {
    name: string;
    bankAccountHolder: string | null;
    bankName: string | null;
    bankAccountNo: string | null;
  } | null;
  researcher: { name: string } | null;
}

type PayeeCheck =
  | { ok: true; payeeName: string; payeeBankName: string; payeeAccountNo: string }
  | { ok: false; message: string };

/** The bank details a disbursement is paid to, frozen from the organisation; or why not. */
export function payeeOf(app: PayeeSource): PayeeCheck {
  const org = app.organisation;
  if (!org) {
    return {
      ok: false,
      message: `申请 ${app.number}（${app.researcher?.name ?? '个人'}）为个人申请，系统尚未登记个人收款账户，暂不能列入拨付批次`,
    };
  }
  const holder = org.bankAccountHolder?.trim() ?? '';
  const bank = org.bankName?.trim() ?? '';
  const account = org.bankAccountNo?.trim() ?? '';
  const missing = [
    ...(holder ? [] : ['开户名称']),
    ...(bank ? [] : ['开户银行']),
    ...(account ? [] : ['银行账号']),
  ];
  if (missing.length > 0) {
    return {
      ok: false,
      message: `${org.name}（申请 ${app.number}）尚未登记${missing.join('、')}，不能列入拨付批次，请先补全该单位的开户银行信息`,
    };
  }
  return { ok: true, payeeName: holder, payeeBankName: bank, payeeAccountNo: account };
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

export interface CandidateFilter {
  ruleId?: string | undefined;
  year?: number | undefined;
}

/** Applications whose notice has passed and that wait for a batch, with what the batch needs. */
export async function disbursementCandidates(ctx: OfficerCtx, f: CandidateFilter) {
  const rows = await ctx.db.prisma.application.findMany({
    where: {
      status: 'notice-passed',
      ...(f.ruleId ? { ruleId: f.ruleId } : {}),
      ...(f.year ? { year: f.year } : {}),
    },
    include: {
      organisation: {
        select: {
          id: true,
          name: true,
          creditCode: true,
          bankAccountHolder: true,
          bankName: true,
          bankAccountNo: true,
        },
      },
      researcher: { select: { name: true } },
    },
    orderBy: [{ number: 'asc' }],
  });
  return rows.map((r) => {
    const payee = payeeOf(r);
    return {
      applicationId: r.id,
      number: r.number,
      ruleId: r.ruleId,
      ...ruleInfo(r.policySetId, r.ruleId),
      year: r.year,
      approvedAmountFen: r.approvedAmountFen ?? 0n,
      organisationId: r.organisation?.id ?? null,
      organisationName: r.organisation?.name ?? r.researcher?.name ?? '',
      creditCode: r.organisation?.creditCode ?? null,
      bankAccountHolder: r.organisation?.bankAccountHolder ?? null,
      bankName: r.organisation?.bankName ?? null,
      bankAccountNo: r.organisation?.bankAccountNo ?? null,
      /** false: createBatch would refuse it; `problem` says why. */
      payable: payee.ok,
      problem: payee.ok ? null : payee.message,
    };
  });
}

/** A batch with its items, as every procedure returns it (and idempotent replays store it). */
export async function batchDto(db: Db, batchId: string) {
  const batch = await db.disbursementBatch.findUnique({
    where: { id: batchId },
    include: {
      disbursements: {
        include: {
          application: {
            select: {
              number: true,
              status: true,
              ruleId: true,
              policySetId: true,
              year: true,
              organisation: { select: { name: true, creditCode: true } },
              researcher: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!batch) throw appError('NOT_FOUND');
  const userIds = [batch.createdBy, batch.confirmedBy, batch.paidBy].filter(
    (id): id is string => id !== null,
  );
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: userIds } },
        select: { id: true, displayName: true },
      })
    ).map((u) => [u.id, u.displayName]),
  );
  const person = (id: string | null) =>
    id ? { userId: id, displayName: users.get(id) ?? '' } : null;
  const items = batch.disbursements
    .map((d) => ({
      disbursementId: d.id,
      applicationId: d.applicationId,
      applicationNumber: d.application.number,
      applicationStatus: d.application.status,
      applicationStatusLabel: applicationStatusName(d.application.status),
      ruleId: d.application.ruleId,
      ...ruleInfo(d.application.policySetId, d.application.ruleId),
      year: d.application.year,
      organisationName: d.application.organisation?.name ?? d.application.researcher?.name ?? '',
      creditCode: d.application.organisation?.creditCode ?? null,
      payeeName: d.payeeName,
      payeeBankName: d.payeeBankName,
      payeeAccountNo: d.payeeAccountNo,
      amountFen: d.amountFen,
      status: d.status,
      paidAt: d.paidAt,
      bankReference: d.bankReference,
    }))
    .sort((a, b) => (a.applicationNumber < b.applicationNumber ? -1 : 1));
  return {
    id: batch.id,
    number: batch.number,
    title: batch.title,
    status: batch.status as BatchStatus,
    statusLabel: batchStatusName(batch.status),
    totalFen: batch.totalFen,
    itemCount: items.length,
    createdAt: batch.createdAt,
    createdBy: person(batch.createdBy),
    confirmedAt: batch.confirmedAt,
    confirmedBy: person(batch.confirmedBy),
    paidAt: batch.paidAt,
    paidBy: person(batch.paidBy),
    items,
  };
}

export type BatchDto = Awaited<ReturnType<typeof batchDto>>;

export interface BatchListFilter {
  status?: BatchStatus | undefined;
  page: number;
  pageSize: number;
}

export async function listBatches(ctx: OfficerCtx, f: BatchListFilter) {
  const where: Prisma.DisbursementBatchWhereInput = f.status ? { status: f.status } : {};
  const [total, rows] = await Promise.all([
    ctx.db.prisma.disbursementBatch.count({ where }),
    ctx.db.prisma.disbursementBatch.findMany({
      where,
      include: { _count: { select: { disbursements: true } } },
      orderBy: [{ createdAt: 'desc' }, { number: 'desc' }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
    }),
  ]);
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    items: rows.map((b) => ({
      id: b.id,
      number: b.number,
      title: b.title,
      status: b.status as BatchStatus,
      statusLabel: batchStatusName(b.status),
      totalFen: b.totalFen,
      itemCount: b._count.disbursements,
      createdAt: b.createdAt,
      createdBy: b.createdBy,
      confirmedAt: b.confirmedAt,
      confirmedBy: b.confirmedBy,
      paidAt: b.paidAt,
      paidBy: b.paidBy,
    })),
  };
}

export interface LedgerFilter {
  year?: number | undefined;
  ruleId?: string | undefined;
  page: number;
  pageSize: number;
}

/** The budget journal in booking order, with totals per kind over the whole filter. */
export async function ledger(ctx: OfficerCtx, f: LedgerFilter) {
  const where: Prisma.LedgerEntryWhereInput = {
    ...(f.year ? { year: f.year } : {}),
    ...(f.ruleId ? { ruleId: f.ruleId } : {}),
  };
  const prisma = ctx.db.prisma;
  const [total, sums, rows] = await Promise.all([
    prisma.ledgerEntry.count({ where }),
    prisma.ledgerEntry.groupBy({ by: ['kind'], where, _sum: { amountFen: true } }),
    prisma.ledgerEntry.findMany({
      where,
      include: {
        application: {
          select: {
            number: true,
            policySetId: true,
            organisation: { select: { name: true } },
            researcher: { select: { name: true } },
          },
        },
        disbursement: { select: { batch: { select: { id: true, number: true } } } },
      },
      orderBy: { id: 'asc' },
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
    }),
  ]);
  const sumOf = (kind: LedgerKind) => sums.find((s) => s.kind === kind)?._sum.amountFen ?? 0n;
  const commitFen = sumOf('commit');
  const releaseFen = sumOf('release');
  const paymentFen = sumOf('payment');
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    totals: {
      commitFen,
      releaseFen,
      paymentFen,
      /** approved and not yet paid (should equal the budgets' committed amounts) */
      outstandingFen: commitFen - releaseFen - paymentFen,
    },
    entries: rows.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind as LedgerKind,
      kindLabel: ledgerKindName(e.kind),
      amountFen: e.amountFen,
      ruleId: e.ruleId,
      ruleName: ruleInfo(e.application.policySetId, e.ruleId).ruleName,
      year: e.year,
      applicationId: e.applicationId,
      applicationNumber: e.application.number,
      organisationName: e.application.organisation?.name ?? e.application.researcher?.name ?? '',
      approvalRound: e.approvalRound,
      disbursementId: e.disbursementId,
      batchId: e.disbursement?.batch.id ?? null,
      batchNumber: e.disbursement?.batch.number ?? null,
      actorUserId: e.actorUserId,
      note: e.note,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Writes. Audit details carry amounts as `¥1,234.56`, not bare fen: the audit writer masks
// anything that looks like a mobile number, and 13–19 billion fen (1.3–2 亿元, a plausible batch
// total) is 11 digits starting with 1[3-9].
// ---------------------------------------------------------------------------------------------

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
      const rows = await tx.application.findMany({
        where: { id: { in: req.applicationIds } },
        include: {
          organisation: true,
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
      return batchDto(tx, batch.id);
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
    return batchDto(tx, batch.id);
  });
}

/**
 * 审核: a finance officer checks a draft batch and confirms it for payment.
 *
 * Four eyes (不相容岗位分离). The issue asks that the confirmer is "not the same person who
 * approved". We enforce two rules, both on user ids (not roles: people change jobs, and a
 * reviewer moved to the finance office must not confirm payment of an award they approved):
 * - the confirmer did not approve any application in the batch (actor of an `approve` timeline
 *   event of it, in any approval round);
 * - the confirmer did not create the batch (制单人不能审核自己制的单), so every payment passes
 *   two people in the finance step as well as being decided by someone else.
 * Recording the payment (markPaid) is then open to any finance officer, the confirmer included:
 * it records what the bank did with a batch two people have already checked.
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
      const approved = await tx.applicationEvent.findFirst({
        where: {
          applicationId: { in: apps.map((a) => a.id) },
          action: 'approve',
          actorUserId: ctx.caller.userId,
        },
        select: { applicationId: true },
      });
      if (approved) {
        const number = apps.find((a) => a.id === approved.applicationId)?.number ?? '';
        throw appError('SEPARATION_OF_DUTIES', {
          message: `申请 ${number} 由您批准，您不能审核确认包含该申请的拨付批次，请由另一名财务人员确认`,
        });
      }
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
      return batchDto(tx, batch.id);
    },
  );
}

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
      return batchDto(tx, batch.id);
    },
  );
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The batch's 拨付清单 as an .xlsx file, base64 in the tRPC answer (the admin turns it into a
 * Blob download). It carries bank account numbers: every export is audited.
 */
export async function exportBatchXlsx(ctx: OfficerCtx, batchId: string) {
  const batch = await batchDto(ctx.db.prisma, batchId);
  const file = await buildDisbursementWorkbook(batch, {
    exportedAt: ctx.now(),
    exportedBy: ctx.caller.displayName,
  });
  await writeAudit(ctx.db.prisma, ctx, {
    action: 'disbursement.export',
    objectType: 'disbursement_batch',
    objectId: batch.id,
    details: {
      number: batch.number,
      status: batch.status,
      items: batch.itemCount,
      total: formatYuan(batch.totalFen),
    },
  });
  return {
    filename: `拨付清单-${batch.number}.xlsx`,
    mimeType: XLSX_MIME,
    sizeBytes: file.length,
    base64: file.toString('base64'),
  };
}
