import type { Prisma, SelectionCall, SelectionSubmission, TransactionClient } from '@kc/db';
import { nextNumber } from '@kc/db';
import type {
  FormalCheckAction,
  SelectionProgramme,
  SubmissionStatus,
  TeamMember,
} from '@kc/domain';
import {
  SUBMISSION_EVIDENCE,
  SUBMISSION_FORMS,
  areaName,
  callDeadlinePassed,
  checkTeam,
  fieldErrorsOf,
  fieldName,
  FORMAL_CHECK_STEP_NAMES,
  formalCheckStepFor,
  planFormalCheck,
  submissionStatusName,
  todayInShanghai,
} from '@kc/domain';
import { areaScope, canSeeArea } from '../access';
import { writeAudit } from '../audit';
import { decodeJson, encodeJson } from '../awards/codec';
import { dateOf } from '../dates';
import { lockOwnFiles } from '../files/unreferenced';
import { appError } from '../errors';
import { notifyOrganisation } from '../notifications/write';
import { requireMembership, requireVerified } from '../organisations/membership';
import type { OfficerCaller } from '../caller';
import { askMembers, teamRows } from './team';
import type { ApplicantCtx, OfficerCtx } from '../vice-president/common';

/**
 * 申报 (issue 14): an organisation's submission to a selection call, from its draft to the
 * formal check (形式审查). One submission per organisation per call; any of its members may
 * prepare it, and it is submitted once the organisation is verified.
 */

export interface SubmissionDraft {
  callId: string;
  expectedVersion?: number | undefined;
  title: string;
  form: Record<string, unknown>;
  team: TeamMember[];
  evidence: { kind: string; fileId: string }[];
  /** 揭榜挂帅: the published technology need it answers (key projects only); null: none */
  needId?: string | null | undefined;
}

const EDITABLE: readonly SubmissionStatus[] = ['draft', 'returned'];
const CHANGED = '该申报刚被更新，请刷新后再试';

type WithCall = SelectionSubmission & {
  call: SelectionCall;
  members: Prisma.SelectionTeamMemberGetPayload<object>[];
  need: { id: string; number: string; title: string } | null;
};

export function submissionDto(s: WithCall) {
  const programme = s.call.programme as SelectionProgramme;
  return {
    id: s.id,
    number: s.number,
    callId: s.callId,
    callNumber: s.call.number,
    callTitle: s.call.title,
    programme,
    title: s.title,
    fieldCode: s.fieldCode,
    fieldName: s.fieldCode ? fieldName(s.fieldCode) : null,
    areaCode: s.areaCode,
    areaName: areaName(s.areaCode),
    form: decodeJson<Record<string, unknown>>(s.form) ?? {},
    evidence: decodeJson<{ kind: string; fileId: string }[]>(s.evidence) ?? [],
    evidenceRequired: SUBMISSION_EVIDENCE[programme],
    team: s.members
      .sort((a, b) => a.position - b.position)
      .map((m) => ({
        unitName: m.unitName,
        unitCreditCode: m.unitCreditCode,
        personName: m.personName,
        part: m.part,
        confirmed: m.confirmedAt !== null,
        /** the unit is on the platform and was asked to confirm online */
        onPlatform: m.organisationId !== null,
        declineReason: m.declineReason,
      })),
    status: s.status as SubmissionStatus,
    statusName: submissionStatusName(s.status),
    /** the expert panel it is in, once drawn */
    panelId: s.panelId,
    checkComment: s.checkComment,
    /** 揭榜挂帅: the need it answers */
    need: s.need ? { id: s.need.id, number: s.need.number, title: s.need.title } : null,
    version: s.version,
    submittedAt: s.submittedAt,
    updatedAt: s.updatedAt,
  };
}

const INCLUDE = {
  call: true,
  members: true,
  need: { select: { id: true, number: true, title: true } },
} as const;

/** Needs are answered (揭榜) in the key-project programme: that call's topics are needs. */
const ANSWERS_NEEDS: readonly SelectionProgramme[] = ['key-project'];

/** 揭榜挂帅: the need must be a published technology need; other programmes take none. */
async function checkedNeed(
  tx: Pick<TransactionClient, 'innovationNeed'>,
  programme: SelectionProgramme,
  needId: string | null | undefined,
): Promise<string | null> {
  if (!needId) return null;
  const refuse = (message: string) =>
    appError('INVALID_INPUT', { message, fieldErrors: { needId: [message] } });
  if (!ANSWERS_NEEDS.includes(programme)) throw refuse('本类申报不对应攻关需求');
  const need = await tx.innovationNeed.findUnique({ where: { id: needId } });
  if (!need || need.kind !== 'technology' || need.status !== 'published')
    throw refuse('该攻关需求不存在或未在需求榜发布，不能揭榜');
  return need.id;
}

