import type { AwardHistory, PriorAward } from '../types';

/** Each replayed row's history, read back one row at a time (to explain it). */
export interface RowHistories {
  /** The history row `row` was decided on, in replay order. */
  at(row: number): AwardHistory;
}

const NO_AWARDS: readonly PriorAward[] = [];

/**
 * The histories of a replay, kept as numbers rather than a copy per row: an owner's awards only
 * grow, so the ones a row saw are the first `ownCount` of them at the end, and only the rare row
 * that also saw another's award (a shared once key) keeps a list. A copy of the owner's awards per
 * award and a history object per row, all held to the end of the replay, were a fifth of its time
 * in the garbage collector at 100,000 applications.
 */
export class HistoryLog implements RowHistories {
  private readonly ownCounts: Int32Array;
  private readonly approvedThisYear: Float64Array;
  /** By row: the other owners' awards it saw (after its own, as it was given them). */
  private readonly others = new Map<number, readonly PriorAward[]>();

  /**
   * `owners`: each row's owner; `ownAwards`: each owner's awards, appended to as the replay goes
   * (read when a history is asked for, so only after the replay is complete).
   */
  constructor(
    private readonly owners: Int32Array,
    private readonly ownAwards: readonly (readonly PriorAward[])[],
  ) {
    this.ownCounts = new Int32Array(owners.length);
    this.approvedThisYear = new Float64Array(owners.length);
  }

  /** Row `row` was decided on `history`: its owner's awards so far, then `others`. */
  record(row: number, history: AwardHistory, others: readonly PriorAward[]): void {
    this.ownCounts[row] = history.priorAwards.length - others.length;
    this.approvedThisYear[row] = history.approvedThisYear;
    if (others.length > 0) this.others.set(row, others);
  }

  at(row: number): AwardHistory {
    const own = this.ownAwards[this.owners[row] as number] ?? NO_AWARDS;
    const seen = own.slice(0, this.ownCounts[row]);
    const others = this.others.get(row);
    return {
      priorAwards: others ? seen.concat(others) : seen,
      approvedThisYear: this.approvedThisYear[row] as number,
    };
  }
}
