import { View } from '@tarojs/components';
import { KeyValue } from '../../../components/KeyValue';
import { StatusTag } from '../../../components/StatusTag';
import { formatDate, formatDateTime } from '../../../format';
import type { VerificationState } from './data';
import { statusTone } from './data';

/** Where verification stands: the status, the organisation as checked, the latest decision. */
export function StatusCard({ state }: { state: VerificationState }) {
  const latest = state.latest;
  return (
    <View className="card" id="verify-status">
      <View className="card__title">
        认证状态
        <StatusTag
          status={statusTone(state.status)}
          label={state.statusLabel}
          id="verify-status-tag"
        />
      </View>
      <KeyValue label="单位名称">{state.organisation.name}</KeyValue>
      <KeyValue label="统一社会信用代码">{state.organisation.creditCode}</KeyValue>
      {state.status === 'verified' ? (
        <>
          <KeyValue label="法定代表人">{state.organisation.legalRepresentative ?? '—'}</KeyValue>
          <KeyValue label="认证时间" id="verify-verified-at">
            {formatDate(state.organisation.verifiedAt)}
          </KeyValue>
        </>
      ) : null}
      {latest && state.status !== 'verified' ? (
        <>
          <KeyValue label="最近提交">{formatDateTime(latest.createdAt)}</KeyValue>
          <KeyValue label="证照">{latest.licenceKindLabel}</KeyValue>
          <KeyValue label="办理人身份">{latest.actingRoleLabel}</KeyValue>
        </>
      ) : null}
      {state.status === 'rejected' && latest?.decisionReason ? (
        <View className="notice notice--danger" id="verify-rejected-reason">
          未通过原因：{latest.decisionReason}。请按意见补正后重新提交。
        </View>
      ) : null}
      {state.status === 'pending' ? (
        <View className="notice" id="verify-pending">
          已提交，正在由{latest?.snapshot.areaName ?? '所在县区'}
          审核。审核期间单位名称、信用代码和类型不能修改。
        </View>
      ) : null}
    </View>
  );
}
