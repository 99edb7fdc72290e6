import { replayOrder } from './order';
import type { HistoricalApplication, SandboxPeriod } from './types';

/**
 * What the two replays of a sandbox share, worked out once: the applications in replay order and,
 * for each, its owner and programme as small numbers — the replay keeps its tallies in arrays
 * indexed by them, where a map keyed by id strings costs a lookup per application and version.
 */
export interface ReplayPlan {
  readonly period: SandboxPeriod;
  /** The applications submitted in the period, in replay order (see `replayOrder`). */
  readonly sources: readonly HistoricalApplication[];
  /** Applications given but submitted outside the period. */
  readonly outsidePeriod: number;
  /** Each source's applicant (kind and id), numbered from 0 in order of first appearance. */
  readonly owners: Int32Array;
  readonly ownerCount: number;
  /** Each source's programme (rule id), numbered from 0 in order of first appearance. */
  readonly programmes: Int32Array;
  readonly programmeCount: number;
  /** Each source's year of submission: its quota year until its decision names another. */
  readonly submittedYears: Float64Array;
}

export function planReplay(
  applications: readonly HistoricalApplication[],
  period: SandboxPeriod,
): ReplayPlan {
  const sources = replayOrder(applications, period);
  const owners = new Int32Array(sources.length);
  const programmes = new Int32Array(sources.length);
  const submittedYears = new Float64Array(sources.length);
  // Ids are numbered per kind: an organisation and a researcher may share an id.
  const ownerNumbers = new Map<string, Map<string, number>>();
  let ownerCount = 0;
  const programmeNumbers = new Map<string, number>();
  for (let i = 0; i < sources.length; i++) {
    const { application, ruleId } = sources[i] as HistoricalApplication;
    const { kind, id } = application.applicant;
    let ofKind = ownerNumbers.get(kind);
    if (!ofKind) {
      ofKind = new Map();
      ownerNumbers.set(kind, ofKind);
    }
    let owner = ofKind.get(id);
    if (owner === undefined) {
      owner = ownerCount++;
      ofKind.set(id, owner);
    }
    owners[i] = owner;
    let programme = programmeNumbers.get(ruleId);
    if (programme === undefined) {
      programme = programmeNumbers.size;
      programmeNumbers.set(ruleId, programme);
    }
    programmes[i] = programme;
    // NaN for a date that is not one, as `Number` gives: such a row is decided twice, as before.
    submittedYears[i] = Number(application.appliedOn.slice(0, 4));
  }
  return {
    period,
    sources,
    outsidePeriod: applications.length - sources.length,
    owners,
    ownerCount,
    programmes,
    programmeCount: programmeNumbers.size,
    submittedYears,
  };
}
