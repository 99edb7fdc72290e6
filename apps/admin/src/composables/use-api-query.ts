import type { QueryKey } from '@tanstack/vue-query';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/vue-query';
import type { MaybeRefOrGetter } from 'vue';
import { computed, toValue } from 'vue';

export interface ApiQueryOptions<T> {
  /** Wait until this is true (e.g. an id from the route is present). */
  enabled?: MaybeRefOrGetter<boolean>;
  /** Keep showing the previous page while the next loads (paged tables). */
  keepPrevious?: boolean;
  /**
   * Read again this many ms after each answer while it says so (a background job's progress);
   * `false` stops. Stops on its own when the page is left.
   */
  refetchInterval?: (data: T | undefined) => number | false;
}

/**
 * A tRPC query through the shared cache. `key` and `fetch` read the same reactive state: when
 * the key changes, the query runs again. Errors were already shown by the API layer; read
 * `isError` only to decide what to render.
 *
 * ```ts
 * const input = computed(() => ({ page: page.value }));
 * const queue = useApiQuery(() => queryKeys.review.queue(input.value),
 *   () => trpc.review.queue.query(input.value), { keepPrevious: true });
 * ```
 */
export function useApiQuery<T>(
  key: MaybeRefOrGetter<QueryKey>,
  fetch: () => Promise<T>,
  options: ApiQueryOptions<T> = {},
) {
  const interval = options.refetchInterval;
  return useQuery({
    queryKey: computed(() => toValue(key)),
    queryFn: fetch,
    enabled: computed(() => (options.enabled === undefined ? true : toValue(options.enabled))),
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(interval
      ? {
          refetchInterval: (query: { state: { data: T | undefined } }) =>
            interval(query.state.data),
        }
      : {}),
  });
}

export interface ApiMutationOptions<TResult, TVars> {
  /** Cache prefixes to refetch after success (see query-keys.ts). */
  invalidate?: readonly QueryKey[];
  /** A short Chinese confirmation, e.g. 已批准. */
  successMessage?: string | ((result: TResult, vars: TVars) => string);
  onSuccess?: (result: TResult, vars: TVars) => void | Promise<void>;
}

/**
 * A tRPC mutation that refetches what it changed. No optimistic update: the screen shows what
 * the server answered (money and statuses must never be shown before they are true).
 */
export function useApiMutation<TResult, TVars = void>(
  run: (vars: TVars) => Promise<TResult>,
  options: ApiMutationOptions<TResult, TVars> = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result, vars) => {
      const message =
        typeof options.successMessage === 'function'
          ? options.successMessage(result, vars)
          : options.successMessage;
      if (message) ElMessage.success(message);
      await options.onSuccess?.(result, vars);
      await Promise.all(
        (options.invalidate ?? []).map((queryKey) => client.invalidateQueries({ queryKey })),
      );
    },
  });
}
