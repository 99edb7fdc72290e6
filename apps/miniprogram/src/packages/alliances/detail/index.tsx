import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { usePageClass } from '../../../services/text-size';
import { AllianceDetail } from './AllianceDetail';
import '../alliances.css';

/**
 * One of the organisation's alliances (`?id=`), as its people see it; a message about a decision
 * opens here. Reloaded on show: coming back from 修改 shows what was resubmitted.
 */
export default function MyAlliancePage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const { loaded, reload } = useLoader(async () => {
    const [alliances, profile] = await Promise.all([
      api.alliances.mine.query(),
      api.profile.mine.query(),
    ]);
    const alliance = alliances.find((a) => a.id === id);
    if (!alliance) throw new Error('创新联盟不存在或无权查看');
    const admin = profile.type === 'organisation' && profile.membership.role === 'admin';
    return { alliance, admin };
  });

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  return (
    <View className={pageClass} id="alliance-page">
      <AllianceDetail alliance={loaded.data.alliance} admin={loaded.data.admin} />
    </View>
  );
}
