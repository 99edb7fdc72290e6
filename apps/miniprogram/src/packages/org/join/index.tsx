import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { joinOrganisationSchema } from '@kc/domain';
import { api } from '../../../api/client';
import { SchemaForm } from '../../../components/SchemaForm';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import type { FieldControlContext, FieldOverrides } from '../../../forms/schema-fields';
import { useLoader } from '../../../hooks/useLoader';
import { goProfile, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { InviteCodeField } from './InviteCodeField';
import { usePageClass } from '../../../services/text-size';

const OVERRIDES: FieldOverrides = {
  code: { render: (control: FieldControlContext) => <InviteCodeField control={control} /> },
  name: { maxLength: 20, placeholder: '如：张三' },
};

/**
 * 加入单位 with an administrator's one-time code (typed, scanned, or from a shared card:
 * `?code=`). Someone already in an organisation or registered as a researcher is told why not.
 */
export default function JoinPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const { loaded, reload } = useLoader(() => api.profile.mine.query());

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const mine = loaded.data;
  if (mine.type !== null) {
    return (
      <View className={pageClass} id="join-page">
        <View className="notice notice--warning" id="join-not-allowed">
          {mine.type === 'organisation'
            ? `您已是“${mine.organisation.name}”的成员。如需加入其他单位，请先在“单位成员”中退出原单位。`
            : '您已注册为科研人员，不能再加入单位。'}
        </View>
      </View>
    );
  }
  return (
    <View className={`${pageClass} page--footer`} id="join-page">
      <View className="notice">
        请向单位管理员索取邀请码（有效期72小时，只能使用一次）。加入后，您将以管理员指定的身份为单位办理事项。
      </View>
      <View className="card">
        <SchemaForm
          idPrefix="join"
          schema={joinOrganisationSchema}
          overrides={OVERRIDES}
          initial={params.code ? { code: decodeURIComponent(params.code) } : undefined}
          submitLabel="加入单位"
          footer
          onSubmit={async (input) => {
            await withSession(() =>
              api.myOrg.members.join.mutate(input as { code: string; name: string }),
            );
            void toastDone('已加入单位');
            void goProfile();
          }}
        />
      </View>
    </View>
  );
}
