import {
  SELECTION_SETTINGS_VERSIONS,
  type Rubric,
  type ScoreSheet,
  type SelectionSettings,
  scoreSheetSchema,
  selectionSettingsVersion,
} from '@kc/domain';
import { TRPCClientError } from '@trpc/client';
import type { api } from '../../api/client';

/**
 * 评审任务: an expert's side of a review panel (`selection.reviews.*`). Invitations to answer,
 * the panels they accepted, and their own score sheets, checked with the domain's
 * `scoreSheetSchema` exactly as the API checks them.
 */

export type ReviewTask = Awaited<ReturnType<typeof api.selection.reviews.mine.query>>[number];
export type ExpertPanel = Awaited<ReturnType<typeof api.selection.reviews.panel.query>>;
export type PanelSubmission = ExpertPanel['submissions'][number];
export type MySheet = NonNullable<PanelSubmission['mySheet']>;

/** An invitation the expert can still answer (the API refuses once the panel has closed). */
export function awaitsAnswer(task: Pick<ReviewTask, 'status' | 'panelClosed'>): boolean {
  return task.status === 'invited' && !task.panelClosed;
}

/** How many invitations wait for an answer: the count beside the 评审任务 entries. */
export function pendingCount(tasks: readonly Pick<ReviewTask, 'status' | 'panelClosed'>[]): number {
  return tasks.filter(awaitsAnswer).length;
}

/** Invitations (待确认) first, then the panels accepted, those still scoring before the closed. */
export function orderTasks(tasks: readonly ReviewTask[]): {
  invitations: ReviewTask[];
  accepted: ReviewTask[];
} {
  const open = (t: ReviewTask) => (t.panelClosed ? 1 : 0);
  // Array.prototype.sort is stable: within a group the API's order (newest first) stays.
  const by = (status: string) =>
    tasks.filter((t) => t.status === status).sort((a, b) => open(a) - open(b));
  return { invitations: by('invited'), accepted: by('accepted') };
}

/** A project's acceptance panel (项目验收), not a call's review panel. */
export const isAcceptance = (task: Pick<ReviewTask, 'kind'>) => task.kind === 'acceptance';

/** `已评 3 / 5`; an acceptance: whether the verdict (or a declared conflict) is in. */
export function progressText(
  task: Pick<ReviewTask, 'sheets' | 'submissions' | 'kind' | 'conflictDeclared'>,
): string {
  if (isAcceptance(task)) {
    if (task.conflictDeclared) return '已申报回避';
    return task.sheets > 0 ? '已提出验收意见' : '待提出验收意见';
  }
  return `已评 ${task.sheets} / ${task.submissions}`;
}

/** An accepted acceptance task's tag: 验收中, 意见已汇齐 (the bureau to decide), 验收已结束. */
export function acceptanceStage(task: Pick<ReviewTask, 'panelClosed' | 'panelComplete'>): {
  status: 'scoring' | 'closed';
  label: string;
} {
  if (task.panelClosed) return { status: 'closed', label: '验收已结束' };
  if (task.panelComplete) return { status: 'closed', label: '意见已汇齐' };
  return { status: 'scoring', label: '验收中' };
}

/**
 * Where the expert stands on an accepted panel, in a sentence. An acceptance's verdict may be
 * changed only while the panel is still forming its view: not once every verdict is in (the API
 * refuses it), nor after the bureau's decision closed it, nor after declaring a conflict.
 */
export function taskHint(
  task: Pick<
    ReviewTask,
    'sheets' | 'submissions' | 'panelClosed' | 'panelComplete' | 'conflictDeclared' | 'kind'
  >,
): string {
  if (isAcceptance(task)) {
    if (task.panelClosed)
      return task.sheets > 0 ? '已提交（验收已结束），可查看本人的验收意见' : '验收已结束';
    if (task.conflictDeclared) return '已申报回避，本次验收不计您的意见';
    if (task.panelComplete)
      return task.sheets > 0
        ? '已提交（专家组意见已汇齐，不能再修改），可查看专家组的意见'
        : '专家组意见已汇齐';
    if (task.sheets > 0) return '已提出验收意见；专家组意见汇齐前仍可修改';
    return '请阅读结题验收报告并提出验收意见';
  }
  if (task.panelClosed) return '评审组已结束评分，可查看本人的评分';
  const left = task.submissions - task.sheets;
  if (left <= 0) return '已全部评完；评审组结束评分前仍可修改';
  return `还有 ${left} 项申报待评`;
}

