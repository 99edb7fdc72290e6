import type { SelectionCall, TransactionClient } from '@kc/db';
import type {
  CostBasis,
  DecisionCandidate,
  DecisionChoice,
  DecisionLimits,
  SelectionProgramme,
  TalentCategory,
} from '@kc/domain';
import {
  SUBMISSION_FORMS,
  planDecision,
  policyRule,
  programmeQuotaLimit,
  proposeDecision,
  selectionProgramme,
  selectionCostFen,
  todayInShanghai,
} from '@kc/domain';
import { writeAudit } from '../audit';
import { decodeJson } from '../awards/codec';
import { appError } from '../errors';
import type { OfficerCtx } from '../vice-president/common';
import { rankCall } from './panels';
import { policySetOn } from '../policy/catalogue';

/**
 * 拟定结果 (issue 14): the bureau chooses the selected submissions of a call from the experts'
 * ranking, within the call's quota, the plan's yearly ceiling (四.1: ten scenario cases a year,
 * across every call of the year) and the call's budget; every departure from the ranking carries
 * a written reason. The checks are the domain's (selection/decision.ts); this module loads the
 * facts under the locks that make the ceiling hold, and keeps the record.
 */

type Tx = TransactionClient;

/** Submissions that take part in the decision: through the formal check (and decided, if so). */
const DECIDABLE = ['passed', 'selected', 'not-selected'];

/** What selecting commits: the award rule's amount in force on `today`, or the project's city funds. */
function costBasis(programme: SelectionProgramme, today: string): CostBasis {
  const { awardRuleId } = selectionProgramme(programme);
  if (!awardRuleId) return { kind: 'requested' };
  const set = policySetOn(today);
  const rule = set ? policyRule(set, awardRuleId) : undefined;
  if (!rule)
    throw appError('INVALID_TRANSITION', { message: '现行政策中没有该类评选对应的奖补条款' });
  return { kind: 'award', formula: rule.formula };
}

/** The plan's yearly ceiling and what the programme's other calls of the year hold already. */
async function yearlyLimit(tx: Tx, call: SelectionCall, today: string) {
  const set = policySetOn(today);
  const limit = programmeQuotaLimit(call.programme as SelectionProgramme, (ruleId) =>
    set ? policyRule(set, ruleId)?.yearlyQuota : undefined,
  );
  if (limit === undefined) return null;
  const heldElsewhere = await tx.selectionSubmission.count({
    where: {
      status: 'selected',
      callId: { not: call.id },
      call: { programme: call.programme, year: call.year },
    },
  });
  return { limit, heldElsewhere };
}

/** The call's submissions as the decision sees them: ranked (or without a result), with costs. */
async function decisionFacts(tx: Tx, call: SelectionCall, today: string) {
  const programme = call.programme as SelectionProgramme;
  const [ranked, submissions, yearly] = await Promise.all([
    rankCall(tx, call),
    tx.selectionSubmission.findMany({
      where: { callId: call.id, status: { in: DECIDABLE } },
      include: { organisation: { select: { name: true } } },
      orderBy: { number: 'asc' },
    }),
    yearlyLimit(tx, call, today),
  ]);
  const rankOf = new Map(ranked.map((r) => [r.submissionId, r]));
  const form = SUBMISSION_FORMS[programme];
  const candidates: DecisionCandidate[] = submissions.map((s) => {
    const r = rankOf.get(s.id);
    const parsed = form.safeParse(decodeJson(s.form));
    const requested =
      parsed.success && 'cityFundsFen' in parsed.data
        ? (parsed.data.cityFundsFen as bigint)
        : undefined;
    return {
      id: s.id,
      label: s.number,
      rank: r?.rank ?? null,
      ...(r?.talent ? { band: r.talent.category } : {}),
      ...(requested !== undefined ? { requestedFen: requested } : {}),
    };
  });
  const limits: DecisionLimits = {
    quota: call.quota,
    yearly,
    budgetFen: call.budgetFen,
  };
  return {
    ranked,
    submissions,
    candidates,
    limits,
    cost: costBasis(programme, today),
    categorised: programme === 'talent-team',
  };
}

/**
 * The decision page: every submission through the formal check with its rank and result, what it
 * would cost, the choice saved (or, before any, the ranking's own proposal), and the limits.
 */
