import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { usePageClass } from '../../../services/text-size';
import { canTurnIntoVpNeed } from '../data';
import { MyNeedDetail } from './MyNeedDetail';
import '../needs.css';

/**
 * One of the organisation's needs (`?id=`), as its poster sees it. Reloaded on show: coming back
 * from the 科技副总 form shows the call it went into.
 */
export default function MyNeedPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const { loaded, reload } = useLoader(async () => {
    const mine = await api.needs.mine.query();
    const need = mine.find((n) => n.id === id);
    if (!need) throw new Error('需求不存在或无权查看');
    // Only calls collecting needs take one; asked only when the need may be turned.
    const calls = canTurnIntoVpNeed(need) ? await api.vp.calls.list.query({ status: 'open' }) : [];
    return { need, calls };
  });

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  return (
    <View className={pageClass} id="need-page">
      <MyNeedDetail need={loaded.data.need} calls={loaded.data.calls} />
    </View>
  );
}
