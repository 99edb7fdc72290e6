import type { CostBasis, PolicySet, SelectionProgramme, TalentCategory } from '@kc/domain';
import {
  formatYuan,
  policyRule,
  policySetFor,
  selectionCostFen,
  selectionProgramme,
} from '@kc/domain';
import type { Decision, DecisionChoiceInput, DecisionRow } from './decision-queries';

/**
 * The officer's decision while it is being made: one choice per row, checked live the way the
 * domain checks it on saving (selection/decision.ts `planDecision`), so the page marks each
 * departure from the ranking — and asks for its reason — before anything is sent:
 * - left out while ranked at or above one that is chosen (a tie at the line included),
 * - chosen while ranked below one left out,
 * - a talent team given a category other than its score band.
 * The words are the domain's, so what the page says is what the server records.
 */
export interface DraftChoice {
  selected: boolean;
  /** talent teams: the category decided (null: not chosen yet, or not selected) */
  category: TalentCategory | null;
  /** as typed; trimmed when sent */
  reason: string;
}
export type Draft = Record<string, DraftChoice>;

export const TALENT_CATEGORIES: readonly TalentCategory[] = ['A', 'B', 'C'];

/** The choices the decision shows (saved, or the ranking's proposal), to start from. */
export function draftFrom(decision: Decision): Draft {
  return Object.fromEntries(
    decision.rows.map((r) => [
      r.submissionId,
      { selected: r.selected, category: r.category, reason: r.reason ?? '' },
    ]),
  );
}

/**
 * What selecting commits under `programme` on `today`, as the server prices it: the award rule's
 * amount in the version of `catalogue` in force (use-policy-catalogue.ts), or the project's city
 * funds (null: the rule is not in force, the rows' costs stand).
 */
export function costBasisFor(
  programme: SelectionProgramme,
  today: string,
  catalogue: readonly PolicySet[],
): CostBasis | null {
  const { awardRuleId } = selectionProgramme(programme);
  if (!awardRuleId) return { kind: 'requested' };
  const set = policySetFor(today, catalogue);
  const rule = set ? policyRule(set, awardRuleId) : undefined;
  return rule ? { kind: 'award', formula: rule.formula } : null;
}

/**
 * A row's cost at `category`. The server priced it at its decided category (or its band): that
 * stands; a category changed here is priced by the same rule.
 */
export function costOf(
  row: DecisionRow,
  category: TalentCategory | null,
  basis: CostBasis | null,
): bigint {
  if (category === (row.category ?? row.band) || !basis) return row.costFen;
  return selectionCostFen(
    basis,
    {
      id: row.submissionId,
      label: row.number,
      rank: row.rank,
      band: row.band,
      ...(row.requestedFen !== null ? { requestedFen: row.requestedFen } : {}),
    },
    category,
  );
}

/** Each row's departures from the ranking under the draft, in the domain's words. */
export function departuresOf(
  rows: readonly DecisionRow[],
  draft: Draft,
  categorised: boolean,
): Record<string, string[]> {
  const chosen = rows.filter((r) => draft[r.submissionId]?.selected);
  const left = rows.filter((r) => !draft[r.submissionId]?.selected);
  const ranks = (list: readonly DecisionRow[]) =>
    list.flatMap((r) => (r.rank === null ? [] : [r.rank]));
  const worstChosen = Math.max(...ranks(chosen), -Infinity);
  const bestLeft = Math.min(...ranks(left), Infinity);
  const out: Record<string, string[]> = {};
  for (const r of rows) {
    const choice = draft[r.submissionId];
    const selected = choice?.selected ?? false;
    const category = categorised && selected ? (choice?.category ?? null) : null;
    const departures: string[] = [];
    if (!selected && r.rank !== null && r.rank <= worstChosen)
      departures.push(
        `排名第${r.rank}，未入选，而排名第${worstChosen}的${chosen.find((x) => x.rank === worstChosen)?.number ?? ''}入选`,
      );
    if (selected && r.rank !== null && r.rank > bestLeft)
      departures.push(
        `排名第${r.rank}，入选，而排名第${bestLeft}的${left.find((x) => x.rank === bestLeft)?.number ?? ''}未入选`,
      );
    // A team not yet given a category is asked for one (below), not reported as a departure.
    if (categorised && selected && category !== null && category !== r.band)
      departures.push(
        r.band
          ? `评审结果对应${r.band}类，拟定为${category}类`
          : `评审结果低于C类分数线，拟定为${category}类`,
      );
    out[r.submissionId] = departures;
  }
  return out;
}

