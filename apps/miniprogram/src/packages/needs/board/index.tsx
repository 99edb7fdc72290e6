import { Button, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { NeedKind } from '@kc/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { pressable } from '../../../components/a11y';
import { ChipGroup } from '../../../components/ChipGroup';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { TextField } from '../../../components/TextField';
import { formatDate } from '../../../format';
import { open, routes, toast } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import {
  BOARD_FIELDS,
  BOARD_KINDS,
  type BoardFilters,
  type BoardPage,
  boardQuery,
  hasMore,
} from '../data';
import '../needs.css';

type BoardItem = BoardPage['items'][number];
type Board =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; items: BoardItem[]; total: number; page: number };

/**
 * 需求榜 (from the 政策 tab; open without login): the published 应用场景需求 and 技术攻关需求,
 * newest first, filtered by kind and field and searched by a keyword in the title, ten at a
 * time with 加载更多. A card opens the need and its 我要揭榜.
 */
export default function NeedBoardPage() {
  const pageClass = usePageClass();
  const [filters, setFilters] = useState<BoardFilters>({});
  const [keyword, setKeyword] = useState('');
  const [board, setBoard] = useState<Board>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);

  const loadFirst = useCallback(async (f: BoardFilters) => {
    const mine = ++seq.current;
    setBoard((prev) => (prev.state === 'ready' ? prev : { state: 'loading' }));
    try {
      const page = await api.needs.published.query(boardQuery(f, 1));
      if (mine === seq.current)
        setBoard({ state: 'ready', items: page.items, total: page.total, page: 1 });
    } catch (error) {
      if (mine === seq.current) setBoard({ state: 'error', message: describeError(error).message });
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
    if (board.state !== 'ready' || busy) return;
    const mine = seq.current;
    setBusy(true);
    try {
      const next = await api.needs.published.query(boardQuery(filters, board.page + 1));
      if (mine !== seq.current) return;
      setBoard((prev) =>
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

  const search = () => setFilters((f) => ({ ...f, q: keyword.trim() || undefined }));

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
        <TextField
          id="board-q"
          label="关键词"
          value={keyword}
          placeholder="搜索需求名称"
          maxlength={50}
          onChange={setKeyword}
        />
        <Button id="board-search" className="btn btn--ghost btn--small" onClick={search}>
          搜索
        </Button>
      </View>

      {board.state === 'loading' ? <LoadingState /> : null}
      {board.state === 'error' ? (
        <ErrorState message={board.message} onRetry={() => void loadFirst(filters)} />
      ) : null}
      {board.state === 'ready' ? (
        <BoardList
          items={board.items}
          total={board.total}
          filtered={Boolean(filters.kind || filters.fieldCode || filters.q)}
        />
      ) : null}
      {board.state === 'ready' && hasMore(board.items.length, board.total) ? (
        <Button
          id="board-more"
          className="btn btn--ghost"
          loading={busy}
          onClick={() => void loadMore()}
        >
          加载更多
        </Button>
      ) : null}
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
