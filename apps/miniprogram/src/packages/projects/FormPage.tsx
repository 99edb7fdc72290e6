import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { EmptyState } from '../../components/StateViews';
import { replace, routes } from '../../services/nav';
import { usePageClass } from '../../services/text-size';

/**
 * A project's form page (报告, 变更) when the project does not take that form now: why, and the
 * way to the project. Ids: `<form>-page`, `<form>-closed`.
 */
export function FormClosed(props: {
  form: 'report' | 'change';
  projectId: string;
  title: string;
  kind?: string;
}) {
  const pageClass = usePageClass();
  return (
    <View className={pageClass} id={`${props.form}-page`} data-kind={props.kind}>
      <EmptyState
        id={`${props.form}-closed`}
        title={props.title}
        action={
          <Button
            className="btn btn--ghost btn--small"
            onClick={() => void replace(routes.project, { id: props.projectId })}
          >
            查看项目
          </Button>
        }
      />
    </View>
  );
}

/** After a form is sent: back to the project (it loads again on show), or to it when opened directly. */
export function backToProject(projectId: string) {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void replace(routes.project, { id: projectId });
}