export async function callDecision(ctx: OfficerCtx, callId: string) {
  const today = todayInShanghai(ctx.now());
  return ctx.db.prisma.$transaction(async (tx) => {
    const call = await tx.selectionCall.findUnique({ where: { id: callId } });
    if (!call) throw appError('NOT_FOUND');
    const facts = await decisionFacts(tx, call, today);
    const saved = call.decidedAt !== null;
    const proposal = proposeDecision(facts);
    const choiceOf = new Map(
      (saved
        ? facts.submissions.map((s): DecisionChoice => ({
            id: s.id,
            selected: s.status === 'selected',
            category: (s.decidedCategory as TalentCategory | null) ?? null,
            reason: s.departureReason,
          }))
        : proposal
      ).map((c) => [c.id, c]),
    );
    const rankOf = new Map(facts.ranked.map((r) => [r.submissionId, r]));
    const rows = facts.candidates.map((c) => {
      const s = facts.submissions.find((x) => x.id === c.id);
      const r = rankOf.get(c.id);
      const choice = choiceOf.get(c.id);
      return {
        submissionId: c.id,
        number: c.label,
        title: s?.title ?? '',
        organisationName: s?.organisation.name ?? '',
        rank: c.rank,
        rankReason: r?.rankReason ?? '有效评分不足，暂不排名',
        resultText: r?.resultText ?? null,
        flagName: r?.flagName ?? null,
        band: c.band ?? null,
        requestedFen: c.requestedFen ?? null,
        /** what selecting it commits, at its band (or the category chosen) */
        costFen: selectionCostFen(facts.cost, c, choice?.category ?? c.band),
        selected: choice?.selected ?? false,
        category: choice?.category ?? null,
        departures: s?.departures ?? [],
        reason: choice?.reason ?? null,
      };
    });
    const selected = rows.filter((r) => r.selected);
    return {
      callId: call.id,
      status: call.status,
      version: call.version,
      /** null: nothing saved yet, the choices are the ranking's proposal */
      decidedAt: call.decidedAt,
      quota: facts.limits.quota,
      yearly: facts.limits.yearly,
      budgetFen: facts.limits.budgetFen,
      categorised: facts.categorised,
      rows,
      selectedCount: selected.length,
      totalFen: saved
        ? (call.decidedTotalFen ?? 0n)
        : selected.reduce((sum, r) => sum + r.costFen, 0n),
    };
  });
}

/**
 * Saves the decision while the call is 拟定结果中. The calls of the programme's year are locked
 * together (in id order, so two decisions never deadlock): the yearly ceiling holds when two calls
 * decide at once.
 */
export async function decideCall(
  ctx: OfficerCtx,
  req: { callId: string; expectedVersion: number; choices: DecisionChoice[] },
) {
  const now = ctx.now();
  const today = todayInShanghai(now);
  await ctx.db.prisma.$transaction(async (tx) => {
    const head = await tx.selectionCall.findUnique({
      where: { id: req.callId },
      select: { programme: true, year: true },
    });
    if (!head) throw appError('NOT_FOUND');
    await tx.$executeRaw`
      SELECT 1 FROM selection_call WHERE programme = ${head.programme} AND year = ${head.year}
       ORDER BY id FOR UPDATE`;
    const call = await tx.selectionCall.findUniqueOrThrow({ where: { id: req.callId } });
    if (call.version !== req.expectedVersion)
      throw appError('STALE_VERSION', { message: '该申报指南刚被他人更新，请刷新后再试' });
    if (call.status !== 'deciding')
      throw appError('INVALID_TRANSITION', { message: '评审结束、拟定结果阶段才能确定入选名单' });
    const facts = await decisionFacts(tx, call, today);
    const plan = planDecision({ ...facts, choices: req.choices });
    if (!plan.ok)
      throw appError(plan.code, {
        message: plan.message,
        fieldErrors: Object.fromEntries(
          Object.entries(plan.fieldErrors).map(([id, messages]) => [`choices.${id}`, messages]),
        ),
      });
    const rankOf = new Map(facts.candidates.map((c) => [c.id, c.rank]));
    for (const d of plan.decided)
      await tx.selectionSubmission.update({
        where: { id: d.id },
        data: {
          status: d.selected ? 'selected' : 'not-selected',
          decidedRank: rankOf.get(d.id) ?? null,
          decidedCategory: d.category,
          decidedCostFen: d.costFen,
          departures: [...d.departures],
          departureReason: d.reason,
          updatedAt: now,
        },
      });
    await tx.selectionCall.update({
      where: { id: call.id },
      data: {
        decidedAt: now,
        decidedBy: ctx.caller.userId,
        decidedTotalFen: plan.totalFen,
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    const numberOf = new Map(facts.candidates.map((c) => [c.id, c.label]));
    await writeAudit(tx, ctx, {
      action: 'selection.call.decide',
      objectType: 'selection_call',
      objectId: call.id,
      details: {
        number: call.number,
        selected: plan.decided.filter((d) => d.selected).map((d) => numberOf.get(d.id)),
        totalFen: plan.totalFen.toString(),
        departures: plan.decided
          .filter((d) => d.departures.length > 0)
          .map((d) => ({ number: numberOf.get(d.id), departures: d.departures, reason: d.reason })),
      },
    });
  });
  return callDecision(ctx, req.callId);
}
