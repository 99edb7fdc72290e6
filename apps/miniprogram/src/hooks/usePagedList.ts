import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/errors';
import { toast } from '../services/nav';

export interface Page<Item> {
  items: Item[];
  total: number;
  page: number;
}

export type PagedList<Item> =
  { state: 'loading' } | { state: 'error'; message: string } | ({ state: 'ready' } & Page<Item>);

/** Whether the list has more pages after the items shown (加载更多). */
export function hasMore(shown: number, total: number): boolean {
  return shown < total;
}

/**
 * A public list read a page at a time (需求榜, 创新联盟): the first page whenever the filters
 * change and on pull-down (the list on screen stays until the answer comes), the next one appended
 * by `loadMore` (加载更多). An answer for filters no longer chosen is dropped; a first page that
 * fails is the error state, a next page that fails only a toast. The page config must set
 * `enablePullDownRefresh: true`.
 */
export function usePagedList<Filters, Item>(
  fetchPage: (filters: Filters, page: number) => Promise<Page<Item>>,
  filters: Filters,
) {
  const [list, setList] = useState<PagedList<Item>>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const latest = useRef(fetchPage);
  latest.current = fetchPage;

  const loadFirst = useCallback(async (f: Filters) => {
    const mine = ++seq.current;
    setList((prev) => (prev.state === 'ready' ? prev : { state: 'loading' }));
    try {
      const page = await latest.current(f, 1);
      if (mine === seq.current)
        setList({ state: 'ready', items: page.items, total: page.total, page: 1 });
    } catch (error) {
      if (mine === seq.current) setList({ state: 'error', message: describeError(error).message });
    }
  }, []);

  useEffect(() => {
    void loadFirst(filters);
  }, [filters, loadFirst]);

  usePullDownRefresh(() => {
    void loadFirst(filters).finally(() => {
      void Taro.stopPullDownRefresh();
    });
  });

  const loadMore = async () => {
    if (list.state !== 'ready' || busy) return;
    const mine = seq.current;
    setBusy(true);
    try {
      const next = await latest.current(filters, list.page + 1);
      if (mine !== seq.current) return;
      setList((prev) =>
        prev.state === 'ready'
          ? {
              state: 'ready',
              items: [...prev.items, ...next.items],
              total: next.total,
              page: next.page,
            }
          : prev,
      );
    } catch (error) {
      void toast(describeError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return {
    list,
    more: list.state === 'ready' && hasMore(list.items.length, list.total),
    busy,
    reload: () => loadFirst(filters),
    loadMore,
  };
}
