import type { Fen } from '../../money';
import type { PolicyAmendment } from '../amendments/schema';
import type { PolicySet } from '../types';
import type { ByteHash } from './checksum';
import { sandboxChecksum } from './checksum';
import type { ReplayComparison } from './compare';
import { compareOutcomes } from './compare';
import { replayOutcomesSideBySide, type ReplayOutcomes } from './outcomes';
import { planReplay } from './plan';
import type { HistoricalApplication, SandboxPeriod } from './types';

export interface SandboxInput {
  readonly applications: readonly HistoricalApplication[];
  readonly period: SandboxPeriod;
  /** The version in force (the base of the comparison). */
  readonly current: PolicySet;
  /** The version proposed, e.g. `applyAmendment(current, amendment)`. */
  readonly proposed: PolicySet;
  /** The amendment `proposed` was made from, if any: part of the checksum. */
  readonly amendment?: PolicyAmendment | null;
  /** Each programme's budget for the period, by rule id. */
  readonly budgetsFen?: Readonly<Record<string, Fen>>;
  /** How many of the largest changes to explain (default 10). */
  readonly largest?: number;
  /** A faster SHA-256 for the checksum (the server's `node:crypto`); the domain's own otherwise. */
  readonly hash?: () => ByteHash;
}

export interface SandboxResult extends ReplayComparison {
  /**
   * `sandboxChecksum` of the inputs and of every row's outcome under both versions: a stored
   * result is matched to what it was computed from, and to what it found, by it.
   */
  readonly checksum: string;
}

/**
 * 政策沙盘: the applications of a period replayed under the version in force and under a proposed
 * one, side by side, with the checksum of what went in and came out. Pure; the caller reads the
 * applications.
 */
export function runSandbox(input: SandboxInput): SandboxResult {
  // Both versions replay one plan, side by side: the order and the owners are worked out once,
  // and each input is checked once (its parse, dates and award keys).
  const plan = planReplay(input.applications, input.period);
  const [base, proposed] = replayOutcomesSideBySide(plan, [input.current, input.proposed]) as [
    ReplayOutcomes,
    ReplayOutcomes,
  ];
  return {
    checksum: sandboxChecksum(
      {
        applications: input.applications,
        period: input.period,
        currentId: input.current.id,
        proposedId: input.proposed.id,
        amendment: input.amendment ?? null,
        budgetsFen: input.budgetsFen ?? null,
        outcomes: { base, proposed },
      },
      input.hash?.(),
    ),
    ...compareOutcomes(base, proposed, {
      ...(input.budgetsFen ? { budgetsFen: input.budgetsFen } : {}),
      ...(input.largest !== undefined ? { largest: input.largest } : {}),
    }),
  };
}
