import { View } from '@tarojs/components';
import { todayInShanghai } from '@kc/domain';
import { api } from '../../../api/client';
import { pressable } from '../../../components/a11y';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import { useLoader } from '../../../hooks/useLoader';
import { open, routes } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import { type ConsultationSummary, daysText, periodText, stageTag } from '../data';
import '../policy-comments.css';

/**
 * 政策征求意见 (open without login): every consultation the bureau has published, newest first,
 * with where it stands (即将开始 / 征求意见中 / 已截止 / 已发布采纳情况), its period and the
 * comments received. A card opens the consultation.
 */
export default function ConsultationsPage() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(() => api.consultations.published.query(), {
    session: false,
  });

  return (
    <View className={pageClass} id="consultations-page">
      <View className="hero hero--small">
        <View className="hero__title">政策征求意见</View>
        <View className="hero__text">
          市科技局起草的政策文件向社会公开征求意见：逐条阅读，对具体条款提出意见，查看意见采纳情况
        </View>
      </View>
      {loaded.state === 'loading' ? <LoadingState /> : null}
      {loaded.state === 'error' ? (
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      ) : null}
      {loaded.state === 'ready' ? <ConsultationList list={loaded.data} /> : null}
    </View>
  );
}

export function ConsultationList({ list }: { list: readonly ConsultationSummary[] }) {
  if (list.length === 0)
    return (
      <EmptyState
        id="consultations-empty"
        title="暂无征求意见的政策文件"
        hint="市科技局发布征求意见后将在这里显示"
      />
    );
  const today = todayInShanghai(new Date());
  return (
    <View id="consultations-list">
      {list.map((c) => {
        const tag = stageTag(c);
        const days = daysText(c, today);
        return (
          <View
            key={c.id}
            {...pressable('link')}
            id={`consultation-${c.id}`}
            className="card record"
            onClick={() => void open(routes.consultation, { id: c.id })}
          >
            <View className="record__overline">{c.number}</View>
            <View className="record__head">
              <View className="record__title">{c.title}</View>
              <StatusTag status={tag.status} label={tag.label} id={`consultation-${c.id}-stage`} />
            </View>
            <View className="record__meta" id={`consultation-${c.id}-period`}>
              征求意见时间：{periodText(c)}
            </View>
            <View className="record__meta">已收到意见 {c.comments} 条</View>
            {days ? (
              <View className="consultation__days" id={`consultation-${c.id}-days`}>
                {days}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
