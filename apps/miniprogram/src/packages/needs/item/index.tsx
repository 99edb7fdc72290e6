import { Button, View } from '@tarojs/components';
import { todayInShanghai } from '@kc/domain';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { KeyValue } from '../../../components/KeyValue';
import { NotLoadedPage } from '../../../components/StateViews';
import { formatDate } from '../../../format';
import { useLoader } from '../../../hooks/useLoader';
import { leaveIfLoggedOut, open, routes, toast } from '../../../services/nav';
import { ensureSession, readSession } from '../../../services/session';
import { usePageClass } from '../../../services/text-size';
import { type BoardNeed, type PublishedCall, detailRows, keyProjectCallsFor } from '../data';
import '../needs.css';

/**
 * A published need on the 需求榜 (`?id=`), open to anyone without login: what it asks, by
 * whom, never who responded. 我要揭榜 asks for a login (the login page for someone who never
 * accepted the privacy guideline) and then opens the 揭榜 form, which checks the profile. For a
 * signed-in organisation user, a 技术攻关需求 also offers 申报揭榜挂帅项目 while a key-project
 * call takes submissions: that call's submission form, naming this need.
 */
export default function BoardNeedPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const { loaded, reload } = useLoader(() => api.needs.publishedById.query({ id }), {
    session: false,
  });
  const calls = useKeyProjectCalls();

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  return (
    <View className={`${pageClass} page--footer`} id="item-page">
      <BoardNeedView need={loaded.data} calls={calls} />
    </View>
  );
}

/**
 * The published calls, for someone signed in as a member of an organisation (the lead of a
 * key-project submission); quietly none for a visitor, a researcher, or when they cannot be read.
 * Never asks for a login: the need stays open to anyone.
 */
function useKeyProjectCalls(): readonly PublishedCall[] {
  const [calls, setCalls] = useState<readonly PublishedCall[]>([]);
  useDidShow(() => {
    if (!readSession()) return;
    Promise.all([api.profile.mine.query(), api.selection.calls.published.query()])
      .then(([profile, published]) =>
        setCalls(profile?.type === 'organisation' && Array.isArray(published) ? published : []),
      )
      .catch(() => setCalls([]));
  });
  return calls;
}

export function BoardNeedView({
  need,
  calls = [],
}: {
  need: BoardNeed;
  /** Published calls, given only to a signed-in organisation user (揭榜挂帅). */
  calls?: readonly PublishedCall[];
}) {
  const [busy, setBusy] = useState(false);
  const keyProjects = keyProjectCallsFor(need, calls, todayInShanghai(new Date()));
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
      <View className="card record-head">
        <View className="record__overline">
          {need.kindName} · {need.number}
        </View>
        <View className="record-head__title" id="item-title">
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
      {keyProjects.length > 0 ? (
        <View className="card" id="item-key-projects">
          <View className="card__title">揭榜挂帅</View>
          <View className="muted need__hint">
            本单位可针对该技术攻关需求，牵头联合高校、科研院所申报市级重点科技项目（揭榜挂帅），申报时将注明揭榜本需求。
          </View>
          {keyProjects.map((c, i) => (
            <View key={c.id} className="need-call" id={`item-key-project-call-${i}`}>
              <View className="need-call__title">{c.title}</View>
              <View className="muted">申报截止 {c.applyUntil}</View>
              <Button
                id={`item-key-project-${i}`}
                className="btn btn--ghost btn--small"
                onClick={() =>
                  void open(routes.selectionSubmission, { callId: c.id, needId: need.id })
                }
              >
                申报揭榜挂帅项目
              </Button>
            </View>
          ))}
        </View>
      ) : null}
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
