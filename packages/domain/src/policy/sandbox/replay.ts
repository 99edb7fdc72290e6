import { decideReusingCheck, evaluate } from '../engine';
import { LastInputCheck } from '../input-checks';
import type { AwardHistory, Decision, Evaluation, PolicySet, PriorAward } from '../types';
import { HistoryLog, type RowHistories } from './history-log';
import { planReplay, type ReplayPlan } from './plan';
import type { HistoricalApplication, Replay, ReplayRow, SandboxPeriod } from './types';

const NO_AWARDS: readonly PriorAward[] = [];

/**
 * The version as if in force on every day of the period. The sandbox asks what a version would
 * have paid for these applications; without this, a version dated after them would refuse them all
 * as `POLICY_NOT_IN_FORCE`. Nothing else changes: its figures, settings and rules are its own.
 */
export function inForceThroughout(set: PolicySet, period: SandboxPeriod): PolicySet {
  return { ...set, effectiveFrom: period.from, effectiveTo: period.to };
}

/** Told each row's decision as it is made, in replay order (`at` = 0, 1, …). */
export type RowVisitor = (at: number, decision: Decision) => void;

/** A replay's end: the version as replayed (`inForceThroughout`) and each row's history. */
export interface Replayed {
  readonly policySet: PolicySet;
  readonly histories: RowHistories;
}

/**
 * Replays the planned applications under one version, in order, each decided on the history the
 * replay itself has built so far — the history the API would have read at its turn: the
 * applicant's own awards (every programme), awards of others holding one of its once-only keys (a
 * scenario case is paid once, whoever applies), and the awards of its programme in its quota year.
 * An eligible decision is taken as approved at the amount decided. Budgets are not applied here
 * (an award is never refused for budget in the replay); the comparison sets the totals against
 * them.
 *
 * `decide` (no explanation text) does the work: `evaluate` explains the few rows shown. Most
 * applications are decided once: their once keys and quota year come with the decision, and only
 * when another's award holds one of those keys, or the quota counts in another year than the one
 * guessed (the year of submission), is it decided again on the exact history. Pure: no IO.
 */
export function replayEach(plan: ReplayPlan, policySet: PolicySet, visit: RowVisitor): Replayed {
  const [replayed] = replaySideBySide(plan, [policySet], (_version, at, decision) => {
    visit(at, decision);
  });
  return replayed as Replayed;
}

/** Told each row's decision under each version: `version` is its place in the list replayed. */
export type VersionRowVisitor = (version: number, at: number, decision: Decision) => void;

/**
 * `replayEach` under several versions at once, row by row: each version's replay keeps its own
 * history, as if replayed alone, and each row's input is checked once for all of them — its
 * parse, its dates and the award's keys (`LastInputCheck`; a version whose revision gives a rule a
 * new schema or key function checks again). Row `at` is decided under every version before row
 * `at + 1` under any.
 */
export function replaySideBySide(
  plan: ReplayPlan,
  policySets: readonly PolicySet[],
  visit: VersionRowVisitor,
): Replayed[] {
  const lastCheck = new LastInputCheck();
  const replays = policySets.map((set) => new VersionReplay(plan, set, lastCheck));
  const rows = plan.sources.length;
  for (let at = 0; at < rows; at++) {
    for (let version = 0; version < replays.length; version++) {
      visit(version, at, (replays[version] as VersionReplay).decide(at));
    }
  }
  return replays.map((r) => r.end());
}

/** One version's replay (see `replayEach`): the history it has built so far. */
class VersionReplay {
  private readonly set: PolicySet;
  // Each owner's awards so far, appended to: a decision reads them as they stand at its turn, and
  // the log keeps how many there were rather than a copy.
  private readonly ownAwards: (PriorAward[] | undefined)[];
  private readonly log: HistoryLog;
  /** Once keys held by an award, with its owner. */
  private readonly holders = new Map<string, Held | Held[]>();
  /** Awards per programme, per quota year. */
  private readonly approved: Map<number, number>[];

