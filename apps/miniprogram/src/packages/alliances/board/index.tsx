import { View } from '@tarojs/components';
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
import { REGISTRY_FIELDS, type RegistryPage, membersText, registryQuery } from '../data';
import '../alliances.css';

type Item = RegistryPage['items'][number];
type Filters = { fieldCode?: string; q?: string };

const fetchPage = (f: Filters, page: number) =>
  api.alliances.published.query(registryQuery(f, page));

/**
 * 创新联盟 (open without login): the approved innovation alliances, newest approval first, by
 * field and a keyword in the name, ten at a time with 加载更多. A card opens the alliance.
 */
export default function AllianceRegistryPage() {
  const pageClass = usePageClass();
  const [filters, setFilters] = useState<Filters>({});
  const registry = usePagedList(fetchPage, filters);

  return (
    <View className={pageClass} id="registry-page">
      <View className="hero hero--small">
        <View className="hero__title">创新联盟</View>
        <View className="hero__text">
          龙头企业牵头、高校和科研院所等参加组建的创新联合体和未来产业技术创新联盟
        </View>
      </View>

      <View className="card registry-filters">
        <View className="registry-filters__label" id="registry-field-label">
          产业领域
        </View>
        <ChipGroup
          id="registry-field"
          chipIdPrefix="registry-field"
          options={REGISTRY_FIELDS}
          value={[filters.fieldCode ?? 'all']}
          small
          onChange={(codes) => {
            const code = codes[0];
            setFilters((f) => ({ ...f, fieldCode: code && code !== 'all' ? code : undefined }));
          }}
        />
        <KeywordSearch
          idPrefix="registry"
          placeholder="搜索联盟名称"
          onSearch={(q) => setFilters((f) => ({ ...f, q }))}
        />
      </View>

      <PagedList paged={registry} moreId="registry-more">
        {({ items, total }) => (
          <RegistryList
            items={items}
            total={total}
            filtered={Boolean(filters.fieldCode || filters.q)}
          />
        )}
      </PagedList>
    </View>
  );
}

function RegistryList(props: { items: readonly Item[]; total: number; filtered: boolean }) {
  if (props.items.length === 0)
    return (
      <EmptyState
        id="registry-empty"
        title={props.filtered ? '没有符合条件的创新联盟' : '暂无已登记的创新联盟'}
        hint={props.filtered ? '换个领域或关键词试试' : '审核通过的创新联盟将在这里公开'}
      />
    );
  return (
    <View id="registry-list">
      <View className="muted registry-total" id="registry-total" role="status">
        共 {props.total} 个创新联盟
      </View>
      {props.items.map((a) => (
        <View
          key={a.id}
          {...pressable('link')}
          className="card alliance"
          id={`registry-alliance-${a.id}`}
          onClick={() => void open(routes.publicAlliance, { id: a.id })}
        >
          <View className="alliance__number">{a.number}</View>
          <View className="alliance__title">{a.name}</View>
          <View className="alliance__meta">
            {a.fieldName} · 牵头单位 {a.leadOrganisationName}
            {a.approvedAt ? ` · ${formatDate(a.approvedAt)} 通过` : ''}
          </View>
          <View className="alliance__meta">成员单位：{membersText(a.members)}</View>
        </View>
      ))}
    </View>
  );
}
