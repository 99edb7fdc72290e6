import { Button, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { replace, routes } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import { ONE_PENDING_TEXT } from '../data';
import { ChangeForm } from './ChangeForm';
import '../projects.css';

/**
 * 申请延期 / 变更 / 终止 (`?id=`), from the project's page, for the unit's administrator while the
 * project runs and no request waits (`changesOpen`). After sending, back to the project.
 */
export default function ProjectChangePage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const { loaded, reload } = useLoader(() => api.selection.projects.mineById.query({ id }), {
    onShow: false,
  });
  useLoad(() => void reload());

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
  const p = loaded.data;
  const pending = p.changes.some((c) => c.status === 'pending');
  const closed = !p.mayAct
    ? '变更申请由单位管理员提出，请提醒本单位管理员处理。'
    : p.changesOpen
      ? null
      : pending
        ? ONE_PENDING_TEXT
        : `项目当前为“${p.statusName}”，不能申请变更`;
  if (closed) {
    return (
      <View className={pageClass} id="change-page">
        <EmptyState
          id="change-closed"
          title={closed}
          action={
            <Button
              className="btn btn--ghost btn--small"
              onClick={() => void replace(routes.project, { id })}
            >
              查看项目
            </Button>
          }
        />
      </View>
    );
  }
  return (
    <ChangeForm
      project={p}
      onStale={() => void reload()}
      onSubmitted={() => {
        if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
        else void replace(routes.project, { id });
      }}
    />
  );
}
