import { areaName } from '../reference/areas';
import { fieldName, subFieldName } from '../reference/fields';
import { priorityFlagName } from './reference';
import type { CandidateFacts, NeedFacts } from './facts';
import type { ScoreWeights, VicePresidentSettings } from './settings';
import { maxScoreOf } from './settings';
import { matchedPhrases, termOverlap, textTerms } from './text';

export type ScorePartKey = keyof ScoreWeights;

/** One explainable part of a pair's score. The parts' points add up to the score. */
export interface ScorePart {
  readonly key: ScorePartKey;
  readonly label: string;
  readonly points: number;
  readonly max: number;
  readonly detail: string;
}

export interface PairScore {
  /** integer points, the sum of the parts */
  readonly total: number;
  readonly max: number;
  readonly parts: readonly ScorePart[];
}

/** Why a pair is never proposed. `investment` is the programme's hard exclusion. */
export type PairExclusion = 'field' | 'investment' | 'forbidden';

export const PAIR_EXCLUSION_MESSAGES: Record<PairExclusion, string> = {
  field: '需求领域不在该人选的研究领域内',
  investment: '该企业由人选本人或其所在单位创办或投资，按规定须回避',
  forbidden: '管理员已排除该配对',
};

const PART_LABELS: Record<ScorePartKey, string> = {
  field: '产业领域相符',
  subField: '细分方向相符',
  text: '专长与需求契合',
  area: '意向地区',
  priorCooperation: '既往合作',
  priority: '优先支持人选',
};

/** Institution names compare without spaces and in half-width; credit codes in upper case. */
export function normaliseOrgRef(ref: string): string {
  return ref.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** A need and a candidate with their text terms computed once (matching scores many pairs). */
export interface PreparedNeed {
  readonly facts: NeedFacts;
  /** the text the wanted terms come from (for the explanation's phrases) */
  readonly wantedText: string;
  readonly wantedTerms: ReadonlySet<string>;
  readonly investors: ReadonlySet<string>;
  readonly partners: ReadonlySet<string>;
}
export interface PreparedCandidate {
  readonly facts: CandidateFacts;
  readonly offeredTerms: ReadonlySet<string>;
  /** the institution's name and credit code, normalised */
  readonly institutionRefs: readonly string[];
  readonly relatedFirms: ReadonlySet<string>;
}

export function prepareNeed(facts: NeedFacts): PreparedNeed {
  // The title and the wanted expertise say what the firm looks for; the problem is context.
  const wantedText = `${facts.title} ${facts.expertiseWanted}`;
  return {
    facts,
    wantedText,
    wantedTerms: textTerms(wantedText),
    investors: new Set(facts.investorInstitutions.map(normaliseOrgRef)),
    partners: new Set(facts.priorPartners.map(normaliseOrgRef)),
  };
}

export function prepareCandidate(facts: CandidateFacts): PreparedCandidate {
  const refs = [facts.institutionName, facts.institutionCreditCode]
    .filter((r): r is string => !!r)
    .map(normaliseOrgRef);
  return {
    facts,
    offeredTerms: textTerms(`${facts.expertise} ${facts.achievements}`),
    institutionRefs: refs,
    relatedFirms: new Set(facts.relatedFirmCreditCodes.map(normaliseOrgRef)),
  };
}

/** The hard exclusion (创办或投资关系), from either side's declaration. */
export function isInvestmentRelated(need: PreparedNeed, candidate: PreparedCandidate): boolean {
  return (
    candidate.relatedFirms.has(normaliseOrgRef(need.facts.creditCode)) ||
    candidate.institutionRefs.some((ref) => need.investors.has(ref))
  );
}

/** Why the pair may not be proposed, or null. Officer rules are applied by the caller. */
export function pairExclusion(
  need: PreparedNeed,
  candidate: PreparedCandidate,
): PairExclusion | null {
  if (isInvestmentRelated(need, candidate)) return 'investment';
  if (!candidate.facts.fieldCodes.includes(need.facts.fieldCode)) return 'field';
  return null;
}

function part(key: ScorePartKey, weights: ScoreWeights, points: number, detail: string): ScorePart {
  return { key, label: PART_LABELS[key], points, max: weights[key], detail };
}

/** The pair's score, part by part. Integer arithmetic throughout, so the parts add up exactly. */
export function scorePair(
  need: PreparedNeed,
  candidate: PreparedCandidate,
  settings: VicePresidentSettings,
): PairScore {
  const w = settings.weights;
  const n = need.facts;
  const c = candidate.facts;
  const parts: ScorePart[] = [];

  const fieldFits = c.fieldCodes.includes(n.fieldCode);
  parts.push(
    part(
      'field',
      w,
      fieldFits ? w.field : 0,
      fieldFits
        ? `需求领域「${fieldName(n.fieldCode)}」`
        : `人选未从事「${fieldName(n.fieldCode)}」`,
    ),
  );

  const sub = n.subFieldCode;
  const subFits = !!sub && c.subFieldCodes.includes(sub);
  parts.push(
    part(
      'subField',
      w,
      subFits ? w.subField : 0,
      !sub
        ? '需求未指定细分方向'
        : subFits
          ? `细分方向「${subFieldName(sub)}」`
          : `人选未从事「${subFieldName(sub)}」`,
    ),
  );

  const overlap = termOverlap(need.wantedTerms, candidate.offeredTerms);
  const phrases = overlap.matched.length
    ? matchedPhrases(need.wantedText, candidate.offeredTerms)
    : [];
  const textPoints =
    overlap.wantedCount === 0
      ? 0
      : Math.floor((w.text * overlap.matched.length) / overlap.wantedCount);
  parts.push(
    part(
      'text',
      w,
      textPoints,
      overlap.wantedCount === 0
        ? '需求未描述所需专长'
        : `需求关键词${overlap.wantedCount}个，命中${overlap.matched.length}个` +
            (overlap.matched.length
              ? `：${phrases.slice(0, 6).join('、')}${phrases.length > 6 ? '等' : ''}`
              : '') +
            `（${w.text}×${overlap.matched.length}/${overlap.wantedCount}，向下取整）`,
    ),
  );

  const prefersArea = c.preferredAreaCodes.includes(n.areaCode);
  parts.push(
    part(
      'area',
      w,
      prefersArea ? w.area : 0,
      prefersArea
        ? `企业位于意向地区「${areaName(n.areaCode)}」`
        : c.preferredAreaCodes.length
          ? `企业所在「${areaName(n.areaCode)}」不在意向地区内`
          : '人选未填写意向地区',
    ),
  );

  const partner = candidate.institutionRefs.some((ref) => need.partners.has(ref));
  parts.push(
    part(
      'priorCooperation',
      w,
      partner ? w.priorCooperation : 0,
      partner ? `企业曾与「${c.institutionName}」合作` : '无既往合作记录',
    ),
  );

  const flags = c.priorityFlags;
  parts.push(
    part(
      'priority',
      w,
      flags.length ? w.priority : 0,
      flags.length ? flags.map(priorityFlagName).join('、') : '不属于优先支持人选',
    ),
  );

  return {
    total: parts.reduce((sum, p) => sum + p.points, 0),
    max: maxScoreOf(w),
    parts,
  };
}
