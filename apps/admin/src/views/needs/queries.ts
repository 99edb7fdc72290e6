import type { NeedCuration, NeedKind, NeedStatus } from '@kc/domain';
import { NEED_CURATION, NEED_CURATION_CODES } from '@kc/domain';
import { trpc } from '../../api/client';
import type { RouterInputs, RouterOutputs } from '../../api/types';

/**
 * 需求征集: the need board (需求榜) as officers curate it. An area officer's answers hold only
 * their area's needs (the server filters); the bureau sees the city's.
 */
export type Need = RouterOutputs['needs']['list']['items'][number];
export type NeedListInput = RouterInputs['needs']['list'];
export type NeedCurateInput = RouterInputs['needs']['curate'];
export type { NeedCuration, NeedKind, NeedStatus };

/** Query-cache keys; a curation refetches all of them (list, count, merge targets). */
export const needKeys = {
  all: ['needs'] as const,
  list: (input: NeedListInput) => ['needs', 'list', input] as const,
  submittedCount: ['needs', 'submitted-count'] as const,
  mergeTargets: (kind: string) => ['needs', 'merge-targets', kind] as const,
};

/** The list's input from the filters (already checked against their options by the URL). */
export function listInput(
  page: number,
  pageSize: number,
  f: { status?: string; kind?: string },
): NeedListInput {
  return {
    page,
    pageSize,
    ...(f.status && f.status !== 'all' ? { status: f.status as NeedStatus } : {}),
    ...(f.kind ? { kind: f.kind as NeedKind } : {}),
  };
}

export const listNeeds = (input: NeedListInput) => trpc.needs.list.query(input);

/** How many wait for review: the total of a one-row page of submitted needs. */
export const countSubmittedNeeds = async () =>
  (await trpc.needs.list.query({ page: 1, pageSize: 1, status: 'submitted' })).total;

/** The most merge targets gathered for the picker (the list pages by at most 100). */
const TARGET_PAGES = 10;

/**
 * What a need may be merged into: the published needs of its kind the officer sees (the server
 * merges only into a published need). The list has no keyword, so the picker searches these by
 * number and title itself.
 */
export async function listMergeTargets(kind: NeedKind): Promise<Need[]> {
  const found: Need[] = [];
  for (let page = 1; page <= TARGET_PAGES; page++) {
    const res = await trpc.needs.list.query({ page, pageSize: 100, status: 'published', kind });
    found.push(...res.items);
    if (found.length >= res.total || res.items.length === 0) break;
  }
  return found;
}

/**
 * A curation on the version the officer is looking at. Silent: the dialog shows the refusal (a
 * missing comment, a stale version) beside the form, not as a toast.
 */
export const curateNeed = (input: NeedCurateInput) =>
  trpc.needs.curate.mutate(input, { context: { silent: true } });

/** The curations a need's current status allows, in the domain's order. */
export const curationsFor = (status: string): NeedCuration[] =>
  NEED_CURATION_CODES.filter((c) => (NEED_CURATION[c].from as readonly string[]).includes(status));
