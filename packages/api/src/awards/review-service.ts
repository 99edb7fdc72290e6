import type { Db, TransactionClient } from '@kc/db';
import { Prisma, isUniqueViolationOn, mayOccurInNumber, rowsOf } from '@kc/db';
import type {
  ApplicationAction,
  ApplicationQueue,
  ApplicationStatus,
  TransitionActor,
} from '@kc/domain';
import {
  CONFLICT_OF_INTEREST_MESSAGE,
  applicationQueueStatuses,
  fen,
  formatYuan,
  planTransition,
  todayInShanghai,
} from '@kc/domain';
import { areaScope, canSeeArea } from '../access';
import { writeAudit } from '../audit';
import type { OfficerCaller } from '../caller';
import type { Context } from '../context';
import { appError } from '../errors';
import { applicationApplicant } from './applicant';
import { decodeJson, encodeJson } from './codec';
import type { ApplicationRow } from './dto';
import { APPLICATION_INCLUDE, applicationDto } from './dto';
import { evaluateWithHistory, ruleFor } from './evaluate';
import { remainingOf } from './history';
import { changeStatus, transitionRefused } from './transition';
import { lockApplication, lockBudget } from './locks';
import { likeLiteral } from '../search';
import { listTotal } from '../list-total';

type OfficerCtx = Context & { caller: OfficerCaller };
type Reader = Pick<TransactionClient, 'application' | 'conflictOfInterest'>;

export function officerActor(caller: OfficerCaller): TransitionActor {
  return { kind: 'officer', role: caller.role, areaCode: caller.areaCode };
}

/** An application the officer may see: another area's answers like a missing one. */
async function visibleApplication(
  db: Reader,
  ctx: OfficerCtx,
  id: string,
): Promise<ApplicationRow> {
  const row = await db.application.findUnique({ where: { id }, include: APPLICATION_INCLUDE });
  if (!row || !canSeeArea(ctx.caller, row.areaCode) || row.status === 'draft')
    throw appError('NOT_FOUND');
  return row;
}

async function hasConflict(
  db: Reader,
  officerUserId: string,
  organisationId: string | null,
): Promise<boolean> {
  if (!organisationId) return false;
  return (await db.conflictOfInterest.count({ where: { officerUserId, organisationId } })) > 0;
}

export async function officerApplication(ctx: OfficerCtx, id: string) {
  const row = await visibleApplication(ctx.db.prisma, ctx, id);
  const conflict = await hasConflict(ctx.db.prisma, ctx.caller.userId, row.organisationId);
  const organisation = row.organisationId
    ? await ctx.db.prisma.organisation.findUnique({
        where: { id: row.organisationId },
        select: { id: true, name: true, creditCode: true, areaCode: true },
      })
    : null;
  const dto = applicationDto(row, officerActor(ctx.caller));
  return {
    ...dto,
    organisation,
    conflictOfInterest: conflict,
    allowedActions: conflict ? [] : dto.allowedActions,
  };
}

export interface QueueFilter {
  status?: ApplicationStatus | undefined;
  /** a workbench queue (several statuses, e.g. 待县区受理/审核); narrowed further by `status` */
  queue?: ApplicationQueue | undefined;
  ruleId?: string | undefined;
  areaCode?: string | undefined;
  year?: number | undefined;
  /** one of the applicant organisation's fields */
  fieldCode?: string | undefined;
  /** application number or applicant name, contains */
  q?: string | undefined;
  sort?: 'submittedAt' | 'amount' | undefined;
  order?: 'asc' | 'desc' | undefined;
  page: number;
  pageSize: number;
}

/**
 * Which applications the officer's list shows for a filter. The workbench counts its tiles with
 * it too, so a tile's number is the length of the list it opens.
 */
export function reviewQueueWhere(
  ctx: OfficerCtx,
  f: Omit<QueueFilter, 'page' | 'pageSize' | 'sort' | 'order'>,
): Prisma.ApplicationWhereInput {
  return queueWhere(ctx, f, f.q ? keywordByJoin(f.q) : undefined);
}

function queueWhere(
  ctx: OfficerCtx,
  f: Omit<QueueFilter, 'page' | 'pageSize' | 'sort' | 'order' | 'q'>,
  keyword: Prisma.ApplicationWhereInput | undefined,
): Prisma.ApplicationWhereInput {
  const scope = areaScope(ctx.caller);
  if (f.areaCode && scope.areaCode && f.areaCode !== scope.areaCode)
    throw appError('FORBIDDEN', { message: '您只能查看本县区或园区的数据' });
  return {
    status: f.status ?? { not: 'draft' },
    ...(f.queue ? { AND: [{ status: { in: [...applicationQueueStatuses(f.queue)] } }] } : {}),
    ...(scope.areaCode || f.areaCode ? { areaCode: scope.areaCode ?? f.areaCode } : {}),
    ...(f.ruleId ? { ruleId: f.ruleId } : {}),
    ...(f.year ? { year: f.year } : {}),
    ...(f.fieldCode ? { organisation: { fieldCodes: { has: f.fieldCode } } } : {}),
    ...keyword,
  };
}

