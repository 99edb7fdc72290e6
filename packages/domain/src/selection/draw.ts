import { keyPart } from '../policy/keys';
import { seededRandom } from './random';
import type { SelectionSettings } from './settings';

/** What the draw sees of an expert in the pool (专家库). */
export interface ExpertFacts {
  readonly id: string;
  /** only approved, not suspended experts are drawn */
  readonly status: 'pending' | 'active' | 'suspended';
  readonly fieldCodes: readonly string[];
  /** the expert's unit by every name it is known by: its name and, where known, its credit code */
  readonly units: readonly string[];
  /** units and people the expert declared a conflict with (credit codes or names) */
  readonly conflicts: readonly string[];
}

/** What the draw sees of one application in the group a panel reviews. */
export interface ApplicationFacts {
  readonly id: string;
  /** the applicant organisation's (or researcher's) id: the key of last year's reviews */
  readonly applicantId: string;
  /** the applicant's unit and every team member's unit (credit codes and names) */
  readonly units: readonly string[];
  /** the team's people by name (the applicant's leader among them) */
  readonly people: readonly string[];
}

export interface PanelGroup {
  /** the future-industry field the group's applications belong to */
  readonly fieldCode: string;
  readonly applications: readonly ApplicationFacts[];
}

export interface DrawInput {
  readonly group: PanelGroup;
  readonly experts: readonly ExpertFacts[];
  /** previous calendar year's reviews: which expert scored which applicant */
  readonly reviewedLastYear: readonly { expertId: string; applicantId: string }[];
  /** experts already on this group's panel or used up (a top-up draw leaves them out) */
  readonly alreadyDrawn?: readonly string[];
  readonly settings: SelectionSettings;
  /**
   * How many to draw when it is not a call panel's `settings.panel` size and reserves: a
   * project's acceptance panel (`settings.acceptance`), or a top-up draw for places the reserves
   * could not fill.
   */
  readonly size?: { readonly members: number; readonly reserves: number };
  /** recorded with the draw; the same input and seed give the same panel */
  readonly seed: string;
}

export type ExclusionCode =
  | 'not-active'
  | 'other-field'
  | 'applicant-unit'
  | 'declared-conflict'
  | 'reviewed-last-year'
  | 'already-drawn';

export const EXCLUSION_REASONS: Record<ExclusionCode, string> = {
  'not-active': '不在库（待审核或已暂停）',
  'other-field': '专业领域不符',
  'applicant-unit': '与申报单位或团队成员单位为同一单位',
  'declared-conflict': '本人申明存在利益关系',
  'reviewed-last-year': '上一年度评审过同一申报单位',
  'already-drawn': '已在本组专家名单中',
};

export interface Exclusion {
  readonly expertId: string;
  readonly codes: readonly ExclusionCode[];
}

export type DrawResult =
  | {
      readonly ok: true;
      readonly seed: string;
      readonly settingsVersion: string;
      /** the eligible pool in the order the draw saw it (ids sorted) */
      readonly pool: readonly string[];
      readonly members: readonly string[];
      /** in order: the first unused one replaces an expert who declines */
      readonly reserves: readonly string[];
      readonly excluded: readonly Exclusion[];
    }
  | {
      readonly ok: false;
      readonly code: 'PANEL_POOL_TOO_SMALL';
      readonly message: string;
      readonly pool: readonly string[];
      readonly excluded: readonly Exclusion[];
    };

/** Units and names compared as the policy's keys are: NFKC, case and spacing folded. */
const same = (value: string) => keyPart(value.replace(/[（]/g, '(').replace(/[）]/g, ')'));

/** Why an expert may not review this group, or nothing if they may. */
export function exclusionsOf(expert: ExpertFacts, input: DrawInput): ExclusionCode[] {
  const codes: ExclusionCode[] = [];
  if (expert.status !== 'active') codes.push('not-active');
  if (!expert.fieldCodes.includes(input.group.fieldCode)) codes.push('other-field');
  const own = new Set(expert.units.map(same));
  if (input.group.applications.some((a) => a.units.some((u) => own.has(same(u)))))
    codes.push('applicant-unit');
  const declared = new Set(expert.conflicts.map(same));
  if (
    input.group.applications.some(
      (a) =>
        a.units.some((u) => declared.has(same(u))) || a.people.some((p) => declared.has(same(p))),
    )
  )
    codes.push('declared-conflict');
  if (input.settings.panel.excludeLastYearReviewers) {
    const applicants = new Set(input.group.applications.map((a) => a.applicantId));
    if (
      input.reviewedLastYear.some((r) => r.expertId === expert.id && applicants.has(r.applicantId))
    )
      codes.push('reviewed-last-year');
  }
  if (input.alreadyDrawn?.includes(expert.id)) codes.push('already-drawn');
  return codes;
}

/**
 * Draws a panel and its reserves at random from the experts who may review the group. The pool
 * is sorted by id before drawing, so the order experts were loaded in does not matter, and the
 * seed alone decides: anyone holding the recorded pool and seed gets the same panel. Each
 * eligible expert has the same chance, (size + reserves) / pool, of being drawn.
 */
export function drawPanel(input: DrawInput): DrawResult {
  const excluded: Exclusion[] = [];
  const pool: string[] = [];
  for (const expert of input.experts) {
    const codes = exclusionsOf(expert, input);
    if (codes.length > 0) excluded.push({ expertId: expert.id, codes });
    else pool.push(expert.id);
  }
  pool.sort();
  excluded.sort((a, b) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));
  const { size, reserves } = input.size
    ? { size: input.size.members, reserves: input.size.reserves }
    : input.settings.panel;
  if (pool.length < size)
    return {
      ok: false,
      code: 'PANEL_POOL_TOO_SMALL',
      message: `符合条件的专家只有${pool.length}人，不足每组${size}人，请扩充专家库或调整分组`,
      pool,
      excluded,
    };
  const drawn = sample(pool, Math.min(size + reserves, pool.length), input.seed);
  return {
    ok: true,
    seed: input.seed,
    settingsVersion: input.settings.version,
    pool,
    members: drawn.slice(0, size),
    reserves: drawn.slice(size),
    excluded,
  };
}

/** The first `k` of a seeded Fisher–Yates shuffle of `items` (which it does not change). */
function sample(items: readonly string[], k: number, seed: string): string[] {
  const random = seededRandom(seed);
  const a = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + random.below(a.length - i);
    const t = a[i] as string;
    a[i] = a[j] as string;
    a[j] = t;
  }
  return a.slice(0, k);
}

/**
 * The expert who takes a declining member's place: the first reserve not yet used, never one an
 * officer picks. Null when the reserves are spent (then a top-up draw, with a new recorded seed,
 * leaves out everyone already drawn).
 */
export function nextReserve(reserves: readonly string[], used: readonly string[]): string | null {
  return reserves.find((id) => !used.includes(id)) ?? null;
}
