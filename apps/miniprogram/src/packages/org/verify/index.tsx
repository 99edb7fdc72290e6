import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { verificationSubmitSchema } from '@kc/domain';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { SchemaForm } from '../../../components/SchemaForm';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { leaveIfLoggedOut, open, routes, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { StatusCard } from './StatusCard';
import { ACTING_OVERRIDES } from './acting-fields';
import { resubmitInitial } from './data';
import { pressable } from '../../../components/a11y';
import { usePageClass } from '../../../services/text-size';

/**
 * 机构认证: registration is not verification. The administrator sends the licence, the legal
 * representative and their own role (with a 授权委托书 unless they are the legal representative);
 * the area officer decides. Any member sees the status; a rejected organisation submits again.
 */
export default function VerifyPage() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(() => api.myOrg.verification.latest.query());

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const state = loaded.data;

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回认证申请',
      content: '撤回后可修改材料重新提交。确定撤回吗？',
    });
    if (!confirm) return;
    try {
      await withSession(() => api.myOrg.verification.withdraw.mutate());
      void toastDone('已撤回');
      void reload();
    } catch (error) {
      if (!leaveIfLoggedOut(error)) void toast(describeError(error).message);
    }
  };

  return (
    <View className={state.canSubmit ? 'page page--footer' : 'page'} id="verify-page">
      <StatusCard state={state} />
      {state.registrationNotes.length ? (
        <View className="notice notice--warning" id="verify-flags">
          {state.registrationNotes.map((note) => (
            <View key={note}>{note}</View>
          ))}
          <View>可以正常提交，审核人员将重点核实。</View>
        </View>
      ) : null}
      {state.canWithdraw ? (
        <Button id="verify-withdraw" className="btn btn--ghost" onClick={() => void withdraw()}>
          撤回认证申请
        </Button>
      ) : null}
      {state.status === 'verified' && state.isAdmin ? (
        <View
          {...pressable('link')}
          className="card"
          id="verify-change-link"
          onClick={() => void open(routes.orgChange)}
        >
          <View className="muted">
            已认证单位的名称、统一社会信用代码和类型已锁定，如有变化请提交变更申请 ›
          </View>
        </View>
      ) : null}
      {!state.isAdmin && state.status !== 'verified' ? (
        <View className="notice" id="verify-admin-only">
          机构认证由单位管理员提交，请联系本单位管理员办理。
        </View>
      ) : null}
      {state.canSubmit ? (
        <View className="card">
          <View className="card__title">
            {state.status === 'rejected' ? '重新提交认证材料' : '提交认证材料'}
          </View>
          <SchemaForm
            key={state.latest?.id ?? 'first'}
            idPrefix="verify"
            schema={verificationSubmitSchema}
            overrides={ACTING_OVERRIDES}
            initial={resubmitInitial(state)}
            submitLabel={state.status === 'rejected' ? '重新提交认证' : '提交认证'}
            footer
            onSubmit={async (input) => {
              await withSession(() => api.myOrg.verification.submit.mutate(input as never));
              void toastDone('已提交');
              void reload();
            }}
          />
        </View>
      ) : null}
    </View>
  );
}
