import { View } from '@tarojs/components';
import { api } from '../../../api/client';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { formatDate } from '../../../format';
import { useLoader } from '../../../hooks/useLoader';
import { open, routes } from '../../../services/nav';
import { invitationTone } from './data';
import { pressable } from '../../../components/a11y';
import { usePageClass } from '../../../services/text-size';

/** 免申即享 invitations of the organisation: those waiting first, each opening its detail. */
export function InvitationList() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(() => api.myOrg.invitations.list.query());
  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const { items, waiting } = loaded.data;
  return (
    <View className={pageClass} id="invitations-page">
      <View className="notice" id="invitations-intro">
        市科技局导入官方认定名单（高新技术企业、研发平台、孵化器等）后，对政策有奖补的单位发出免申即享邀请：申请内容已按名单预先填好，单位管理员核对收款账户后一键确认即可，无需另行申报。
        {waiting > 0 ? `当前有 ${waiting} 项待确认。` : ''}
      </View>
      {items.length === 0 ? (
        <EmptyState
          id="invitations-empty"
          title="暂无免申即享邀请"
          hint="单位列入官方认定名单且符合奖补政策时，会在这里收到邀请"
        />
      ) : null}
      {items.map((i) => (
        <View
          {...pressable('link')}
          key={i.id}
          id={`invitation-${i.id}`}
          className="card list-card"
          onClick={() => void open(routes.orgInvitations, { id: i.id })}
        >
          <View className="list-card__head">
            <View className="list-card__title">{i.ruleName}</View>
            <View className={`status-tag status-tag--${invitationTone(i.status)}`}>
              {i.statusLabel}
            </View>
          </View>
          <View className="list-card__meta">
            {i.listKindName} · {i.documentNo} · {formatDate(i.recognisedOn)}
          </View>
          <View className="list-card__meta">{i.listTitle}</View>
          {i.application ? (
            <View className="list-card__meta">
              申请 {i.application.number}：{i.application.statusLabel}
            </View>
          ) : null}
          {i.closedReason ? <View className="list-card__alert">{i.closedReason}</View> : null}
        </View>
      ))}
    </View>
  );
}
