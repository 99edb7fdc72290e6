import { needStatusName } from '@kc/domain';
import { api } from '../../../api/client';
import { FormPage } from '../../../components/FormPage';
import { useFormPage } from '../../../hooks/useFormPage';
import { routes } from '../../../services/nav';
import { canEditNeed } from '../data';
import { NeedForm } from './NeedForm';
import '../needs.css';

/**
 * 发布需求 (from 我的需求), or correcting one (`?id=`) while it is 待审核 or 退回修改. A new need
 * then opens as its poster sees it (待审核, what happens next); a correction returns there.
 */
export default function NeedPostPage() {
  const { loaded, reload, saved } = useFormPage({
    load: async (id) => {
      if (!id) return { need: null };
      const need = (await api.needs.mine.query()).find((n) => n.id === id);
      if (!need) throw new Error('需求不存在或无权查看');
      if (!canEditNeed(need))
        throw new Error(`需求当前为“${needStatusName(need.status)}”，不能修改`);
      return { need };
    },
    editTitle: '修改需求',
    opens: routes.myNeed,
  });

  return (
    <FormPage
      id="need-form-page"
      loaded={loaded}
      onRetry={() => void reload()}
      editing={(data) => data.need !== null}
      notice="需求经所在区县科技局（或市科技局）审核后在需求榜公开发布；揭榜方只有发布单位和科技部门可见。"
    >
      {({ need }) => <NeedForm need={need} onSaved={saved} />}
    </FormPage>
  );
}
