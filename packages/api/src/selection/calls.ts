import type { Prisma, SelectionCall, TransactionClient } from '@kc/db';
import { nextNumber } from '@kc/db';
import type {
  CallFacts,
  ResultDocument,
  SelectionCallAction,
  SelectionCallForm,
  SelectionCallStatus,
  SelectionProgramme,
} from '@kc/domain';
import {
  fieldName,
  planSelectionCall,
  policyRule,
  programmeQuotaLimit,
  resultDocumentProblems,
  selectionCallActionName,
  selectionCallActionsFrom,
  selectionCallStatusName,
  selectionProgramme,
  selectionProgrammeName,
  selectionSettingsFor,
  todayInShanghai,
} from '@kc/domain';
import { areaScope } from '../access';
import { writeAudit } from '../audit';
import { encodeJson, decodeJson } from '../awards/codec';
import { dateOf } from '../dates';
import { appError } from '../errors';
import type { OfficerCtx } from '../vice-president/common';
import {
  latestNotices,
  openSelectionNotice,
  standingNotice,
  withdrawSelectionNotice,
} from './notice';
import { importResultList } from './conclusion';
import { createProjects } from './projects';
import { awaitingFormalCheckWhere } from './submissions';
import { policySetOn } from '../policy/catalogue';

/**
 * 申报指南 (issue 14): calls of the selection programmes, run by the bureau from draft to the
 * concluded list. The stages and their checks are the domain's (selection/call.ts); this module
 * loads the facts, applies the step in one transaction and writes the audit record with it.
 */

type Reader = Pick<
  TransactionClient,
  'selectionCall' | 'selectionSubmission' | 'reviewPanel' | 'noticeBatch'
>;

/** The ceiling the plan sets on a programme's quota, from the policy in force. */
function quotaLimit(programme: SelectionProgramme, today: string): number | undefined {
  const set = policySetOn(today);
  return programmeQuotaLimit(programme, (ruleId) =>
    set ? policyRule(set, ruleId)?.yearlyQuota : undefined,
  );
}

function checkQuota(input: SelectionCallForm, today: string) {
  const limit = quotaLimit(input.programme, today);
  if (limit !== undefined && input.quota !== undefined && input.quota > limit)
    throw appError('INVALID_INPUT', {
      fieldErrors: {
        quota: [
          `${selectionProgramme(input.programme).clause}规定每年不超过${limit}项，拟支持数量不能超过${limit}`,
        ],
      },
    });
  // Where the plan sets a ceiling and the officer set none, the ceiling is the quota.
  return input.quota ?? limit ?? null;
}

function callData(input: SelectionCallForm, today: string) {
  const settings = selectionSettingsFor(today);
  return {
    programme: input.programme,
    year: input.year,
    title: input.title,
    guide: input.guide,
    fieldCodes: input.fieldCodes,
    applyFrom: new Date(`${input.applyFrom}T00:00:00Z`),
    applyUntil: new Date(`${input.applyUntil}T00:00:00Z`),
    quota: checkQuota(input, today),
    budgetFen: input.budgetFen ?? null,
    rubric: encodeJson(input.rubric ?? settings.defaultRubric),
    settingsVersion: settings.version,
  };
}

/** A call as officers see it; an area officer's counts are their area's submissions only. */
export async function callDto(db: Reader, call: SelectionCall, areaCode: string | null = null) {
  const [dto] = await callDtos(db, [call], areaCode);
  if (!dto) throw new Error('callDtos answers one row per call');
  return dto;
}

/** `callDto` of each call, with two reads for the whole list (counts, notices). */
export async function callDtos(db: Reader, calls: SelectionCall[], areaCode: string | null) {
  const ids = calls.map((c) => c.id);
  const [counts, notices] = await Promise.all([
    db.selectionSubmission.groupBy({
      by: ['callId', 'status'],
      where: { callId: { in: ids }, ...(areaCode ? { areaCode } : {}) },
      _count: { _all: true },
    }),
    latestNotices(db, ids),
  ]);
  return calls.map((call) => {
    const notice = notices.get(call.id);
    return {
      ...callPublicDto(call),
      status: call.status as SelectionCallStatus,
      version: call.version,
      budgetFen: call.budgetFen,
      settingsVersion: call.settingsVersion,
      /** 拟定结果: when the decision was last saved, and what the selected commit (fen) */
      decidedAt: call.decidedAt,
      decidedTotalFen: call.decidedTotalFen,
      /** scenario cases and talent teams: the official list the result became (免申即享) */
      resultListId: call.resultListId,
      /** 立项公示: the call's latest notice batch (its number, status and last day), or null */
      notice: notice
        ? {
            id: notice.id,
            number: notice.number,
            status: notice.status,
            endsOn: dateOf(notice.endsOn),
          }
        : null,
      /** the next steps this stage allows, with their Chinese names */
      actions: selectionCallActionsFrom(call.status as SelectionCallStatus).map((code) => ({
        code,
        name: selectionCallActionName(code),
      })),
      submissionCounts: Object.fromEntries(
        counts.filter((c) => c.callId === call.id).map((c) => [c.status, c._count._all]),
      ),
    };
  });
}

