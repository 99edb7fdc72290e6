import { allianceStatusName } from '@kc/domain';
import { api } from '../../../api/client';
import { FormPage } from '../../../components/FormPage';
import { useFormPage } from '../../../hooks/useFormPage';
import { routes } from '../../../services/nav';
import { canEditAlliance } from '../data';
import { AllianceForm } from './AllianceForm';
import '../alliances.css';

/**
 * 登记创新联盟 (from 我的创新联盟), or correcting one (`?id=`) while it is 待审核 or 退回修改.
 * Only the lead firm's administrator registers (the API's rule, said here before the form). A
 * new registration then opens as the firm sees it; a correction returns there.
 */
export default function AllianceFormPage() {
  const { loaded, reload, saved } = useFormPage({
    load: async (id) => {
      const mine = await api.profile.mine.query();
      if (mine.type !== 'organisation') throw new Error('请先注册单位，再登记创新联盟');
      if (mine.membership.role !== 'admin') throw new Error('只有单位管理员可以登记创新联盟');
      const lead = { id: mine.organisation.id, name: mine.organisation.name };
      if (!id) return { lead, alliance: null };
      const alliance = (await api.alliances.mine.query()).find((a) => a.id === id);
      if (!alliance) throw new Error('创新联盟不存在或无权查看');
      if (!canEditAlliance(alliance))
        throw new Error(`该联盟当前为“${allianceStatusName(alliance.status)}”，不能修改`);
      return { lead, alliance };
    },
    editTitle: '修改创新联盟登记',
    opens: routes.myAlliance,
  });

  return (
    <FormPage
      id="alliance-form-page"
      loaded={loaded}
      onRetry={() => void reload()}
      editing={(data) => data.alliance !== null}
      notice="由本单位牵头、联合高校、科研院所和企业组建的创新联合体或技术创新联盟，经所在区县科技局（或市科技局）审核通过后公开展示。"
    >
      {({ lead, alliance }) => <AllianceForm alliance={alliance} lead={lead} onSaved={saved} />}
    </FormPage>
  );
}
