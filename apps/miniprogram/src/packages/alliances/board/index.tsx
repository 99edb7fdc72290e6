import { Button, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
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
import { REGISTRY_FIELDS, type RegistryPage, membersText, registryQuery } from '../data';
import '../alliances.css';

type Item = RegistryPage['items'][number];
type Registry =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; items: Item[]; total: number; page: number };

/**
 * 创新联盟 (open without login): the approved innovation alliances, newest approval first, by
 * field and a keyword in the name, ten at a time with 加载更多. A card opens the alliance.
 */
export default function AllianceRegistryPage() {
  const pageClass = usePageClass();
  const [filters, setFilters] = useState<{ fieldCode?: string; q?: string }>({});
  const [keyword, setKeyword] = useState('');
  const [registry, setRegistry] = useState<Registry>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);

  const loadFirst = useCallback(async (f: { fieldCode?: string; q?: string }) => {
    const mine = ++seq.current;
    setRegistry((prev) => (prev.state === 'ready' ? prev : { state: 'loading' }));
    try {
      const page = await api.alliances.published.query(registryQuery(f, 1));
      if (mine === seq.current)
        setRegistry({ state: 'ready', items: page.items, total: page.total, page: 1 });
    } catch (error) {
      if (mine === seq.current)
        setRegistry({ state: 'error', message: describeError(error).message });
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
    if (registry.state !== 'ready' || busy) return;
    const mine = seq.current;
    setBusy(true);
    try {
      const next = await api.alliances.published.query(registryQuery(filters, registry.page + 1));
      if (mine !== seq.current) return;
      setRegistry((prev) =>
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
        <TextField
          id="registry-q"
          label="关键词"
          value={keyword}
          placeholder="搜索联盟名称"
          maxlength={50}
          onChange={setKeyword}
        />
        <Button
          id="registry-search"
          className="btn btn--ghost btn--small"
          onClick={() => setFilters((f) => ({ ...f, q: keyword.trim() || undefined }))}
        >
          搜索
        </Button>
      </View>

      {registry.state === 'loading' ? <LoadingState /> : null}
      {registry.state === 'error' ? (
        <ErrorState message={registry.message} onRetry={() => void loadFirst(filters)} />
      ) : null}
      {registry.state === 'ready' ? (
        <RegistryList
          items={registry.items}
          total={registry.total}
          filtered={Boolean(filters.fieldCode || filters.q)}
        />
      ) : null}
      {registry.state === 'ready' && registry.items.length < registry.total ? (
        <Button
          id="registry-more"
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
