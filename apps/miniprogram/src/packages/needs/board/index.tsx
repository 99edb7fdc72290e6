import { View } from '@tarojs/components';
import type { NeedKind } from '@kc/domain';
import { useState } from 'react';
import { api } from '../../../api/client';
import { pressable } from '../../../components/a11y';
import { ChipGroup } from '../../../components/ChipGroup';
import { KeywordSearch } from '../../../components/KeywordSearch';
import { PagedList } from '../../../components/PagedList';
import { EmptyState } from '../../../components/StateViews';
import { formatDate } from '../../../format';
import { usePagedList } from '../../../hooks/usePagedList';
import { open, routes } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import { BOARD_FIELDS, BOARD_KINDS, type BoardFilters, type BoardPage, boardQuery } from '../data';
import '../needs.css';

type BoardItem = BoardPage['items'][number];

const fetchPage = (f: BoardFilters, page: number) => api.needs.published.query(boardQuery(f, page));

/**
 * 需求榜 (from the 政策 tab; open without login): the published 应用场景需求 and 技术攻关需求,
 * newest first, filtered by kind and field and searched by a keyword in the title, ten at a
 * time with 加载更多. A card opens the need and its 我要揭榜.
 */
export default function NeedBoardPage() {
  const pageClass = usePageClass();
  const [filters, setFilters] = useState<BoardFilters>({});
  const board = usePagedList(fetchPage, filters);

  return (
    <View className={pageClass} id="board-page">
      <View className="hero hero--small">
        <View className="hero__title">需求榜</View>
        <View className="hero__text">
          企业和单位发布的应用场景需求、技术攻关需求，经科技部门审核后公开；科研团队和企业可在线揭榜
        </View>
      </View>

      <View className="card board-filters">
        <View className="board-filters__label" id="board-kind-label">
          需求类型
        </View>
        <ChipGroup
          id="board-kind"
          chipIdPrefix="board-kind"
          options={BOARD_KINDS}
          value={[filters.kind ?? 'all']}
          onChange={(codes) => {
            const code = codes[0];
            setFilters((f) => ({
              ...f,
              kind: code && code !== 'all' ? (code as NeedKind) : undefined,
            }));
          }}
        />
        <View className="board-filters__label" id="board-field-label">
          产业领域
        </View>
        <ChipGroup
          id="board-field"
          chipIdPrefix="board-field"
          options={BOARD_FIELDS}
          value={[filters.fieldCode ?? 'all']}
          small
          onChange={(codes) => {
            const code = codes[0];
            setFilters((f) => ({ ...f, fieldCode: code && code !== 'all' ? code : undefined }));
          }}
        />
        <KeywordSearch
          idPrefix="board"
          placeholder="搜索需求名称"
          onSearch={(q) => setFilters((f) => ({ ...f, q }))}
        />
      </View>

      <PagedList paged={board} moreId="board-more">
        {({ items, total }) => (
          <BoardList
            items={items}
            total={total}
            filtered={Boolean(filters.kind || filters.fieldCode || filters.q)}
          />
        )}
      </PagedList>
    </View>
  );
}

function BoardList(props: { items: readonly BoardItem[]; total: number; filtered: boolean }) {
  if (props.items.length === 0) {
    return (
      <EmptyState
        id="board-empty"
        title={props.filtered ? '没有符合条件的需求' : '暂无发布的需求'}
        hint={props.filtered ? '换个类型、领域或关键词试试' : '审核发布的需求将在这里公开'}
      />
    );
  }
  return (
    <View id="board-list">
      <View className="muted board-total" id="board-total" role="status">
        共 {props.total} 项需求
      </View>
      {props.items.map((n) => (
        <View
          key={n.id}
          {...pressable('link')}
          className="card need"
          id={`board-need-${n.id}`}
          onClick={() => void open(routes.boardNeed, { id: n.id })}
        >
          <View className="need__kind">
            {n.kindName} · {n.number}
          </View>
          <View className="need__title">{n.title}</View>
          <View className="need__meta">
            {n.fieldName}
            {n.subFieldName ? ` · ${n.subFieldName}` : ''}
          </View>
          <View className="need__meta">
            {n.organisationName} · {n.areaName}
            {n.publishedAt ? ` · ${formatDate(n.publishedAt)} 发布` : ''}
          </View>
        </View>
      ))}
    </View>
  );
}
