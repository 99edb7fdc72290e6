import { z } from 'zod';
import { codesOf, nameLookup } from '../reference/lookup';
import { plainString } from '../validate';
import type { ReportOutcome } from './project-reports';
import { REPORT_OUTCOMES } from './project-reports';
import { declaredConflictSchema } from './rubric';
import type { SelectionSettings } from './settings';

/**
 * 验收专家组 (plan 四.2, issue 14 item 6): a key project's final report (结题验收报告) is read by an
 * expert panel drawn as a call's panels are (draw.ts: the same exclusions, a recorded seed,
 * reserves), and each expert who accepts gives a verdict — 通过, 需整改 or 不通过 — or declares a
 * conflict, which voids theirs. The bureau reviews the report once the panel is complete, and
 * writes why when its outcome departs from the panel's majority. Numbers are the settings'
 * (`acceptance`). Pure: no I/O, no clock.
 */

export const ACCEPTANCE_VERDICTS = [
  { code: 'pass', name: '通过' },
  { code: 'revise', name: '需整改' },
  { code: 'fail', name: '不通过' },
] as const;
export type AcceptanceVerdict = (typeof ACCEPTANCE_VERDICTS)[number]['code'];
export const ACCEPTANCE_VERDICT_CODES = codesOf(ACCEPTANCE_VERDICTS);
export const acceptanceVerdictName = nameLookup(ACCEPTANCE_VERDICTS);

/** The bureau's review outcome (project-reports.ts) each verdict stands for: 需整改 is a return. */
export const OUTCOME_OF_VERDICT: Readonly<Record<AcceptanceVerdict, ReportOutcome>> = {
  pass: 'pass',
  revise: 'return',
  fail: 'fail',
};

/** Every verdict but 通过 says what is wrong: a comment is required. */
export const verdictNeedsComment = (verdict: AcceptanceVerdict) => verdict !== 'pass';

export const VERDICT_COMMENT_REQUIRED = '选择“需整改”或“不通过”的，须填写验收意见说明理由';

/**
 * One expert's answer on the report: a verdict with "no conflict" confirmed (and a comment unless
 * 通过), or a declared conflict with its reason (rubric.ts, as on a score sheet).
 */
export const acceptanceSheetSchema = z.discriminatedUnion(
  'conflict',
  [
    z
      .object({
        conflict: z.literal('none'),
        verdict: z.enum(ACCEPTANCE_VERDICT_CODES, { error: '请选择验收意见' }),
        comment: plainString({ error: '验收意见应为文字' })
          .trim()
          .max(1000, { error: '验收意见不能超过1000字' })
          .optional()
          .transform((v) => (v ? v : undefined)),
      })
      .superRefine((sheet, ctx) => {
        if (verdictNeedsComment(sheet.verdict) && !sheet.comment)
          ctx.addIssue({ code: 'custom', path: ['comment'], message: VERDICT_COMMENT_REQUIRED });
      }),
    declaredConflictSchema,
  ],
  { error: '请确认与该项目是否存在利益关系' },
);
export type AcceptanceSheet = z.infer<typeof acceptanceSheetSchema>;

/** A place on the panel as the conclusion sees it (review_assignment's statuses). */
export interface AcceptanceSeat {
  readonly status: 'invited' | 'accepted' | 'declined' | 'reserve';
  /** an accepted expert's answer: a verdict or a declared conflict; null while none */
  readonly answer: AcceptanceVerdict | 'conflict' | null;
}

export interface AcceptanceConclusion {
  /** valid verdicts of each kind */
  readonly tally: Readonly<Record<AcceptanceVerdict, number>>;
  readonly valid: number;
  /** accepted experts who declared a conflict (their verdict is void) */
  readonly conflicts: number;
  /** invited members who have not said whether they take part */
  readonly awaitingAnswer: number;
  /** members who accepted and have given neither a verdict nor a conflict */
  readonly awaitingVerdict: number;
  /**
   * Places a reserve may fill: the panel's size less the members invited or holding a valid
   * place (a decline or a declared conflict leaves one open).
   */
  readonly vacancies: number;
  /**
   * Every invited member answered, every accepted one gave a verdict or declared a conflict, and
   * at least `minValidVerdicts` are valid. Only then may the bureau decide, and only then does
   * anyone (officers, the experts) see the verdicts.
   */
  readonly complete: boolean;
  /** the verdict more than half of the valid ones give; null without one (or while incomplete) */
  readonly majority: AcceptanceVerdict | null;
  /** how the panel stands, in a sentence */
  readonly explanation: string;
}

function tallyText(tally: Record<AcceptanceVerdict, number>, conflicts: number): string {
  const counts = ACCEPTANCE_VERDICTS.map((v) => `${v.name}${tally[v.code]}`).join('、');
  return `${counts}${conflicts > 0 ? `；${conflicts}位专家回避` : ''}`;
}

