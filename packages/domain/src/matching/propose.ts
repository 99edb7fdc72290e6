import type { CandidateFacts, NeedFacts, PairRule } from './facts';
import type { PairExclusion, PairScore, PreparedCandidate, PreparedNeed } from './score';
import { pairExclusion, prepareCandidate, prepareNeed, scorePair } from './score';
import type { LeftoverCounts } from './leftover';
import { emptyLeftoverCounts, leftoverReason } from './leftover';
import type { VicePresidentSettings } from './settings';
import { buildSparseEdges, maxWeightAssignment } from './solver';

export interface MatchInput {
  readonly needs: readonly NeedFacts[];
  readonly candidates: readonly CandidateFacts[];
  readonly rules: readonly PairRule[];
  readonly settings: VicePresidentSettings;
}

export interface MatchProposal {
  readonly needId: string;
  readonly candidateId: string;
  readonly score: PairScore;
  /** fixed by an officer rather than chosen by the solver */
  readonly pinned: boolean;
}

export interface RefusedPin {
  readonly needId: string;
  readonly candidateId: string;
  readonly reason: 'unknown' | 'investment' | 'capacity';
}

export interface MatchStats {
  readonly needs: number;
  readonly positions: number;
  readonly candidates: number;
  /** pairs sharing a field (the rest are never looked at) */
  readonly pairsConsidered: number;
  readonly pairsAllowed: number;
  readonly excluded: Readonly<Record<PairExclusion | 'low-score', number>>;
}

export interface MatchOutcome {
  readonly proposals: readonly MatchProposal[];
  readonly totalScore: number;
  readonly refusedPins: readonly RefusedPin[];
  /** needs with positions left, whether any candidate was open to them at all, and why not */
  readonly openNeeds: readonly {
    needId: string;
    positionsLeft: number;
    hadOptions: boolean;
    reason: string;
  }[];
  /** candidates not placed, whether any firm was open to them at all, and why not */
  readonly unplacedCandidates: readonly {
    candidateId: string;
    hadOptions: boolean;
    reason: string;
  }[];
  readonly stats: MatchStats;
}

/** One side of the matching with what is left of its capacity. */
interface Slot<P> {
  readonly prepared: P;
  readonly id: string;
  readonly capacity: number;
  left: number;
  hadOptions: boolean;
  /** what the matcher met for it among pairs sharing a field, for the leftover's reason */
  met: LeftoverCounts;
}

function slotsOf<F extends { id: string }, P>(
  facts: readonly F[],
  prepare: (f: F) => P,
  capacityOf: (f: F) => number,
): Slot<P>[] {
  return [...facts]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((f) => {
      const capacity = Math.max(0, capacityOf(f));
      return {
        prepared: prepare(f),
        id: f.id,
        capacity,
        left: capacity,
        hadOptions: false,
        met: emptyLeftoverCounts(),
      };
    });
}

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new RangeError(`no item at ${index}`);
  return item;
}

const pairKey = (needId: string, candidateId: string) => `${needId}|${candidateId}`;

/**
 * The optimal proposal for a call: officer pins first, then the assignment that maximises the
 * total score of the rest under both sides' capacities and every exclusion. Needs and candidates
 * are ordered by id, so the same input always gives the same proposal.
 */