function assertTakingSubmissions(call: SelectionCall, today: string) {
  if (call.status !== 'open' || today < dateOf(call.applyFrom))
    throw appError('INVALID_TRANSITION', { message: '该申报指南当前不受理申报' });
  if (callDeadlinePassed({ applyUntil: dateOf(call.applyUntil) }, today))
    throw appError('INVALID_TRANSITION', {
      message: `申报已于${dateOf(call.applyUntil)}截止，不能再提交或修改`,
    });
}

async function ownSubmission(tx: TransactionClient, ctx: ApplicantCtx, id: string) {
  const membership = await requireMembership(tx, ctx.caller.userId);
  await tx.$executeRaw`SELECT 1 FROM selection_submission WHERE id = ${id}::uuid FOR UPDATE`;
  const s = await tx.selectionSubmission.findUnique({ where: { id }, include: INCLUDE });
  // Another organisation's submission answers exactly like a missing one.
  if (!s || s.organisationId !== membership.organisation.id) throw appError('NOT_FOUND');
  return { submission: s, organisation: membership.organisation };
}

/**
 * Attachments must be of kinds the programme asks for, and the caller's own uploads or files
 * the submission already has: any member corrects the organisation's draft keeping the files a
 * colleague attached, even one who has since left. The new ones are kept as JSON, with no
 * foreign key: they are locked as one would lock them, so that 注销 does not remove them under
 * the save (files/unreferenced.ts).
 */
async function checkEvidence(
  tx: TransactionClient,
  userId: string,
  programme: SelectionProgramme,
  evidence: SubmissionDraft['evidence'],
  attached: Prisma.JsonValue | undefined,
) {
  const kinds = new Set(SUBMISSION_EVIDENCE[programme].map((e) => e.kind));
  const unknown = evidence.find((e) => !kinds.has(e.kind));
  if (unknown) throw appError('INVALID_INPUT', { message: `未知的材料类型“${unknown.kind}”` });
  const kept = new Set((decodeJson<{ fileId: string }[]>(attached) ?? []).map((e) => e.fileId));
  const ids = [...new Set(evidence.map((e) => e.fileId))].filter((id) => !kept.has(id));
  const owned = await lockOwnFiles(tx, userId, ids);
  if (owned.length !== ids.length)
    throw appError('INVALID_INPUT', { message: '材料文件不存在或不是您上传的' });
}

export async function mySubmission(ctx: ApplicantCtx, callId: string) {
  const membership = await requireMembership(ctx.db.prisma, ctx.caller.userId);
  const s = await ctx.db.prisma.selectionSubmission.findUnique({
    where: { callId_organisationId: { callId, organisationId: membership.organisation.id } },
    include: INCLUDE,
  });
  return s ? submissionDto(s) : null;
}

