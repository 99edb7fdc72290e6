import { View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { needStatusName } from '@kc/domain';
import { api } from '../../../api/client';
import { NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { back, replace, routes } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import { canEditNeed } from '../data';
import { NeedForm } from './NeedForm';
import '../needs.css';

/**
 * 发布需求 (from 我的需求), or correcting one (`?id=`) while it is 待审核 or 退回修改. A new need
 * then opens as its poster sees it (待审核, what happens next); a correction returns there.
 */
export default function NeedPostPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id;
  const { loaded, reload } = useLoader(
    async () => {
      if (!id) return { need: null };
      const need = (await api.needs.mine.query()).find((n) => n.id === id);
      if (!need) throw new Error('需求不存在或无权查看');
      if (!canEditNeed(need))
        throw new Error(`需求当前为“${needStatusName(need.status)}”，不能修改`);
      return { need };
    },
    { onShow: false },
  );
  useLoad(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '修改需求' });
    void reload();
  });

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  return (
    <View
      className={`${pageClass} page--footer`}
      id="need-form-page"
      data-mode={loaded.data.need ? 'edit' : 'new'}
    >
      <View className="notice">
        需求经所在区县科技局（或市科技局）审核后在需求榜公开发布；揭榜方只有发布单位和科技部门可见。
      </View>
      <NeedForm
        need={loaded.data.need}
        onSaved={(saved) => void (id ? back() : replace(routes.myNeed, { id: saved }))}
      />
    </View>
  );
}
