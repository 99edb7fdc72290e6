import { env } from '../../env';
import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { BottomNav } from '../../components/BottomNav';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { open, toast } from '../../services/nav';
import { askToSubscribe } from '../../services/subscribe';
import { withSession } from '../../services/session';
import { pressable } from '../../components/a11y';
import { usePageClass } from '../../services/text-size';
import { messageTarget } from './links';

type Page = Awaited<ReturnType<typeof api.notifications.mine.query>>;
type Message = Page['items'][number];

/** 消息中心: status changes of applications and 科技副总 news, newest first. */
export default function MessagesPage() {
  const pageClass = usePageClass();
  const [more, setMore] = useState<{ items: Message[]; cursor: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const { loaded, reload, setLoaded } = useLoader(async () => {
    setMore(null);
    return api.notifications.mine.query({ limit: 20 });
  });

  const items = loaded.state === 'ready' ? [...loaded.data.items, ...(more?.items ?? [])] : [];
  const cursor = more ? more.cursor : loaded.state === 'ready' ? loaded.data.nextCursor : null;
  const unread = items.filter((m) => !m.readAt).length;

  const loadMore = async () => {
    if (!cursor || busy) return;
    setBusy(true);
    try {
      const next = await withSession(() => api.notifications.mine.query({ cursor, limit: 20 }));
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

  const markAllRead = async () => {
    try {
      await withSession(() => api.notifications.markRead.mutate({}));
      await reload();
    } catch (error) {
      void toast(describeError(error).message);
    }
  };

  const openMessage = async (m: Message) => {
    if (!m.readAt) {
      // Reading is best effort: the link opens either way.
      void withSession(() => api.notifications.markRead.mutate({ ids: [m.id] })).catch(
        () => undefined,
      );
      setLoaded((prev) =>
        prev.state === 'ready'
          ? {
              ...prev,
              data: {
                ...prev.data,
                items: prev.data.items.map((x) =>
                  x.id === m.id ? { ...x, readAt: new Date() } : x,
                ),
              },
            }
          : prev,
      );
    }
    const target = messageTarget(m);
    if (target) void open(target.route, target.query);
  };

  return (
    <View className={`${pageClass} page--tabbed`} id="messages-page">
      {loaded.state === 'loading' ? <LoadingState /> : null}
      {loaded.state === 'error' ? (
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      ) : null}
      {loaded.state === 'ready' ? (
        <View className="toolbar">
          <View className="muted">{unread > 0 ? `${unread} 条未读` : '全部已读'}</View>
          <View className="toolbar__actions">
            {env.platform === 'weapp' ? (
              <View
                {...pressable()}
                className="link"
                id="messages-subscribe"
                onClick={() => void askToSubscribe()}
              >
                微信提醒
              </View>
            ) : null}
            {unread > 0 ? (
              <View
                {...pressable()}
                className="link"
                id="messages-read-all"
                onClick={() => void markAllRead()}
              >
                全部标为已读
              </View>
            ) : null}
          </View>
        </View>
      ) : null}
      {loaded.state === 'ready' && items.length === 0 ? (
        <EmptyState
          id="messages-empty"
          title="暂无消息"
          hint="申报受理、退回、审核结果、公示和拨付等进展会在这里通知您"
        />
      ) : null}
      {items.map((m) => (
        <View
          {...pressable()}
          key={m.id}
          id={`message-${m.id}`}
          className={m.readAt ? 'card message' : 'card message message--unread'}
          onClick={() => void openMessage(m)}
        >
          <View className="message__head">
            {!m.readAt ? <View className="dot" /> : null}
            <View className="message__title">{m.title}</View>
          </View>
          <View className="message__body">{m.body}</View>
          <View className="message__time">{formatDateTime(m.at)}</View>
        </View>
      ))}
      {cursor ? (
        <Button
          id="messages-more"
          className="btn btn--ghost"
          loading={busy}
          onClick={() => void loadMore()}
        >
          加载更多
        </Button>
      ) : null}
      <BottomNav current="messages" badge={unread} />
    </View>
  );
}
