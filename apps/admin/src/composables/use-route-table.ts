import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { computed, reactive, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';

export type SortOrder = 'asc' | 'desc';
export interface TableSort {
  prop: string | null;
  order: SortOrder | null;
}

/** el-table's `sort-change` payload and `default-sort` prop use these words. */
type ElOrder = 'ascending' | 'descending' | null;

export interface RouteTableOptions<F extends Record<string, string>> {
  /** Filter names with their "not set" values (usually ''). Values are strings, as in a URL. */
  filters: F;
  /** Which values a filter takes from a link; anything else in the URL is ignored (default kept). */
  accept?: { [K in keyof F]?: (value: string) => boolean };
  pageSize?: number;
}

function single(value: LocationQuery[string] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function positiveInt(value: LocationQuery[string] | undefined, fallback: number): number {
  const n = Number(single(value));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * A paged, sortable, filterable table whose state lives in the route query
 * (`?status=bureau-review&page=2&sort=submittedAt&order=desc`), so a link, a reload or the back
 * button shows the same rows. `draft` is what the filter form edits; `search()` applies it and
 * goes back to page 1; `filters` is what is applied (feed it to the query).
 */
export function useRouteTable<F extends Record<string, string>>(options: RouteTableOptions<F>) {
  const route = useRoute();
  const router = useRouter();
  const defaultPageSize = options.pageSize ?? 20;
  const names = Object.keys(options.filters) as (keyof F & string)[];

  const page = computed(() => positiveInt(route.query.page, 1));
  const pageSize = computed(() => positiveInt(route.query.pageSize, defaultPageSize));
  const sort = computed<TableSort>(() => {
    const order = single(route.query.order);
    return {
      prop: single(route.query.sort) ?? null,
      order: order === 'asc' || order === 'desc' ? order : null,
    };
  });
  // One computed per filter, so a filter's `accept` may read another filter without a cycle.
  const values = Object.fromEntries(
    names.map((name) => [
      name,
      computed(() => {
        const value = single(route.query[name]);
        const accept = options.accept?.[name];
        return value !== undefined && (!accept || accept(value)) ? value : options.filters[name];
      }),
    ]),
  ) as unknown as Record<keyof F, { value: string }>;
  const filters = computed<F>(
    () => Object.fromEntries(names.map((name) => [name, values[name].value])) as F,
  );

  const draft = reactive({ ...filters.value }) as F;
  watch(filters, (applied) => Object.assign(draft, applied));

  function go(patch: Record<string, string | number | undefined | null>) {
    const query: LocationQueryRaw = { ...route.query };
    for (const [key, value] of Object.entries(patch)) {
      // Typed text goes to the link trimmed, so a stray space is not a different list.
      const text = value === undefined || value === null ? '' : String(value).trim();
      if (text === '') delete query[key];
      else query[key] = text;
    }
    // Defaults are left out of the URL so links stay short.
    if (query.page === '1') delete query.page;
    if (query.pageSize === String(defaultPageSize)) delete query.pageSize;
    return router.push({ path: route.path, query });
  }

  return {
    page,
    pageSize,
    sort,
    filters,
    /** One applied filter, read on its own (safe inside another filter's `accept`). */
    filter: (name: keyof F) => values[name].value,
    draft,
    search: () => go({ ...draft, page: undefined }),
    /** Clears the filters (but those in `keep`) and goes back to page 1. */
    reset: (keep: readonly string[] = []) =>
      go({
        ...Object.fromEntries(names.filter((n) => !keep.includes(n)).map((n) => [n, undefined])),
        page: undefined,
      }),
    /** Sets some filters at once (a tab, a dropped tag) and goes back to page 1. */
    patch: (values: Partial<Record<keyof F & string, string | undefined>>) =>
      go({ ...values, page: undefined }),
    setPage: (n: number) => go({ page: n }),
    setPageSize: (n: number) => go({ pageSize: n, page: undefined }),
    /** For el-table's `@sort-change`. */
    onSortChange: (e: { prop: string | null; order: ElOrder }) =>
      go({
        sort: e.order ? e.prop : undefined,
        order: e.order === 'ascending' ? 'asc' : e.order === 'descending' ? 'desc' : undefined,
        page: undefined,
      }),
    /** For el-table's `:default-sort`, so the header arrow matches the URL after a reload. */
    elDefaultSort: computed(() =>
      sort.value.prop && sort.value.order
        ? {
            prop: sort.value.prop,
            order: sort.value.order === 'asc' ? ('ascending' as const) : ('descending' as const),
          }
        : undefined,
    ),
  };
}
