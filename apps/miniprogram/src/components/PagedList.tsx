import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Page, usePagedList } from '../hooks/usePagedList';
import { ErrorState, LoadingState } from './StateViews';

/**
 * What `usePagedList` has: loading, the failure with 重新加载, the pages read so far (`children`)
 * and 加载更多 while there are more (`moreId`).
 */
export function PagedList<Item>(props: {
  paged: ReturnType<typeof usePagedList<unknown, Item>>;
  moreId: string;
  children: (page: Page<Item>) => ReactNode;
}) {
  const { list, more, busy, reload, loadMore } = props.paged;
  return (
    <>
      {list.state === 'loading' ? <LoadingState /> : null}
      {list.state === 'error' ? (
        <ErrorState message={list.message} onRetry={() => void reload()} />
      ) : null}
      {list.state === 'ready' ? props.children(list) : null}
      {more ? (
        <Button
          id={props.moreId}
          className="btn btn--ghost"
          loading={busy}
          onClick={() => void loadMore()}
        >
          加载更多
        </Button>
      ) : null}
    </>
  );
}
