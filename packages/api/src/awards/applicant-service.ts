import type { Prisma, TransactionClient } from '@kc/db';
import { nextNumber } from '@kc/db';
import type { EvidenceRef, Evaluation, Refusal } from '@kc/domain';
import { EDITABLE_STATUSES, planTransition, todayInShanghai } from '@kc/domain';
import type { ApplicantCaller } from '../caller';
import type { Context } from '../context';
import { writeAudit } from '../audit';
import { appError } from '../errors';
import { idempotentTransaction } from '../idempotency';
import { membershipOf, requireVerified } from '../organisations/membership';
import { applicantProfileOf, organisationProfile, researcherApplicant } from './applicant';
import { decodeJson, encodeJson } from './codec';
import type { ApplicationRow } from './dto';
import { APPLICATION_INCLUDE, applicationDto } from './dto';
import { budgetYearOf, evaluateWithHistory, ruleFor } from './evaluate';
import { submitRead } from './submit-read';
import { writeSubmission } from './submit-write';
import { APPLICANT_EVIDENCE_SOURCES, recheckReferences, resolveEvidence } from './evidence-sources';
import { changeStatus } from './transition';

type ApplicantCtx = Context & { caller: ApplicantCaller };

/**
 * `{ kind, fileId }` (an upload) | `{ kind, documentId }` (资料库) | `{ kind, bankAccount: true }`
 * (the registered 收款账户): `evidenceRefSchema` in @kc/domain; see evidence-sources.ts.
 */
export type { EvidenceRef };

export interface DraftInput {
  applicationId?: string | undefined;
  ruleId: string;
  input: Record<string, unknown>;
  evidence: EvidenceRef[];
  expectedVersion?: number | undefined;
  /** Creating only: the client's UUID for this draft, resent when it retries (idempotency.ts). */
  idempotencyKey?: string | undefined;
}

/**
 * Refusals that decide at approval, not at submission: the 11th scenario case may still be
 * submitted (the bureau selects ten), and the budget is the bureau's to manage.
 */
const APPROVAL_TIME_REFUSALS = new Set(['YEARLY_QUOTA_REACHED', 'BUDGET_INSUFFICIENT']);

/** The timeline step of a deleted draft (see `deleteDraft`). */
const DELETE_DRAFT = 'delete-draft';

export function applicantActor(isOwner = true) {
  return { kind: 'applicant' as const, isOwner };
}

/**
 * Whose applications the caller may see and act on: those of the organisation they are an active
 * member of (管理员 or 经办人, whoever drafted it), or a researcher's own.
 */
async function applicationsOfCaller(
  db: Pick<TransactionClient, 'organisationMember'>,
  ctx: ApplicantCtx,
): Promise<Prisma.ApplicationWhereInput> {
  const membership = await membershipOf(db, ctx.caller.userId);
  return callerScope(ctx.caller.userId, membership?.organisation.id ?? null);
}

function callerScope(userId: string, organisationId: string | null): Prisma.ApplicationWhereInput {
  return organisationId ? { organisationId } : { applicantUserId: userId, organisationId: null };
}

async function ownApplication(
  tx: Pick<TransactionClient, 'application' | 'organisationMember'>,
  ctx: ApplicantCtx,
  id: string,
): Promise<ApplicationRow> {
  const row = await tx.application.findFirst({
    where: { id, ...(await applicationsOfCaller(tx, ctx)) },
    include: APPLICATION_INCLUDE,
  });
  // Someone else's application answers exactly like a missing one.
  if (!row) throw appError('NOT_FOUND');
  return row;
}

function assertVersion(row: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) throw appError('STALE_VERSION');
}

/** Eligibility, amount and explanation before anything is saved. */
export async function previewApplication(
  ctx: ApplicantCtx,
  req: {
    ruleId: string;
    input: unknown;
    evidenceKinds: string[];
    applicationId?: string | undefined;
  },
): Promise<Evaluation> {
  const prisma = ctx.db.prisma;
  const profile = await applicantProfileOf(prisma, ctx.caller.userId);
  const appliedOn = todayInShanghai(ctx.now());
  const { set } = ruleFor(req.ruleId, { date: appliedOn });
  if (req.applicationId) await ownApplication(prisma, ctx, req.applicationId);
  return evaluateWithHistory(ctx.db.rows, {
    set,
    ruleId: req.ruleId,
    profile,
    input: req.input,
    evidenceKinds: req.evidenceKinds,
    appliedOn,
    applicationId: req.applicationId,
    withBudget: false,
  });
}

