import { formatYuan } from '../money';
import type { Formula } from '../policy/types';
import type { TalentCategory } from './aggregate';

/**
 * 拟定结果: officers choose the selected submissions from the experts' ranking, within the call's
 * quota, the plan's yearly ceiling and the call's budget. The ranking is advice, not a verdict,
 * but every departure from it is written down, submission by submission:
 * - leaving out a submission ranked at or above one that is chosen (a tie at the line included),
 * - choosing one ranked below one left out,
 * - giving a talent team a category other than its score band.
 * A submission without a result (too few valid scores) cannot be chosen. Pure: no I/O, no clock.
 */

export interface DecisionCandidate {
  readonly id: string;
  /** how officers name it in a message: the submission's number */
  readonly label: string;
  /** from the ranking; null: no result yet */
  readonly rank: number | null;
  /** talent teams: the category its result falls in (null: below C) */
  readonly band?: TalentCategory | null;
  /** projects: the city funds it asks for (申请市级资金) */
  readonly requestedFen?: bigint;
}

export interface DecisionChoice {
  readonly id: string;
  readonly selected: boolean;
  /** talent teams: the category decided */
  readonly category?: TalentCategory | null;
  /** why the choice departs from the ranking (or the band) */
  readonly reason?: string | null;
}

export interface DecisionLimits {
  /** the call's quota (拟支持数量); null: none */
  readonly quota: number | null;
  /** the plan's yearly ceiling for the programme (四.1: 10), and how many other calls of the year hold */
  readonly yearly: { readonly limit: number; readonly heldElsewhere: number } | null;
  /** the call's budget in fen; null: none set */
  readonly budgetFen: bigint | null;
}

/** What selecting one submission commits: the award rule's amount, or the project's city funds. */
export type CostBasis =
  { readonly kind: 'award'; readonly formula: Formula } | { readonly kind: 'requested' };

export function selectionCostFen(
  basis: CostBasis,
  candidate: DecisionCandidate,
  category: TalentCategory | null | undefined,
): bigint {
  if (basis.kind === 'requested') return candidate.requestedFen ?? 0n;
  const formula = basis.formula;
  if (formula.kind === 'fixed') return formula.amount;
  if (formula.kind === 'tier') {
    const tier = category ? (formula.tiers as Record<string, { amount: bigint }>)[category] : null;
    return tier?.amount ?? 0n;
  }
  // A percentage award depends on money paid later (a contract): nothing is committed here.
  return 0n;
}

export interface DecidedSubmission {
  readonly id: string;
  readonly selected: boolean;
  readonly category: TalentCategory | null;
  readonly costFen: bigint;
  /** the departures this choice makes, in Chinese; empty: as ranked */
  readonly departures: readonly string[];
  readonly reason: string | null;
}

export type DecisionPlan =
  | {
      ok: true;
      decided: readonly DecidedSubmission[];
      selectedCount: number;
      totalFen: bigint;
    }
  | {
      ok: false;
      code: 'INVALID_INPUT' | 'DEPARTURE_REASON_REQUIRED' | 'QUOTA_EXCEEDED' | 'OVER_BUDGET';
      message: string;
      /** per submission id: what is wrong with its choice */
      fieldErrors: Record<string, string[]>;
    };

const fail = (
  code: Extract<DecisionPlan, { ok: false }>['code'],
  message: string,
  fieldErrors: Record<string, string[]> = {},
): DecisionPlan => ({ ok: false, code, message, fieldErrors });

