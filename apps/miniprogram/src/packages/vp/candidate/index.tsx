import { View } from '@tarojs/components';
import { PRIORITY_FLAGS, fieldName, vpCandidateSchema } from '@kc/domain';
import { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { KeyValue } from '../../../components/KeyValue';
import { SchemaForm } from '../../../components/SchemaForm';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import type { FieldOverrides } from '../../../forms/schema-fields';
import { useLoader } from '../../../hooks/useLoader';
import { back, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import '../vp.css';
import { usePageClass } from '../../../services/text-size';

const OVERRIDES: FieldOverrides = {
  priorityFlags: { options: PRIORITY_FLAGS.map((f) => ({ code: f.code, name: f.name })) },
  contractYears: { visible: (values) => values.employment === 'contract' },
  relatedFirmCreditCodes: { hint: '每行一个统一社会信用代码；这些企业不会与您匹配（回避）' },
  achievements: { placeholder: '近五年主持的项目、论文专利、成果转化等' },
};

/** A researcher applies to a call (`?callId=`); fields and expertise come from the profile. */
export default function CandidateFormPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const callId = params.callId ?? '';
  const { loaded, reload } = useLoader(async () => {
    const [mine, call] = await Promise.all([
      api.profile.mine.query(),
      api.vp.calls.get.query({ callId }),
    ]);
    return { researcher: mine.type === 'researcher' ? mine.researcher : null, call };
  });

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const { researcher, call } = loaded.data;
  return (
    <View className={`${pageClass} page--footer`} id="vp-candidate-page">
      <View className="card">
        <View className="card__title">{call.title}</View>
        <View className="muted">报名截止 {call.applicationsDeadline}</View>
        {researcher ? (
          <View>
            <KeyValue label="工作单位">{researcher.institutionName}</KeyValue>
            <KeyValue label="产业领域">{researcher.fieldCodes.map(fieldName).join('、')}</KeyValue>
            <KeyValue label="研究专长">{researcher.expertise}</KeyValue>
            <View className="form-row__hint">
              以上信息取自您的登记资料，如需修改请先到“我的”修改资料
            </View>
          </View>
        ) : null}
      </View>
      <View className="card">
        <SchemaForm
          idPrefix="candidate"
          schema={vpCandidateSchema}
          overrides={OVERRIDES}
          wrapper="application"
          submitLabel="提交报名"
          footer
          onSubmit={async (input) => {
            await withSession(() =>
              api.vp.candidates.apply.mutate({ callId, application: input as never }),
            );
            void toastDone('报名成功');
            void back();
          }}
        />
      </View>
    </View>
  );
}
