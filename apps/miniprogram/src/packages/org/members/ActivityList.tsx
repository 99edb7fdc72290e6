import { View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { formatDateTime } from '../../../format';
import { toast } from '../../../services/nav';
import { withSession } from '../../../services/session';
import type { ActivityPage } from './data';
import { pressable } from '../../../components/a11y';

type Item = ActivityPage['items'][number];

/** 单位动态 (administrators): every recorded change about the organisation, newest first. */
export function ActivityList({ first }: { first: ActivityPage }) {
  const [more, setMore] = useState<{ items: Item[]; cursor: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const items = [...first.items, ...(more?.items ?? [])];
  const cursor = more ? more.cursor : first.nextCursor;

  const loadMore = async () => {
    if (!cursor || busy) return;
    setBusy(true);
    try {
      const next = await withSession(() => api.myOrg.members.activity.query({ cursor, limit: 20 }));
      setMore((prev) => ({
        items: [...(prev?.items ?? []), ...next.items],
        cursor: next.nextCursor,
      }));
    } catch (error) {
      void toast(describeError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="members-activity">
      <View className="card__title">单位动态</View>
      {items.length === 0 ? <View className="muted">暂无记录</View> : null}
      {items.map((i) => (
        <View key={i.id} className="list-item list-item--column" id={`activity-${i.id}`}>
          <View className="list-item__row">
            <View className="list-item__title">{i.actionLabel}</View>
            <View className="muted">{formatDateTime(i.at)}</View>
          </View>
          <View className="list-item__meta">
            {i.actorName}
            {i.note ? ` · ${i.note}` : ''}
          </View>
        </View>
      ))}
      {cursor ? (
        <View
          {...pressable()}
          className="link members__more"
          id="activity-more"
          onClick={() => void loadMore()}
        >
          {busy ? '加载中…' : '查看更多'}
        </View>
      ) : null}
    </View>
  );
}