export function proposeMatches(input: MatchInput): MatchOutcome {
  const { settings } = input;
  const needs = slotsOf(input.needs, prepareNeed, (n) => n.positions);
  const candidates = slotsOf(input.candidates, prepareCandidate, (c) => c.capacity);
  const needById = new Map(needs.map((n) => [n.id, n]));
  const candidateById = new Map(candidates.map((c) => [c.id, c]));
  const forbidden = new Set(
    input.rules.filter((r) => r.kind === 'forbid').map((r) => pairKey(r.needId, r.candidateId)),
  );

  const proposals: MatchProposal[] = [];
  const refusedPins: RefusedPin[] = [];
  const pinned = new Set<string>();
  const pins = input.rules
    .filter((r) => r.kind === 'pin')
    .map((r) => ({ needId: r.needId, candidateId: r.candidateId }))
    .sort((a, b) => (pairKey(a.needId, a.candidateId) < pairKey(b.needId, b.candidateId) ? -1 : 1));
  for (const pin of pins) {
    const key = pairKey(pin.needId, pin.candidateId);
    if (pinned.has(key)) continue; // the same pin twice is one pin
    const need = needById.get(pin.needId);
    const candidate = candidateById.get(pin.candidateId);
    if (!need || !candidate) {
      refusedPins.push({ ...pin, reason: 'unknown' });
    } else if (pairExclusion(need.prepared, candidate.prepared) === 'investment') {
      refusedPins.push({ ...pin, reason: 'investment' });
    } else if (need.left < 1 || candidate.left < 1) {
      refusedPins.push({ ...pin, reason: 'capacity' });
    } else {
      need.left--;
      candidate.left--;
      pinned.add(key);
      proposals.push({
        ...pin,
        score: scorePair(need.prepared, candidate.prepared, settings),
        pinned: true,
      });
    }
  }

  const edges = allowedPairs(needs, candidates, { pinned, forbidden, settings });
  const solution = maxWeightAssignment({
    rows: candidates.length,
    cols: needs.length,
    edges: buildSparseEdges(candidates.length, needs.length, edges.triples),
    rowCapacity: candidates.map((c) => c.left),
    colCapacity: needs.map((n) => n.left),
  });
  for (const [ci, ni] of solution.pairs) {
    const candidate = at(candidates, ci);
    const need = at(needs, ni);
    need.left--;
    candidate.left--;
    const score = edges.scores.get(pairKey(need.id, candidate.id));
    if (!score) throw new Error('the solver chose a pair that was not offered');
    proposals.push({ needId: need.id, candidateId: candidate.id, score, pinned: false });
  }
  proposals.sort((a, b) =>
    pairKey(a.needId, a.candidateId) < pairKey(b.needId, b.candidateId) ? -1 : 1,
  );

  return {
    proposals,
    totalScore: proposals.reduce((sum, p) => sum + p.score.total, 0),
    refusedPins,
    openNeeds: needs
      .filter((n) => n.left > 0)
      .map((n) => ({
        needId: n.id,
        positionsLeft: n.left,
        hadOptions: n.hadOptions,
        reason: leftoverReason('need', n.met, n.hadOptions, settings.minScore),
      })),
    unplacedCandidates: candidates
      .filter((c) => c.left === c.capacity)
      .map((c) => ({
        candidateId: c.id,
        hadOptions: c.hadOptions,
        reason: leftoverReason('candidate', c.met, c.hadOptions, settings.minScore),
      })),
    stats: {
      needs: needs.length,
      positions: needs.reduce((sum, n) => sum + n.capacity, 0),
      candidates: candidates.length,
      pairsConsidered: edges.considered,
      pairsAllowed: edges.triples.length,
      excluded: edges.excluded,
    },
  };
}

/**
 * The pairs the solver may choose, with their scores. Needs are indexed by field, so a candidate
 * is only compared with needs of its own fields: the input stays sparse when fields differ.
 */
function allowedPairs(
  needs: readonly Slot<PreparedNeed>[],
  candidates: readonly Slot<PreparedCandidate>[],
  rules: {
    pinned: ReadonlySet<string>;
    forbidden: ReadonlySet<string>;
    settings: VicePresidentSettings;
  },
) {
  const needsByField = new Map<string, number[]>();
  needs.forEach((n, i) => {
    const field = n.prepared.facts.fieldCode;
    needsByField.set(field, [...(needsByField.get(field) ?? []), i]);
  });

  const excluded = { field: 0, investment: 0, forbidden: 0, 'low-score': 0 };
  const triples: [row: number, col: number, weight: number][] = [];
  const scores = new Map<string, PairScore>();
  let considered = 0;
  candidates.forEach((candidate, ci) => {
    const seen = new Set<number>();
    for (const field of candidate.prepared.facts.fieldCodes) {
      for (const ni of needsByField.get(field) ?? []) {
        if (seen.has(ni)) continue;
        seen.add(ni);
        considered++;
        const need = at(needs, ni);
        const key = pairKey(need.id, candidate.id);
        if (rules.pinned.has(key)) continue;
        const met = (count: Exclude<keyof LeftoverCounts, 'sameField'>) => {
          need.met[count]++;
          candidate.met[count]++;
        };
        need.met.sameField++;
        candidate.met.sameField++;
        if (pairExclusion(need.prepared, candidate.prepared) === 'investment') {
          excluded.investment++;
          met('investment');
        } else if (rules.forbidden.has(key)) {
          excluded.forbidden++;
          met('forbidden');
        } else {
          const score = scorePair(need.prepared, candidate.prepared, rules.settings);
          if (score.total < rules.settings.minScore) {
            excluded['low-score']++;
            met('lowScore');
            continue;
          }
          candidate.hadOptions = true;
          need.hadOptions = true;
          triples.push([ci, ni, score.total]);
          scores.set(key, score);
        }
      }
    }
  });
  // Pairs sharing no field are never looked at: all of them are field exclusions.
  excluded.field = needs.length * candidates.length - considered;
  return { triples, scores, excluded, considered };
}
