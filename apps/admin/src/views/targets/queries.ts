import type { MaybeRefOrGetter } from 'vue';
import { computed, toValue } from 'vue';
import { useQuery } from '@tanstack/vue-query';
import type { AreaCode } from '@kc/domain';
import { trpc } from '../../api/client';
import type { RouterOutputs } from '../../api/types';

export type TargetsReport = RouterOutputs['dashboard']['targets'];
export type TargetRow = TargetsReport['targets'][number];

/** The plan's 2030 targets against progress, city-wide or for one area. */
export function useTargets(areaCode: MaybeRefOrGetter<AreaCode | ''>) {
  return useQuery({
    queryKey: computed(() => ['dashboard', 'targets', toValue(areaCode)]),
    queryFn: () => {
      const area = toValue(areaCode);
      return trpc.dashboard.targets.query(area ? { areaCode: area } : {});
    },
  });
}
