import { View } from '@tarojs/components';
import { api } from '../../../api/client';
import { pressable } from '../../../components/a11y';
import { PublicBoard } from '../../../components/PublicBoard';
import { formatDate } from '../../../format';
import { open, routes } from '../../../services/nav';
import { REGISTRY_FIELDS, membersText, registryQuery } from '../data';
import '../alliances.css';

type Filters = { fieldCode?: string; q?: string };

const fetchPage = (f: Filters, page: number) =>
  api.alliances.published.query(registryQuery(f, page));

/**
 * 创新联盟 (open without login): the approved innovation alliances, newest approval first, by
 * field and a keyword in the name, ten at a time with 加载更多. A card opens the alliance.
 */
export default function AllianceRegistryPage() {
  return (
    <PublicBoard
      id="registry"
      title="创新联盟"
      intro="龙头企业牵头、高校和科研院所等参加组建的创新联合体和未来产业技术创新联盟"
      chips={[
        {
          id: 'field',
          filter: 'fieldCode',
          label: '产业领域',
          options: REGISTRY_FIELDS,
          small: true,
        },
      ]}
      placeholder="搜索联盟名称"
      fetchPage={fetchPage}
      count={(total) => `共 ${total} 个创新联盟`}
      empty={(filtered) =>
        filtered
          ? { title: '没有符合条件的创新联盟', hint: '换个领域或关键词试试' }
          : { title: '暂无已登记的创新联盟', hint: '审核通过的创新联盟将在这里公开' }
      }
    >
      {(a) => (
        <View
          {...pressable('link')}
          className="card record"
          id={`registry-alliance-${a.id}`}
          onClick={() => void open(routes.publicAlliance, { id: a.id })}
        >
          <View className="record__overline">{a.number}</View>
          <View className="record__title">{a.name}</View>
          <View className="record__meta">
            {a.fieldName} · 牵头单位 {a.leadOrganisationName}
            {a.approvedAt ? ` · ${formatDate(a.approvedAt)} 通过` : ''}
          </View>
          <View className="record__meta">成员单位：{membersText(a.members)}</View>
        </View>
      )}
    </PublicBoard>
  );
}