/** The keyword: the application number, or the applicant organisation's or researcher's name. */
function keywordByJoin(q: string): Prisma.ApplicationWhereInput {
  return {
    OR: [
      { number: { contains: likeLiteral(q) } },
      { organisation: { name: { contains: likeLiteral(q) } } },
      { researcher: { name: { contains: likeLiteral(q) } } },
    ],
  };
}

/** Above this many matching applicants, an id list costs more than the join it replaces. */
const KEYWORD_APPLICANTS_MAX = 5000;

/**
 * The same keyword, as indexes answer it: the applicants whose name contains it first (their
 * trigram indexes, small tables), then applications by applicant id or number. The join's OR
 * (`keywordByJoin`) left PostgreSQL nothing but a scan of every application. A text no number can
 * hold skips the number.
 */
async function keywordByIds(ctx: OfficerCtx, q: string): Promise<Prisma.ApplicationWhereInput> {
  const name = { contains: likeLiteral(q) };
  const take = KEYWORD_APPLICANTS_MAX + 1;
  const [organisations, researchers] = await Promise.all([
    ctx.db.prisma.organisation.findMany({ where: { name }, select: { id: true }, take }),
    ctx.db.prisma.researcher.findMany({ where: { name }, select: { id: true }, take }),
  ]);
  if (organisations.length > KEYWORD_APPLICANTS_MAX || researchers.length > KEYWORD_APPLICANTS_MAX)
    return keywordByJoin(q);
  const ids = (rows: { id: string }[]) => ({ in: rows.map((r) => r.id) });
  return {
    // An empty OR matches nothing: no applicant and no number can contain the text.
    OR: [
      ...(mayOccurInNumber(q) ? [{ number: { contains: likeLiteral(q) } }] : []),
      ...(organisations.length > 0 ? [{ organisationId: ids(organisations) }] : []),
      ...(researchers.length > 0 ? [{ researcherId: ids(researchers) }] : []),
    ],
  };
}

/** A queue row: the application's columns a list shows, and its applicant's name. */
interface QueueRow {
  id: string;
  number: string;
  ruleId: string;
  status: string;
  areaCode: string | null;
  year: number;
  applicantName: string;
  computedAmountFen: bigint | null;
  approvedAmountFen: bigint | null;
  submittedAt: Date | null;
  viaExemption: boolean;
}

/**
 * One page of the queue: its ids first, found by the filter (the offset skips index entries,
 * not whole rows), then those rows with their applicant's name in one statement. Prisma's
 * `include` read every column of the application and sent a statement per relation, most of
 * them empty (issue 13). The rows go through the driver (`db.rows`), not Prisma.
 */
async function queuePage(
  db: Db,
  where: Prisma.ApplicationWhereInput,
  orderBy: Prisma.ApplicationOrderByWithRelationInput[],
  skip: number,
  take: number,
): Promise<QueueRow[]> {
  const page = await db.prisma.application.findMany({
    where,
    select: { id: true },
    orderBy,
    skip,
    take,
  });
  if (page.length === 0) return [];
  const found = await db.rows<QueueRow>(Prisma.sql`
    SELECT a.id, a.number, a.rule_id AS "ruleId", a.status, a.area_code AS "areaCode", a.year,
           COALESCE(o.name, r.name, '') AS "applicantName",
           a.computed_amount_fen AS "computedAmountFen",
           a.approved_amount_fen AS "approvedAmountFen", a.submitted_at AS "submittedAt",
           EXISTS (SELECT 1 FROM exemption_invitation i WHERE i.application_id = a.id)
             AS "viaExemption"
      FROM application a
      LEFT JOIN organisation o ON o.id = a.organisation_id
      LEFT JOIN researcher r ON r.id = a.researcher_id
     WHERE a.id = ANY(${page.map((p) => p.id)}::uuid[])`);
  const byId = new Map(found.map((r) => [r.id, r]));
  // A row that changed between the two reads is shown as it is now; one deleted since is left out.
  return page.flatMap((p) => byId.get(p.id) ?? []);
}

