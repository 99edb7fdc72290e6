import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { changeRequestSchema } from '@kc/domain';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { KeyValue } from '../../../components/KeyValue';
import { SchemaForm } from '../../../components/SchemaForm';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import type { FieldOverrides } from '../../../forms/schema-fields';
import { formatDateTime } from '../../../format';
import { useLoader } from '../../../hooks/useLoader';
import { leaveIfLoggedOut, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { FileField } from '../documents/FileField';
import { statusTone } from '../verify/data';
import { pressable } from '../../../components/a11y';
import { usePageClass } from '../../../services/text-size';

type Changes = Awaited<ReturnType<typeof api.myOrg.changes.list.query>>;
type Change = Changes['items'][number];

const OVERRIDES: FieldOverrides = {
  name: { hint: '不变更的项目保持原样即可' },
  creditCode: { maxLength: 24 },
  reason: { placeholder: '如：2026年10月经市场监管局核准更名' },
  licenceFileId: { id: 'licence', render: (control) => <FileField control={control} /> },
};

function ChangeRow({ change, onWithdraw }: { change: Change; onWithdraw: () => void }) {
  return (
    <View className="list-item list-item--column" id={`change-${change.id}`}>
      <View className="list-item__row">
        <View className="list-item__main">
          {change.fields.map((f) => (
            <View key={f.field} className="list-item__title">
              {f.label}：{f.from} → {f.to}
            </View>
          ))}
          <View className="list-item__meta">提交于 {formatDateTime(change.createdAt)}</View>
          {change.decisionReason ? (
            <View className="list-item__meta" id={`change-${change.id}-reason`}>
              审核意见：{change.decisionReason}
            </View>
          ) : null}
        </View>
        <StatusTag status={statusTone(change.status)} label={change.statusLabel} />
      </View>
      {change.status === 'pending' ? (
        <View className="list-item__actions">
          <View
            {...pressable()}
            className="link link--danger"
            id={`change-${change.id}-withdraw`}
            onClick={onWithdraw}
          >
            撤回
          </View>
        </View>
      ) : null}
    </View>
  );
}

/**
 * 变更申请: a verified organisation's name, credit code and type are locked; they change only
 * here, with the new licence, once the area officer approves. The old values stay on record.
 */
export default function ChangePage() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(() => api.myOrg.changes.list.query());

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const { canSubmit, current, items } = loaded.data;

  const withdraw = async (id: string) => {
    const { confirm } = await Taro.showModal({ title: '撤回变更申请', content: '确定撤回吗？' });
    if (!confirm) return;
    try {
      await withSession(() => api.myOrg.changes.withdraw.mutate({ id }));
      void toastDone('已撤回');
      void reload();
    } catch (error) {
      if (!leaveIfLoggedOut(error)) void toast(describeError(error).message);
    }
  };

  return (
    <View className={canSubmit ? 'page page--footer' : 'page'} id="change-page">
      <View className="card" id="change-current">
        <View className="card__title">当前登记信息</View>
        <KeyValue label="单位名称">{current.name}</KeyValue>
        <KeyValue label="统一社会信用代码">{current.creditCode}</KeyValue>
      </View>
      <View className="card" id="change-list">
        <View className="card__title">变更记录</View>
        {items.length === 0 ? <EmptyState title="暂无变更申请" /> : null}
        {items.map((c) => (
          <ChangeRow key={c.id} change={c} onWithdraw={() => void withdraw(c.id)} />
        ))}
      </View>
      {canSubmit ? (
        <View className="card">
          <View className="card__title">提交变更申请</View>
          <View className="notice">
            修改需要变更的项目，上传变更后的营业执照或事业单位法人证书，由所在县区审核通过后生效。
          </View>
          <SchemaForm
            key={items.length}
            idPrefix="change"
            schema={changeRequestSchema}
            overrides={OVERRIDES}
            initial={current}
            submitLabel="提交变更申请"
            footer
            onSubmit={async (input) => {
              await withSession(() => api.myOrg.changes.submit.mutate(input as never));
              void toastDone('已提交');
              void reload();
            }}
          />
        </View>
      ) : (
        <View className="notice" id="change-closed">
          {items.some((c) => c.status === 'pending')
            ? '变更申请审核中，审核结果将通过消息通知您。'
            : '变更申请由已认证单位的管理员提交；单位未认证时，可直接在“修改资料”中修改。'}
        </View>
      )}
    </View>
  );
}
