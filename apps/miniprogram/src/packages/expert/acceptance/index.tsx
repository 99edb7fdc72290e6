import { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { usePageClass } from '../../../services/text-size';
import { AcceptanceView } from './AcceptanceView';
import '../expert.css';
import '../../projects/projects.css';

/**
 * 项目验收 (`?assignmentId=`): the final report an acceptance panel the expert joined reads, and
 * their verdict. After a verdict the page shows what the API answered (the panel may have
 * completed with it); a refusal that dates the page loads it again.
 */
export default function AcceptancePage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const assignmentId = params.assignmentId ?? '';
  const { loaded, reload, setLoaded } = useLoader(() =>
    api.selection.reviews.acceptance.query({ assignmentId }),
  );
  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  return (
    <AcceptanceView
      key={String(loaded.data.mine?.submittedAt ?? '')}
      view={loaded.data}
      onSaved={(next) => setLoaded({ state: 'ready', data: next, refreshing: false })}
      onStale={() => void reload()}
    />
  );
}
