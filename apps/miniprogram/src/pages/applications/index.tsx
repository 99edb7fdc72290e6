import { Button, View } from '@tarojs/components';
import { formatYuan } from '@kc/domain';
import { api } from '../../api/client';
import { BottomNav } from '../../components/BottomNav';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { useUnreadCount } from '../../hooks/useUnreadCount';
import { goTab, open, routes } from '../../services/nav';
import { pressable } from '../../components/a11y';
import { usePageClass } from '../../services/text-size';

type Application = Awaited<ReturnType<typeof api.applications.mine.query>>[number];

/** 我的申报: every application with where it stands; pull down to refresh. */
export default function ApplicationsPage() {
  const pageClass = usePageClass();
  const unread = useUnreadCount();
  const { loaded, reload } = useLoader(() => api.applications.mine.query());

  return (
    <View className={`${pageClass} page--tabbed`} id="applications-page">
      {loaded.state === 'loading' ? <LoadingState /> : null}
      {loaded.state === 'error' ? (
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      ) : null}
      {loaded.state === 'ready' && loaded.data.length === 0 ? (
        <EmptyState
          id="applications-empty"
          title="还没有申报记录"
          hint="看看哪些奖补政策适合您，在线即可申报"
          action={
            <Button
              id="applications-browse"
              className="btn btn--primary btn--small"
              onClick={() => void goTab('programmes')}
            >
              查看可申报政策
            </Button>
          }
        />
      ) : null}
      {loaded.state === 'ready'
        ? loaded.data.map((a) => <ApplicationCard key={a.id} application={a} />)
        : null}
      <BottomNav current="applications" badge={unread} />
    </View>
  );
}

function ApplicationCard({ application: a }: { application: Application }) {
  const amount = a.approvedAmountFen ?? a.computedAmountFen;
  return (
    <View
      {...pressable('link')}
      className="card list-card"
      id={`application-${a.number}`}
      onClick={() => void open(routes.application, { id: a.id })}
    >
      <View className="list-card__head">
        <View className="list-card__title">{a.ruleName}</View>
        <StatusTag status={a.status} label={a.statusLabel} id={`application-${a.number}-status`} />
      </View>
      <View className="list-card__meta">申请编号 {a.number}</View>
      {amount !== null ? (
        <View className="list-card__meta">
          {a.approvedAmountFen !== null ? '核定金额' : '测算金额'}{' '}
          <View className="money">{formatYuan(amount)}</View>
        </View>
      ) : null}
      <View className="list-card__meta muted">更新于 {formatDateTime(a.updatedAt)}</View>
      {a.status === 'returned' ? (
        <View className="list-card__alert">已退回，请按审核意见修改后重新提交</View>
      ) : null}
    </View>
  );
}