/** Checks a decision against the ranking and the limits; says what each choice departs from. */
export function planDecision(input: {
  candidates: readonly DecisionCandidate[];
  choices: readonly DecisionChoice[];
  limits: DecisionLimits;
  cost: CostBasis;
  /** talent teams are decided with a category */
  categorised: boolean;
}): DecisionPlan {
  const { candidates, limits, categorised } = input;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const choiceOf = new Map(input.choices.map((c) => [c.id, c]));
  if (choiceOf.size !== input.choices.length) return fail('INVALID_INPUT', '同一申报不能重复列出');
  const unknown = input.choices.find((c) => !byId.has(c.id));
  if (unknown) return fail('INVALID_INPUT', '所列申报不在本指南的评审结果中');
  const missing = candidates.filter((c) => !choiceOf.has(c.id));
  if (missing.length > 0)
    return fail(
      'INVALID_INPUT',
      `请对每项申报作出决定，尚有${missing.length}项未定：${missing.map((c) => c.label).join('、')}`,
    );

  const errors: Record<string, string[]> = {};
  const add = (id: string, message: string) => (errors[id] ??= []).push(message);
  const chosen = candidates.filter((c) => choiceOf.get(c.id)?.selected);
  const left = candidates.filter((c) => !choiceOf.get(c.id)?.selected);

  for (const c of chosen) {
    if (c.rank === null) add(c.id, `${c.label}有效评分不足，没有评审结果，不能入选`);
    if (categorised && !choiceOf.get(c.id)?.category) add(c.id, `请为${c.label}确定团队类别`);
  }
  if (Object.keys(errors).length > 0)
    return fail('INVALID_INPUT', Object.values(errors)[0]?.[0] ?? '决定有误', errors);

  const ranks = (list: readonly DecisionCandidate[]) =>
    list.flatMap((c) => (c.rank === null ? [] : [c.rank]));
  const worstChosen = Math.max(...ranks(chosen), -Infinity);
  const bestLeft = Math.min(...ranks(left), Infinity);

  const decided = candidates.map((c): DecidedSubmission => {
    const choice = choiceOf.get(c.id) as DecisionChoice;
    const category = categorised && choice.selected ? (choice.category ?? null) : null;
    const departures: string[] = [];
    if (!choice.selected && c.rank !== null && c.rank <= worstChosen)
      departures.push(
        `排名第${c.rank}，未入选，而排名第${worstChosen}的${chosen.find((x) => x.rank === worstChosen)?.label ?? ''}入选`,
      );
    if (choice.selected && c.rank !== null && c.rank > bestLeft)
      departures.push(
        `排名第${c.rank}，入选，而排名第${bestLeft}的${left.find((x) => x.rank === bestLeft)?.label ?? ''}未入选`,
      );
    if (categorised && choice.selected && category !== (c.band ?? null))
      departures.push(
        c.band
          ? `评审结果对应${c.band}类，拟定为${category}类`
          : `评审结果低于C类分数线，拟定为${category}类`,
      );
    const reason = choice.reason?.trim() || null;
    if (departures.length > 0 && !reason)
      add(c.id, `${c.label}：${departures.join('；')}，须写明理由`);
    return {
      id: c.id,
      selected: choice.selected,
      category,
      costFen: choice.selected ? selectionCostFen(input.cost, c, category) : 0n,
      departures,
      reason: departures.length > 0 ? reason : null,
    };
  });
  if (Object.keys(errors).length > 0)
    return fail(
      'DEPARTURE_REASON_REQUIRED',
      `未按评审排名确定的，须逐项写明理由（${Object.keys(errors).length}项）`,
      errors,
    );

  const selectedCount = chosen.length;
  if (limits.quota !== null && selectedCount > limits.quota)
    return fail('QUOTA_EXCEEDED', `本指南拟支持${limits.quota}项，现选了${selectedCount}项`);
  if (limits.yearly && limits.yearly.heldElsewhere + selectedCount > limits.yearly.limit)
    return fail(
      'QUOTA_EXCEEDED',
      `每年不超过${limits.yearly.limit}项，本年度其他指南已拟定入选${limits.yearly.heldElsewhere}项，本指南最多还能选${Math.max(0, limits.yearly.limit - limits.yearly.heldElsewhere)}项`,
    );
  const totalFen = decided.reduce((sum, d) => sum + d.costFen, 0n);
  if (limits.budgetFen !== null && totalFen > limits.budgetFen)
    return fail(
      'OVER_BUDGET',
      `入选项目所需资金合计${formatYuan(totalFen)}，超过本指南预算${formatYuan(limits.budgetFen)}`,
    );
  return { ok: true, decided, selectedCount, totalFen };
}

/**
 * The ranking's own answer, offered to officers as the starting point: in rank order, those with
 * a result (talent teams: in a band, at that band's category), while the quota, the yearly
 * ceiling and the budget allow. A tie that does not fit whole stops it there: choosing between
 * tied submissions is the officers' call, with a reason.
 */
export function proposeDecision(input: {
  candidates: readonly DecisionCandidate[];
  limits: DecisionLimits;
  cost: CostBasis;
  categorised: boolean;
}): DecisionChoice[] {
  const { limits, categorised } = input;
  const room = Math.min(
    limits.quota ?? Infinity,
    limits.yearly ? Math.max(0, limits.yearly.limit - limits.yearly.heldElsewhere) : Infinity,
  );
  const eligible = input.candidates
    .filter((c) => c.rank !== null && (!categorised || c.band))
    .sort((a, b) => (a.rank as number) - (b.rank as number));
  const chosen = new Set<string>();
  let spent = 0n;
  for (let i = 0; i < eligible.length;) {
    const rank = eligible[i]?.rank;
    const tie = eligible.filter((c) => c.rank === rank);
    const cost = tie.reduce((sum, c) => sum + selectionCostFen(input.cost, c, c.band), 0n);
    if (chosen.size + tie.length > room) break;
    if (limits.budgetFen !== null && spent + cost > limits.budgetFen) break;
    for (const c of tie) chosen.add(c.id);
    spent += cost;
    i += tie.length;
  }
  return input.candidates.map((c) => ({
    id: c.id,
    selected: chosen.has(c.id),
    ...(categorised ? { category: chosen.has(c.id) ? (c.band ?? null) : null } : {}),
  }));
}
