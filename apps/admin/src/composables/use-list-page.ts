import type { QueryKey } from '@tanstack/vue-query';
import { AREAS, FIELDS } from '@kc/domain';
import type { ComputedRef, MaybeRefOrGetter, Ref } from 'vue';
import { computed, toValue } from 'vue';
import { fixedAreaOf } from '../access/area';
import { useAuthStore } from '../store/auth';
import { useApiQuery } from './use-api-query';
import type { TableSort } from './use-route-table';
import { useRouteTable } from './use-route-table';

export interface FilterOption {
  label: string;
  value: string;
}

interface FieldBase<K extends string> {
  name: K;
  /** The visible label, which is also the control's accessible name. */
  label: string;
  /** Defaults to `filter-<name>`. */
  testId?: string;
  width?: number;
}

/**
 * One filter of a list page, as data. Values are strings, as in the URL; a value a link carries
 * that the field would not offer (an unknown status, a malformed date) is ignored.
 */
export type FilterField<K extends string = string> =
  | (FieldBase<K> & { kind: 'input'; placeholder?: string; maxlength?: number })
  | (FieldBase<K> & {
      kind: 'select';
      options: MaybeRefOrGetter<readonly FilterOption[]>;
      placeholder?: string;
      filterable?: boolean;
      /** Any typed value is a filter too (e.g. an action prefix), so any value is accepted. */
      allowCreate?: boolean;
      /** A select with a default (not '') usually offers "all" as an option instead. */
      clearable?: boolean;
      default?: string;
      /**
       * Options that come with the list's answer (e.g. the calls that made projects): which
       * values to take from a link meanwhile. Without it, only a value among the options.
       */
      accept?: (value: string) => boolean;
    })
  /** `name` holds the first day, `to` the last (YYYY-MM-DD, both inclusive). */
  | (FieldBase<K> & {
      kind: 'date-range';
      to: K;
      startPlaceholder?: string;
      endPlaceholder?: string;
    })
  /** The area select: fixed (and not sent) for an area officer, whom the server confines anyway. */
  | (FieldBase<K> & { kind: 'area'; placeholder?: string })
  /** In the URL only (e.g. a workbench queue); the page shows it its own way. */
  | { kind: 'hidden'; name: K; accept?: (value: string) => boolean; default?: string };

/** The five future-industry fields, a filter of several lists (organisations, 人才库). */
export const FIELD_CODE_FILTER = {
  kind: 'select',
  name: 'fieldCode',
  label: '产业领域',
  placeholder: '全部',
  testId: 'filter-field',
  width: 160,
  options: FIELDS.map((f) => ({ label: f.name, value: f.code })),
} as const satisfies FilterField;

/**
 * The status filter of a page that opens on what waits for the officer (`queue`, e.g. 待审核);
 * 全部状态 shows the whole list.
 */
export function queueStatusFilter(
  statuses: readonly { code: string; name: string }[],
  queue: string,
) {
  return {
    kind: 'select',
    name: 'status',
    label: '状态',
    default: queue,
    clearable: false,
    width: 140,
    options: [
      { label: '全部状态', value: 'all' },
      ...statuses.map((s) => ({ label: s.name, value: s.code })),
    ],
  } as const satisfies FilterField;
}

export interface ListTabs<K extends string> {
  /** The URL key; the first item is the default and is left out of the URL. */
  name: K;
  items: readonly { label: string; value: string }[];
  /** Filters that go back to their defaults when the tab changes. */
  resets?: readonly K[];
  testId?: string;
}

export interface ListColumn<Row> {
  label?: string;
  prop?: string;
  type?: 'selection' | 'expand';
  width?: number;
  minWidth?: number;
  align?: 'left' | 'center' | 'right';
  fixed?: 'left' | 'right';
  /** Sorted by the server: the sort goes to the URL (`?sort=prop&order=asc`). */
  sortable?: boolean;
  /** One line, the rest in a tooltip. */
  ellipsis?: boolean;
  /** The page's cell template of this name (`<template #name="{ row }">`). */
  slot?: string;
  // Methods, not function properties, so a ListColumn<Row> also fits ListColumn<object>.
  format?(row: Row): string;
  selectable?(row: Row): boolean;
}

