import type { Fen } from '../../money';
import type { AreaCode } from '../../reference/areas';
import type { AwardApplication, AwardHistory, Decision, IsoDate, PolicySet } from '../types';

/**
 * An application as it was made, for the 政策沙盘: what `evaluate` takes, with the area it belongs
 * to and, when known, what was actually recorded. The application's own `appliedOn` is its
 * submission date.
 */
export interface HistoricalApplication {
  /** Programme: the rule applied under. */
  readonly ruleId: string;
  /** The application's area (county, district or park); null when it has none. */
  readonly areaCode: AreaCode | null;
  /** Its id is required: prior awards name it, and both replays are matched on it. */
  readonly application: AwardApplication & { readonly id: string };
  /**
   * The day the bureau decided it, when known: the replay takes applications in the order they
   * were decided (quotas and caps are used at approval), else in the order they were submitted.
   */
  readonly decidedOn?: IsoDate;
  /** What was actually approved (0 if it was refused or withdrawn), to measure the replay by. */
  readonly recordedAmount?: Fen;
}

/** The days replayed, inclusive: applications submitted outside them are left out. */
export interface SandboxPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** One application replayed: the decision and the history it was decided on. */
export interface ReplayRow {
  readonly applicationId: string;
  readonly ruleId: string;
  readonly areaCode: AreaCode | null;
  readonly source: HistoricalApplication;
  readonly decision: Decision;
  /** The history as it stood at its turn: `evaluate` on it gives the same decision, explained. */
  readonly history: AwardHistory;
}

export interface Replay {
  /** The version as replayed: in force throughout the period (see `replay`). */
  readonly policySet: PolicySet;
  readonly period: SandboxPeriod;
  /** In the order replayed (decided, else submitted; ties in the order given). */
  readonly rows: readonly ReplayRow[];
  /** Applications given but submitted outside the period. */
  readonly outsidePeriod: number;
}
