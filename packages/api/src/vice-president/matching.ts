import type { Prisma, TransactionClient, VpCall } from '@kc/db';
import type { MatchOutcome, PairScore } from '@kc/domain';
import { proposeMatches } from '@kc/domain';
import { writeAudit } from '../audit';
import { decodeJson, encodeJson } from '../awards/codec';
import { appError } from '../errors';
import { notify, notifyOrganisation } from '../notifications/write';
import type { OfficerCtx } from './common';
import {
  CANDIDATE_INCLUDE,
  NEED_INCLUDE,
  assertBureau,
  assertCallStatus,
  findCall,
  lockCall,
  settingsOf,
} from './common';
import { candidateDto, needDto, scoreDto } from './dto';
import { candidateFacts, needFacts } from './facts';

type Reader = Pick<TransactionClient, 'vpNeed' | 'vpCandidate' | 'vpPairRule'>;

/** Everything the matcher reads for a call. */
async function loadInputs(db: Reader, callId: string) {
  const [needs, candidates, rules] = await Promise.all([
    db.vpNeed.findMany({ where: { callId, status: 'active' }, include: NEED_INCLUDE }),
    db.vpCandidate.findMany({ where: { callId, status: 'active' }, include: CANDIDATE_INCLUDE }),
    db.vpPairRule.findMany({ where: { callId } }),
  ]);
  return { needs, candidates, rules };
}

type RunSummary = Pick<MatchOutcome, 'stats' | 'refusedPins' | 'openNeeds' | 'unplacedCandidates'>;

/**
 * Runs the matcher on the call's current needs, candidates and pair rules and stores the run.
 * The solver runs outside any transaction; the run is stored only if the inputs did not change
 * meanwhile (the revision is checked under the call lock), so a run always matches its inputs.
 */
export async function runMatcher(ctx: OfficerCtx, callId: string) {
  assertBureau(ctx.caller);
  const prisma = ctx.db.prisma;
  const call = await findCall(prisma, callId);
  assertCallStatus(call, 'matching');
  const { needs, candidates, rules } = await loadInputs(prisma, callId);
  const settings = settingsOf(call);

  const started = performance.now();
  const outcome = proposeMatches({
    needs: needs.map(needFacts),
    candidates: candidates.map(candidateFacts),
    rules: rules.map((r) => ({
      needId: r.needId,
      candidateId: r.candidateId,
      kind: r.kind as 'pin' | 'forbid',
    })),
    settings,
  });
  const durationMs = Math.round(performance.now() - started);

  const summary: RunSummary = {
    stats: outcome.stats,
    refusedPins: outcome.refusedPins,
    openNeeds: outcome.openNeeds,
    unplacedCandidates: outcome.unplacedCandidates,
  };
  const runId = await prisma.$transaction(async (tx) => {
    const locked = await lockCall(tx, callId);
    if (locked.status !== 'matching' || locked.inputRevision !== call.inputRevision)
      throw appError('VP_MATCH_STALE', {
        message: '匹配期间需求、报名或指定规则有变化，请重新运行',
      });
    const last = await tx.vpMatchRun.findFirst({
      where: { callId },
      orderBy: { runNo: 'desc' },
      select: { runNo: true },
    });
    const run = await tx.vpMatchRun.create({
      data: {
        callId,
        runNo: (last?.runNo ?? 0) + 1,
        inputRevision: call.inputRevision,
        settingsVersion: settings.version,
        totalScore: outcome.totalScore,
        summary: encodeJson(summary),
        durationMs,
        createdBy: ctx.caller.userId,
        createdAt: ctx.now(),
      },
    });
    await tx.vpProposal.createMany({
      data: outcome.proposals.map((p) => ({
        runId: run.id,
        needId: p.needId,
        candidateId: p.candidateId,
        score: p.score.total,
        breakdown: encodeJson(p.score),
        pinned: p.pinned,
      })),
    });
    await writeAudit(tx, ctx, {
      action: 'vp.match.run',
      objectType: 'vp_call',
      objectId: callId,
      details: {
        runNo: run.runNo,
        proposals: outcome.proposals.length,
        totalScore: outcome.totalScore,
        durationMs,
      },
    });
    return run.id;
  });
  return getRun(ctx, callId, runId);
}

/** JSON a run always stores (written in the same transaction as the run). */
function stored<T>(json: Prisma.JsonValue): T {
  const value = decodeJson<T>(json);
  if (value === null) throw new Error('a match run is missing its stored JSON');
  return value;
}

/** Runs stored before leftovers carried their reason (issue 11) say to run the matcher again. */
function withReasons(summary: RunSummary): RunSummary {
  const legacy = '原因未记录，请重新运行匹配';
  return {
    ...summary,
    openNeeds: summary.openNeeds.map((n) => ({ ...n, reason: n.reason ?? legacy })),
    unplacedCandidates: summary.unplacedCandidates.map((c) => ({
      ...c,
      reason: c.reason ?? legacy,
    })),
  };
}

