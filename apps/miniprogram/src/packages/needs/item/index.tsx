import { Button, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { KeyValue } from '../../../components/KeyValue';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import { formatDate } from '../../../format';
import { useLoader } from '../../../hooks/useLoader';
import { leaveIfLoggedOut, open, routes, toast } from '../../../services/nav';
import { ensureSession } from '../../../services/session';
import { usePageClass } from '../../../services/text-size';
import { type BoardNeed, detailRows } from '../data';
import '../needs.css';

/**
 * A published need on the 需求榜 (`?id=`), open to anyone without login: what it asks, by
 * whom, never who responded. 我要揭榜 asks for a login (the login page for someone who never
 * accepted the privacy guideline) and then opens the 揭榜 form, which checks the profile.
 */
export default function BoardNeedPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const { loaded, reload } = useLoader(() => api.needs.publishedById.query({ id }), {
    session: false,
  });

  if (loaded.state === 'loading') {
    return (
      <View className={pageClass}>
        <LoadingState />
      </View>
    );
  }
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  return (
    <View className={`${pageClass} page--footer`} id="item-page">
      <BoardNeedView need={loaded.data} />
    </View>
  );
}

export function BoardNeedView({ need }: { need: BoardNeed }) {
  const [busy, setBusy] = useState(false);
  const respond = async () => {
    if (busy) return;
    setBusy(true);
    try {
      // 揭榜 is done under one's own name: log in first (silently if agreed before).
      await ensureSession();
      await open(routes.needRespond, { id: need.id });
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      void toast(describeError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      <View className="card need-head">
        <View className="need__kind">
          {need.kindName} · {need.number}
        </View>
        <View className="need-head__title" id="item-title">
          {need.title}
        </View>
        <View className="muted" id="item-field">
          {need.fieldName}
          {need.subFieldName ? ` · ${need.subFieldName}` : ''}
        </View>
        <View className="muted" id="item-poster">
          发布单位：{need.organisationName}（{need.areaName}）
          {need.publishedAt ? ` · ${formatDate(need.publishedAt)} 发布` : ''}
        </View>
      </View>
      <View className="card" id="item-content">
        <View className="card__title">需求内容</View>
        {detailRows(need).map((row) => (
          <KeyValue key={row.name} label={row.label} id={`item-${row.name}`}>
            {row.value}
          </KeyValue>
        ))}
      </View>
      <View className="notice" id="item-how">
        揭榜请说明团队基础、技术路线和联系方式。揭榜方的姓名、单位和说明只有发布单位和科技部门可见，不在需求榜公开。
      </View>
      <View className="footer-bar">
        <Button
          id="item-respond"
          className="btn btn--primary"
          loading={busy}
          disabled={busy || undefined}
          onClick={() => void respond()}
        >
          我要揭榜
        </Button>
      </View>
    </View>
  );
}
