import { View } from '@tarojs/components';
import { api } from '../../../api/client';
import { NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { usePageClass } from '../../../services/text-size';
import { ProjectList } from './ProjectList';
import '../projects.css';

/** 我的项目: the organisation's projects, any member reads them; each opens its 任务书. */
export default function MyProjectsPage() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(() => api.selection.projects.mine.query());
  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  return (
    <View className={pageClass} id="projects-page">
      <ProjectList data={loaded.data} />
    </View>
  );
}
