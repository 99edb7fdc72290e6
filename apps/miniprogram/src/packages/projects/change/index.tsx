import { useLoad, useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { usePageClass } from '../../../services/text-size';
import { FormClosed, backToProject } from '../FormPage';
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

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
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
  if (closed) return <FormClosed form="change" projectId={id} title={closed} />;
  return (
    <ChangeForm project={p} onStale={() => void reload()} onSubmitted={() => backToProject(id)} />
  );
}
