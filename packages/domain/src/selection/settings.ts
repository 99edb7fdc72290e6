import type { CalendarDate } from '../calendar';
import type { Rubric } from './rubric';

/**
 * Expert review's numbers. The plan (四.1, 四.2, 四.5) says that cases are 评选ed and teams
 * approved 按程序分类, and nothing about how; these defaults are the bureau's to change.
 * Versioned like the award policy: a panel records the version it was drawn and scored under,
 * so its result can be recomputed later and come out the same.
 */
export interface SelectionSettings {
  readonly version: string;
  readonly effectiveFrom: CalendarDate;
  readonly panel: {
    /** experts who score each group of applications */
    readonly size: number;
    /** drawn with the panel, in order, to replace experts who decline or declare a conflict */
    readonly reserves: number;
    /** leave out experts who reviewed the same applicant in the previous calendar year */
    readonly excludeLastYearReviewers: boolean;
  };
  readonly scoring: {
    /** drop the highest and the lowest score when at least this many are valid */
    readonly trimFrom: number;
    /** fewer valid scores than this and the application has no result yet */
    readonly minValidScores: number;
    /** flag an application for discussion when highest − lowest exceeds this many points */
    readonly maxSpread: number;
    /** a total at or below this needs a written comment */
    readonly commentAtOrBelow: number;
    /** a total at or above this needs a written comment */
    readonly commentAtOrAbove: number;
  };
  /** talent teams (四.5): the lowest result, in points, for each category */
  readonly talentBands: { readonly A: number; readonly B: number; readonly C: number };
  /** the rubric a call uses unless it sets its own */
  readonly defaultRubric: Rubric;
  /** projects (四.2): how the city funds are released and the reports scheduled (project.ts) */
  readonly project: {
    /** at most this share of the city funds is released on signing (首期拨付) */
    readonly firstTrancheMaxPercent: number;
    /** at least this share is released only after acceptance (验收后拨付) */
    readonly finalTrancheMinPercent: number;
    /** the final report (结题报告) is due this many days after the period ends */
    readonly reportDueDays: number;
    /** an extension (延期) adds at most this many months, and a project has at most this many */
    readonly maxExtensionMonths: number;
    readonly maxExtensions: number;
  };
  /**
   * A project's acceptance (验收, acceptance.ts): the final report is read by an expert panel
   * (验收专家组) drawn as a call's panels are (same exclusions, `panel.excludeLastYearReviewers`
   * included), each expert giving 通过 / 需整改 / 不通过; the bureau decides once the panel is
   * complete, and writes why when it departs from the panel's majority.
   */
  readonly acceptance: {
    /** experts on the panel; odd, so that a majority of their verdicts can form */
    readonly panelSize: number;
    /** drawn with the panel, in order, to take the places of experts who decline or recuse */
    readonly reserves: number;
    /** fewer valid verdicts than this (declared conflicts void theirs) and the panel is not complete */
    readonly minValidVerdicts: number;
  };
}

export const SELECTION_SETTINGS_VERSIONS: readonly SelectionSettings[] = [
  {
    version: 'selection-2026-01',
    effectiveFrom: '2026-01-01',
    panel: { size: 5, reserves: 2, excludeLastYearReviewers: true },
    scoring: {
      trimFrom: 5,
      minValidScores: 3,
      maxSpread: 20,
      commentAtOrBelow: 60,
      commentAtOrAbove: 90,
    },
    talentBands: { A: 90, B: 80, C: 70 },
    defaultRubric: {
      criteria: [
        { code: 'innovation', name: '创新性', maxPoints: 30 },
        { code: 'feasibility', name: '可行性', maxPoints: 25 },
        { code: 'team', name: '团队实力', maxPoints: 20 },
        { code: 'benefit', name: '预期效益', maxPoints: 25 },
      ],
    },
    project: {
      firstTrancheMaxPercent: 60,
      finalTrancheMinPercent: 20,
      reportDueDays: 30,
      maxExtensionMonths: 12,
      maxExtensions: 1,
    },
    // The plan says 验收 and nothing of how: five experts and two reserves as for calls, and a
    // conclusion on no fewer than three valid verdicts.
    acceptance: { panelSize: 5, reserves: 2, minValidVerdicts: 3 },
  },
];

/** The settings in force on a date: the latest version that has started. */
export function selectionSettingsFor(date: CalendarDate): SelectionSettings {
  let found: SelectionSettings | undefined;
  for (const s of SELECTION_SETTINGS_VERSIONS) if (s.effectiveFrom <= date) found = s;
  if (!found) throw new RangeError(`no selection settings in force on ${date}`);
  return found;
}

/** One version by its name (a panel stores the name it ran under). */
export function selectionSettingsVersion(version: string): SelectionSettings {
  const found = SELECTION_SETTINGS_VERSIONS.find((s) => s.version === version);
  if (!found) throw new RangeError(`unknown selection settings version ${version}`);
  return found;
}