/** What anyone may read of a published call. */
export function callPublicDto(call: SelectionCall) {
  const programme = selectionProgramme(call.programme as SelectionProgramme);
  return {
    id: call.id,
    number: call.number,
    programme: call.programme as SelectionProgramme,
    programmeName: selectionProgrammeName(call.programme),
    clause: programme.clause,
    year: call.year,
    title: call.title,
    guide: call.guide,
    fieldCodes: call.fieldCodes,
    fieldNames: call.fieldCodes.map(fieldName),
    applyFrom: dateOf(call.applyFrom),
    applyUntil: dateOf(call.applyUntil),
    quota: call.quota,
    rubric: decodeJson(call.rubric),
    status: call.status as SelectionCallStatus,
    statusName: selectionCallStatusName(call.status),
    publishedAt: call.publishedAt,
    /** 结果文件, once the result is issued */
    result: call.resultDocNo
      ? {
          documentNo: call.resultDocNo,
          issuedOn: call.resultIssuedOn ? dateOf(call.resultIssuedOn) : null,
        }
      : null,
  };
}

export async function createCall(ctx: OfficerCtx, input: SelectionCallForm) {
  const now = ctx.now();
  const today = todayInShanghai(now);
  return ctx.db.prisma.$transaction(async (tx) => {
    const number = await nextNumber(tx, 'selectionCall', input.year);
    const call = await tx.selectionCall.create({
      data: {
        ...callData(input, today),
        number,
        createdBy: ctx.caller.userId,
        createdAt: now,
        updatedAt: now,
      },
    });
    await writeAudit(tx, ctx, {
      action: 'selection.call.create',
      objectType: 'selection_call',
      objectId: call.id,
      details: { number, title: call.title, programme: call.programme },
    });
    return callDto(tx, call);
  });
}

async function lockedCall(tx: TransactionClient, id: string, expectedVersion: number) {
  await tx.$executeRaw`SELECT 1 FROM selection_call WHERE id = ${id}::uuid FOR UPDATE`;
  const call = await tx.selectionCall.findUnique({ where: { id } });
  if (!call) throw appError('NOT_FOUND');
  if (call.version !== expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
  return call;
}

const CHANGED = '该申报指南刚被他人更新，请刷新后再试';

/** A draft is edited freely; once published, its terms are what applicants applied under. */
export async function updateCall(
  ctx: OfficerCtx,
  id: string,
  expectedVersion: number,
  input: SelectionCallForm,
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const call = await lockedCall(tx, id, expectedVersion);
    if (call.status !== 'draft')
      throw appError('INVALID_TRANSITION', { message: '申报指南发布后不能修改' });
    const { settingsVersion: _keep, ...data } = callData(input, todayInShanghai(now));
    const saved = await tx.selectionCall.update({
      where: { id },
      data: { ...data, version: { increment: 1 }, updatedAt: now },
    });
    await writeAudit(tx, ctx, {
      action: 'selection.call.update',
      objectType: 'selection_call',
      objectId: id,
      details: { number: call.number, title: saved.title },
    });
    return callDto(tx, saved);
  });
}

type StandingNotice = Awaited<ReturnType<typeof standingNotice>>;

/** What the stage checks need to know about a call's submissions. */
async function callFacts(tx: Reader, call: SelectionCall, notice: StandingNotice) {
  const counts = await tx.selectionSubmission.groupBy({
    by: ['status'],
    where: { callId: call.id },
    _count: { _all: true },
  });
  const count = (...statuses: string[]) =>
    counts.filter((c) => statuses.includes(c.status)).reduce((n, c) => n + c._count._all, 0);
  return {
    status: call.status as SelectionCallStatus,
    applyUntil: dateOf(call.applyUntil),
    awaitingFormalCheck: count('submitted', 'area-passed'),
    passedFormalCheck: count('passed'),
    openPanels: await tx.reviewPanel.count({ where: { callId: call.id, status: 'scoring' } }),
    decided: call.decidedAt !== null,
    selected: count('selected'),
    noticeStatus: (notice?.status ?? null) as CallFacts['noticeStatus'],
  };
}

/** 确定结果 names the document the result is issued under; its date follows the notice. */
function checkedResultDocument(
  notice: StandingNotice,
  document: ResultDocument | undefined,
  today: string,
): ResultDocument {
  const required = '请填写结果文件的文号和印发日期';
  if (!document)
    throw appError('INVALID_INPUT', {
      message: required,
      fieldErrors: { 'document.documentNo': [required] },
    });
  const problems = resultDocumentProblems(document, {
    noticeEndsOn: notice ? dateOf(notice.endsOn) : null,
    today,
  });
  const [first] = Object.values(problems).flat();
  if (first)
    throw appError('INVALID_INPUT', {
      message: first,
      fieldErrors: Object.fromEntries(
        Object.entries(problems).map(([key, messages]) => [`document.${key}`, messages]),
      ),
    });
  return document;
}