/** Where the panel stands: the tally, whether it is complete, and its majority verdict. */
export function acceptanceConclusion(
  seats: readonly AcceptanceSeat[],
  settings: SelectionSettings['acceptance'],
): AcceptanceConclusion {
  const tally: Record<AcceptanceVerdict, number> = { pass: 0, revise: 0, fail: 0 };
  let conflicts = 0;
  let awaitingAnswer = 0;
  let awaitingVerdict = 0;
  for (const seat of seats) {
    if (seat.status === 'invited') awaitingAnswer++;
    if (seat.status !== 'accepted') continue;
    if (seat.answer === null) awaitingVerdict++;
    else if (seat.answer === 'conflict') conflicts++;
    else tally[seat.answer]++;
  }
  const valid = tally.pass + tally.revise + tally.fail;
  const holding = seats.filter((s) => s.status === 'accepted' && s.answer !== 'conflict').length;
  const vacancies = Math.max(0, settings.panelSize - awaitingAnswer - holding);
  const complete =
    awaitingAnswer === 0 && awaitingVerdict === 0 && valid >= settings.minValidVerdicts;
  const majority = complete
    ? (ACCEPTANCE_VERDICT_CODES.find((v) => tally[v] * 2 > valid) ?? null)
    : null;

  let explanation: string;
  if (complete) {
    const counted = `有效意见${valid}份（${tallyText(tally, conflicts)}）`;
    explanation = majority
      ? `${counted}，多数意见为“${acceptanceVerdictName(majority)}”。`
      : `${counted}，没有过半数的意见。`;
  } else {
    const waiting: string[] = [];
    if (awaitingAnswer > 0) waiting.push(`${awaitingAnswer}位专家尚未确认是否参加`);
    if (awaitingVerdict > 0) waiting.push(`${awaitingVerdict}位专家尚未提出验收意见`);
    if (waiting.length === 0)
      waiting.push(
        `有效意见${valid}份，不足${settings.minValidVerdicts}份，${vacancies}个名额待备选专家递补`,
      );
    else if (vacancies > 0) waiting.push(`${vacancies}个名额待备选专家递补`);
    explanation = `专家组意见尚未汇齐：${waiting.join('，')}。`;
  }
  return {
    tally,
    valid,
    conflicts,
    awaitingAnswer,
    awaitingVerdict,
    vacancies,
    complete,
    majority,
    explanation,
  };
}

/** Why an expert may not give (or change) a verdict now, or null. */
export function verdictRefusal(
  seat: AcceptanceSeat,
  conclusion: Pick<AcceptanceConclusion, 'complete'>,
): string | null {
  if (seat.status !== 'accepted') return '确认参加后才能提出验收意见';
  if (seat.answer === 'conflict') return '您已申明回避，不能再提出验收意见';
  if (conclusion.complete) return '验收专家组意见已汇齐，不能再修改';
  return null;
}

/** The bureau's outcome is not the panel's majority verdict, or the panel has none. */
export function departsFromPanel(
  conclusion: Pick<AcceptanceConclusion, 'majority'>,
  outcome: ReportOutcome,
): boolean {
  return conclusion.majority === null || OUTCOME_OF_VERDICT[conclusion.majority] !== outcome;
}

const outcomeName = (outcome: ReportOutcome) =>
  REPORT_OUTCOMES.find((o) => o.code === outcome)?.name ?? outcome;

export type AcceptanceDecisionRefusal =
  | { readonly code: 'INVALID_TRANSITION'; readonly message: string }
  | {
      readonly code: 'DEPARTURE_REASON_REQUIRED';
      readonly message: string;
      readonly path: 'departureReason';
    };

/**
 * The bureau's decision on a final report: only once the panel is complete, and with a written
 * reason when it departs from the panel's majority (or there is none). Null: it may be taken.
 */
export function acceptanceDecisionRefusal(
  conclusion: Pick<AcceptanceConclusion, 'complete' | 'majority' | 'explanation'>,
  outcome: ReportOutcome,
  departureReason: string | undefined,
): AcceptanceDecisionRefusal | null {
  if (!conclusion.complete)
    return {
      code: 'INVALID_TRANSITION',
      message: `验收专家组意见汇齐后才能审查结题验收报告。${conclusion.explanation}`,
    };
  if (!departsFromPanel(conclusion, outcome) || departureReason?.trim()) return null;
  return {
    code: 'DEPARTURE_REASON_REQUIRED',
    path: 'departureReason',
    message: conclusion.majority
      ? `审查结论“${outcomeName(outcome)}”与验收专家组多数意见“${acceptanceVerdictName(conclusion.majority)}”不一致，须写明理由`
      : `验收专家组没有过半数的意见，须写明审查结论“${outcomeName(outcome)}”的理由`,
  };
}
