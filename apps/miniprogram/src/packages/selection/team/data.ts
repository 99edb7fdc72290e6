import type { api } from '../../../api/client';

/**
 * 合作申报确认 (`selection.team.*`): the parts other organisations' team submissions name the
 * caller's organisation for. Its administrator confirms each (final) or declines it with a
 * reason the lead reads; a decline may still become a confirmation until the formal check passes
 * the submission.
 */

export type TeamRequest = Awaited<ReturnType<typeof api.selection.team.requests.query>>[number];
export type TeamAnswer = TeamRequest['answer'];

/** The API's own check of a reason to decline (`selection.team.answer`), in its words. */
export function declineReasonError(reason: string): string | null {
  const text = reason.trim();
  if (!text) return '请说明不能承担的原因';
  if (text.length > 200) return '原因不能超过200字';
  return null;
}

/** Colour of an answer, by what it means to the member unit. */
export function answerTone(answer: TeamAnswer): 'warning' | 'success' | 'neutral' {
  if (answer === 'pending') return 'warning';
  if (answer === 'confirmed') return 'success';
  return 'neutral';
}

/** What can still be done with a request: answer it, turn a decline into a confirmation, nothing. */
export function requestActions(r: Pick<TeamRequest, 'answer' | 'answerable'>): {
  confirm: boolean;
  decline: boolean;
} {
  if (!r.answerable || r.answer === 'confirmed') return { confirm: false, decline: false };
  return { confirm: true, decline: r.answer === 'pending' };
}

/** The question before a confirmation, which cannot be taken back. */
export function confirmQuestion(r: Pick<TeamRequest, 'leadName' | 'part'>): string {
  return `确认后不能更改。确定本单位承担${r.leadName}申报中的任务“${r.part}”吗？`;
}

/** Refusals that mean the list on screen is out of date: answered elsewhere, checked, re-saved. */
export const STALE = ['INVALID_TRANSITION', 'NOT_FOUND'];