export async function advanceCall(
  ctx: OfficerCtx,
  id: string,
  expectedVersion: number,
  action: SelectionCallAction,
  document?: ResultDocument,
) {
  const now = ctx.now();
  const today = todayInShanghai(now);
  return ctx.db.prisma.$transaction(async (tx) => {
    const call = await lockedCall(tx, id, expectedVersion);
    // The call's notice, read once: the stage checks and the result document's date use it.
    const notice = await standingNotice(tx, call.id);
    const plan = planSelectionCall(await callFacts(tx, call, notice), action, today);
    if (!plan.ok) throw appError('INVALID_TRANSITION', { message: plan.message });
    // 确定结果: the document, and for cases and teams the official list the result becomes.
    const result = action === 'conclude' ? checkedResultDocument(notice, document, today) : null;
    const list = result ? await importResultList(tx, ctx, call, result) : null;
    const projects = result ? await createProjects(tx, ctx, call, result) : 0;
    // The call's list goes to notice, or is taken back to be decided again (call → batch locks).
    if (action === 'propose') await openSelectionNotice(tx, ctx, call);
    if (action === 'withdraw-notice') await withdrawSelectionNotice(tx, ctx, call);
    // Returned submissions not resubmitted by the deadline stay out: they are withdrawn.
    if (action === 'close-applications')
      await tx.selectionSubmission.updateMany({
        where: { callId: id, status: { in: ['draft', 'returned'] } },
        data: { status: 'withdrawn', updatedAt: now },
      });
    const saved = await tx.selectionCall.update({
      where: { id },
      data: {
        status: plan.to,
        version: { increment: 1 },
        updatedAt: now,
        ...(action === 'publish' ? { publishedAt: now } : {}),
        ...(result
          ? {
              resultDocNo: result.documentNo,
              resultIssuedOn: new Date(`${result.issuedOn}T00:00:00Z`),
              resultListId: list?.listId ?? null,
            }
          : {}),
      },
    });
    await writeAudit(tx, ctx, {
      action: `selection.call.${action}`,
      objectType: 'selection_call',
      objectId: id,
      details: {
        number: call.number,
        status: { from: call.status, to: plan.to },
        ...(result ? { document: result } : {}),
        ...(projects > 0 ? { projects } : {}),
        ...(list
          ? {
              list: {
                id: list.listId,
                title: list.title,
                entries: list.entries,
                invitations: list.invitations,
              },
            }
          : {}),
      },
    });
    return callDto(tx, saved);
  });
}

export interface CallListFilter {
  status?: SelectionCallStatus | undefined;
  programme?: SelectionProgramme | undefined;
  /** 'mine': only calls with submissions waiting for the viewer's step of the formal check */
  waiting?: 'mine' | undefined;
}

/** The calls list's filter; the workbench tile counts with it too. */
export function callListWhere(
  ctx: OfficerCtx,
  input: CallListFilter,
): Prisma.SelectionCallWhereInput {
  return {
    ...(input.status ? { status: input.status } : {}),
    ...(input.programme ? { programme: input.programme } : {}),
    ...(input.waiting === 'mine'
      ? { submissions: { some: awaitingFormalCheckWhere(ctx.caller) } }
      : {}),
  };
}

export async function listCalls(ctx: OfficerCtx, input: CallListFilter) {
  const where = callListWhere(ctx, input);
  const calls = await ctx.db.prisma.selectionCall.findMany({
    where,
    orderBy: [{ year: 'desc' }, { number: 'desc' }],
  });
  return callDtos(ctx.db.prisma, calls, areaScope(ctx.caller).areaCode ?? null);
}

export async function callById(ctx: OfficerCtx, id: string) {
  const call = await ctx.db.prisma.selectionCall.findUnique({ where: { id } });
  if (!call) throw appError('NOT_FOUND');
  return callDto(ctx.db.prisma, call, areaScope(ctx.caller).areaCode);
}

/** Published calls, for the public pages and the mini-program: open ones first. */
export async function publishedCalls(db: Pick<TransactionClient, 'selectionCall'>) {
  const calls = await db.selectionCall.findMany({
    where: { status: { not: 'draft' } },
    orderBy: [{ applyUntil: 'desc' }, { number: 'desc' }],
  });
  const open = calls.filter((c) => c.status === 'open');
  return [...open, ...calls.filter((c) => c.status !== 'open')].map(callPublicDto);
}

export async function publishedCall(db: Pick<TransactionClient, 'selectionCall'>, id: string) {
  const call = await db.selectionCall.findUnique({ where: { id } });
  if (!call || call.status === 'draft') throw appError('NOT_FOUND');
  return callPublicDto(call);
}
