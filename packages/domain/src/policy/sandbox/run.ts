import type { Fen } from '../../money';
import type { PolicyAmendment } from '../amendments/schema';
import type { PolicySet } from '../types';
import type { TextHash } from './checksum';
import { sandboxChecksum } from './checksum';
import type { ReplayComparison } from './compare';
import { compareReplays } from './compare';
import { replay } from './replay';
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
  readonly hash?: () => TextHash;
}

export interface SandboxResult extends ReplayComparison {
  /** `sandboxChecksum` of the inputs: a stored result is matched to its inputs by it. */
  readonly checksum: string;
}

/**
 * 政策沙盘: the applications of a period replayed under the version in force and under a proposed
 * one, side by side, with the checksum of what went in. Pure; the caller reads the applications.
 */
export function runSandbox(input: SandboxInput): SandboxResult {
  const base = replay(input.applications, input.current, input.period);
  const proposed = replay(input.applications, input.proposed, input.period);
  return {
    checksum: sandboxChecksum(
      {
        applications: input.applications,
        period: input.period,
        currentId: input.current.id,
        proposedId: input.proposed.id,
        amendment: input.amendment ?? null,
        budgetsFen: input.budgetsFen ?? null,
      },
      input.hash?.(),
    ),
    ...compareReplays(base, proposed, {
      ...(input.budgetsFen ? { budgetsFen: input.budgetsFen } : {}),
      ...(input.largest !== undefined ? { largest: input.largest } : {}),
    }),
  };
}
