import { POLICY_SETS, POLICY_TEXTS, findPolicySet } from '@kc/domain';
import { trpc } from '../../api/client';
import type { RouterInputs, RouterOutputs } from '../../api/types';

/**
 * 征求意见 (issue 15) as the bureau runs it: the consultations with their counts, one with its
 * comments grouped by clause, and the three steps (发布征求意见, 处理意见, 发布意见采纳情况). The
 * steps are silent: each dialog shows the refusal beside its form, not as a toast.
 */
export type ConsultationListItem = RouterOutputs['consultations']['list'][number];
export type Consultation = RouterOutputs['consultations']['byId'];
export type ClauseGroup = Consultation['groups'][number];
export type ConsultationComment = ClauseGroup['comments'][number];
export type ConsultationCreateInput = RouterInputs['consultations']['create'];
export type CommentAnswerInput = RouterInputs['consultations']['answer'];
export type PublishFeedbackInput = RouterInputs['consultations']['publishFeedback'];

/** Query-cache keys; every step refetches all of them (the list's counts and the page). */
export const consultationKeys = {
  all: ['consultations'] as const,
  list: ['consultations', 'list'] as const,
  detail: (id: string) => ['consultations', 'detail', id] as const,
};

const silent = { context: { silent: true } };

export const listConsultations = () => trpc.consultations.list.query();
export const getConsultation = (id: string) => trpc.consultations.byId.query({ id });
export const createConsultation = (input: ConsultationCreateInput) =>
  trpc.consultations.create.mutate(input, silent);
export const answerComment = (input: CommentAnswerInput) =>
  trpc.consultations.answer.mutate(input, silent);
export const publishFeedback = (input: PublishFeedbackInput) =>
  trpc.consultations.publishFeedback.mutate(input, silent);

/**
 * The policy versions whose text is published clause by clause (the domain's POLICY_TEXTS): only
 * these can be put out for comments, since a comment names the clause it is on.
 */
export const CONSULTABLE_VERSIONS: readonly { id: string; title: string }[] = POLICY_SETS.filter(
  (s) => POLICY_TEXTS[s.id],
).map((s) => ({ id: s.id, title: s.title }));

/** The version's Chinese title (its 征求意见稿 as published), never its id. */
export const policyTitleOf = (policySetId: string): string =>
  findPolicySet(policySetId)?.title ?? '政策文件';
