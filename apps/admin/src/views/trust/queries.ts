import { CHANGE_STATUSES, CLAIM_STATUSES, VERIFICATION_REQUEST_STATUSES } from '@kc/domain';
import { trpc } from '../../api/client';
import type { RouterInputs, RouterOutputs } from '../../api/types';

/** The three queues of the verification screen (机构认证 / 变更申请 / 认领申诉). */
export type TrustTab = 'verifications' | 'changes' | 'claims';
export const TRUST_TABS: { name: TrustTab; label: string; what: string }[] = [
  { name: 'verifications', label: '机构认证', what: '机构认证申请' },
  { name: 'changes', label: '变更申请', what: '变更申请' },
  { name: 'claims', label: '认领申诉', what: '认领申诉' },
];

export function trustTabOf(value: string | undefined): TrustTab {
  return value === 'changes' || value === 'claims' ? value : 'verifications';
}

type Review = RouterOutputs['orgReview'];
export type QueueInput = RouterInputs['orgReview']['verifications']['list'];
export type VerificationItem = Review['verifications']['list']['items'][number];
export type ChangeItem = Review['changes']['list']['items'][number];
export type ClaimItem = Review['claims']['list']['items'][number];
export type VerificationDetail = Review['verifications']['byId'];
export type ChangeDetail = Review['changes']['byId'];
export type ClaimDetail = Review['claims']['byId'];
export type TrustFile = NonNullable<VerificationDetail['licenceFile']>;
export type Decision = { decision: 'approve' | 'reject'; reason?: string };

export interface QueuePage {
  items: (VerificationItem | ChangeItem | ClaimItem)[];
  total: number;
  page: number;
  pageSize: number;
}

/** Each queue's list, in one shape for the page (the rows differ per tab). */
export async function listQueue(tab: TrustTab, input: QueueInput): Promise<QueuePage> {
  const { status, ...rest } = input;
  switch (tab) {
    case 'changes':
      return trpc.orgReview.changes.list.query({
        ...rest,
        ...(status
          ? { status: status as RouterInputs['orgReview']['changes']['list']['status'] }
          : {}),
      });
    case 'claims':
      return trpc.orgReview.claims.list.query({
        ...rest,
        ...(status
          ? { status: status as RouterInputs['orgReview']['claims']['list']['status'] }
          : {}),
      });
    default:
      return trpc.orgReview.verifications.list.query(input);
  }
}

export const getVerification = (id: string) => trpc.orgReview.verifications.byId.query({ id });
export const getChange = (id: string) => trpc.orgReview.changes.byId.query({ id });
export const getClaim = (id: string) => trpc.orgReview.claims.byId.query({ id });

/** Decisions are shown inline in the dialog (silent: no global toast). */
export function decide(tab: TrustTab, id: string, decision: Decision) {
  const input = { id, ...decision };
  const silent = { context: { silent: true } };
  switch (tab) {
    case 'changes':
      return trpc.orgReview.changes.decide.mutate(input, silent);
    case 'claims':
      return trpc.orgReview.claims.decide.mutate(input, silent);
    default:
      return trpc.orgReview.verifications.decide.mutate(input, silent);
  }
}

/** The statuses each queue can be filtered by (names as the server and the applicant use them). */
export const STATUS_OPTIONS: Record<TrustTab, readonly { code: string; name: string }[]> = {
  verifications: VERIFICATION_REQUEST_STATUSES,
  changes: CHANGE_STATUSES,
  claims: CLAIM_STATUSES,
};

/** Query-cache keys of this screen; a decision refetches them and the workbench tiles. */
export const trustKeys = {
  all: ['trust'] as const,
  list: (tab: TrustTab, input: unknown) => ['trust', 'list', tab, input] as const,
  detail: (tab: TrustTab, id: string) => ['trust', 'detail', tab, id] as const,
};