/** The API's own check of a reason to decline (`selection.reviews.respond`), in its words. */
export function declineReasonError(reason: string): string | null {
  const text = reason.trim();
  if (!text) return '请说明不能参加的原因';
  if (text.length > 200) return '原因不能超过200字';
  return null;
}

export const RESERVE_NOTICE =
  '不能参加的，市科技局将按抽取顺序由备选专家递补本组名额。回复后不能撤回。';

/** A sheet's state in the panel's list: 未评 / 已评 总分 x / 已回避. */
export function sheetState(sheet: MySheet | null): { tone: string; label: string } {
  if (!sheet) return { tone: 'unscored', label: '未评' };
  if (sheet.conflict) return { tone: 'recused', label: '已回避' };
  return { tone: 'scored', label: `已评 总分 ${sheet.total ?? 0}` };
}

/** How many of the panel's submissions have the expert's sheet (a score or a declared conflict). */
export function sheetsDone(panel: Pick<ExpertPanel, 'submissions'>): number {
  return panel.submissions.filter((s) => s.mySheet !== null).length;
}

/**
 * The settings the sheet is checked under: the version the panel runs under, as the API checks
 * it. A version this build does not know yet (the app older than the server): the latest it has;
 * the server still checks, and its message lands under the same box.
 */
export function reviewSettings(panel: Pick<ExpertPanel, 'settingsVersion'>): SelectionSettings {
  try {
    return selectionSettingsVersion(panel.settingsVersion);
  } catch {
    return SELECTION_SETTINGS_VERSIONS[SELECTION_SETTINGS_VERSIONS.length - 1] as SelectionSettings;
  }
}

/** The call's rubric; a call without its own scores by the settings' default. */
export function rubricOf(panel: Pick<ExpertPanel, 'rubric'>, settings: SelectionSettings): Rubric {
  return panel.rubric && panel.rubric.criteria.length ? panel.rubric : settings.defaultRubric;
}

// ---------------------------------------------------------------------------------------------
// The score sheet form

export type Conflict = 'none' | 'declared';

/** What the form holds: the choice, each criterion's box as typed, the comment, the reason. */
export interface SheetDraft {
  conflict: Conflict | null;
  scores: Record<string, string>;
  comment: string;
  reason: string;
}

/** The form's starting point: the expert's saved sheet, or nothing chosen and nothing typed. */
export function draftFrom(sheet: MySheet | null, rubric: Rubric): SheetDraft {
  const saved = (sheet && !sheet.conflict ? sheet.scores : null) ?? {};
  return {
    conflict: sheet ? (sheet.conflict ? 'declared' : 'none') : null,
    scores: Object.fromEntries(
      rubric.criteria.map((c) => {
        const v = saved[c.code];
        return [c.code, typeof v === 'number' ? String(v) : ''];
      }),
    ),
    comment: sheet?.comment ?? '',
    reason: sheet?.conflictReason ?? '',
  };
}

/** A box's text as the schema sees it: nothing typed is missing, anything else a number. */
function points(text: string | undefined): number | undefined {
  const t = (text ?? '').trim();
  return t === '' ? undefined : Number(t);
}

/** The form → what `selection.reviews.score` takes as `sheet` (before the schema checks it). */
export function sheetInput(draft: SheetDraft, rubric: Rubric): Record<string, unknown> {
  if (draft.conflict === 'declared') return { conflict: 'declared', reason: draft.reason };
  const scores: Record<string, number> = {};
  for (const c of rubric.criteria) {
    const v = points(draft.scores[c.code]);
    if (v !== undefined) scores[c.code] = v;
  }
  const comment = draft.comment.trim();
  return {
    ...(draft.conflict ? { conflict: draft.conflict } : {}),
    scores,
    ...(comment ? { comment } : {}),
  };
}

