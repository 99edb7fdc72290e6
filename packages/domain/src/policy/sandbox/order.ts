import { isoDay } from '../dates';
import type { HistoricalApplication, SandboxPeriod } from './types';

/** Positions per day in the sort key: day × 2^21 + position stays exact (below 2^53). */
const POSITIONS = 2 ** 21;

/** The applications submitted in the period, in the order they were decided (else submitted). */
export function replayOrder(
  applications: readonly HistoricalApplication[],
  period: SandboxPeriod,
): HistoricalApplication[] {
  const chosen = applications.filter((a) => {
    const day = a.application.appliedOn;
    return day >= period.from && day <= period.to;
  });
  const at = chosen.map((a) => a.decidedOn ?? a.application.appliedOn);
  // Read from the database in order, they are sorted already: no sort then.
  let sorted = true;
  for (let i = 1; i < at.length && sorted; i++) sorted = (at[i - 1] as string) <= (at[i] as string);
  if (sorted) return chosen;
  // Day × 2^21 + position, sorted as numbers: the same order as day then position, without a
  // comparator called 1.7 million times for 100,000 applications.
  const keys = new Float64Array(chosen.length);
  let numeric = chosen.length < POSITIONS;
  for (let i = 0; i < at.length && numeric; i++) {
    const day = isoDay(at[i] as string);
    if (day === undefined || day < 0) numeric = false;
    else keys[i] = day * POSITIONS + i;
  }
  if (numeric)
    return Array.from(keys.sort(), (k) => chosen[k % POSITIONS] as HistoricalApplication);
  // A date that is not one: text order, same day in the order given (the sort is stable).
  const order = Array.from(chosen.keys());
  order.sort((x, y) => {
    const a = at[x] as string;
    const b = at[y] as string;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return order.map((i) => chosen[i] as HistoricalApplication);
}
