import { View } from '@tarojs/components';
import { FIELDS, vpNeedSchema } from '@kc/domain';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { SchemaForm } from '../../../components/SchemaForm';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import type { FieldOverrides } from '../../../forms/schema-fields';
import { useLoader } from '../../../hooks/useLoader';
import { back, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import '../vp.css';
import { usePageClass } from '../../../services/text-size';

/** Sub-fields follow the chosen field, so the schema's "must belong to the field" rarely fires. */
const OVERRIDES: FieldOverrides = {
  subFieldCode: {
    kind: 'choice',
    optionsFrom: (values) =>
      FIELDS.find((f) => f.code === values.fieldCode)?.subFields.map((s) => ({
        code: s.code,
        name: s.name,
      })) ?? [],
    visible: (values) => Boolean(values.fieldCode),
  },
  investorInstitutions: {
    hint: '每行一个。这些单位的科研人员不会与本企业匹配（回避）',
  },
  priorPartners: { hint: '每行一个，曾合作的单位在匹配时适当加分' },
};

/** A firm's need (`?callId=`), or editing one (`&id=`) while the call still collects needs. */
export default function NeedFormPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const callId = params.callId ?? '';
  const needId = params.id;
  const { loaded, reload } = useLoader(
    async () => {
      if (!needId) return null;
      const mine = await api.vp.needs.mine.query();
      const need = mine.find((n) => n.id === needId);
      if (!need) throw new Error('需求不存在或已撤回');
      return need;
    },
    { onShow: false },
  );
  useLoad(() => {
    if (needId) void Taro.setNavigationBarTitle({ title: '修改技术需求' });
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
  const need = loaded.data;
  return (
    <View className={`${pageClass} page--footer`} id="vp-need-page">
      <View className="notice">
        请说明企业面临的技术难题和希望科技副总具备的专长。需求发布后由科技局统一匹配，联系方式不会公开。
      </View>
      <View className="card">
        <SchemaForm
          idPrefix="need"
          schema={vpNeedSchema}
          overrides={OVERRIDES}
          initial={need ?? undefined}
          wrapper="need"
          submitLabel={need ? '保存修改' : '发布需求'}
          footer
          onSubmit={async (input) => {
            await withSession(() =>
              need
                ? api.vp.needs.update.mutate({ needId: need.id, need: input as never })
                : api.vp.needs.create.mutate({ callId, need: input as never }),
            );
            void toastDone(need ? '已保存' : '已发布');
            void back();
          }}
        />
      </View>
    </View>
  );
}
