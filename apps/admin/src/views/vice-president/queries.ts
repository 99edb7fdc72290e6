import type { VpSecondmentStatus } from '@kc/domain';
import type { MaybeRefOrGetter } from 'vue';
import { computed, toValue } from 'vue';
import { useMutation, useQuery, useQueryClient } from '@tanstack/vue-query';
import { trpc } from '../../api/client';
import type { RouterInputs, RouterOutputs } from '../../api/types';

/**
 * The 科技副总 screens' data, through the query cache. Keys start with 'vp' so one invalidation
 * after a change refreshes every view of the programme.
 */
export type VpCall = RouterOutputs['vp']['calls']['list'][number];
export type VpCallDetail = RouterOutputs['vp']['calls']['get'];
export type VpNeed = RouterOutputs['vp']['needs']['ofCall'][number];
export type VpCandidate = RouterOutputs['vp']['candidates']['ofCall'][number];
export type VpRun = NonNullable<RouterOutputs['vp']['matching']['latest']>;
export type VpProposal = VpRun['proposals'][number];
export type VpPairRule = VpRun['rules'][number];
export type VpPairExplanation = RouterOutputs['vp']['matching']['explain'];
export type VpSecondment = RouterOutputs['vp']['secondments']['list'][number];
export type VpSecondmentDetail = RouterOutputs['vp']['secondments']['detail'];
export type { VpSecondmentStatus };
export type VpCallAction = RouterInputs['vp']['calls']['advance']['action'];
export type VpCallCreate = RouterInputs['vp']['calls']['create'];
export type VpPairRuleInput = RouterInputs['vp']['matching']['setRule']['rule'];
export type VpEvaluationInput = RouterInputs['vp']['secondments']['evaluate']['evaluation'];

const VP = ['vp'] as const;

export function useCalls() {
  return useQuery({ queryKey: [...VP, 'calls'], queryFn: () => trpc.vp.calls.list.query({}) });
}

export function useCall(callId: MaybeRefOrGetter<string>) {
  return useQuery({
    queryKey: computed(() => [...VP, 'call', toValue(callId)]),
    queryFn: () => trpc.vp.calls.get.query({ callId: toValue(callId) }),
  });
}

export function useCallNeeds(callId: MaybeRefOrGetter<string>) {
  return useQuery({
    queryKey: computed(() => [...VP, 'needs', toValue(callId)]),
    queryFn: () => trpc.vp.needs.ofCall.query({ callId: toValue(callId) }),
  });
}

export function useCallCandidates(
  callId: MaybeRefOrGetter<string>,
  enabled: MaybeRefOrGetter<boolean> = true,
) {
  return useQuery({
    queryKey: computed(() => [...VP, 'candidates', toValue(callId)]),
    queryFn: () => trpc.vp.candidates.ofCall.query({ callId: toValue(callId) }),
    enabled: computed(() => toValue(enabled)),
  });
}

export function useLatestRun(
  callId: MaybeRefOrGetter<string>,
  enabled: MaybeRefOrGetter<boolean> = true,
) {
  return useQuery({
    queryKey: computed(() => [...VP, 'run', toValue(callId)]),
    queryFn: () => trpc.vp.matching.latest.query({ callId: toValue(callId) }),
    enabled: computed(() => toValue(enabled)),
  });
}

export function usePairExplanation(
  callId: MaybeRefOrGetter<string>,
  pair: MaybeRefOrGetter<{ needId: string; candidateId: string } | null>,
) {
  return useQuery({
    queryKey: computed(() => [...VP, 'explain', toValue(callId), toValue(pair)]),
    queryFn: () => {
      const p = toValue(pair);
      if (!p) throw new Error('no pair chosen');
      return trpc.vp.matching.explain.query({ callId: toValue(callId), ...p });
    },
    enabled: computed(() => toValue(pair) !== null),
  });
}

export function useSecondments(
  filter: MaybeRefOrGetter<{ callId?: string; status?: VpSecondmentStatus; due?: 'evaluation' }>,
) {
  return useQuery({
    queryKey: computed(() => [...VP, 'secondments', toValue(filter)]),
    queryFn: () => trpc.vp.secondments.list.query(toValue(filter)),
  });
}

export function useSecondmentDetail(secondmentId: MaybeRefOrGetter<string | null>) {
  return useQuery({
    queryKey: computed(() => [...VP, 'secondment', toValue(secondmentId)]),
    queryFn: () => {
      const id = toValue(secondmentId);
      if (!id) throw new Error('no secondment chosen');
      return trpc.vp.secondments.detail.query({ secondmentId: id });
    },
    enabled: computed(() => toValue(secondmentId) !== null),
  });
}

/** A change to the programme: every cached 'vp' answer is refreshed when it succeeds. */
function useVpMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: VP }),
  });
}

export const useCreateCall = () =>
  useVpMutation((input: VpCallCreate) => trpc.vp.calls.create.mutate(input));

export const useSetAgreementTemplate = () =>
  useVpMutation((input: RouterInputs['vp']['calls']['setAgreementTemplate']) =>
    trpc.vp.calls.setAgreementTemplate.mutate(input),
  );

export const useAdvanceCall = () =>
  useVpMutation((input: RouterInputs['vp']['calls']['advance']) =>
    trpc.vp.calls.advance.mutate(input),
  );

export const useRunMatcher = () =>
  useVpMutation((callId: string) => trpc.vp.matching.run.mutate({ callId }));

export const useSetPairRule = () =>
  useVpMutation((input: { callId: string; rule: VpPairRuleInput }) =>
    trpc.vp.matching.setRule.mutate(input),
  );

export const useClearPairRule = () =>
  useVpMutation((input: { callId: string; needId: string; candidateId: string }) =>
    trpc.vp.matching.clearRule.mutate(input),
  );

export const useEvaluate = () =>
  useVpMutation((input: { secondmentId: string; evaluation: VpEvaluationInput }) =>
    trpc.vp.secondments.evaluate.mutate(input),
  );

export const useEndSecondment = () =>
  useVpMutation((input: RouterInputs['vp']['secondments']['end']) =>
    trpc.vp.secondments.end.mutate(input),
  );
