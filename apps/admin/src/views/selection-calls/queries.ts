import type {
  FormalCheckAction,
  FormalChecker,
  SelectionCallAction,
  SelectionCallStatus,
  SelectionProgramme,
  SubmissionStatus,
} from '@kc/domain';
import { planFormalCheck } from '@kc/domain';
import { trpc } from '../../api/client';
import type { RouterInputs, RouterOutputs } from '../../api/types';

/**
 * 申报指南: the selection calls as case workers see them, and their submissions (an area
 * officer's answer holds only their area's). Keys start with 'selection-calls' so one
 * invalidation after a step refreshes the list, the call and its submissions.
 */
export type SelectionCall = RouterOutputs['selection']['calls']['byId'];
export type SelectionCallListItem = RouterOutputs['selection']['calls']['list'][number];
export type Submission = RouterOutputs['selection']['calls']['submissions'][number];
export type SelectionCallListInput = RouterInputs['selection']['calls']['list'];
export type SelectionCallWrite = RouterInputs['selection']['calls']['create'];
export type {
  FormalCheckAction,
  FormalChecker,
  SelectionCallAction,
  SelectionCallStatus,
  SelectionProgramme,
  SubmissionStatus,
};

export const selectionKeys = {
  all: ['selection-calls'] as const,
  list: (input: SelectionCallListInput) => ['selection-calls', 'list', input] as const,
  detail: (id: string) => ['selection-calls', 'detail', id] as const,
  /** a call's submissions, whole ('all') or of one status: the same request, filtered here */
  submissions: (id: string, status = '') =>
    ['selection-calls', 'submissions', id, status || 'all'] as const,
};

/** The list's input from the filters (already checked against their options by the URL). */
export function listInput(f: {
  status?: string;
  programme?: string;
  waiting?: string;
}): SelectionCallListInput {
  return {
    ...(f.status ? { status: f.status as SelectionCallStatus } : {}),
    ...(f.programme ? { programme: f.programme as SelectionProgramme } : {}),
    ...(f.waiting === 'mine' ? { waiting: 'mine' as const } : {}),
  };
}

export const listCalls = (input: SelectionCallListInput) => trpc.selection.calls.list.query(input);
export const getCall = (id: string) => trpc.selection.calls.byId.query({ id });

/** A call's submissions (the API sends them all; the table's status filter is applied here). */
export async function listSubmissions(id: string, status = '') {
  const all = await trpc.selection.calls.submissions.query({ id });
  return { items: status ? all.filter((s) => s.status === status) : all };
}

/**
 * Writes and steps are silent: the form and the page show the refusal beside what was refused
 * (a quota over the plan's ceiling under 拟支持数量, a deadline not yet passed above the buttons).
 */
const silent = { context: { silent: true } };
export const createCall = (call: SelectionCallWrite) =>
  trpc.selection.calls.create.mutate(call, silent);
export const updateCall = (input: RouterInputs['selection']['calls']['update']) =>
  trpc.selection.calls.update.mutate(input, silent);
export const advanceCall = (input: RouterInputs['selection']['calls']['advance']) =>
  trpc.selection.calls.advance.mutate(input, silent);
export const formalCheck = (input: RouterInputs['selection']['submissions']['formalCheck']) =>
  trpc.selection.submissions.formalCheck.mutate(input, silent);

/** What the formal check calls each step, by who takes it. */
export const FORMAL_CHECK_NAMES: Record<FormalChecker, Record<FormalCheckAction, string>> = {
  area: { pass: '形式审查通过，报送市局', return: '退回修改', reject: '不予通过' },
  bureau: { pass: '形式审查通过', return: '退回修改', reject: '不予通过' },
};

const FORMAL_CHECK_ACTIONS: readonly FormalCheckAction[] = ['pass', 'return', 'reject'];

/**
 * The formal-check steps open to `checker` on a submission now, as the domain decides them for
 * the server: the area's step on 待县区形式审查, the bureau's on 待市局形式审查; 退回修改 only
 * before the deadline, 不予通过 only after it. (The comment they need is asked in the dialog.)
 */
export function formalCheckActionsFor(
  status: string,
  checker: FormalChecker | null,
  deadlinePassed: boolean,
): FormalCheckAction[] {
  if (!checker) return [];
  return FORMAL_CHECK_ACTIONS.filter(
    (action) =>
      planFormalCheck(status as SubmissionStatus, checker, action, deadlinePassed, '意见').ok,
  );
}
