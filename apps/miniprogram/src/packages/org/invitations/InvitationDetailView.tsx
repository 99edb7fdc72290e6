import { View } from '@tarojs/components';
import { formatYuan } from '@kc/domain';
import { api } from '../../../api/client';
import { KeyValue } from '../../../components/KeyValue';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import { formatDate, formatDateTime } from '../../../format';
import { useLoader } from '../../../hooks/useLoader';
import { open, routes } from '../../../services/nav';
import { ConfirmForm } from './ConfirmForm';
import { type InvitationDetail, invitationTone } from './data';
import { pressable } from '../../../components/a11y';
import { usePageClass } from '../../../services/text-size';

/**
 * One invitation: the application as the list filled it in (read-only), the amount the policy
 * engine computes now and how, the evidence it will carry, the 收款账户 (masked), what is still
 * missing, and — for an administrator — the commitment and the one tap.
 */
export function InvitationDetailView({ id }: { id: string }) {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(() =>
    api.myOrg.invitations.byId.query({ invitationId: id }),
  );
  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  return <Detail d={loaded.data} onChanged={() => void reload()} />;
}

function Detail({ d, onChanged }: { d: InvitationDetail; onChanged: () => void }) {
  const pageClass = usePageClass();
  const waiting = d.status === 'invited';
  return (
    <View className={pageClass} id="invitation-page">
      <View className="card detail-head">
        <View className="detail-head__row">
          <View className="detail-head__name">{d.ruleName}</View>
          <View
            id="invitation-status"
            className={`status-tag status-tag--${invitationTone(d.status)}`}
          >
            {d.statusLabel}
          </View>
        </View>
        <View className="muted">
          政策条款 {d.clause} · 免申即享 · {d.organisationName}
        </View>
        {d.amountFen !== null ? (
          <View className="invitation-amount" id="invitation-amount">
            {waiting ? '可申领' : d.application?.status === 'paid' ? '已拨付' : '申请金额'}{' '}
            {formatYuan(d.amountFen)}
          </View>
        ) : waiting && d.missingInputs.length > 0 ? (
          <View className="muted" id="invitation-amount">
            填写上一次证书编号后测算金额
          </View>
        ) : null}
        {waiting && d.explanation ? (
          <View className="invitation-steps" id="invitation-explanation">
            <View>{d.explanation.summary}</View>
            <View>{d.explanation.formula}</View>
            {d.explanation.steps.map((s) => (
              <View key={s}>{s}</View>
            ))}
          </View>
        ) : null}
      </View>

      {d.status === 'void' || d.status === 'declined' ? (
        <View className="notice notice--warning" id="invitation-closed">
          {d.status === 'void' ? '该邀请已失效：' : '已放弃申领：'}
          {d.closedReason}
        </View>
      ) : null}
      {d.application ? (
        <View
          {...pressable('link')}
          className="notice notice--success"
          id="invitation-application"
          onClick={() => void open(routes.application, { id: d.application?.id })}
        >
          已于 {formatDateTime(d.confirmedAt)} 确认申领，申请 {d.application.number}：
          {d.application.statusLabel}。查看进度 ›
        </View>
      ) : null}
      {waiting && d.missing.length > 0 ? (
        <View className="notice notice--warning" id="invitation-missing">
          {d.missing.map((m) => (
            <View key={m}>· {m}</View>
          ))}
        </View>
      ) : null}

      <View className="card" id="invitation-basis">
        <View className="card__title">依据的官方名单</View>
        <KeyValue label="名单">{d.listTitle}</KeyValue>
        <KeyValue label="类型">{d.listKindName}</KeyValue>
        <KeyValue label="编号或文号">{d.documentNo}</KeyValue>
        <KeyValue label="认定日期">{formatDate(d.recognisedOn)}</KeyValue>
      </View>

      <View className="card" id="invitation-inputs">
        <View className="card__title">申请内容（已按名单预先填写）</View>
        {d.inputRows.map((row) => (
          <KeyValue key={row.label} label={row.label}>
            {row.value}
          </KeyValue>
        ))}
      </View>

      <View className="card" id="invitation-evidence">
        <View className="card__title">申报材料（无需上传）</View>
        {d.evidence.map((e) => (
          <KeyValue key={e.kind} label={e.kindName}>
            {e.note}（{e.sourceLabel}）
          </KeyValue>
        ))}
      </View>

      <View className="card" id="invitation-bank">
        <View className="card__title">收款账户</View>
        {d.bankAccount ? (
          <>
            <KeyValue label="开户名称">{d.bankAccount.holder}</KeyValue>
            <KeyValue label="开户银行">
              {d.bankAccount.bankName}
              {d.bankAccount.branchName}
            </KeyValue>
            <KeyValue label="银行账号" id="invitation-bank-number">
              {d.bankAccount.accountNoMasked}
            </KeyValue>
          </>
        ) : (
          <View className="muted">尚未登记收款账户，奖补资金只拨付至单位对公账户。</View>
        )}
        <View
          {...pressable('link')}
          className="link"
          id="invitation-go-bank"
          onClick={() => void open(routes.orgBank)}
        >
          {d.bankAccount ? '核对或变更收款账户 ›' : '去登记收款账户 ›'}
        </View>
      </View>

      {waiting && d.role === 'admin' ? <ConfirmForm d={d} onChanged={onChanged} /> : null}
      {waiting && d.role !== 'admin' ? (
        <View className="notice" id="invitation-admin-only">
          免申即享由单位管理员确认申领，请提醒本单位管理员处理。
        </View>
      ) : null}
    </View>
  );
}
