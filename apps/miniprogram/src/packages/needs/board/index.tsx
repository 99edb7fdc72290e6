import { View } from '@tarojs/components';
import { api } from '../../../api/client';
import { pressable } from '../../../components/a11y';
import { PublicBoard } from '../../../components/PublicBoard';
import { formatDate } from '../../../format';
import { open, routes } from '../../../services/nav';
import { BOARD_FIELDS, BOARD_KINDS, type BoardFilters, boardQuery } from '../data';
import '../needs.css';

const fetchPage = (f: BoardFilters, page: number) => api.needs.published.query(boardQuery(f, page));

/**
 * 需求榜 (from the 政策 tab; open without login): the published 应用场景需求 and 技术攻关需求,
 * newest first, filtered by kind and field and searched by a keyword in the title, ten at a
 * time with 加载更多. A card opens the need and its 我要揭榜.
 */
export default function NeedBoardPage() {
  return (
    <PublicBoard
      id="board"
      title="需求榜"
      intro="企业和单位发布的应用场景需求、技术攻关需求，经科技部门审核后公开；科研团队和企业可在线揭榜"
      chips={[
        { id: 'kind', filter: 'kind', label: '需求类型', options: BOARD_KINDS },
        { id: 'field', filter: 'fieldCode', label: '产业领域', options: BOARD_FIELDS, small: true },
      ]}
      placeholder="搜索需求名称"
      fetchPage={fetchPage}
      count={(total) => `共 ${total} 项需求`}
      empty={(filtered) =>
        filtered
          ? { title: '没有符合条件的需求', hint: '换个类型、领域或关键词试试' }
          : { title: '暂无发布的需求', hint: '审核发布的需求将在这里公开' }
      }
    >
      {(n) => (
        <View
          {...pressable('link')}
          className="card record"
          id={`board-need-${n.id}`}
          onClick={() => void open(routes.boardNeed, { id: n.id })}
        >
          <View className="record__overline">
            {n.kindName} · {n.number}
          </View>
          <View className="record__title">{n.title}</View>
          <View className="record__meta">
            {n.fieldName}
            {n.subFieldName ? ` · ${n.subFieldName}` : ''}
          </View>
          <View className="record__meta">
            {n.organisationName} · {n.areaName}
            {n.publishedAt ? ` · ${formatDate(n.publishedAt)} 发布` : ''}
          </View>
        </View>
      )}
    </PublicBoard>
  );
}
