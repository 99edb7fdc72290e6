import type { Fen } from '../../money';
import { fen } from '../../money';
import type { AreaCode } from '../../reference/areas';
import { AREAS, areaName } from '../../reference/areas';
import { compareClauses } from '../amendments/clause-order';
import type { Evaluation, PolicySet } from '../types';
import { explainOutcome, outcomesOf, type ReplayOutcomes } from './outcomes';
import { Tally, tallyOf, type SandboxTotals } from './tally';
import type { HistoricalApplication, Replay, SandboxPeriod } from './types';

export type { SandboxTotals } from './tally';

export interface ProgrammeComparison extends SandboxTotals {
  readonly ruleId: string;
  /** `—` for a rule neither version has. */
  readonly clause: string;
  readonly ruleName: string;
  /** The programme's budget for the period, when given. */
  readonly budgetFen?: Fen;
  /** base total − budget: above 0, the base version would have overspent by this much. */
  readonly baseOverBudgetFen?: Fen;
  /** proposed total − budget: above 0, the proposed version would overspend by this much. */
  readonly proposedOverBudgetFen?: Fen;
}

export interface AreaComparison extends SandboxTotals {
  readonly areaCode: AreaCode | null;
  /** `未注明县区` for applications without an area. */
  readonly areaName: string;
}

/** One of the largest changes, explained under both versions side by side. */
export interface ChangedApplication {
  readonly applicationId: string;
  readonly ruleId: string;
  readonly areaCode: AreaCode | null;
  readonly baseAmount: Fen;
  readonly proposedAmount: Fen;
  readonly deltaFen: Fen;
  readonly base: Evaluation;
  readonly proposed: Evaluation;
}

/** An application the proposed version would decide the other way. */
export interface EligibilityChange {
  readonly applicationId: string;
  readonly ruleId: string;
  /** true: refused under the base version, eligible under the proposed one. */
  readonly becameEligible: boolean;
}

export interface ReplayComparison {
  readonly baseSetId: string;
  readonly proposedSetId: string;
  readonly period: SandboxPeriod;
  readonly totals: SandboxTotals;
  /** In clause order. */
  readonly byProgramme: readonly ProgrammeComparison[];
  /** In the order of the reference list of areas; applications without an area last. */
  readonly byArea: readonly AreaComparison[];
  /** The largest changes by absolute amount, largest first (ties: in replay order). */
  readonly largestChanges: readonly ChangedApplication[];
  /**
   * Every application eligible under one version and refused under the other, in replay order:
   * whom an adoption concerns (their applicants are told).
   */
  readonly eligibilityChanges: readonly EligibilityChange[];
  /**
   * How faithful the base replay is: of the applications with a recorded amount, how many the
   * base version, replayed, pays differently (an officer lowered one, a budget ran out, …).
   */
  readonly recorded: { readonly compared: number; readonly differing: number };
}

export interface CompareOptions {
  /** Each programme's budget for the period, by rule id. */
  readonly budgetsFen?: Readonly<Record<string, Fen>>;
  /** How many of the largest changes to explain (default 10). */
  readonly largest?: number;
}

const abs = (n: bigint) => (n < 0n ? -n : n);

const DIFFERENT_APPLICATIONS = 'compareReplays: the two replays are of different applications';

/**
 * Sets two replays of the same applications side by side (`replay` under the base version and
 * under the proposed one): per programme and per area, how many change eligibility either way,
 * what each version pays and the difference, against the budget when given; and the largest
 * changes, each explained in full under both versions.
 */
export function compareReplays(
  base: Replay,
  proposed: Replay,
  options: CompareOptions = {},
): ReplayComparison {
  if (base.rows.length !== proposed.rows.length) throw new Error(DIFFERENT_APPLICATIONS);
  return compareOutcomes(outcomesOf(base), outcomesOf(proposed), options);
}