/** A run with its proposals and what was left over; the latest one when no id is given. */
export async function getRun(ctx: OfficerCtx, callId: string, runId?: string) {
  assertBureau(ctx.caller);
  const prisma = ctx.db.prisma;
  const call = await findCall(prisma, callId);
  const run = runId
    ? await prisma.vpMatchRun.findFirst({ where: { id: runId, callId } })
    : await prisma.vpMatchRun.findFirst({ where: { callId }, orderBy: { runNo: 'desc' } });
  if (!run) {
    if (runId) throw appError('NOT_FOUND');
    return null;
  }
  const [proposals, rules] = await Promise.all([
    prisma.vpProposal.findMany({
      where: { runId: run.id },
      include: { need: { include: NEED_INCLUDE }, candidate: { include: CANDIDATE_INCLUDE } },
      orderBy: [{ score: 'desc' }, { needId: 'asc' }, { candidateId: 'asc' }],
    }),
    prisma.vpPairRule.findMany({ where: { callId } }),
  ]);
  const summary = withReasons(stored<RunSummary>(run.summary));
  return {
    id: run.id,
    runNo: run.runNo,
    createdAt: run.createdAt,
    durationMs: run.durationMs,
    totalScore: run.totalScore,
    settingsVersion: run.settingsVersion,
    /** the inputs changed after this run: re-run before confirming */
    stale: run.inputRevision !== call.inputRevision,
    confirmed: call.confirmedRunId === run.id,
    summary,
    proposals: proposals.map((p) => ({
      id: p.id,
      need: needDto(p.need),
      candidate: candidateDto(p.candidate, call.referenceDate),
      score: scoreDto(stored<PairScore>(p.breakdown)),
      pinned: p.pinned,
    })),
    rules: rules.map((r) => ({
      id: r.id,
      needId: r.needId,
      candidateId: r.candidateId,
      kind: r.kind,
      reason: r.reason,
    })),
  };
}

/**
 * Turns the reviewed run into pending secondments (inside advanceCall's transaction, under the
 * call lock). The run must be the latest and made from the current inputs.
 */
export async function confirmMatches(
  tx: TransactionClient,
  call: VpCall,
  runId: string | undefined,
  now: Date,
) {
  const latest = await tx.vpMatchRun.findFirst({
    where: { callId: call.id },
    orderBy: { runNo: 'desc' },
  });
  if (!latest) throw appError('VP_NO_MATCH_RUN');
  if (latest.inputRevision !== call.inputRevision || (runId && runId !== latest.id))
    throw appError('VP_MATCH_STALE');
  const proposals = await tx.vpProposal.findMany({
    where: { runId: latest.id },
    include: {
      need: { include: { organisation: true } },
      candidate: { include: { researcher: true } },
    },
  });
  if (proposals.length === 0)
    throw appError('VP_NO_MATCH_RUN', { message: '本次匹配没有产生任何配对，不能确认' });
  const rows: Prisma.VpSecondmentCreateManyInput[] = proposals.map((p) => ({
    callId: call.id,
    needId: p.needId,
    candidateId: p.candidateId,
    organisationId: p.need.organisationId,
    researcherId: p.candidate.researcherId,
    areaCode: p.need.areaCode,
    score: p.score,
    createdAt: now,
    updatedAt: now,
  }));
  // A pair cancelled by an earlier return-to-matching comes back as the same row (its
  // agreement, if any, still stands); the cancellation stays in the audit log.
  const existing = await tx.vpSecondment.findMany({
    where: {
      callId: call.id,
      OR: rows.map((r) => ({ needId: r.needId, candidateId: r.candidateId })),
    },
    select: { id: true, needId: true, candidateId: true },
  });
  const existingIds = new Map(existing.map((e) => [`${e.needId}|${e.candidateId}`, e.id]));
  for (const row of rows) {
    const id = existingIds.get(`${row.needId}|${row.candidateId}`);
    if (!id) continue;
    await tx.vpSecondment.update({
      where: { id },
      data: {
        status: 'pending',
        score: row.score,
        endedAt: null,
        endReason: null,
        version: { increment: 1 },
        updatedAt: now,
      },
    });
  }
  await tx.vpSecondment.createMany({
    data: rows.filter((r) => !existingIds.has(`${r.needId}|${r.candidateId}`)),
  });
  const created = await tx.vpSecondment.findMany({
    where: { callId: call.id, status: 'pending' },
    select: { id: true, needId: true, candidateId: true },
  });
  const secondmentOf = new Map(created.map((s) => [`${s.needId}|${s.candidateId}`, s.id]));
  for (const p of proposals) {
    const id = secondmentOf.get(`${p.needId}|${p.candidateId}`);
    const link = id ? { page: 'secondment' as const, id } : undefined;
    await notifyOrganisation(tx, p.need.organisationId, {
      kind: 'vp.matched',
      at: now,
      title: '科技副总匹配结果公示',
      body: `您的需求“${p.need.title}”已与${p.candidate.institutionName}${p.candidate.researcher.name}匹配，正在公示。请与对方签订三方协议并上传。`,
      link,
    });
    await notify(tx, {
      userId: p.candidate.researcher.userId,
      kind: 'vp.matched',
      at: now,
      title: '科技副总匹配结果公示',
      body: `您已与${p.need.organisation.name}（需求“${p.need.title}”）匹配，正在公示。请签订三方协议并上传。`,
      link,
    });
  }
  return { runId: latest.id, runNo: latest.runNo, secondments: rows.length };
}
