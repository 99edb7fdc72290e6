import { Button, View } from '@tarojs/components';
import { api } from '../../../api/client';
import { pressable } from '../../../components/a11y';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import { useLoader } from '../../../hooks/useLoader';
import { open, routes } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import type { MyNeed } from '../data';
import '../needs.css';

/**
 * 我的需求: the needs the organisation posted on the 需求榜 (应用场景需求, 技术攻关需求), newest
 * first, each with where it stands and how many responded; a card opens the need. 发布需求 opens
 * the form; 查看需求榜 the public board.
 */
export default function MyNeedsPage() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(() => api.needs.mine.query());

  return (
    <View className={`${pageClass} page--footer`} id="needs-page">
      <View className="hero hero--small">
        <View className="hero__title">我的需求</View>
        <View className="hero__text">
          本单位在需求榜发布的应用场景需求和技术攻关需求，经科技部门审核后公开发布
        </View>
      </View>
      <View
        {...pressable('link')}
        className="link board-link"
        id="needs-board"
        onClick={() => void open(routes.needBoard)}
      >
        查看需求榜 ›
      </View>
      {loaded.state === 'loading' ? <LoadingState /> : null}
      {loaded.state === 'error' ? (
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      ) : null}
      {loaded.state === 'ready' ? <NeedList needs={loaded.data} /> : null}
      <View className="footer-bar">
        <Button
          id="needs-post"
          className="btn btn--primary"
          onClick={() => void open(routes.needPost)}
        >
          发布需求
        </Button>
      </View>
    </View>
  );
}

function NeedList({ needs }: { needs: readonly MyNeed[] }) {
  if (needs.length === 0) {
    return (
      <EmptyState
        id="needs-empty"
        title="还没有发布需求"
        hint="可发布希望在本单位开展示范应用的场景需求，或出资征集团队攻关的技术需求"
      />
    );
  }
  return (
    <View id="needs-list">
      {needs.map((n) => (
        <View
          key={n.id}
          {...pressable('link')}
          className="card record"
          id={`need-${n.id}`}
          onClick={() => void open(routes.myNeed, { id: n.id })}
        >
          <View className="record__overline">
            {n.kindName} · {n.number}
          </View>
          <View className="record__head">
            <View className="record__title">{n.title}</View>
            <StatusTag status={n.status} label={n.statusName} id={`need-${n.id}-status`} />
          </View>
          <View className="record__meta">
            {n.fieldName}
            {n.responses.length > 0 ? ` · ${n.responses.length} 条揭榜` : ''}
            {n.vpNeeds.length > 0 ? ' · 已转为科技副总需求' : ''}
          </View>
        </View>
      ))}
    </View>
  );
}
