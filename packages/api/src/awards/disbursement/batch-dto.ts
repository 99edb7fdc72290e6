import type { Prisma } from '@kc/db';
import { applicationStatusName, maskAccountNo } from '@kc/domain';
import { appError } from '../../errors';
import type { Db, OfficerCtx } from './common';
import { ruleInfo } from './common';
import type { BatchStatus } from './statuses';
import { batchStatusName } from './statuses';

/**
 * Who sees a batch's account numbers in full: the finance officers who check and pay it (and
 * the export they send the bank). Everyone else — the bureau admin preparing a batch — sees
 * them masked, as everywhere else.
 */
export function accountView(ctx: OfficerCtx): AccountView {
  return ctx.caller.role === 'finance-officer' ? 'full' : 'masked';
}
export type AccountView = 'full' | 'masked';

/** A batch with its items, as every procedure returns it (and idempotent replays store it). */
export async function batchDto(db: Db, batchId: string, accounts: AccountView) {
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
      payeeAccountNo:
        accounts === 'full' || d.payeeAccountNo === null
          ? d.payeeAccountNo
          : maskAccountNo(d.payeeAccountNo),
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
