import { Button, View } from '@tarojs/components';
import { bankAccountSchema } from '@kc/domain';
import { useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { FormRow } from '../../../components/FormRow';
import { KeyValue } from '../../../components/KeyValue';
import { SchemaForm } from '../../../components/SchemaForm';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import type { FieldControlContext, FieldOverrides } from '../../../forms/schema-fields';
import { formatDateTime } from '../../../format';
import { useLoader } from '../../../hooks/useLoader';
import { open, routes, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { pressable } from '../../../components/a11y';
import { usePageClass } from '../../../services/text-size';

type BankAccountForm = Parameters<typeof api.myOrg.bankAccount.save.mutate>[0];

/** The holder is the verified name, shown and sent as it is: nothing to type. */
function HolderField({ control }: { control: FieldControlContext }) {
  return (
    <FormRow
      label={control.spec.title}
      id={control.id}
      required
      hint="须与认证的单位名称完全一致，不可修改"
      error={control.error}
    >
      <View className="kv__value" id={control.id}>
        {typeof control.value === 'string' ? control.value : ''}
      </View>
    </FormRow>
  );
}

function overrides(changing: boolean): FieldOverrides {
  return {
    holder: { render: (control) => <HolderField control={control} /> },
    accountNo: { inputType: 'number', maxLength: 40, placeholder: '只填数字，可分段输入' },
    accountNoConfirm: { inputType: 'number', maxLength: 40, placeholder: '请再输入一次银行账号' },
    // Asked only on a change: the re-confirmation that the administrator knows the current one.
    currentLast4: { visible: () => changing, inputType: 'number', maxLength: 4 },
  };
}

/**
 * 收款账户: every member sees the organisation's account, the number masked; an administrator of
 * a verified organisation registers it (the holder fixed to the verified name, the number typed
 * twice) and changes it with the current account's last 4 digits — not while a disbursement
 * batch not yet paid holds one of its awards.
 */
export default function BankAccountPage() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(() => api.myOrg.bankAccount.get.query());
  const [editing, setEditing] = useState(false);
  const changing = loaded.state === 'ready' && loaded.data.account !== null;
  const fieldOverrides = useMemo(() => overrides(changing), [changing]);

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const { account, locked, verified, isAdmin, organisationName } = loaded.data;
  const mayEdit = isAdmin && verified && !locked;
  const showForm = mayEdit && (editing || !account);

  return (
    <View className={showForm ? 'page page--footer' : 'page'} id="bank-page">
      <View className="card" id="bank-account">
        <View className="card__title">单位收款账户</View>
        {account ? (
          <>
            <KeyValue label="开户名称" id="bank-holder">
              {account.holder}
            </KeyValue>
            <KeyValue label="开户银行" id="bank-bank">
              {account.bankName}
              {account.branchName}
            </KeyValue>
            <KeyValue label="银行账号" id="bank-number">
              {account.accountNoMasked}
            </KeyValue>
            <KeyValue label="登记时间">{formatDateTime(account.setAt)}</KeyValue>
          </>
        ) : (
          <View className="muted" id="bank-none">
            尚未登记收款账户。奖补资金只拨付至单位名下的对公账户，登记后申报时可直接引用，无需再上传账户证明。
          </View>
        )}
      </View>

      {locked ? (
        <View className="notice notice--warning" id="bank-locked">
          {locked.message}
        </View>
      ) : null}
      {!verified ? (
        <View className="notice notice--warning" id="bank-unverified">
          单位通过机构认证后，管理员才能登记收款账户（开户名称须与认证的单位名称一致）。
          <View
            {...pressable('link')}
            className="link"
            id="bank-go-verify"
            onClick={() => void open(routes.orgVerify)}
          >
            去办理机构认证
          </View>
        </View>
      ) : null}
      {verified && !isAdmin ? (
        <View className="notice" id="bank-admin-only">
          收款账户由单位管理员登记和变更。如需变更，请联系本单位管理员。
        </View>
      ) : null}

      {mayEdit && account && !editing ? (
        <Button id="bank-change" className="btn btn--ghost" onClick={() => setEditing(true)}>
          变更收款账户
        </Button>
      ) : null}

      {showForm ? (
        <View className="card" id="bank-form">
          <View className="card__title">{account ? '变更收款账户' : '登记收款账户'}</View>
          {account ? (
            <View className="form-row__hint">
              为确认是本单位管理员操作，请输入当前账号（{account.accountNoMasked}
              ）的后4位。变更后，尚未列入拨付批次的奖补资金将拨付至新账户。
            </View>
          ) : null}
          <SchemaForm
            idPrefix="bank"
            schema={bankAccountSchema}
            overrides={fieldOverrides}
            initial={{ holder: organisationName }}
            submitLabel={account ? '确认变更' : '登记收款账户'}
            footer
            onSubmit={async (input) => {
              await withSession(() =>
                api.myOrg.bankAccount.save.mutate({
                  ...(input as BankAccountForm),
                  holder: organisationName,
                }),
              );
              void toastDone(account ? '收款账户已变更' : '收款账户已登记');
              setEditing(false);
              void reload();
            }}
          />
          {account ? (
            <View className="center footnote">
              <View
                {...pressable()}
                className="link"
                id="bank-cancel"
                onClick={() => setEditing(false)}
              >
                暂不变更
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