  constructor(
    private readonly plan: ReplayPlan,
    policySet: PolicySet,
    private readonly lastCheck: LastInputCheck,
  ) {
    this.set = inForceThroughout(policySet, plan.period);
    this.ownAwards = new Array<PriorAward[] | undefined>(plan.ownerCount);
    this.log = new HistoryLog(plan.owners, this.ownAwards as readonly (readonly PriorAward[])[]);
    this.approved = Array.from({ length: plan.programmeCount }, () => new Map<number, number>());
  }

  /** Row `at`'s decision, on the history so far; an eligible one is taken as approved. */
  decide(at: number): Decision {
    const { set, lastCheck, holders } = this;
    const { application, ruleId } = this.plan.sources[at] as HistoricalApplication;
    const owner = this.plan.owners[at] as number;
    const own: readonly PriorAward[] = this.ownAwards[owner] ?? NO_AWARDS;
    const perYear = this.approved[this.plan.programmes[at] as number] as Map<number, number>;
    const submittedYear = this.plan.submittedYears[at] as number;
    let history: AwardHistory = {
      priorAwards: own,
      approvedThisYear: perYear.get(submittedYear) ?? 0,
    };
    let decision = decideReusingCheck(set, ruleId, application, history, lastCheck);
    const year = decision.quotaYear ?? submittedYear;
    const others = othersHolding(holders, decision.onceKeys, owner);
    if (others.length > 0 || year !== submittedYear) {
      history = {
        priorAwards: others.length > 0 ? own.concat(others) : own,
        approvedThisYear: perYear.get(year) ?? 0,
      };
      decision = decideReusingCheck(set, ruleId, application, history, lastCheck);
    }
    this.log.record(at, history, others);
    if (!decision.eligible) return decision;

    const { onceKeys, itemKey, amount } = decision;
    const applicationId = application.id;
    // Written out, not spread: an object spread per award is measurable at 100,000.
    const award: PriorAward =
      itemKey !== undefined
        ? { ruleId, applicationId, onceKeys, itemKey, amount, year }
        : { ruleId, applicationId, onceKeys, amount, year };
    const awards = this.ownAwards[owner];
    if (awards) awards.push(award);
    else this.ownAwards[owner] = [award];
    const held: Held = { owner, award };
    for (const key of onceKeys) {
      // Most keys are held once: a list only for the second holder.
      const known = holders.get(key);
      if (!known) holders.set(key, held);
      else if (Array.isArray(known)) known.push(held);
      else holders.set(key, [known, held]);
    }
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    return decision;
  }

  end(): Replayed {
    return { policySet: this.set, histories: this.log };
  }
}

interface Held {
  /** The owner's number in the plan. */
  readonly owner: number;
  readonly award: PriorAward;
}

const NONE: PriorAward[] = [];

/** Awards of other owners holding any of `keys`, each once. */
function othersHolding(
  holders: ReadonlyMap<string, Held | readonly Held[]>,
  keys: readonly string[],
  owner: number,
): PriorAward[] {
  let found = NONE;
  for (const key of keys) {
    const known = holders.get(key);
    if (!known) continue;
    for (const h of Array.isArray(known) ? known : [known as Held]) {
      if (h.owner === owner || found.includes(h.award)) continue;
      if (found === NONE) found = [];
      found.push(h.award);
    }
  }
  return found;
}

/**
 * The applications submitted in the period replayed under one version (see `replayEach`), each
 * row with its decision and the history it was decided on.
 */
export function replay(
  applications: readonly HistoricalApplication[],
  policySet: PolicySet,
  period: SandboxPeriod,
): Replay {
  const plan = planReplay(applications, period);
  const decisions: Decision[] = [];
  const { policySet: set, histories } = replayEach(plan, policySet, (_at, decision) => {
    decisions.push(decision);
  });
  const rows = decisions.map((decision, at): ReplayRow => {
    const source = plan.sources[at] as HistoricalApplication;
    return {
      applicationId: source.application.id,
      ruleId: source.ruleId,
      areaCode: source.areaCode,
      source,
      decision,
      history: histories.at(at),
    };
  });
  return { policySet: set, period, rows, outsidePeriod: plan.outsidePeriod };
}

/** A replayed row with its full explanation: the same decision, on the same history. */
export function explainRow(replayed: Replay, row: ReplayRow): Evaluation {
  return evaluate(replayed.policySet, row.ruleId, row.source.application, row.history);
}
