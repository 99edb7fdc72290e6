import type { Fen } from '../../money';
import { fen } from '../../money';

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

/** A running tally of one group; `totals()` freezes it. */
export class Tally {
  applications = 0;
  eligibleBase = 0;
  eligibleProposed = 0;
  becameEligible = 0;
  becameIneligible = 0;
  amountChanged = 0;
  baseFen = 0n;
  proposedFen = 0n;

  /** One application: eligible and paid under the base version, then under the proposed one. */
  add(
    baseEligible: boolean,
    baseAmount: Fen,
    proposedEligible: boolean,
    proposedAmount: Fen,
  ): void {
    this.applications++;
    if (baseEligible) this.eligibleBase++;
    if (proposedEligible) this.eligibleProposed++;
    if (!baseEligible && proposedEligible) this.becameEligible++;
    if (baseEligible && !proposedEligible) this.becameIneligible++;
    if (baseEligible && proposedEligible && baseAmount !== proposedAmount) this.amountChanged++;
    this.baseFen += baseAmount;
    this.proposedFen += proposedAmount;
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

/** The tally kept under `key`, begun when first asked for. */
export function tallyOf<K>(tallies: Map<K, Tally>, key: K): Tally {
  let tally = tallies.get(key);
  if (!tally) {
    tally = new Tally();
    tallies.set(key, tally);
  }
  return tally;
}