/** The queue as SQL for the planner's estimate (list-total.ts): only with no filter but the area. */
function queueEstimate(ctx: OfficerCtx, f: QueueFilter): Prisma.Sql | null {
  if (f.status || f.queue || f.ruleId || f.year || f.fieldCode || f.q) return null;
  const areaCode = areaScope(ctx.caller).areaCode ?? f.areaCode;
  return areaCode
    ? Prisma.sql`SELECT 1 FROM application WHERE status <> 'draft' AND area_code = ${areaCode}`
    : Prisma.sql`SELECT 1 FROM application WHERE status <> 'draft'`;
}

export async function reviewQueue(ctx: OfficerCtx, f: QueueFilter) {
  const where = queueWhere(ctx, f, f.q ? await keywordByIds(ctx, f.q) : undefined);
  const order = f.order ?? 'asc';
  const orderBy: Prisma.ApplicationOrderByWithRelationInput[] =
    f.sort === 'amount'
      ? [{ computedAmountFen: { sort: order, nulls: 'last' } }, { id: 'asc' }]
      : [{ submittedAt: { sort: order, nulls: 'last' } }, { id: 'asc' }];
  const [{ total, totalIsEstimate }, rows] = await Promise.all([
    listTotal(
      ctx.db.prisma,
      () => ctx.db.prisma.application.count({ where }),
      queueEstimate(ctx, f),
    ),
    queuePage(ctx.db, where, orderBy, (f.page - 1) * f.pageSize, f.pageSize),
  ]);
  return {
    total,
    totalIsEstimate,
    page: f.page,
    pageSize: f.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      ruleId: r.ruleId,
      status: r.status,
      areaCode: r.areaCode,
      year: r.year,
      applicantName: r.applicantName,
      computedAmountFen: r.computedAmountFen,
      approvedAmountFen: r.approvedAmountFen,
      submittedAt: r.submittedAt,
      /** 免申即享: confirmed from an official list's invitation. */
      viaExemption: r.viaExemption,
    })),
  };
}

export interface ReviewAction {
  applicationId: string;
  action: Extract<ApplicationAction, 'accept-area' | 'forward' | 'return' | 'approve' | 'reject'>;
  comment?: string | undefined;
  expectedVersion: number;
  /** approve only: pay less than the engine's amount, with a written reason. */
  overrideAmountFen?: bigint | undefined;
  overrideReason?: string | undefined;
}

/**
 * One review step, in one transaction: the application row is locked, the step is checked by the
 * kernel's state machine, approvals re-run the engine under the programme's budget lock, and the
 * change, its timeline event and the audit record are written together.
 */
export async function reviewAct(ctx: OfficerCtx, req: ReviewAction) {
  if (req.action !== 'approve' && req.overrideAmountFen !== undefined) {
    throw appError('INVALID_INPUT', { message: '只有批准时可以调整核定金额' });
  }
  return ctx.db.prisma.$transaction(async (tx) => {
    await lockApplication(tx, req.applicationId);
    const row = await visibleApplication(tx, ctx, req.applicationId);
    if (await hasConflict(tx, ctx.caller.userId, row.organisationId)) {
      throw appError('CONFLICT_OF_INTEREST', { message: CONFLICT_OF_INTEREST_MESSAGE });
    }
    if (row.version !== req.expectedVersion) throw appError('STALE_VERSION');
    const plan = planTransition({
      status: row.status as ApplicationStatus,
      action: req.action,
      actor: officerActor(ctx.caller),
      applicationAreaCode: row.areaCode,
      comment: req.comment ?? null,
    });
    if (!plan.ok) throw transitionRefused(plan);

    let data: Prisma.ApplicationUncheckedUpdateManyInput = {};
    let details: Record<string, unknown> = {};
    if (req.action === 'approve') {
      ({ data, details } = await approve(tx, ctx, row, req));
    } else if (req.action === 'reject') {
      data = { decidedAt: ctx.now() };
    }
    await changeStatus(tx, row, {
      to: plan.to,
      action: req.action,
      actor: { userId: ctx.caller.userId, role: ctx.caller.role },
      at: ctx.now(),
      comment: req.comment,
      data,
      details,
    });
    await writeAudit(tx, ctx, {
      action: `application.${req.action}`,
      objectType: 'application',
      objectId: row.id,
      areaCode: row.areaCode,
      details: {
        number: row.number,
        from: row.status,
        to: plan.to,
        ...details,
        ...(req.comment ? { comment: req.comment } : {}),
      },
    });
    return applicationDto(await visibleApplication(tx, ctx, row.id), officerActor(ctx.caller));
  });
}

/**
 * The approval's money side, under the programme budget's row lock: the engine runs again on
 * exact history (quota, once-only, item caps), the amount is the engine's unless an officer
 * lowers it with a reason, the budget must cover it, once-only keys go into their unique table,
 * and the commitment is journalled.
 */
