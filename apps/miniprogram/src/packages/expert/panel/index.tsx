import { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { usePageClass } from '../../../services/text-size';
import { PanelView } from './PanelView';
import '../expert.css';

/** One panel the expert accepted (`?assignmentId=`): its submissions and the expert's sheets. */
export default function PanelPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const assignmentId = params.assignmentId ?? '';
  const { loaded, reload } = useLoader(() => api.selection.reviews.panel.query({ assignmentId }));
  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  return <PanelView assignmentId={assignmentId} panel={loaded.data} />;
}
