import type { Fen } from '../../money';
import { fen } from '../../money';
import type { AreaCode } from '../../reference/areas';
import { AREAS, areaName } from '../../reference/areas';
import { compareClauses } from '../amendments/clause-order';
import type { Evaluation } from '../types';
import { explainRow } from './replay';
import type { Replay, ReplayRow, SandboxPeriod } from './types';

/** What the two versions do with a group of applications. */
export interface SandboxTotals {
  readonly applications: number;
  readonly eligibleBase: number;
  readonly eligibleProposed: number;
  /** Refused under the base version, eligible under the proposed one. */
  readonly becameEligible: number;
  /** Eligible under the base version, refused under the proposed one. */
  readonly becameIneligible: number;
  /** Eligible under both, for a different amount. */
  readonly amountChanged: number;
  readonly baseFen: Fen;
  readonly proposedFen: Fen;
  /** proposed − base. */
  readonly deltaFen: Fen;
}

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

/** A running tally; `totals()` freezes it. */
class Tally {
  applications = 0;
  eligibleBase = 0;
  eligibleProposed = 0;
  becameEligible = 0;
  becameIneligible = 0;
  amountChanged = 0;
  baseFen = 0n;
  proposedFen = 0n;

  add(base: ReplayRow, proposed: ReplayRow): void {
    const b = base.decision;
    const p = proposed.decision;
    this.applications++;
    if (b.eligible) this.eligibleBase++;
    if (p.eligible) this.eligibleProposed++;
    if (!b.eligible && p.eligible) this.becameEligible++;
    if (b.eligible && !p.eligible) this.becameIneligible++;
    if (b.eligible && p.eligible && b.amount !== p.amount) this.amountChanged++;
    this.baseFen += b.amount;
    this.proposedFen += p.amount;
  }

  totals(): SandboxTotals {
    return {
      applications: this.applications,
      eligibleBase: this.eligibleBase,
      eligibleProposed: this.eligibleProposed,
      becameEligible: this.becameEligible,
      becameIneligible: this.becameIneligible,
      amountChanged: this.amountChanged,
      baseFen: fen(this.baseFen),
      proposedFen: fen(this.proposedFen),
      deltaFen: fen(this.proposedFen - this.baseFen),
    };
  }
}

function tallyOf<K>(tallies: Map<K, Tally>, key: K): Tally {
  let tally = tallies.get(key);
  if (!tally) {
    tally = new Tally();
    tallies.set(key, tally);
  }
  return tally;
}

const abs = (n: bigint) => (n < 0n ? -n : n);

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
  if (base.rows.length !== proposed.rows.length) {
    throw new Error('compareReplays: the two replays are of different applications');
  }
  const all = new Tally();
  const byRule = new Map<string, Tally>();
  const byArea = new Map<AreaCode | null, Tally>();
  const changed: { i: number; delta: bigint; size: bigint }[] = [];
  let compared = 0;
  let differing = 0;
  for (let i = 0; i < base.rows.length; i++) {
    const b = base.rows[i] as ReplayRow;
    const p = proposed.rows[i] as ReplayRow;
    if (b.applicationId !== p.applicationId) {
      throw new Error(
        `compareReplays: row ${i} is ${b.applicationId} in one, ${p.applicationId} in the other`,
      );
    }
    all.add(b, p);
    tallyOf(byRule, b.ruleId).add(b, p);
    tallyOf(byArea, b.areaCode).add(b, p);
    if (b.decision.amount !== p.decision.amount || b.decision.eligible !== p.decision.eligible) {
      const delta = p.decision.amount - b.decision.amount;
      changed.push({ i, delta, size: abs(delta) });
    }
    const recorded = b.source.recordedAmount;
    if (recorded !== undefined) {
      compared++;
      if (recorded !== b.decision.amount) differing++;
    }
  }

  changed.sort((x, y) => (x.size === y.size ? x.i - y.i : x.size > y.size ? -1 : 1));
  const largestChanges = changed.slice(0, options.largest ?? 10).map(({ i, delta }) => {
    const b = base.rows[i] as ReplayRow;
    const p = proposed.rows[i] as ReplayRow;
    return {
      applicationId: b.applicationId,
      ruleId: b.ruleId,
      areaCode: b.areaCode,
      baseAmount: b.decision.amount,
      proposedAmount: p.decision.amount,
      deltaFen: fen(delta),
      base: explainRow(base, b),
      proposed: explainRow(proposed, p),
    };
  });

  return {
    baseSetId: base.policySet.id,
    proposedSetId: proposed.policySet.id,
    period: base.period,
    totals: all.totals(),
    byProgramme: programmes(base, proposed, byRule, options.budgetsFen),
    byArea: areas(byArea),
    largestChanges,
    recorded: { compared, differing },
  };
}

function programmes(
  base: Replay,
  proposed: Replay,
  byRule: ReadonlyMap<string, Tally>,
  budgets: Readonly<Record<string, Fen>> = {},
): ProgrammeComparison[] {
  const ruleOf = (id: string) =>
    proposed.policySet.rules.find((r) => r.id === id) ??
    base.policySet.rules.find((r) => r.id === id);
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
    const at = proposed.policySet.rules.findIndex((r) => r.id === id);
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