/**
 * Creates a draft, or updates one's own draft / returned application. Incomplete input is fine here.
 *
 * Creating with a key is replay-safe: a mobile retry after a timeout (or after the instance that
 * took the first request died) gets the draft the first made, not a second one. Updating needs no
 * key: it addresses the draft by id and writes the same content again (with `expectedVersion`, a
 * retry of an update that did land is refused STALE_VERSION, which changes nothing either).
 */
export async function saveDraft(ctx: ApplicantCtx, req: DraftInput) {
  const { idempotencyKey, ...request } = req;
  if (idempotencyKey && !req.applicationId) {
    return idempotentTransaction(
      ctx.db.prisma,
      {
        key: idempotencyKey,
        scope: 'applications.saveDraft',
        actorUserId: ctx.caller.userId,
        now: ctx.now(),
        request,
      },
      (tx) => writeDraft(tx, ctx, request),
    );
  }
  return ctx.db.prisma.$transaction((tx) => writeDraft(tx, ctx, request));
}

async function writeDraft(tx: TransactionClient, ctx: ApplicantCtx, req: DraftInput) {
  const appliedOn = todayInShanghai(ctx.now());
  const { set, rule } = ruleFor(req.ruleId, { date: appliedOn });
  if (rule.raisedBy)
    throw appError('UNKNOWN_PROGRAMME', {
      message: `${rule.name}由平台按项目任务书生成拨付申请，无需申请`,
    });
  const kindNames = new Map(rule.guide.evidence.map((e) => [e.kind, e.name]));
  const profile = await applicantProfileOf(tx, ctx.caller.userId);
  const evidence = await resolveEvidence(tx, {
    userId: ctx.caller.userId,
    organisationId: profile.organisationId,
    applicationId: req.applicationId,
    refs: req.evidence,
    kindNames,
    today: appliedOn,
  });
  let id = req.applicationId;
  if (id) {
    const row = await ownApplication(tx, ctx, id);
    if (!EDITABLE_STATUSES.includes(row.status as never)) throw appError('APPLICATION_LOCKED');
    assertVersion(row, req.expectedVersion);
    if (row.ruleId !== req.ruleId)
      throw appError('INVALID_INPUT', { message: '已保存的申请不能更换奖补事项' });
    const updated = await tx.application.updateMany({
      where: { id, version: row.version },
      data: { input: encodeJson(req.input), version: { increment: 1 }, updatedAt: ctx.now() },
    });
    if (updated.count !== 1) throw appError('STALE_VERSION');
    // The system's evidence (免申即享: official list, online commitment) stays.
    await tx.applicationEvidence.deleteMany({
      where: { applicationId: id, source: { in: [...APPLICANT_EVIDENCE_SOURCES] } },
    });
  } else {
    const created = await tx.application.create({
      data: {
        number: await nextNumber(tx, 'application', Number(appliedOn.slice(0, 4))),
        applicantUserId: ctx.caller.userId,
        organisationId: profile.organisationId,
        researcherId: profile.researcherId,
        ruleId: req.ruleId,
        policySetId: set.id,
        policyVersion: set.version,
        status: 'draft',
        input: encodeJson(req.input),
        areaCode: profile.areaCode,
        year: Number(appliedOn.slice(0, 4)),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      },
    });
    id = created.id;
    await tx.applicationEvent.create({
      data: {
        applicationId: id,
        actorUserId: ctx.caller.userId,
        actorRole: 'applicant',
        action: 'create',
        toStatus: 'draft',
        at: ctx.now(),
      },
    });
    await writeAudit(tx, ctx, {
      action: 'application.create',
      objectType: 'application',
      objectId: id,
      areaCode: created.areaCode,
      details: { number: created.number, ruleId: created.ruleId, to: 'draft' },
    });
  }
  if (evidence.length > 0) {
    await tx.applicationEvidence.createMany({
      data: evidence.map((e) => ({ ...e, applicationId: id, createdAt: ctx.now() })),
      skipDuplicates: true,
    });
  }
  return applicationDto(await ownApplication(tx, ctx, id), applicantActor());
}

