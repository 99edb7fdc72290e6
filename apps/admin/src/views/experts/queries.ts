import type { ExpertDecision, ExpertStatus, FieldCode } from '@kc/domain';
import { EXPERT_DECISIONS, EXPERT_DECISION_CODES } from '@kc/domain';
import { trpc } from '../../api/client';
import type { RouterInputs, RouterOutputs } from '../../api/types';

/** 专家库: the expert pool as bureau officers keep it (mobile masked; revealed with a reason). */
export type Expert = RouterOutputs['experts']['byId'];
export type ExpertListItem = RouterOutputs['experts']['list']['items'][number];
export type ExpertListInput = RouterInputs['experts']['list'];
export type { ExpertDecision, ExpertStatus };

/** Query-cache keys of the pool; a decision refetches all of them (list, detail, count). */
export const expertKeys = {
  all: ['experts'] as const,
  list: (input: ExpertListInput) => ['experts', 'list', input] as const,
  detail: (id: string) => ['experts', 'detail', id] as const,
  pendingCount: ['experts', 'pending-count'] as const,
};

/** The list's input from the filters (already checked against their options by the URL). */
export function listInput(
  page: number,
  pageSize: number,
  f: { status?: string; fieldCode?: string; q?: string },
): ExpertListInput {
  return {
    page,
    pageSize,
    ...(f.status && f.status !== 'all' ? { status: f.status as ExpertStatus } : {}),
    ...(f.fieldCode ? { fieldCode: f.fieldCode as FieldCode } : {}),
    ...(f.q ? { q: f.q } : {}),
  };
}

export const listExperts = (input: ExpertListInput) => trpc.experts.list.query(input);
export const getExpert = (id: string) => trpc.experts.byId.query({ id });

/** How many wait for review: the total of a one-row page of pending experts. */
export const countPendingExperts = async () =>
  (await trpc.experts.list.query({ page: 1, pageSize: 1, status: 'pending' })).total;

/**
 * A decision on the version the officer is looking at. Silent: the dialog shows the refusal
 * (a missing reason, a stale version) beside the form, not as a toast.
 */
export const decideExpert = (input: RouterInputs['experts']['decide']) =>
  trpc.experts.decide.mutate(input, { context: { silent: true } });

/** The full mobile; the server checks the role and writes the audit record with the reason. */
export const revealExpertMobile = async (id: string, reason: string) =>
  (await trpc.experts.revealMobile.mutate({ id, reason })).mobile;

/** The decisions an expert's current status allows, in the domain's order. */
export const decisionsFor = (status: string): ExpertDecision[] =>
  EXPERT_DECISION_CODES.filter((d) =>
    (EXPERT_DECISIONS[d].from as readonly string[]).includes(status),
  );
