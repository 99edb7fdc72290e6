import type { MaybeRefOrGetter } from 'vue';
import { computed, toValue } from 'vue';
import { useMutation, useQuery, useQueryClient } from '@tanstack/vue-query';
import { trpc } from '../../api/client';
import type { RouterInputs, RouterOutputs } from '../../api/types';

export type Officer = RouterOutputs['officers']['list'][number];
export type OfficerFilter = NonNullable<RouterInputs['officers']['list']>;
export type OfficerCreate = RouterInputs['officers']['create'];
export type OfficerUpdate = RouterInputs['officers']['update'];

const KEY = ['officers'] as const;

export function useOfficers(filter: MaybeRefOrGetter<OfficerFilter>) {
  return useQuery({
    queryKey: computed(() => [...KEY, toValue(filter)]),
    queryFn: () => trpc.officers.list.query(toValue(filter)),
  });
}

/** Every account change refreshes the list (sessions, status and role shown there). */
function useOfficerMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export const useCreateOfficer = () =>
  useOfficerMutation((input: OfficerCreate) => trpc.officers.create.mutate(input));
export const useUpdateOfficer = () =>
  useOfficerMutation((input: OfficerUpdate) => trpc.officers.update.mutate(input));
export const useResetPassword = () =>
  useOfficerMutation((input: { id: string; password: string }) =>
    trpc.officers.resetPassword.mutate(input),
  );
export const useEndSessions = () =>
  useOfficerMutation((id: string) => trpc.officers.endSessions.mutate({ id }));
export const useResetSecondFactor = () =>
  useOfficerMutation((id: string) => trpc.officerSecurity.resetSecondFactor.mutate({ id }));
