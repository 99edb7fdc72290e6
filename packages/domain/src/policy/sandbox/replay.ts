import { isoDay } from '../dates';
import { decide, evaluate } from '../engine';
import type { AwardHistory, Evaluation, PolicySet, PriorAward } from '../types';
import type { HistoricalApplication, Replay, ReplayRow, SandboxPeriod } from './types';

const NO_AWARDS: readonly PriorAward[] = [];
/** Positions per day in the sort key: day × 2^21 + position stays exact (below 2^53). */
const POSITIONS = 2 ** 21;

/**
 * The version as if in force on every day of the period. The sandbox asks what a version would
 * have paid for these applications; without this, a version dated after them would refuse them all
 * as `POLICY_NOT_IN_FORCE`. Nothing else changes: its figures, settings and rules are its own.
 */
export function inForceThroughout(set: PolicySet, period: SandboxPeriod): PolicySet {
  return { ...set, effectiveFrom: period.from, effectiveTo: period.to };
}

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

/**
 * Replays the applications under one version, in order, each decided on the history the replay
 * itself has built so far — the history the API would have read at its turn: the applicant's own
 * awards (every programme), awards of others holding one of its once-only keys (a scenario case is
 * paid once, whoever applies), and the awards of its programme in its quota year. An eligible
 * decision is taken as approved at the amount decided. Budgets are not applied here (an award is
 * never refused for budget in the replay); `compareReplays` sets the totals against them.
 *
 * `decide` (no explanation text) does the work: `explainRow` explains the few rows shown. Most
 * applications are decided once: their once keys and quota year come with the decision, and only
 * when another's award holds one of those keys, or the quota counts in another year than the one
 * guessed (the year of submission), is it decided again on the exact history. Pure: no IO.
 */
export function replay(
  applications: readonly HistoricalApplication[],
  policySet: PolicySet,
  period: SandboxPeriod,
): Replay {
  const set = inForceThroughout(policySet, period);
  const ordered = replayOrder(applications, period);
  // Awards by owner, as the API's history reads them: by organisation or by researcher id (a map
  // per kind, so no key is built by concatenation for each application).
  const ownAwards = {
    organisation: new Map<string, readonly PriorAward[]>(),
    researcher: new Map<string, readonly PriorAward[]>(),
  };
  const holders = new Map<string, Held | Held[]>();
  // Awards per rule, per quota year.
  const approved = new Map<string, Map<number, number>>();
  const rows: ReplayRow[] = [];

  for (const source of ordered) {
    const { application, ruleId } = source;
    const { kind, id: owner } = application.applicant;
    // Appended by copy, never in place: a row's history keeps the awards as they were at its turn.
    const owners = ownAwards[kind];
    const own = owners.get(owner) ?? NO_AWARDS;
    let perYear = approved.get(ruleId);
    if (!perYear) {
      perYear = new Map();
      approved.set(ruleId, perYear);
    }
    const guessedYear = Number(application.appliedOn.slice(0, 4));
    let history: AwardHistory = {
      priorAwards: own,
      approvedThisYear: perYear.get(guessedYear) ?? 0,
    };
    let decision = decide(set, ruleId, application, history);
    const year = decision.quotaYear ?? guessedYear;
    const others = othersHolding(holders, decision.onceKeys, kind, owner);
    if (others.length > 0 || year !== guessedYear) {
      history = {
        priorAwards: others.length > 0 ? own.concat(others) : own,
        approvedThisYear: perYear.get(year) ?? 0,
      };
      decision = decide(set, ruleId, application, history);
    }
    rows.push({
      applicationId: application.id,
      ruleId,
      areaCode: source.areaCode,
      source,
      decision,
      history,
    });
    if (!decision.eligible) continue;

    const { onceKeys, itemKey, amount } = decision;
    const applicationId = application.id;
    // Written out, not spread: an object spread per award is measurable at 100,000.
    const award: PriorAward =
      itemKey !== undefined
        ? { ruleId, applicationId, onceKeys, itemKey, amount, year }
        : { ruleId, applicationId, onceKeys, amount, year };
    owners.set(owner, own.concat(award));
    const held: Held = { kind, owner, award };
    for (const key of onceKeys) {
      // Most keys are held once: a list only for the second holder.
      const known = holders.get(key);
      if (!known) holders.set(key, held);
      else if (Array.isArray(known)) known.push(held);
      else holders.set(key, [known, held]);
    }
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  return { policySet: set, period, rows, outsidePeriod: applications.length - ordered.length };
}

interface Held {
  readonly kind: string;
  readonly owner: string;
  readonly award: PriorAward;
}

const NONE: PriorAward[] = [];

/** Awards of other owners holding any of `keys`, each once. */
function othersHolding(
  holders: ReadonlyMap<string, Held | readonly Held[]>,
  keys: readonly string[],
  kind: string,
  owner: string,
): PriorAward[] {
  let found = NONE;
  for (const key of keys) {
    const known = holders.get(key);
    if (!known) continue;
    for (const h of Array.isArray(known) ? known : [known as Held]) {
      if ((h.owner === owner && h.kind === kind) || found.includes(h.award)) continue;
      if (found === NONE) found = [];
      found.push(h.award);
    }
  }
  return found;
}

/** A replayed row with its full explanation: the same decision, on the same history. */
export function explainRow(replayed: Replay, row: ReplayRow): Evaluation {
  return evaluate(replayed.policySet, row.ruleId, row.source.application, row.history);
}