export interface LiveTotal {
  /** The sum of the boxes holding a whole number. */
  total: number;
  /** How many criteria are scored so far. */
  filled: number;
  /** Every criterion has a whole number. */
  complete: boolean;
}

export function liveTotal(draft: SheetDraft, rubric: Rubric): LiveTotal {
  let total = 0;
  let filled = 0;
  for (const c of rubric.criteria) {
    const v = points(draft.scores[c.code]);
    if (v === undefined || !Number.isInteger(v)) continue;
    total += v;
    filled += 1;
  }
  return { total, filled, complete: filled === rubric.criteria.length };
}

/** When a comment is required (the settings' thresholds), and why, for the box's hint. */
export function commentRule(
  live: LiveTotal,
  settings: SelectionSettings,
): { required: boolean; hint: string } {
  const { commentAtOrBelow: low, commentAtOrAbove: high } = settings.scoring;
  const rule = `总分不高于${low}分或不低于${high}分时，须填写评审意见说明理由`;
  if (!live.complete) return { required: false, hint: rule };
  if (live.total <= low)
    return {
      required: true,
      hint: `总分${live.total}分，不高于${low}分，须填写评审意见说明理由`,
    };
  if (live.total >= high)
    return {
      required: true,
      hint: `总分${live.total}分，不低于${high}分，须填写评审意见说明理由`,
    };
  return { required: false, hint: rule };
}

/** Errors by the form's own keys: `conflict`, `scores.<code>`, `comment`, `reason`, `_form`. */
export type SheetErrors = Partial<Record<string, string>>;

/** Where an issue's path lands on the form: `scores.<code>`, a field, or above the form. */
function errorKey(path: readonly PropertyKey[] | string, rubric: Rubric): string {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  const [head, code] = parts;
  if (head === 'scores' && code && rubric.criteria.some((c) => c.code === code))
    return `scores.${code}`;
  if (head === 'conflict' || head === 'comment' || head === 'reason') return head;
  return '_form';
}

/**
 * The sheet checked with the domain's `scoreSheetSchema`, as the API does: the sheet to send, or
 * the first error of each box in the schema's Chinese.
 */
export function checkSheet(
  draft: SheetDraft,
  rubric: Rubric,
  settings: SelectionSettings,
): { ok: true; sheet: ScoreSheet } | { ok: false; errors: SheetErrors } {
  const parsed = scoreSheetSchema(rubric, settings).safeParse(sheetInput(draft, rubric));
  if (parsed.success) return { ok: true, sheet: parsed.data };
  const errors: SheetErrors = {};
  for (const issue of parsed.error.issues) {
    const key = errorKey(issue.path, rubric);
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The API's `fieldErrors` for a sheet (`scores.innovation`, `comment`, …) → the same keys. */
export function serverSheetErrors(error: unknown, rubric: Rubric): SheetErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const data = error.data as { fieldErrors?: Record<string, string[] | undefined> } | undefined;
  const out: SheetErrors = {};
  for (const [path, messages] of Object.entries(data?.fieldErrors ?? {})) {
    const first = messages?.find((m) => m.length > 0);
    if (!first) continue;
    const key = errorKey(path, rubric);
    out[key] ??= first;
  }
  return out;
}

/** The sheet as the panel's list shows it once saved. */
export function savedSheet(sheet: ScoreSheet): MySheet {
  if (sheet.conflict === 'declared')
    return {
      conflict: true,
      conflictReason: sheet.reason,
      scores: null,
      total: null,
      comment: null,
    };
  const scores = sheet.scores as Record<string, number>;
  return {
    conflict: false,
    conflictReason: null,
    scores,
    total: Object.values(scores).reduce((sum, v) => sum + v, 0),
    comment: sheet.comment ?? null,
  };
}