function refusalFieldErrors(refusals: readonly Refusal[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of refusals) (out[r.field?.split('.')[0] ?? '_form'] ??= []).push(r.message);
  return out;
}

/**
 * Submits a draft (or a returned application) after the engine has checked it, in few round
 * trips and no transaction (issue 13): the caller's organisation (it scopes the application and
 * is the applicant), the application and its relations (submit-read.ts) read at once, the history,
 * then every write in one statement (submit-write.ts). The answer is the row read at the start
 * with the change applied, not a second read.
 */
export async function submitApplication(
  ctx: ApplicantCtx,
  req: { applicationId: string; expectedVersion?: number | undefined },
) {
  const userId = ctx.caller.userId;
  const appliedOn = todayInShanghai(ctx.now());
  // Straight through the driver (db.rows): none of these statements is in a transaction.
  const read = ctx.db.rows;
  // One read (submit-read.ts); no transaction holds it together with the write: the write is one
  // statement, conditional on the version read here, and submit takes no lock.
  const {
    organisation: org,
    researcher,
    application: found,
  } = await submitRead(read, userId, req.applicationId);
  // Someone else's application answers exactly like a missing one (callerScope, in memory).
  const application =
    found &&
    (org
      ? found.organisationId === org.id
      : found.applicantUserId === userId && found.organisationId === null)
      ? found
      : null;
  if (!application) throw appError('NOT_FOUND');
  assertVersion(application, req.expectedVersion);
  const plan = planTransition({
    status: application.status as never,
    action: 'submit',
    actor: applicantActor(),
    applicationAreaCode: application.areaCode,
  });
  if (!plan.ok) throw appError('INVALID_TRANSITION', { message: plan.message });
  const row = application;

  // The version in force on the day of submission applies (a new version may have started since the draft).
  const { set } = ruleFor(row.ruleId, { date: appliedOn });
  const profile = org
    ? organisationProfile(org, org.verifiedQualifications)
    : researcher
      ? researcherApplicant(researcher)
      : null;
  if (!profile) throw appError('PROFILE_REQUIRED');
  // Money rests on verified facts: only a verified organisation submits (drafts are open to all).
  if (profile.organisationId)
    requireVerified({ verificationStatus: profile.verificationStatus ?? '' });
  // A library document may have expired, or the account changed, since the draft was saved.
  recheckReferences(row.evidence, appliedOn);
  const input = decodeJson(row.input);
  const evaluation = await evaluateWithHistory(read, {
    set,
    ruleId: row.ruleId,
    profile,
    input,
    evidenceKinds: row.evidence.map((e) => e.kind),
    appliedOn,
    applicationId: row.id,
    withBudget: false,
  });
  const blocking = evaluation.refusals.filter((r) => !APPROVAL_TIME_REFUSALS.has(r.code));
  if (blocking.length > 0 || evaluation.missingEvidence.length > 0) {
    const fieldErrors = refusalFieldErrors(blocking);
    if (evaluation.missingEvidence.length > 0) {
      fieldErrors.evidence = evaluation.missingEvidence.map((e) => `缺少${e.name}`);
    }
    throw appError('NOT_ELIGIBLE', {
      message: blocking[0]?.message ?? `缺少${evaluation.missingEvidence[0]?.name ?? '必需材料'}`,
      fieldErrors,
    });
  }
  const now = ctx.now();
  const submitted = {
    submittedAt: now,
    policySetId: set.id,
    policyVersion: set.version,
    computedAmountFen: evaluation.computedAmount as bigint,
    explanation: encodeJson(evaluation.explanation),
    onceKeys: [...evaluation.onceKeys],
    itemKey: evaluation.itemKey ?? null,
    year: budgetYearOf(evaluation, appliedOn),
    areaCode: profile.areaCode as string | null,
    organisationId: profile.organisationId,
    researcherId: profile.researcherId,
  };
  const event = await writeSubmission(read, {
    row,
    actorUserId: userId,
    applicantUserId: row.applicantUserId,
    to: plan.to,
    at: now,
    data: submitted,
    details: { amountFen: evaluation.computedAmount.toString() },
    audit: {
      who: ctx,
      entry: {
        // A returned application submitted again reads as such in the log.
        action: row.status === 'returned' ? 'application.resubmit' : 'application.submit',
        objectType: 'application',
        objectId: row.id,
        areaCode: profile.areaCode,
        details: {
          number: row.number,
          from: row.status,
          to: plan.to,
          amountFen: evaluation.computedAmount.toString(),
        },
      },
    },
  });
  // Another submission of the same version (a double tap) came first.
  if (!event) throw appError('STALE_VERSION');
  // As the write left the row (its update is conditional on the version read above).
  const after: ApplicationRow = {
    ...row,
    ...submitted,
    explanation: submitted.explanation as Prisma.JsonValue,
    status: plan.to,
    version: row.version + 1,
    updatedAt: now,
    events: [...row.events, event],
  };
  return applicationDto(after, applicantActor());
}

