import type { Fen } from '../../money';
import { evaluate } from '../engine';
import type { Evaluation, PolicySet } from '../types';
import type { RowHistories } from './history-log';
import type { ReplayPlan } from './plan';
import { replaySideBySide } from './replay';
import type { HistoricalApplication, Replay, ReplayRow, SandboxPeriod } from './types';

/**
 * A replay as the comparison reads it, row by row in replay order: whether each application is
 * eligible and for how much, and the history it was decided on (to explain the few rows shown).
 * The decisions themselves are not kept: with their refusals and keys they are more than half of
 * what a replay of 100,000 applications would hold (87 MB against 37), and the garbage collector
 * copies all that is held while the replay runs.
 */
export interface ReplayOutcomes {
  /** The version as replayed: in force throughout the period (`inForceThroughout`). */
  readonly policySet: PolicySet;
  readonly period: SandboxPeriod;
  readonly sources: readonly HistoricalApplication[];
  /** 1 for an eligible row, 0 for a refused one. */
  readonly eligible: Uint8Array;
  /** What each row is paid (0 when refused). */
  readonly amounts: readonly Fen[];
  /** The history each row was decided on. */
  readonly histories: RowHistories;
}

/** The planned applications replayed under one version (see `replayEach`), kept lean. */
export function replayOutcomes(plan: ReplayPlan, policySet: PolicySet): ReplayOutcomes {
  return replayOutcomesSideBySide(plan, [policySet])[0] as ReplayOutcomes;
}

/**
 * The planned applications replayed under each version side by side (see `replaySideBySide`),
 * kept lean: the same outcomes as `replayOutcomes` under each alone, each input checked once.
 */
export function replayOutcomesSideBySide(
  plan: ReplayPlan,
  policySets: readonly PolicySet[],
): ReplayOutcomes[] {
  const rows = plan.sources.length;
  const eligible = policySets.map(() => new Uint8Array(rows));
  const amounts = policySets.map((): Fen[] => []);
  const replayed = replaySideBySide(plan, policySets, (version, at, decision) => {
    if (decision.eligible) (eligible[version] as Uint8Array)[at] = 1;
    (amounts[version] as Fen[]).push(decision.amount);
  });
  return replayed.map(({ policySet, histories }, version) => ({
    policySet,
    period: plan.period,
    sources: plan.sources,
    eligible: eligible[version] as Uint8Array,
    amounts: amounts[version] as Fen[],
    histories,
  }));
}

/** The outcomes of a replay made with `replay` (rows and all). */
export function outcomesOf(replayed: Replay): ReplayOutcomes {
  const { rows } = replayed;
  return {
    policySet: replayed.policySet,
    period: replayed.period,
    sources: rows.map((row) => row.source),
    eligible: Uint8Array.from(rows, (row) => (row.decision.eligible ? 1 : 0)),
    amounts: rows.map((row) => row.decision.amount),
    histories: { at: (at) => (rows[at] as ReplayRow).history },
  };
}

/** Row `at` with its full explanation: the same decision, on the same history. */
export function explainOutcome(outcomes: ReplayOutcomes, at: number): Evaluation {
  const source = outcomes.sources[at] as HistoricalApplication;
  return evaluate(outcomes.policySet, source.ruleId, source.application, outcomes.histories.at(at));
}
