import { useQuery } from '@tanstack/vue-query';
import { computed, watch } from 'vue';
import { useRoute } from 'vue-router';
import { trpc } from '../../api/client';
import { queryKeys } from '../../composables/query-keys';
import { useApiMutation } from '../../composables/use-api-query';

/** The bell asks for the count this often (and on every page change), not more. */
export const UNREAD_POLL_MS = 60_000;

/** The route the bell opens: 消息中心 showing the unread messages, the list its count counts. */
export const UNREAD_MESSAGES_ROUTE = { name: 'Messages', query: { unread: '1' } } as const;

/**
 * The officer's unread count for the header's bell. Polled quietly: a failed poll shows nothing
 * (the page the officer is on reports its own errors) and is tried again next time.
 */
export function useUnreadCount() {
  const route = useRoute();
  const query = useQuery({
    queryKey: queryKeys.notifications.unread,
    queryFn: () => trpc.notifications.unreadCount.query(undefined, { context: { silent: true } }),
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
  });
  watch(
    () => route.path,
    () => void query.refetch(),
  );
  return computed(() => query.data.value?.count ?? 0);
}

/** Marks the given messages read (none given: all of them); the bell and list follow. */
export function useMarkRead() {
  return useApiMutation(
    (ids: string[] | undefined) => trpc.notifications.markRead.mutate(ids ? { ids } : {}),
    { invalidate: [queryKeys.notifications.all] },
  );
}
