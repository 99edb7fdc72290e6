import {
  ACCEPTANCE_VERDICTS,
  type AcceptanceSheet,
  type AcceptanceVerdict,
  acceptanceSheetSchema,
  verdictNeedsComment,
} from '@kc/domain';
import { TRPCClientError } from '@trpc/client';
import type { api } from '../../api/client';
import { type PathErrors, pathErrors } from '../../forms/form-values';

/**
 * 项目验收: an expert's side of a project's acceptance panel (验收专家组,
 * `selection.reviews.acceptance` / `.verdict`). The final report as the expert reads it, and
 * their verdict — 通过 / 需整改 / 不通过 with "no conflict" confirmed and a comment unless 通过, or
 * a declared conflict — checked with the domain's `acceptanceSheetSchema` exactly as the API
 * checks it. Errors by the form's keys: `conflict`, `verdict`, `comment`, `reason`, `_form`.
 */

export type ExpertAcceptance = Awaited<ReturnType<typeof api.selection.reviews.acceptance.query>>;
export type MyVerdict = NonNullable<ExpertAcceptance['mine']>;

export const CONFLICT_OPTIONS = [
  { code: 'none', name: '本人与该项目无利益冲突' },
  { code: 'declared', name: '申报回避' },
] as const;
export const VERDICT_OPTIONS = ACCEPTANCE_VERDICTS;

export interface VerdictDraft {
  conflict: 'none' | 'declared' | null;
  verdict: AcceptanceVerdict | null;
  comment: string;
  reason: string;
}

/** The form's starting point: the verdict the expert gave, or nothing chosen. */
export function verdictDraft(mine: MyVerdict | null): VerdictDraft {
  return {
    conflict: mine ? (mine.conflict ? 'declared' : 'none') : null,
    verdict: mine?.verdict ?? null,
    comment: mine?.comment ?? '',
    reason: mine?.conflictReason ?? '',
  };
}

/** The form → what `selection.reviews.verdict` takes as `sheet` (before the schema checks it). */
export function verdictInput(draft: VerdictDraft): Record<string, unknown> {
  if (draft.conflict === 'declared') return { conflict: 'declared', reason: draft.reason };
  const comment = draft.comment.trim();
  return {
    ...(draft.conflict ? { conflict: draft.conflict } : {}),
    ...(draft.verdict ? { verdict: draft.verdict } : {}),
    ...(comment ? { comment } : {}),
  };
}

/** The form's keys in screen order (the first wrong one is brought into view). */
export const VERDICT_ORDER = ['conflict', 'verdict', 'comment', 'reason'] as const;
export const verdictFieldId = (path: string) => `verdict-${path}`;

/** A path the form shows, or `_form` (the choice of conflict is the sheet's own question). */
function formKey(path: string): string {
  if (path === '' || path === 'sheet' || path === 'conflict') return 'conflict';
  return (VERDICT_ORDER as readonly string[]).includes(path) ? path : '_form';
}

export type VerdictCheck = { ok: true; sheet: AcceptanceSheet } | { ok: false; errors: PathErrors };

/** The verdict as the API would take it, or every reason it would not, under its box. */
export function checkVerdict(draft: VerdictDraft): VerdictCheck {
  const parsed = acceptanceSheetSchema.safeParse(verdictInput(draft));
  if (parsed.success) return { ok: true, sheet: parsed.data };
  const errors: PathErrors = {};
  for (const [path, message] of Object.entries(pathErrors(parsed.error.issues, {})))
    errors[formKey(path === '_form' ? '' : path)] ??= message;
  return { ok: false, errors };
}

/** The API's `fieldErrors` for a verdict (`comment`, `verdict`, …) → the form's keys. */
export function serverVerdictErrors(error: unknown): PathErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const data = error.data as { fieldErrors?: Record<string, string[] | undefined> } | undefined;
  const out: PathErrors = {};
  for (const [path, messages] of Object.entries(data?.fieldErrors ?? {})) {
    const first = messages?.find((m) => m.length > 0);
    if (first) out[formKey(path)] ??= first;
  }
  return out;
}

/** Whether the comment box is required now, and what it says. */
export function commentHint(verdict: AcceptanceVerdict | null): {
  required: boolean;
  hint: string;
} {
  if (verdict && verdictNeedsComment(verdict))
    return { required: true, hint: '请写明需整改或不通过的具体问题，市科技局和承担单位据此整改' };
  return { required: false, hint: '选择“需整改”或“不通过”的，须填写验收意见说明理由' };
}

/** Where the expert stands, in a sentence (the page's notice). */
export function standing(view: Pick<ExpertAcceptance, 'closed' | 'complete' | 'mine'>): string {
  if (view.closed) return '本次验收已结束，验收意见不能再修改。';
  if (view.mine?.conflict) return '您已申报回避，本次验收不计您的意见。';
  if (view.complete) return '验收专家组意见已汇齐，意见不能再修改，可查看专家组的意见。';
  return '请阅读结题验收报告及附件后提出验收意见。与承担单位、合作单位或其人员存在利益关系的，请申报回避。专家组意见汇齐前可修改；汇齐前其他专家看不到您的意见。';
}

/** The form is open: not closed, not complete, and no conflict declared. */
export const mayGiveVerdict = (view: Pick<ExpertAcceptance, 'closed' | 'complete' | 'mine'>) =>
  !view.closed && !view.complete && !view.mine?.conflict;
