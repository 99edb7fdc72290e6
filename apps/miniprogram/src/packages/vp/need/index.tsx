import { View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { back } from '../../../services/nav';
import '../vp.css';
import { usePageClass } from '../../../services/text-size';
import { VpNeedForm } from './VpNeedForm';
import { needSource } from './source';

/**
 * A firm's need (`?callId=`), editing one (`&id=`) while the call still collects needs, or one
 * turned from the firm's published 攻关需求 on the 需求榜 (`&fromNeedId=`, from its need page).
 */
export default function NeedFormPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const callId = params.callId ?? '';
  const needId = params.id;
  const fromNeedId = needId ? undefined : params.fromNeedId;
  const { loaded, reload } = useLoader(
    async () => {
      if (needId) {
        const mine = await api.vp.needs.mine.query();
        const need = mine.find((n) => n.id === needId);
        if (!need) throw new Error('需求不存在或已撤回');
        return { need, source: null };
      }
      if (fromNeedId) {
        const board = await api.needs.mine.query();
        const from = board.find((n) => n.id === fromNeedId);
        if (!from) throw new Error('需求不存在或无权查看');
        return { need: null, source: needSource(from) };
      }
      return { need: null, source: null };
    },
    { onShow: false },
  );
  useLoad(() => {
    if (needId) void Taro.setNavigationBarTitle({ title: '修改技术需求' });
    else if (fromNeedId) void Taro.setNavigationBarTitle({ title: '转为科技副总需求' });
    void reload();
  });

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  return (
    <View className={`${pageClass} page--footer`} id="vp-need-page">
      <VpNeedForm
        callId={callId}
        need={loaded.data.need}
        source={loaded.data.source}
        onSaved={() => void back()}
      />
    </View>
  );
}
