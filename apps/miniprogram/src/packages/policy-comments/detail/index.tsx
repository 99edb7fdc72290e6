import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { usePageClass } from '../../../services/text-size';
import { ConsultationView } from './ConsultationView';
import '../policy-comments.css';

/**
 * A consultation (`?id=`), open to anyone without login, as the public page shows it: the draft
 * clause by clause with the comment counts, and the 意见采纳情况 once published. The
 * `policy-consultation` message (采纳情况已发布) opens here. Reloaded on show: coming back from a
 * comment shows it counted.
 */
export default function ConsultationPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const { loaded, reload } = useLoader(() => api.consultations.publicById.query({ id }), {
    session: false,
  });

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  return (
    <View className={pageClass} id="consultation-page">
      <ConsultationView consultation={loaded.data} />
    </View>
  );
}
