import { View } from '@tarojs/components';
import { todayInShanghai } from '@kc/domain';
import { api } from '../../../api/client';
import { pressable } from '../../../components/a11y';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import { useLoader } from '../../../hooks/useLoader';
import { open, routes } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import { type PublishedCall, callTiming, datesText } from '../data';
import '../selection.css';

/**
 * 申报指南: the bureau's published selection calls (应用场景典型案例, 重点科技项目, 颠覆性技术,
 * 人才团队), those taking submissions first, each with its programme, dates, stage and the days
 * left. A card opens the guide.
 */
export default function CallsPage() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(() => api.selection.calls.published.query());

  return (
    <View className={pageClass} id="calls-page">
      <View className="hero hero--small">
        <View className="hero__title">申报指南</View>
        <View className="hero__text">
          市科技局发布的评选与立项申报指南：阅读指南，以单位名义在线申报、上传材料、跟踪形式审查
        </View>
      </View>
      {loaded.state === 'loading' ? <LoadingState /> : null}
      {loaded.state === 'error' ? (
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      ) : null}
      {loaded.state === 'ready' ? <CallList calls={loaded.data} /> : null}
    </View>
  );
}

function CallList({ calls }: { calls: readonly PublishedCall[] }) {
  if (calls.length === 0) {
    return (
      <EmptyState id="calls-empty" title="暂无发布的申报指南" hint="新的指南发布后将在这里显示" />
    );
  }
  const today = todayInShanghai(new Date());
  return (
    <View id="calls-list">
      {calls.map((call) => {
        const timing = callTiming(call, today);
        return (
          <View
            key={call.id}
            {...pressable('link')}
            id={`call-${call.id}`}
            className="card call"
            onClick={() => void open(routes.selectionCall, { id: call.id })}
          >
            <View className="call__programme">
              方案条款 {call.clause} · {call.programmeName}
            </View>
            <View className="call__head">
              <View className="call__title">{call.title}</View>
              <StatusTag status={timing.tone} label={timing.stage} id={`call-${call.id}-stage`} />
            </View>
            <View className="call__meta">申报时间：{datesText(call)}</View>
            <View className="call__meta">
              支持数量：{call.quota === null ? '不限' : `${call.quota} 项`}
            </View>
            {timing.days ? (
              <View
                className={timing.urgent ? 'call__days call__days--urgent' : 'call__days'}
                id={`call-${call.id}-days`}
              >
                {timing.days}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
