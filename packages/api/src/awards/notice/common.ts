import type { Prisma, TransactionClient } from '@kc/db';
import type {
  ApplicationAction,
  ApplicationStatus,
  CalendarDate,
  PolicySettings,
} from '@kc/domain';
import { DEFAULT_POLICY_SETTINGS, applicationStatusName, planTransition } from '@kc/domain';
import { writeAudit } from '../../audit';
import type { OfficerCaller } from '../../caller';
import type { Context } from '../../context';
import { appError } from '../../errors';
import { lockApplication } from '../locks';
import { officerActor } from '../review-service';
import { changeStatus, transitionRefused } from '../transition';
import { policySetOn } from '../../policy/catalogue';

export type OfficerCtx = Context & { caller: OfficerCaller };

/** The settings of the policy version in force on `day` (notice length, objection contact). */
export function noticeSettingsOn(day: CalendarDate): PolicySettings {
  return policySetOn(day)?.settings ?? DEFAULT_POLICY_SETTINGS;
}

/** Locks the batch row for the rest of the transaction and reads it. */
export async function lockBatch(tx: TransactionClient, batchId: string) {
  await tx.$queryRaw`SELECT id FROM notice_batch WHERE id = ${batchId}::uuid FOR UPDATE`;
  const batch = await tx.noticeBatch.findUnique({ where: { id: batchId } });
  if (!batch) throw appError('NOT_FOUND');
  return batch;
}

export function assertDraft(batch: { number: string; status: string; callId: string | null }) {
  if (batch.callId)
    throw appError('INVALID_TRANSITION', {
      message: `公示批次 ${batch.number} 是申报指南的拟入选名单，名单由指南拟定，不能在此增减`,
    });
  if (batch.status !== 'draft') {
    throw appError('INVALID_TRANSITION', {
      message: `公示批次 ${batch.number} 已发布，不能再增减申请`,
    });
  }
}

/** Locks the applications (ascending id) and refuses any that may not go into a notice. */
export async function lockListable(tx: TransactionClient, ids: string[], batchNumber?: string) {
  const sorted = [...new Set(ids)].sort();
  for (const id of sorted) await lockApplication(tx, id);
  const rows = await tx.application.findMany({
    where: { id: { in: sorted } },
    select: {
      id: true,
      number: true,
      status: true,
      areaCode: true,
      noticeItems: {
        where: { status: { not: 'pulled' }, batch: { status: { in: ['draft', 'published'] } } },
        select: { batch: { select: { number: true } } },
      },
    },
    orderBy: { number: 'asc' },
  });
  if (rows.length !== sorted.length) {
    throw appError('NOT_FOUND', { message: '所选申请中有不存在的记录，请刷新后重试' });
  }
  const problems: string[] = [];
  for (const row of rows) {
    const open = row.noticeItems[0]?.batch.number;
    if (row.status !== 'approved') {
      problems.push(
        `申请 ${row.number} 当前为“${applicationStatusName(row.status)}”，只有已批准的申请才能列入公示`,
      );
    } else if (open) {
      problems.push(
        open === batchNumber
          ? `申请 ${row.number} 已在本公示批次中`
          : `申请 ${row.number} 已列入公示批次 ${open}，同一申请只能列入一个未结束的公示`,
      );
    }
  }
  if (problems.length > 0) throw appError('NOTICE_ITEM_REFUSED', { message: problems.join('；') });
  return rows;
}

interface LockedApplication {
  id: string;
  number: string;
  status: string;
  areaCode: string | null;
  version: number;
}

/**
 * Moves one (locked) application through the state machine (`changeStatus`: status, version,
 * timeline event) and writes its audit record. `data` carries extra column changes (the
 * uphold's cleared amount and decision time).
 */
export async function transitionApplication(
  tx: TransactionClient,
  ctx: OfficerCtx,
  app: LockedApplication,
  action: Extract<ApplicationAction, 'publish-notice' | 'close-notice' | 'uphold-objection'>,
  extra: {
    comment?: string;
    details: Record<string, unknown>;
    data?: Prisma.ApplicationUncheckedUpdateManyInput;
  },
) {
  const plan = planTransition({
    status: app.status as ApplicationStatus,
    action,
    actor: officerActor(ctx.caller),
    applicationAreaCode: app.areaCode,
    comment: extra.comment ?? null,
  });
  if (!plan.ok) {
    throw transitionRefused(plan, app.number);
  }
  await changeStatus(tx, app, {
    to: plan.to,
    action,
    actor: { userId: ctx.caller.userId, role: ctx.caller.role },
    at: ctx.now(),
    comment: extra.comment,
    ...(extra.data ? { data: extra.data } : {}),
    details: extra.details,
  });
  await writeAudit(tx, ctx, {
    action: `application.${action}`,
    objectType: 'application',
    objectId: app.id,
    areaCode: app.areaCode,
    details: { number: app.number, from: app.status, to: plan.to, ...extra.details },
  });
  return plan.to;
}

/** Locks one application row and reads what `transitionApplication` needs of it. */
export async function readLocked(tx: TransactionClient, id: string): Promise<LockedApplication> {
  await lockApplication(tx, id);
  return tx.application.findUniqueOrThrow({
    where: { id },
    select: { id: true, number: true, status: true, areaCode: true, version: true },
  });
}
