import type { TransactionClient } from '@kc/db';
import type { VpPairRuleForm } from '@kc/domain';
import {
  PAIR_EXCLUSION_MESSAGES,
  pairExclusion,
  prepareCandidate,
  prepareNeed,
  scorePair,
} from '@kc/domain';
import { writeAudit } from '../audit';
import { appError } from '../errors';
import type { OfficerCtx } from './common';
import {
  CANDIDATE_INCLUDE,
  NEED_INCLUDE,
  assertBureau,
  assertCallStatus,
  bumpInputRevision,
  findCall,
  lockCall,
  settingsOf,
} from './common';
import { scoreDto } from './dto';
import { candidateFacts, needFacts } from './facts';

type Reader = Pick<TransactionClient, 'vpNeed' | 'vpCandidate' | 'vpPairRule'>;

/**
 * Officers' pins (指定) and forbids (排除) of single pairs, and the explanation of any pair.
 */

/** The call's pins and forbids, with the names an officer recognises. */
export async function listPairRules(ctx: OfficerCtx, callId: string) {
  assertBureau(ctx.caller);
  await findCall(ctx.db.prisma, callId);
  const rules = await ctx.db.prisma.vpPairRule.findMany({
    where: { callId },
    include: {
      need: { select: { title: true, organisation: { select: { name: true } } } },
      candidate: { select: { researcher: { select: { name: true } }, institutionName: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
  return rules.map((r) => ({
    id: r.id,
    needId: r.needId,
    candidateId: r.candidateId,
    kind: r.kind as 'pin' | 'forbid',
    reason: r.reason,
    needTitle: r.need.title,
    organisationName: r.need.organisation.name,
    researcherName: r.candidate.researcher.name,
    institutionName: r.candidate.institutionName,
    createdAt: r.createdAt,
  }));
}

/** Any pair's score or exclusion, so an officer can weigh a pin before setting it. */
export async function explainPair(
  ctx: OfficerCtx,
  req: { callId: string; needId: string; candidateId: string },
) {
  assertBureau(ctx.caller);
  const prisma = ctx.db.prisma;
  const call = await findCall(prisma, req.callId);
  const { need, candidate } = await loadPair(prisma, req);
  const n = prepareNeed(needFacts(need));
  const c = prepareCandidate(candidateFacts(candidate));
  const exclusion = pairExclusion(n, c);
  const rule = await prisma.vpPairRule.findUnique({
    where: { needId_candidateId: { needId: req.needId, candidateId: req.candidateId } },
  });
  return {
    exclusion,
    exclusionMessage: exclusion ? PAIR_EXCLUSION_MESSAGES[exclusion] : null,
    rule: rule ? { kind: rule.kind, reason: rule.reason } : null,
    score: scoreDto(scorePair(n, c, settingsOf(call))),
  };
}

async function loadPair(db: Reader, req: { callId: string; needId: string; candidateId: string }) {
  const [need, candidate] = await Promise.all([
    db.vpNeed.findFirst({
      where: { id: req.needId, callId: req.callId, status: 'active' },
      include: NEED_INCLUDE,
    }),
    db.vpCandidate.findFirst({
      where: { id: req.candidateId, callId: req.callId, status: 'active' },
      include: CANDIDATE_INCLUDE,
    }),
  ]);
  if (!need || !candidate) throw appError('NOT_FOUND');
  return { need, candidate };
}

/**
 * Pins or forbids a pair (replacing an earlier rule on it). A pin may not break the hard
 * exclusion or exceed either side's capacity counting the other pins.
 */
export async function setPairRule(ctx: OfficerCtx, callId: string, input: VpPairRuleForm) {
  assertBureau(ctx.caller);
  return ctx.db.prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, callId);
    assertCallStatus(call, 'matching');
    const { need, candidate } = await loadPair(tx, { callId, ...input });
    if (input.kind === 'pin') {
      const n = prepareNeed(needFacts(need));
      const c = prepareCandidate(candidateFacts(candidate));
      if (pairExclusion(n, c) === 'investment') throw appError('VP_PAIR_EXCLUDED');
      const others = { kind: 'pin', NOT: { needId: need.id, candidateId: candidate.id } };
      const [needPins, candidatePins] = await Promise.all([
        tx.vpPairRule.count({ where: { ...others, needId: need.id } }),
        tx.vpPairRule.count({ where: { ...others, candidateId: candidate.id } }),
      ]);
      if (needPins >= need.positions || candidatePins >= candidate.capacity)
        throw appError('VP_PIN_CAPACITY');
    }
    const where = { needId_candidateId: { needId: need.id, candidateId: candidate.id } };
    const fields = {
      kind: input.kind,
      reason: input.reason,
      createdBy: ctx.caller.userId,
      createdAt: ctx.now(),
    };
    const rule = await tx.vpPairRule.upsert({
      where,
      create: { callId, needId: need.id, candidateId: candidate.id, ...fields },
      update: fields,
    });
    await bumpInputRevision(tx, callId);
    await writeAudit(tx, ctx, {
      action: `vp.pair.${input.kind}`,
      objectType: 'vp_call',
      objectId: callId,
      areaCode: need.areaCode,
      details: { needId: need.id, candidateId: candidate.id, reason: input.reason },
    });
    return { id: rule.id, kind: rule.kind, reason: rule.reason };
  });
}

export async function clearPairRule(
  ctx: OfficerCtx,
  req: { callId: string; needId: string; candidateId: string },
) {
  assertBureau(ctx.caller);
  return ctx.db.prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, req.callId);
    assertCallStatus(call, 'matching');
    const removed = await tx.vpPairRule.deleteMany({
      where: { callId: req.callId, needId: req.needId, candidateId: req.candidateId },
    });
    if (removed.count === 0) throw appError('NOT_FOUND');
    await bumpInputRevision(tx, req.callId);
    await writeAudit(tx, ctx, {
      action: 'vp.pair.clear',
      objectType: 'vp_call',
      objectId: req.callId,
      details: { needId: req.needId, candidateId: req.candidateId },
    });
    return { ok: true as const };
  });
}
