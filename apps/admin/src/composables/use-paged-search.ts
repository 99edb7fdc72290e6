import { keepPreviousData, useQuery } from '@tanstack/vue-query';
import type { UnwrapRef } from 'vue';
import { computed, reactive, ref } from 'vue';

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * A filter form over a paged list: the form is a draft until 查询, paging keeps the filters of
 * the last search, and the previous page stays on screen while the next one loads.
 */
export function usePagedSearch<F extends object, T>(options: {
  key: string;
  empty: () => F;
  fetch: (filters: UnwrapRef<F>, page: { page: number; pageSize: number }) => Promise<Page<T>>;
  pageSize?: number;
}) {
  const filters = reactive(options.empty());
  /** Filters are flat (strings, numbers), so shallow copies keep draft and applied apart. */
  const applied = ref(options.empty());
  const page = ref(1);
  const pageSize = ref(options.pageSize ?? 20);

  const query = useQuery({
    queryKey: computed(() => [options.key, applied.value, page.value, pageSize.value]),
    queryFn: () =>
      options.fetch(applied.value as UnwrapRef<F>, { page: page.value, pageSize: pageSize.value }),
    placeholderData: keepPreviousData,
  });

  function search() {
    applied.value = { ...(filters as F) } as typeof applied.value;
    page.value = 1;
  }

  function reset() {
    Object.assign(filters, options.empty());
    search();
  }

  function onSizeChange() {
    page.value = 1;
  }

  return {
    filters,
    page,
    pageSize,
    rows: computed(() => query.data.value?.items ?? []),
    total: computed(() => query.data.value?.total ?? 0),
    isFetching: query.isFetching,
    search,
    reset,
    onSizeChange,
  };
}