export interface ListQuery<K extends string> {
  page: number;
  pageSize: number;
  sort: TableSort;
  /** Applied filters, trimmed, without empty ones (and without a fixed area). */
  filters: Partial<Record<K, string>>;
}

/** The filter names a schema declares (a date range declares two). */
export type FilterNameOf<F> = F extends { kind: 'date-range'; name: infer N; to: infer T }
  ? N | T
  : F extends { name: infer N }
    ? N
    : never;
/** What `key` and `fetch` get for a schema: `ListQueryOf<typeof filters>`. */
export type ListQueryOf<T extends readonly FilterField[]> = ListQuery<
  FilterNameOf<T[number]> & string
>;

export interface ListPageOptions<K extends string, Data extends { items: unknown[] }> {
  filters: readonly FilterField<K>[];
  tabs?: ListTabs<K>;
  /** Unpaged lists (the API returns them whole) have no pager. */
  paged?: boolean;
  pageSize?: number;
  /** The cache key and the request, both from the URL state. */
  key: (query: ListQuery<K>) => QueryKey;
  fetch: (query: ListQuery<K>) => Promise<Data>;
  /** Typed by the page (`ListColumn<Row>[]`); `never` here takes any row type. */
  columns: MaybeRefOrGetter<readonly ListColumn<never>[]>;
  table: {
    testId: MaybeRefOrGetter<string>;
    pagerTestId?: string;
    emptyText?: MaybeRefOrGetter<string>;
    /** Rows open something on click (pointer cursor). */
    clickable?: MaybeRefOrGetter<boolean>;
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const testIdOf = (field: { name: string; testId?: string }) =>
  field.testId ?? `filter-${field.name}`;

/** What a field's options are, as read now (the area field's are the areas). */
export function optionsOf(field: FilterField): readonly FilterOption[] {
  if (field.kind === 'area') return AREAS.map((a) => ({ label: a.name, value: a.code }));
  return field.kind === 'select' ? toValue(field.options) : [];
}

/**
 * A list page declared as data, in the spirit of vben's grid: the filter fields, the tabs, the
 * columns and how to fetch; `<list-page :list>` renders the form, table, pager, loading and
 * empty states. Filters, tab, page, size and sort live in the route query (`useRouteTable`), so a
 * link (a workbench tile), a reload or the back button shows the same rows.
 */
export function useListPage<
  K extends string,
  Data extends { items: unknown[]; total?: number; totalIsEstimate?: boolean },
>(
  options: ListPageOptions<K, Data>,
): ListPage<Data['items'][number], K> & { data: Ref<Data | undefined> } {
  const auth = useAuthStore();
  const fixedArea = computed(() => fixedAreaOf(auth.officer));
  const tabs = options.tabs;

  const defaults = {} as Record<K, string>;
  const accept: Partial<Record<K, (value: string) => boolean>> = {};
  const oneOf = (field: FilterField<K>) => (v: string) =>
    optionsOf(field as FilterField).some((o) => o.value === v);
  for (const field of options.filters) {
    defaults[field.name] = ('default' in field && field.default) || '';
    if (field.kind === 'hidden') {
      if (field.accept) accept[field.name] = field.accept;
    } else if (field.kind === 'date-range') {
      defaults[field.to] = '';
      accept[field.name] = accept[field.to] = (v) => DAY.test(v);
    } else if (field.kind === 'select' && field.accept) {
      accept[field.name] = field.accept;
    } else if (field.kind === 'area' || (field.kind === 'select' && !field.allowCreate)) {
      accept[field.name] = oneOf(field);
    }
  }
  if (tabs) {
    defaults[tabs.name] = tabs.items[0]?.value ?? '';
    accept[tabs.name] = (v) => tabs.items.some((t) => t.value === v);
  }

  const table = useRouteTable({ filters: defaults, accept, pageSize: options.pageSize });
  const areaNames = options.filters.filter((f) => f.kind === 'area').map((f) => f.name);

  const query = computed<ListQuery<K>>(() => {
    const filters: Partial<Record<K, string>> = {};
    for (const [name, raw] of Object.entries(table.filters.value) as [K, string][]) {
      const value = raw.trim();
      if (value && !(fixedArea.value && areaNames.includes(name))) filters[name] = value;
    }
    const paged = options.paged ?? true;
    return {
      page: paged ? table.page.value : 1,
      pageSize: table.pageSize.value,
      sort: table.sort.value,
      filters,
    };
  });
  const result = useApiQuery(
    () => options.key(query.value),
    () => options.fetch(query.value),
    { keepPrevious: true },
  );

  return {
    ...table,
    fields: options.filters,
    tabs,
    paged: options.paged ?? true,
    fixedArea,
    columns: computed(
      () => toValue(options.columns) as readonly ListColumn<Data['items'][number]>[],
    ),
    testId: computed(() => toValue(options.table.testId)),
    pagerTestId: options.table.pagerTestId,
    emptyText: computed(() => toValue(options.table.emptyText) ?? '暂无数据'),
    clickable: computed(() => toValue(options.table.clickable) ?? false),
    data: result.data as Ref<Data | undefined>,
    rows: computed(() => (result.data.value?.items ?? []) as Data['items'][number][]),
    total: computed(() => result.data.value?.total ?? result.data.value?.items.length ?? 0),
    totalIsEstimate: computed(() => result.data.value?.totalIsEstimate ?? false),
    isFetching: result.isFetching,
    /** 重置 keeps the tab: it clears what the form shows. */
    reset: () => table.reset(tabs ? [tabs.name] : []),
    setTab: (value: string) =>
      table.patch({
        [tabs?.name ?? '']: value === defaults[tabs?.name as K] ? undefined : value,
        ...Object.fromEntries((tabs?.resets ?? []).map((n) => [n, defaults[n] || undefined])),
      } as Partial<Record<K, string>>),
  };
}

/** What `<list-page :list>` renders: the URL state, the declaration and the fetched rows. */
export interface ListPage<Row, K extends string = string> {
  fields: readonly FilterField<K>[];
  tabs: ListTabs<K> | undefined;
  paged: boolean;
  fixedArea: ComputedRef<string | null>;
  columns: ComputedRef<readonly ListColumn<Row>[]>;
  testId: ComputedRef<string>;
  pagerTestId: string | undefined;
  emptyText: ComputedRef<string>;
  clickable: ComputedRef<boolean>;
  rows: ComputedRef<Row[]>;
  total: ComputedRef<number>;
  /** the server estimated `total` (a very long list): shown as 约 N 条 */
  totalIsEstimate: ComputedRef<boolean>;
  isFetching: Ref<boolean>;
  page: ComputedRef<number>;
  pageSize: ComputedRef<number>;
  sort: ComputedRef<TableSort>;
  filters: ComputedRef<Record<K, string>>;
  draft: Record<K, string>;
  elDefaultSort: ComputedRef<{ prop: string; order: 'ascending' | 'descending' } | undefined>;
  // Methods (not arrow properties) so a page's ListPage<Row, 'q' | …> fits ListPage<Row>.
  filter(name: K): string;
  search(): Promise<unknown>;
  reset(): Promise<unknown>;
  patch(values: Partial<Record<K, string | undefined>>): Promise<unknown>;
  setTab(value: string): Promise<unknown>;
  setPage(page: number): Promise<unknown>;
  setPageSize(size: number): Promise<unknown>;
  onSortChange(e: {
    prop: string | null;
    order: 'ascending' | 'descending' | null;
  }): Promise<unknown>;
}