export async function withdrawApplication(
  ctx: ApplicantCtx,
  req: { applicationId: string; reason?: string | undefined; expectedVersion?: number | undefined },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await ownApplication(tx, ctx, req.applicationId);
    assertVersion(row, req.expectedVersion);
    if (ruleFor(row.ruleId, { policySetId: row.policySetId }).rule.raisedBy)
      throw appError('INVALID_TRANSITION', {
        message: '项目资金拨付申请由平台按任务书生成，不能撤回',
      });
    const plan = planTransition({
      status: row.status as never,
      action: 'withdraw',
      actor: applicantActor(),
      applicationAreaCode: row.areaCode,
      comment: req.reason ?? null,
    });
    if (!plan.ok) throw appError('INVALID_TRANSITION', { message: plan.message });
    await changeStatus(tx, row, {
      to: plan.to,
      action: 'withdraw',
      actor: { userId: ctx.caller.userId, role: 'applicant' },
      at: ctx.now(),
      comment: req.reason,
    });
    await writeAudit(tx, ctx, {
      action: 'application.withdraw',
      objectType: 'application',
      objectId: row.id,
      areaCode: row.areaCode,
      details: {
        number: row.number,
        from: row.status,
        to: plan.to,
        ...(req.reason?.trim() ? { reason: req.reason.trim() } : {}),
      },
    });
    return applicationDto(await ownApplication(tx, ctx, row.id), applicantActor());
  });
}

/**
 * Deletes a draft that was never submitted: with nothing sent there is nothing to withdraw, and
 * the applicant's list no longer shows it. The timeline is append-only, so the row stays, closed
 * (已撤回) with the step 删除草稿. Anything submitted (or returned) is withdrawn instead; a
 * 免申即享 draft belongs to its invitation and stays.
 */
export async function deleteDraft(
  ctx: ApplicantCtx,
  req: { applicationId: string; expectedVersion?: number | undefined },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await ownApplication(tx, ctx, req.applicationId);
    if (row.status !== 'draft' || row.invitation) {
      throw appError('APPLICATION_LOCKED', {
        message: '只有尚未提交的草稿可以删除；已提交的申请请撤回',
      });
    }
    assertVersion(row, req.expectedVersion);
    const plan = planTransition({
      status: 'draft',
      action: 'withdraw',
      actor: applicantActor(),
      applicationAreaCode: row.areaCode,
    });
    if (!plan.ok) throw appError('INVALID_TRANSITION', { message: plan.message });
    await changeStatus(tx, row, {
      to: plan.to,
      action: DELETE_DRAFT,
      actor: { userId: ctx.caller.userId, role: 'applicant' },
      at: ctx.now(),
    });
    await writeAudit(tx, ctx, {
      action: 'application.delete-draft',
      objectType: 'application',
      objectId: row.id,
      areaCode: row.areaCode,
      details: { number: row.number, ruleId: row.ruleId, from: 'draft', to: plan.to },
    });
    return { id: row.id };
  });
}

export async function myApplications(ctx: ApplicantCtx) {
  const rows = await ctx.db.prisma.application.findMany({
    where: {
      ...(await applicationsOfCaller(ctx.db.prisma, ctx)),
      // Deleted drafts are gone for the applicant.
      NOT: { events: { some: { action: DELETE_DRAFT } } },
    },
    include: APPLICATION_INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  return rows.map((r) => applicationDto(r, applicantActor()));
}

export async function myApplication(ctx: ApplicantCtx, id: string) {
  return applicationDto(await ownApplication(ctx.db.prisma, ctx, id), applicantActor());
}