export interface DraftReview {
  departures: Record<string, string[]>;
  /** what each row commits if selected, at the category chosen */
  costs: Record<string, bigint>;
  selectedCount: number;
  totalFen: bigint;
  /** per row: what keeps the draft from being saved (a departure without its reason …) */
  problems: Record<string, string>;
  /** the rows whose problem is only a missing reason (DEPARTURE_REASON_REQUIRED on the server) */
  missingReasons: string[];
  /** the call's quota, the yearly ceiling and the budget, where the draft goes over them */
  overLimits: string[];
}

/** The draft checked as the domain checks it: departures, costs, totals, and what is missing. */
export function reviewDraft(
  decision: Decision,
  draft: Draft,
  basis: CostBasis | null,
): DraftReview {
  const { rows, categorised } = decision;
  const departures = departuresOf(rows, draft, categorised);
  const costs: Record<string, bigint> = {};
  const problems: Record<string, string> = {};
  const missingReasons: string[] = [];
  const needsReason = (r: DecisionRow) => {
    problems[r.submissionId] = `${r.number}：${departures[r.submissionId]?.join('；')}，须写明理由`;
    missingReasons.push(r.submissionId);
  };
  let selectedCount = 0;
  let totalFen = 0n;
  for (const r of rows) {
    const choice = draft[r.submissionId];
    const category = choice?.category ?? null;
    // A team left out is priced at the category it would get (its band, unless changed).
    const priced = !categorised ? r.category : choice?.selected ? category : (category ?? r.band);
    costs[r.submissionId] = costOf(r, priced, basis);
    if (!choice?.selected) {
      if (departures[r.submissionId]?.length && !choice?.reason.trim()) needsReason(r);
      continue;
    }
    selectedCount += 1;
    totalFen += costs[r.submissionId] ?? 0n;
    if (r.rank === null)
      problems[r.submissionId] = `${r.number}有效评分不足，没有评审结果，不能入选`;
    else if (categorised && !category) problems[r.submissionId] = `请为${r.number}确定团队类别`;
    else if (departures[r.submissionId]?.length && !choice.reason.trim()) needsReason(r);
  }
  const overLimits: string[] = [];
  if (decision.quota !== null && selectedCount > decision.quota)
    overLimits.push(`本指南拟支持${decision.quota}项，现选了${selectedCount}项`);
  const { yearly } = decision;
  if (yearly && yearly.heldElsewhere + selectedCount > yearly.limit)
    overLimits.push(
      `每年不超过${yearly.limit}项，本年度其他指南已拟定入选${yearly.heldElsewhere}项，本指南最多还能选${Math.max(0, yearly.limit - yearly.heldElsewhere)}项`,
    );
  if (decision.budgetFen !== null && totalFen > decision.budgetFen)
    overLimits.push(
      `入选项目所需资金合计${formatYuan(totalFen)}，超过本指南预算${formatYuan(decision.budgetFen)}`,
    );
  return { departures, costs, selectedCount, totalFen, problems, missingReasons, overLimits };
}

/**
 * What is sent: a choice for every row; a talent team's category (none when left out); the
 * reason, trimmed, where the choice departs from the ranking (the server keeps no other).
 */
export function choicesOf(
  decision: Decision,
  draft: Draft,
  departures: Record<string, string[]>,
): DecisionChoiceInput[] {
  return decision.rows.map((r) => {
    const choice = draft[r.submissionId];
    const selected = choice?.selected ?? false;
    const reason = departures[r.submissionId]?.length ? (choice?.reason.trim() ?? '') : '';
    return {
      id: r.submissionId,
      selected,
      ...(decision.categorised ? { category: selected ? (choice?.category ?? null) : null } : {}),
      ...(reason ? { reason } : {}),
    };
  });
}

/** The rows as officers read them: by rank, those without a result last (in number order). */
export function inRankOrder<T extends Pick<DecisionRow, 'rank'>>(rows: readonly T[]): T[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort(
      (a, b) =>
        (a.row.rank ?? Number.POSITIVE_INFINITY) - (b.row.rank ?? Number.POSITIVE_INFINITY) ||
        a.i - b.i,
    )
    .map(({ row }) => row);
}
