import type { AllianceDecision, AllianceStatus } from '@kc/domain';
import { allianceDecisionsFor } from '@kc/domain';
import { trpc } from '../../api/client';
import type { RouterInputs, RouterOutputs } from '../../api/types';

/**
 * 创新联盟 as officers decide them. An area officer's answers hold only their area's alliances
 * (the server filters); the bureau sees the city's.
 */
export type Alliance = RouterOutputs['alliances']['list']['items'][number];
export type AllianceListInput = RouterInputs['alliances']['list'];
export type AllianceDecideInput = RouterInputs['alliances']['decide'];
export type { AllianceDecision, AllianceStatus };

/** Query-cache keys; a decision refetches all of them (list and count). */
export const allianceKeys = {
  all: ['alliances'] as const,
  list: (input: AllianceListInput) => ['alliances', 'list', input] as const,
  submittedCount: ['alliances', 'submitted-count'] as const,
};

/** The list's input from the filters (already checked against their options by the URL). */
export function listInput(
  page: number,
  pageSize: number,
  f: { status?: string; fieldCode?: string; q?: string },
): AllianceListInput {
  const q = f.q?.trim();
  return {
    page,
    pageSize,
    ...(f.status && f.status !== 'all' ? { status: f.status as AllianceStatus } : {}),
    ...(f.fieldCode
      ? { fieldCode: f.fieldCode as NonNullable<AllianceListInput['fieldCode']> }
      : {}),
    ...(q ? { q } : {}),
  };
}

export const listAlliances = (input: AllianceListInput) => trpc.alliances.list.query(input);

/** How many wait for a decision: the total of a one-row page of submitted alliances. */
export const countSubmittedAlliances = async () =>
  (await trpc.alliances.list.query({ page: 1, pageSize: 1, status: 'submitted' })).total;

/**
 * A decision on the version the officer is looking at. Silent: the dialog shows the refusal (a
 * missing comment, a stale version) beside the form, not as a toast.
 */
export const decideAlliance = (input: AllianceDecideInput) =>
  trpc.alliances.decide.mutate(input, { context: { silent: true } });

/** The decisions an alliance's current status allows, in the domain's order. */
export const decisionsFor = (status: string): AllianceDecision[] => allianceDecisionsFor(status);