/** `compareReplays` of two lean replays (`replayOutcomes`), as `runSandbox` makes them. */
export function compareOutcomes(
  base: ReplayOutcomes,
  proposed: ReplayOutcomes,
  options: CompareOptions = {},
): ReplayComparison {
  const rows = base.sources.length;
  if (proposed.sources.length !== rows) throw new Error(DIFFERENT_APPLICATIONS);
  // Replays of one plan share their sources: row by row the same applications, unchecked.
  if (base.sources !== proposed.sources) sameApplications(base.sources, proposed.sources);
  const all = new Tally();
  const byRule = new Map<string, Tally>();
  const byArea = new Map<AreaCode | null, Tally>();
  const changed: { at: number; delta: bigint; size: bigint }[] = [];
  const eligibilityChanges: EligibilityChange[] = [];
  let compared = 0;
  let differing = 0;
  for (let at = 0; at < rows; at++) {
    const source = base.sources[at] as HistoricalApplication;
    const baseEligible = base.eligible[at] === 1;
    const proposedEligible = proposed.eligible[at] === 1;
    const baseAmount = base.amounts[at] as Fen;
    const proposedAmount = proposed.amounts[at] as Fen;
    all.add(baseEligible, baseAmount, proposedEligible, proposedAmount);
    tallyOf(byRule, source.ruleId).add(baseEligible, baseAmount, proposedEligible, proposedAmount);
    tallyOf(byArea, source.areaCode).add(
      baseEligible,
      baseAmount,
      proposedEligible,
      proposedAmount,
    );
    if (baseAmount !== proposedAmount || baseEligible !== proposedEligible) {
      const delta = proposedAmount - baseAmount;
      changed.push({ at, delta, size: abs(delta) });
      if (baseEligible !== proposedEligible)
        eligibilityChanges.push({
          applicationId: source.application.id,
          ruleId: source.ruleId,
          becameEligible: proposedEligible,
        });
    }
    const recorded = source.recordedAmount;
    if (recorded !== undefined) {
      compared++;
      if (recorded !== baseAmount) differing++;
    }
  }

  changed.sort((x, y) => (x.size === y.size ? x.at - y.at : x.size > y.size ? -1 : 1));
  const largestChanges = changed.slice(0, options.largest ?? 10).map(({ at, delta }) => {
    const source = base.sources[at] as HistoricalApplication;
    return {
      applicationId: source.application.id,
      ruleId: source.ruleId,
      areaCode: source.areaCode,
      baseAmount: base.amounts[at] as Fen,
      proposedAmount: proposed.amounts[at] as Fen,
      deltaFen: fen(delta),
      base: explainOutcome(base, at),
      proposed: explainOutcome(proposed, at),
    };
  });

  return {
    baseSetId: base.policySet.id,
    proposedSetId: proposed.policySet.id,
    period: base.period,
    totals: all.totals(),
    byProgramme: programmes(base.policySet, proposed.policySet, byRule, options.budgetsFen),
    byArea: areas(byArea),
    largestChanges,
    eligibilityChanges,
    recorded: { compared, differing },
  };
}

function sameApplications(
  base: readonly HistoricalApplication[],
  proposed: readonly HistoricalApplication[],
): void {
  for (let at = 0; at < base.length; at++) {
    const b = (base[at] as HistoricalApplication).application.id;
    const p = (proposed[at] as HistoricalApplication).application.id;
    if (b !== p) throw new Error(`compareReplays: row ${at} is ${b} in one, ${p} in the other`);
  }
}

function programmes(
  base: PolicySet,
  proposed: PolicySet,
  byRule: ReadonlyMap<string, Tally>,
  budgets: Readonly<Record<string, Fen>> = {},
): ProgrammeComparison[] {
  const ruleOf = (id: string) =>
    proposed.rules.find((r) => r.id === id) ?? base.rules.find((r) => r.id === id);
  const rows = [...byRule].map(([ruleId, tally]): ProgrammeComparison => {
    const rule = ruleOf(ruleId);
    const totals = tally.totals();
    const budget = budgets[ruleId];
    return {
      ruleId,
      clause: rule?.clause ?? '—',
      ruleName: rule?.name ?? ruleId,
      ...totals,
      ...(budget !== undefined
        ? {
            budgetFen: budget,
            baseOverBudgetFen: fen(totals.baseFen - budget),
            proposedOverBudgetFen: fen(totals.proposedFen - budget),
          }
        : {}),
    };
  });
  const place = (id: string) => {
    const at = proposed.rules.findIndex((r) => r.id === id);
    return at >= 0 ? at : Number.MAX_SAFE_INTEGER;
  };
  return rows.sort(
    (a, b) =>
      compareClauses(a.clause, b.clause) ||
      place(a.ruleId) - place(b.ruleId) ||
      (a.ruleId < b.ruleId ? -1 : 1),
  );
}

function areas(byArea: ReadonlyMap<AreaCode | null, Tally>): AreaComparison[] {
  const known = new Set<AreaCode | null>(AREAS.map((a) => a.code));
  // A code not in the reference list (an old or mistyped one) is still counted, after the list.
  const unknown = [...byArea.keys()].filter((c) => c !== null && !known.has(c)).sort();
  const order: (AreaCode | null)[] = [...known, ...unknown, null];
  return order.flatMap((code) => {
    const tally = byArea.get(code);
    if (!tally) return [];
    return [{ areaCode: code, areaName: code ? areaName(code) : '未注明县区', ...tally.totals() }];
  });
}