async function approve(
  tx: TransactionClient,
  ctx: OfficerCtx,
  row: ApplicationRow,
  req: ReviewAction,
) {
  if (!(await lockBudget(tx, row.ruleId, row.year))) throw appError('NO_BUDGET');
  const { set } = ruleFor(row.ruleId, { policySetId: row.policySetId });
  const ownerProfile = await applicationApplicant(tx, row);
  const appliedOn = todayInShanghai(row.submittedAt ?? row.createdAt);
  const evaluation = await evaluateWithHistory(rowsOf(tx), {
    set,
    ruleId: row.ruleId,
    profile: ownerProfile,
    input: decodeJson(row.input),
    evidenceKinds: row.evidence.map((e) => e.kind),
    appliedOn,
    applicationId: row.id,
    withBudget: true,
  });
  const quota = evaluation.refusals.find((r) => r.code === 'YEARLY_QUOTA_REACHED');
  if (quota) throw appError('QUOTA_EXCEEDED', { message: quota.message });
  const duplicate = evaluation.refusals.find(
    (r) =>
      r.code === 'ALREADY_AWARDED' ||
      r.code === 'HIGHER_LEVEL_ALREADY_AWARDED' ||
      r.code === 'ITEM_CAP_REACHED',
  );
  if (duplicate) throw appError('ALREADY_AWARDED', { message: duplicate.message });
  const other = evaluation.refusals.find((r) => r.code !== 'BUDGET_INSUFFICIENT');
  if (other || evaluation.missingEvidence.length > 0) {
    throw appError('NOT_ELIGIBLE', {
      message: other?.message ?? `缺少${evaluation.missingEvidence[0]?.name ?? '必需材料'}`,
    });
  }

  const computed = evaluation.computedAmount;
  let amount = computed;
  const reason = req.overrideReason?.trim() ?? '';
  if (req.overrideAmountFen !== undefined && req.overrideAmountFen !== computed) {
    if (reason.length < 5)
      throw appError('OVERRIDE_REASON_REQUIRED', {
        fieldErrors: { overrideReason: ['调整核定金额须填写不少于5个字的理由'] },
      });
    if (req.overrideAmountFen <= 0n || req.overrideAmountFen > computed) {
      throw appError('INVALID_INPUT', {
        message: `核定金额只能在 ¥0.01 至按政策计算的 ${formatYuan(computed)} 之间调整`,
        fieldErrors: {
          overrideAmountFen: [`核定金额不能超过按政策计算的 ${formatYuan(computed)}`],
        },
      });
    }
    amount = fen(req.overrideAmountFen);
  }

  const budget = await tx.programmeBudget.findUniqueOrThrow({
    where: { ruleId_year: { ruleId: row.ruleId, year: row.year } },
  });
  const remaining = remainingOf(budget);
  if (amount > remaining) {
    throw appError('OVER_BUDGET', {
      message: `该事项${row.year}年度预算余额 ${formatYuan(remaining)}，不足以批准 ${formatYuan(amount)}`,
    });
  }

  try {
    for (const key of evaluation.onceKeys) {
      await tx.awardOnceKey.create({
        data: { key, applicationId: row.id, ruleId: row.ruleId, createdAt: ctx.now() },
      });
    }
  } catch (error) {
    if (isUniqueViolationOn(error, 'key')) throw appError('ALREADY_AWARDED');
    throw error;
  }
  await tx.programmeBudget.update({
    where: { id: budget.id },
    data: {
      committedFen: { increment: amount },
      approvedCount: { increment: 1 },
      updatedAt: ctx.now(),
    },
  });
  const round =
    (await tx.ledgerEntry.count({ where: { applicationId: row.id, kind: 'commit' } })) + 1;
  await tx.ledgerEntry.create({
    data: {
      ruleId: row.ruleId,
      year: row.year,
      applicationId: row.id,
      approvalRound: round,
      kind: 'commit',
      at: ctx.now(),
      amountFen: amount,
      actorUserId: ctx.caller.userId,
    },
  });
  const overridden = amount !== computed;
  return {
    data: {
      approvedAmountFen: amount,
      computedAmountFen: computed,
      overrideReason: overridden ? reason : null,
      explanation: encodeJson(evaluation.explanation),
      onceKeys: [...evaluation.onceKeys],
      itemKey: evaluation.itemKey ?? null,
      decidedAt: ctx.now(),
    },
    details: {
      amountFen: amount.toString(),
      computedAmountFen: computed.toString(),
      ...(overridden ? { overrideReason: reason } : {}),
    },
  };
}
