import { Button, View } from '@tarojs/components';
import { PROJECT_REPORT_KIND_CODES, projectReportKindName, reportRefusal } from '@kc/domain';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { EmptyState, NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { back } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import { FormClosed, backToProject } from '../FormPage';
import type { ProjectReportKindCode } from '../data';
import { ReportForm } from './ReportForm';
import '../projects.css';

const isKind = (kind: string | undefined): kind is ProjectReportKindCode =>
  (PROJECT_REPORT_KIND_CODES as readonly string[]).includes(kind ?? '');

/**
 * 提交中期报告 / 结题验收报告 (`?id=&kind=mid-term|final`), from the project's page, for the unit's
 * administrator while the report is open (`reportsOpen`); a returned report is corrected here.
 * After sending, back to the project (loaded again on show).
 */
export default function ProjectReportPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const kind = params.kind;
  const { loaded, reload } = useLoader(() => api.selection.projects.mineById.query({ id }), {
    onShow: false,
  });
  useLoad(() => {
    if (isKind(kind)) void Taro.setNavigationBarTitle({ title: projectReportKindName(kind) });
    void reload();
  });

  if (!isKind(kind)) {
    return (
      <View className={pageClass} id="report-page">
        <EmptyState
          id="report-closed"
          title="报告类型无效"
          action={
            <Button className="btn btn--ghost btn--small" onClick={() => void back('profile')}>
              返回
            </Button>
          }
        />
      </View>
    );
  }
  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  const p = loaded.data;
  const closed = !p.mayAct
    ? '项目报告由单位管理员提交，请提醒本单位管理员处理。'
    : p.reportsOpen.includes(kind)
      ? null
      : (reportRefusal(kind, p, p.reports) ?? `当前不能提交${projectReportKindName(kind)}`);
  if (closed) return <FormClosed form="report" kind={kind} projectId={id} title={closed} />;
  return (
    <ReportForm
      project={p}
      kind={kind}
      onStale={() => void reload()}
      onSubmitted={() => backToProject(id)}
    />
  );
}
