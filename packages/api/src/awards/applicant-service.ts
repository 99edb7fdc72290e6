import type { TransactionClient } from '@kc/db';
import { nextNumber } from '@kc/db';
import type { Evaluation, Refusal } from '@kc/domain';
import { EDITABLE_STATUSES, planTransition, todayInShanghai } from '@kc/domain';
import type { ApplicantCaller } from '../caller';
import type { Context } from '../context';
import { appError } from '../errors';
import { applicantProfileOf } from './applicant';
import { decodeJson, encodeJson } from './codec';
import type { ApplicationRow } from './dto';
import { APPLICATION_INCLUDE, applicationDto } from './dto';
import { budgetYearOf, evaluateWithHistory, ruleFor } from './evaluate';
import { changeStatus } from './transition';

type ApplicantCtx = Context & { caller: ApplicantCaller };

export interface EvidenceRef {
  fileId: string;
  kind: string;
}

export interface DraftInput {
  applicationId?: string | undefined;
  ruleId: string;
  input: Record<string, unknown>;
  evidence: EvidenceRef[];
  expectedVersion?: number | undefined;
}

/**
 * Refusals that decide at approval, not at submission: the 11th scenario case may still be
 * submitted (the bureau selects ten), and the budget is the bureau's to manage.
 */
const APPROVAL_TIME_REFUSALS = new Set(['YEARLY_QUOTA_REACHED', 'BUDGET_INSUFFICIENT']);

export function applicantActor(isOwner = true) {
  return { kind: 'applicant' as const, isOwner };
}

async function ownApplication(
  tx: Pick<TransactionClient, 'application'>,
  ctx: ApplicantCtx,
  id: string,
): Promise<ApplicationRow> {
  const row = await tx.application.findUnique({ where: { id }, include: APPLICATION_INCLUDE });
  // Someone else's application answers exactly like a missing one.
  if (!row || row.applicantUserId !== ctx.caller.userId) throw appError('NOT_FOUND');
  return row;
}

function assertVersion(row: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) throw appError('STALE_VERSION');
}

/** Files must be the caller's own uploads, tagged with a kind the rule asks for. */
async function checkEvidence(
  tx: TransactionClient,
  ctx: ApplicantCtx,
  refs: EvidenceRef[],
  kinds: Set<string>,
) {
  const ids = [...new Set(refs.map((r) => r.fileId))];
  const owned = await tx.storedFile.count({
    where: { id: { in: ids }, ownerUserId: ctx.caller.userId },
  });
  if (owned !== ids.length) {
    throw appError('INVALID_INPUT', {
      message: '材料文件不存在或不是您上传的',
      fieldErrors: { evidence: ['材料文件不存在或不是您上传的'] },
    });
  }
  const unknown = refs.find((r) => !kinds.has(r.kind));
  if (unknown) {
    throw appError('INVALID_INPUT', {
      message: `未知的材料类型“${unknown.kind}”`,
      fieldErrors: { evidence: [`未知的材料类型“${unknown.kind}”`] },
    });
  }
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
  return evaluateWithHistory(prisma, {
    set,
    ruleId: req.ruleId,
    profile,
    input: req.input,
    evidenceKinds: req.evidenceKinds,
    appliedOn,
    applicationId: req.applicationId,
  });
}

/** Creates a draft, or updates one's own draft / returned application. Incomplete input is fine here. */
export async function saveDraft(ctx: ApplicantCtx, req: DraftInput) {
  const appliedOn = todayInShanghai(ctx.now());
  const { set, rule } = ruleFor(req.ruleId, { date: appliedOn });
  const kinds = new Set(rule.guide.evidence.map((e) => e.kind));
  return ctx.db.prisma.$transaction(async (tx) => {
    const profile = await applicantProfileOf(tx, ctx.caller.userId);
    await checkEvidence(tx, ctx, req.evidence, kinds);
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
      await tx.applicationEvidence.deleteMany({ where: { applicationId: id } });
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
    }
    if (req.evidence.length > 0) {
      await tx.applicationEvidence.createMany({
        data: req.evidence.map((e) => ({
          applicationId: id,
          fileId: e.fileId,
          kind: e.kind,
          createdAt: ctx.now(),
        })),
        skipDuplicates: true,
      });
    }
    return applicationDto(await ownApplication(tx, ctx, id), applicantActor());
  });
}

function refusalFieldErrors(refusals: readonly Refusal[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of refusals) (out[r.field?.split('.')[0] ?? '_form'] ??= []).push(r.message);
  return out;
}

/** Submits a draft (or a returned application) after the engine has checked it. */
export async function submitApplication(
  ctx: ApplicantCtx,
  req: { applicationId: string; expectedVersion?: number | undefined },
) {
  const appliedOn = todayInShanghai(ctx.now());
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await ownApplication(tx, ctx, req.applicationId);
    assertVersion(row, req.expectedVersion);
    const plan = planTransition({
      status: row.status as never,
      action: 'submit',
      actor: applicantActor(),
      applicationAreaCode: row.areaCode,
    });
    if (!plan.ok) throw appError('INVALID_TRANSITION', { message: plan.message });

    // The version in force on the day of submission applies (a new version may have started since the draft).
    const { set } = ruleFor(row.ruleId, { date: appliedOn });
    const profile = await applicantProfileOf(tx, ctx.caller.userId);
    const input = decodeJson(row.input);
    const evaluation = await evaluateWithHistory(tx, {
      set,
      ruleId: row.ruleId,
      profile,
      input,
      evidenceKinds: row.evidence.map((e) => e.kind),
      appliedOn,
      applicationId: row.id,
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
    await changeStatus(tx, row, {
      to: plan.to,
      action: 'submit',
      actor: { userId: ctx.caller.userId, role: 'applicant' },
      at: ctx.now(),
      data: {
        submittedAt: ctx.now(),
        policySetId: set.id,
        policyVersion: set.version,
        computedAmountFen: evaluation.computedAmount,
        explanation: encodeJson(evaluation.explanation),
        onceKeys: [...evaluation.onceKeys],
        itemKey: evaluation.itemKey ?? null,
        year: budgetYearOf(evaluation, appliedOn),
        areaCode: profile.areaCode,
        organisationId: profile.organisationId,
        researcherId: profile.researcherId,
      },
      details: { amountFen: evaluation.computedAmount.toString() },
    });
    return applicationDto(await ownApplication(tx, ctx, row.id), applicantActor());
  });
}

export async function withdrawApplication(
  ctx: ApplicantCtx,
  req: { applicationId: string; reason?: string | undefined; expectedVersion?: number | undefined },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await ownApplication(tx, ctx, req.applicationId);
    assertVersion(row, req.expectedVersion);
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
    return applicationDto(await ownApplication(tx, ctx, row.id), applicantActor());
  });
}

export async function myApplications(ctx: ApplicantCtx) {
  const rows = await ctx.db.prisma.application.findMany({
    where: { applicantUserId: ctx.caller.userId },
    include: APPLICATION_INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  return rows.map((r) => applicationDto(r, applicantActor()));
}

export async function myApplication(ctx: ApplicantCtx, id: string) {
  return applicationDto(await ownApplication(ctx.db.prisma, ctx, id), applicantActor());
}
