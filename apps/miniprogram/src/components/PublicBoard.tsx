import { View } from '@tarojs/components';
import { Fragment, type ReactNode, useState } from 'react';
import { type Page, usePagedList } from '../hooks/usePagedList';
import { usePageClass } from '../services/text-size';
import { ChipGroup, type ChipOption } from './ChipGroup';
import { KeywordSearch } from './KeywordSearch';
import { PagedList } from './PagedList';
import { EmptyState } from './StateViews';

/** A row of filter chips: one choice, the first option `all` (全部…), which filters nothing. */
export interface BoardChips<Filters> {
  /** The chips' ids: `<board id>-<id>`, `<board id>-<id>-label`, `<board id>-<id>-<code>`. */
  id: string;
  filter: keyof Filters & string;
  label: string;
  options: readonly ChipOption[];
  small?: boolean;
}

/**
 * A public board (需求榜, 创新联盟; open without login): the title and what the board holds, the
 * filter chips and a keyword (searched on 搜索), then the records ten at a time with 加载更多
 * (`usePagedList`): their count and cards, or why there are none (nothing matching the filters,
 * or nothing yet). A card is `children`. Ids: `<id>-page`, `<id>-q`, `<id>-search`, `<id>-list`,
 * `<id>-total`, `<id>-empty`, `<id>-more`; the chips' as `BoardChips` says.
 */
export function PublicBoard<Filters extends { q?: string }, Item extends { id: string }>(props: {
  id: string;
  title: string;
  intro: string;
  chips: readonly BoardChips<Filters>[];
  placeholder: string;
  fetchPage: (filters: Filters, page: number) => Promise<Page<Item>>;
  /** `共 N 项需求` */
  count: (total: number) => string;
  /** What an empty list says: with a filter set, or without. */
  empty: (filtered: boolean) => { title: string; hint: string };
  children: (item: Item) => ReactNode;
}) {
  const { id } = props;
  const pageClass = usePageClass();
  const [filters, setFilters] = useState<Filters>({} as Filters);
  const board = usePagedList(props.fetchPage, filters);
  const filtered = Object.values(filters).some(Boolean);
  const choose = (filter: keyof Filters & string, value: string | undefined) =>
    setFilters((f) => ({ ...f, [filter]: value }));

  return (
    <View className={pageClass} id={`${id}-page`}>
      <View className="hero hero--small">
        <View className="hero__title">{props.title}</View>
        <View className="hero__text">{props.intro}</View>
      </View>

      <View className="card board-filters">
        {props.chips.map((chips) => (
          <Fragment key={chips.id}>
            <View className="board-filters__label" id={`${id}-${chips.id}-label`}>
              {chips.label}
            </View>
            <ChipGroup
              id={`${id}-${chips.id}`}
              chipIdPrefix={`${id}-${chips.id}`}
              options={chips.options}
              value={[(filters[chips.filter] as string | undefined) ?? 'all']}
              small={chips.small}
              onChange={(codes) => {
                const code = codes[0];
                choose(chips.filter, code && code !== 'all' ? code : undefined);
              }}
            />
          </Fragment>
        ))}
        <KeywordSearch
          idPrefix={id}
          placeholder={props.placeholder}
          onSearch={(q) => choose('q', q)}
        />
      </View>

      <PagedList paged={board} moreId={`${id}-more`}>
        {({ items, total }) =>
          items.length === 0 ? (
            <EmptyState id={`${id}-empty`} {...props.empty(filtered)} />
          ) : (
            <View id={`${id}-list`}>
              <View className="muted board-total" id={`${id}-total`} role="status">
                {props.count(total)}
              </View>
              {items.map((item) => (
                <Fragment key={item.id}>{props.children(item)}</Fragment>
              ))}
            </View>
          )
        }
      </PagedList>
    </View>
  );
}
