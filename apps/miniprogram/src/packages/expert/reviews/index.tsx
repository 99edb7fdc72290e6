import { api } from '../../../api/client';
import { NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { usePageClass } from '../../../services/text-size';
import { TaskList } from './TaskList';
import '../expert.css';

/**
 * 评审任务 (from 专家库 and 我的): invitations to answer, then the panels the expert accepted.
 * Reloaded on every show, so coming back from scoring shows the progress.
 */
export default function ReviewsPage() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(() => api.selection.reviews.mine.query());
  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  return <TaskList tasks={loaded.data} onChanged={() => void reload()} />;
}