/** Saves the organisation's draft (or a returned submission being corrected). */
export async function saveSubmission(ctx: ApplicantCtx, req: SubmissionDraft) {
  const now = ctx.now();
  const today = todayInShanghai(now);
  return ctx.db.prisma.$transaction(async (tx) => {
    const membership = await requireMembership(tx, ctx.caller.userId);
    const org = membership.organisation;
    const call = await tx.selectionCall.findUnique({ where: { id: req.callId } });
    if (!call || call.status === 'draft') throw appError('NOT_FOUND');
    assertTakingSubmissions(call, today);
    const programme = call.programme as SelectionProgramme;
    // The organisation's submission to this call, locked: the files it has are read as they stay.
    const found = await tx.selectionSubmission.findUnique({
      where: { callId_organisationId: { callId: call.id, organisationId: org.id } },
      select: { id: true },
    });
    const existing = found ? (await ownSubmission(tx, ctx, found.id)).submission : null;
    await checkEvidence(tx, ctx.caller.userId, programme, req.evidence, existing?.evidence);
    const needId = await checkedNeed(tx, programme, req.needId);
    const fieldCode = typeof req.form.fieldCode === 'string' ? req.form.fieldCode : '';
    const data = {
      title: req.title,
      fieldCode,
      form: encodeJson(req.form),
      evidence: encodeJson(req.evidence),
      needId,
      updatedAt: now,
    };
    const { rows: members, asked } = await teamRows(tx, req.team, org.id, existing?.members ?? []);
    let id: string;
    if (!existing) {
      const created = await tx.selectionSubmission.create({
        data: {
          ...data,
          number: await nextNumber(tx, 'submission', call.year),
          callId: call.id,
          applicantUserId: ctx.caller.userId,
          organisationId: org.id,
          areaCode: org.areaCode,
          createdAt: now,
          members: { create: members },
        },
      });
      id = created.id;
      await writeAudit(tx, ctx, {
        action: 'selection.submission.create',
        objectType: 'selection_submission',
        objectId: id,
        areaCode: org.areaCode,
        details: { number: created.number, call: call.number, title: req.title },
      });
    } else {
      const submission = existing;
      if (!EDITABLE.includes(submission.status as SubmissionStatus))
        throw appError('APPLICATION_LOCKED', {
          message: `申报当前为“${submissionStatusName(submission.status)}”，不能修改`,
        });
      if (req.expectedVersion !== undefined && req.expectedVersion !== submission.version)
        throw appError('STALE_VERSION', { message: CHANGED });
      id = submission.id;
      await tx.selectionTeamMember.deleteMany({ where: { submissionId: id } });
      await tx.selectionSubmission.update({
        where: { id },
        data: { ...data, version: { increment: 1 }, members: { create: members } },
      });
    }
    const saved = await tx.selectionSubmission.findUniqueOrThrow({
      where: { id },
      include: INCLUDE,
    });
    await askMembers(
      tx,
      asked,
      { title: saved.title, number: saved.number, leadName: org.name },
      now,
    );
    return submissionDto(saved);
  });
}

/** What keeps a draft from being submitted, as field errors and one message. */
function submitProblems(s: WithCall) {
  const programme = s.call.programme as SelectionProgramme;
  const fieldErrors: Record<string, string[]> = {};
  const parsed = SUBMISSION_FORMS[programme].safeParse(decodeJson(s.form));
  if (!parsed.success)
    for (const [path, messages] of Object.entries(fieldErrorsOf(parsed.error)))
      fieldErrors[`form.${path}`] = messages;
  if (parsed.success && s.call.fieldCodes.length > 0 && !s.call.fieldCodes.includes(s.fieldCode))
    fieldErrors['form.fieldCode'] = [
      `本指南支持的方向为${s.call.fieldCodes.map(fieldName).join('、')}`,
    ];
  const team = checkTeam(
    programme,
    s.members.map((m) => ({
      unitName: m.unitName,
      unitCreditCode: m.unitCreditCode ?? undefined,
      part: m.part,
    })),
  );
  if (team.length) fieldErrors.team = team;
  const kinds = (decodeJson<{ kind: string }[]>(s.evidence) ?? []).map((e) => e.kind);
  const missing = SUBMISSION_EVIDENCE[programme].filter(
    (e) => e.required && !kinds.includes(e.kind),
  );
  if (missing.length) fieldErrors.evidence = missing.map((e) => `请上传${e.name}`);
  return fieldErrors;
}

export async function submitSubmission(ctx: ApplicantCtx, id: string, expectedVersion: number) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const { submission: s, organisation } = await ownSubmission(tx, ctx, id);
    requireVerified(organisation);
    assertTakingSubmissions(s.call, todayInShanghai(now));
    if (!EDITABLE.includes(s.status as SubmissionStatus))
      throw appError('INVALID_TRANSITION', {
        message: `申报当前为“${submissionStatusName(s.status)}”，不能提交`,
      });
    if (s.version !== expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
    const fieldErrors = submitProblems(s);
    if (Object.keys(fieldErrors).length)
      throw appError('INVALID_INPUT', { message: '申报内容不完整，请按提示补充', fieldErrors });
    const saved = await tx.selectionSubmission.update({
      where: { id },
      data: {
        status: 'submitted',
        submittedAt: now,
        checkComment: null,
        version: { increment: 1 },
        updatedAt: now,
      },
      include: INCLUDE,
    });
    await writeAudit(tx, ctx, {
      action:
        s.status === 'returned' ? 'selection.submission.resubmit' : 'selection.submission.submit',
      objectType: 'selection_submission',
      objectId: id,
      areaCode: s.areaCode,
      details: { number: s.number, call: s.call.number },
    });
    return submissionDto(saved);
  });
}

