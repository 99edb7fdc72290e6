import { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { usePageClass } from '../../../services/text-size';
import { ProjectDetail } from './ProjectDetail';
import '../projects.css';

/** One project of the organisation (`?id=`, as the list and the 项目立项 message link it). */
export default function ProjectPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const { loaded, reload, setLoaded } = useLoader(() =>
    api.selection.projects.mineById.query({ id }),
  );
  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  return (
    <ProjectDetail
      project={loaded.data}
      onChanged={(next) => {
        if (next) setLoaded({ state: 'ready', data: next, refreshing: false });
        else void reload();
      }}
    />
  );
}
