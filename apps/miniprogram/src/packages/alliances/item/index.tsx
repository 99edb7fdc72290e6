import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { KeyValue } from '../../../components/KeyValue';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import { formatDate } from '../../../format';
import { useLoader } from '../../../hooks/useLoader';
import { usePageClass } from '../../../services/text-size';
import type { PublicAlliance } from '../data';
import '../alliances.css';

/**
 * An approved alliance (`?id=`), open to anyone without login: its lead firm, field, purpose and
 * member units by name and type. The charter is on file with the bureau, not published.
 */
export default function PublicAlliancePage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const { loaded, reload } = useLoader(() => api.alliances.publishedById.query({ id }), {
    session: false,
  });

  if (loaded.state === 'loading')
    return (
      <View className={pageClass}>
        <LoadingState />
      </View>
    );
  if (loaded.state === 'error')
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  return (
    <View className={pageClass} id="public-alliance-page">
      <PublicAllianceView alliance={loaded.data} />
    </View>
  );
}

export function PublicAllianceView({ alliance: a }: { alliance: PublicAlliance }) {
  return (
    <View>
      <View className="card record-head">
        <View className="record__overline">{a.number}</View>
        <View className="record-head__title" id="public-alliance-title">
          {a.name}
        </View>
        <KeyValue label="牵头单位" id="public-alliance-lead">
          {a.leadOrganisationName}
        </KeyValue>
        <KeyValue label="产业方向">{a.fieldName}</KeyValue>
        <KeyValue label="所在区域">{a.areaName}</KeyValue>
        <KeyValue label="通过日期">{a.approvedAt ? formatDate(a.approvedAt) : '—'}</KeyValue>
        <KeyValue label="联盟章程" id="public-alliance-charter">
          章程已备案
        </KeyValue>
      </View>
      <View className="card">
        <View className="card__title">联盟宗旨与主要任务</View>
        <Text className="alliance__text" id="public-alliance-purpose">
          {a.purpose}
        </Text>
      </View>
      <View className="card" id="public-alliance-members">
        <View className="card__title">成员单位（{a.members.length}）</View>
        {a.members.map((m, i) => (
          <View key={`${m.name}-${i}`} className="alliance-member">
            <View className="alliance-member__main">
              <Text className="alliance-member__name">{m.name}</Text>
              <Text className="muted alliance-member__type">{m.unitTypeName}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