export async function withdrawSubmission(ctx: ApplicantCtx, id: string, expectedVersion: number) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const { submission: s } = await ownSubmission(tx, ctx, id);
    if (!['draft', 'submitted', 'returned'].includes(s.status))
      throw appError('INVALID_TRANSITION', {
        message: `申报当前为“${submissionStatusName(s.status)}”，不能撤回`,
      });
    if (s.version !== expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
    const saved = await tx.selectionSubmission.update({
      where: { id },
      data: { status: 'withdrawn', version: { increment: 1 }, updatedAt: now },
      include: INCLUDE,
    });
    await writeAudit(tx, ctx, {
      action: 'selection.submission.withdraw',
      objectType: 'selection_submission',
      objectId: id,
      areaCode: s.areaCode,
      details: { number: s.number, call: s.call.number },
    });
    return submissionDto(saved);
  });
}

/** A call's submissions as an officer sees them: an area officer, only their area's. */
export async function callSubmissions(ctx: OfficerCtx, callId: string) {
  const scope = areaScope(ctx.caller);
  const rows = await ctx.db.prisma.selectionSubmission.findMany({
    where: {
      callId,
      status: { not: 'draft' },
      ...(scope.areaCode ? { areaCode: scope.areaCode } : {}),
    },
    include: { ...INCLUDE, organisation: { select: { name: true } } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({ ...submissionDto(r), organisationName: r.organisation.name }));
}

const CHECK_NOTES: Record<FormalCheckAction, (comment: string) => string> = {
  pass: () => '',
  return: (c) => `形式审查意见：${c}。请在申报截止前修改后重新提交。`,
  reject: (c) => `形式审查未通过，理由：${c}。`,
};

/**
 * The submissions waiting for the officer's own step of the formal check: an area officer's
 * area's 待县区形式审查, or the city's 待市局形式审查 for the bureau.
 */
export function awaitingFormalCheckWhere(
  caller: OfficerCaller,
): Prisma.SelectionSubmissionWhereInput {
  const { areaCode } = areaScope(caller);
  return areaCode ? { status: 'submitted', areaCode } : { status: 'area-passed' };
}

/**
 * One step of the formal check: the area officer of the submission's area first, then the
 * bureau. Return before the deadline, reject with a reason after it (the domain decides).
 */
export async function formalCheck(
  ctx: OfficerCtx,
  req: {
    id: string;
    expectedVersion: number;
    action: FormalCheckAction;
    comment?: string | undefined;
  },
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM selection_submission WHERE id = ${req.id}::uuid FOR UPDATE`;
    const s = await tx.selectionSubmission.findUnique({ where: { id: req.id }, include: INCLUDE });
    if (!s || !canSeeArea(ctx.caller, s.areaCode)) throw appError('NOT_FOUND');
    if (s.version !== req.expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
    const checker = ctx.caller.role === 'area-officer' ? 'area' : 'bureau';
    // The bureau may take the area's step too; with no step open, the plan says why not.
    const step = formalCheckStepFor(checker, s.status as SubmissionStatus) ?? checker;
    const comment = req.comment?.trim() || null;
    const plan = planFormalCheck(
      s.status as SubmissionStatus,
      step,
      req.action,
      callDeadlinePassed({ applyUntil: dateOf(s.call.applyUntil) }, todayInShanghai(now)),
      comment,
    );
    if (!plan.ok)
      throw plan.code === 'INVALID_INPUT'
        ? appError('INVALID_INPUT', { fieldErrors: { comment: [plan.message] } })
        : appError('INVALID_TRANSITION', { message: plan.message });
    const saved = await tx.selectionSubmission.update({
      where: { id: s.id },
      data: {
        status: plan.to,
        checkComment: req.action === 'pass' ? null : comment,
        version: { increment: 1 },
        updatedAt: now,
      },
      include: INCLUDE,
    });
    await writeAudit(tx, ctx, {
      action: `selection.submission.check-${req.action}`,
      objectType: 'selection_submission',
      objectId: s.id,
      areaCode: s.areaCode,
      details: {
        number: s.number,
        stepName: FORMAL_CHECK_STEP_NAMES[step],
        status: { from: s.status, to: plan.to },
        ...(comment ? { comment } : {}),
      },
    });
    if (req.action !== 'pass')
      await notifyOrganisation(tx, s.organisationId, {
        kind: `selection.${req.action}`,
        at: now,
        title: `${s.call.title}：申报${req.action === 'return' ? '被退回修改' : '未通过形式审查'}`,
        body: CHECK_NOTES[req.action](comment ?? ''),
      });
    return submissionDto(saved);
  });
}
