import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { claimSubmitSchema } from '@kc/domain';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { SchemaForm } from '../../../components/SchemaForm';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import type { FieldOverrides } from '../../../forms/schema-fields';
import { formatDateTime } from '../../../format';
import { useLoader } from '../../../hooks/useLoader';
import { goProfile, leaveIfLoggedOut, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { ACTING_OVERRIDES } from '../verify/acting-fields';
import { statusTone } from '../verify/data';
import { usePageClass } from '../../../services/text-size';

type Claim = Awaited<ReturnType<typeof api.claims.mine.query>>[number];

const OVERRIDES: FieldOverrides = {
  creditCode: { id: 'credit-code', maxLength: 24 },
  ...ACTING_OVERRIDES,
  claimantName: { maxLength: 30 },
  claimantPhone: { inputType: 'number', maxLength: 13 },
  statement: { placeholder: '如：本人为公司法定代表人，账号系前员工注册，现申请收回管理权限' },
};

function ClaimCard({ claim, onWithdraw }: { claim: Claim; onWithdraw: () => void }) {
  return (
    <View className="card" id={`claim-${claim.id}`}>
      <View className="card__title">
        {claim.organisation.name}
        <StatusTag status={statusTone(claim.status)} label={claim.statusLabel} />
      </View>
      <View className="list-item__meta">统一社会信用代码 {claim.organisation.creditCode}</View>
      <View className="list-item__meta">提交于 {formatDateTime(claim.createdAt)}</View>
      {claim.decisionReason ? (
        <View
          className={claim.status === 'upheld' ? 'notice notice--success' : 'notice notice--danger'}
          id={`claim-${claim.id}-reason`}
        >
          审核意见：{claim.decisionReason}
        </View>
      ) : null}
      {claim.status === 'pending' ? (
        <>
          <View className="notice">县区正在核实双方材料，结果将通过消息通知您。</View>
          <Button id="claim-withdraw" className="btn btn--ghost" onClick={onWithdraw}>
            撤回申诉
          </Button>
        </>
      ) : null}
      {claim.status === 'upheld' ? (
        <Button id="claim-to-profile" className="btn btn--primary" onClick={() => void goProfile()}>
          进入单位主页
        </Button>
      ) : null}
    </View>
  );
}

/**
 * 认领申诉: the credit code is already registered by another account. Someone entitled to act
 * for the organisation shows the licence and their authority; the area officer hears both sides
 * and decides. Reached from registration with `?creditCode=`.
 */
export default function ClaimPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const creditCode = decodeURIComponent(params.creditCode ?? '');
  const { loaded, reload } = useLoader(() => api.claims.mine.query());

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const claims = loaded.data;
  const open = claims.find((c) => c.status === 'pending' || c.status === 'upheld');

  const withdraw = async (id: string) => {
    const { confirm } = await Taro.showModal({ title: '撤回认领申诉', content: '确定撤回吗？' });
    if (!confirm) return;
    try {
      await withSession(() => api.claims.withdraw.mutate({ id }));
      void toastDone('已撤回');
      void reload();
    } catch (error) {
      if (!leaveIfLoggedOut(error)) void toast(describeError(error).message);
    }
  };

  return (
    <View className={open ? 'page' : 'page page--footer'} id="claim-page">
      {claims.map((c) => (
        <ClaimCard key={c.id} claim={c} onWithdraw={() => void withdraw(c.id)} />
      ))}
      {open ? null : (
        <>
          <View className="notice" id="claim-intro">
            该统一社会信用代码已被其他账号注册。如您是该单位的法定代表人或经单位授权，可上传营业执照（或事业单位法人证书）和授权材料提交认领申诉。县区核实后，申诉成立的，单位账号移交给您管理，单位已有的申请仍保留在单位名下。
          </View>
          <View className="card">
            <SchemaForm
              key={claims.length}
              idPrefix="claim"
              schema={claimSubmitSchema}
              overrides={OVERRIDES}
              initial={creditCode ? { creditCode } : undefined}
              submitLabel="提交认领申诉"
              footer
              onSubmit={async (input) => {
                await withSession(() => api.claims.submit.mutate(input as never));
                void toastDone('已提交');
                void reload();
              }}
            />
          </View>
        </>
      )}
    </View>
  );
}
