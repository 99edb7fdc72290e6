import { View } from '@tarojs/components';
import { fieldName, maskMobile, researcherTitleName, subFieldName } from '@kc/domain';
import { pressable } from '../../../components/a11y';
import { KeyValue } from '../../../components/KeyValue';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../format';
import { open, routes } from '../../../services/nav';
import { type MyExpert, explainStatus, expertTone } from '../data';

/**
 * Where the expert stands (待审核 / 在库 / 已暂停 / 未通过, with the reason) and what they
 * registered; an expert 在库 also gets the entry to 评审任务, with the invitations to answer.
 */
export function StatusCard({
  expert,
  pendingReviews = 0,
}: {
  expert: MyExpert;
  /** Review invitations waiting for an answer. */
  pendingReviews?: number;
}) {
  const status = explainStatus(expert);
  const notice = status.tone === 'info' ? 'notice' : `notice notice--${status.tone}`;
  return (
    <View>
      <View className="card" id="expert-status">
        <View className="card__title expert__status-title">
          <View>专家库状态</View>
          <StatusTag
            status={expertTone(expert.status)}
            label={expert.statusName}
            id="expert-status-tag"
          />
        </View>
        <View className={`${notice} expert__notice`} id="expert-status-notice" role="status">
          <View>{status.text}</View>
          {status.reason ? (
            <View className="expert__reason" id="expert-status-reason">
              {status.reason.label}：{status.reason.text}
            </View>
          ) : null}
        </View>
      </View>
      {expert.status === 'active' ? (
        <View className="card">
          <View
            {...pressable('link')}
            className="menu__item"
            id="expert-reviews"
            onClick={() => void open(routes.reviews)}
          >
            <View>评审任务</View>
            <View
              className={pendingReviews > 0 ? 'menu__hint expert__pending' : 'menu__hint'}
              id="expert-reviews-hint"
            >
              {pendingReviews > 0 ? `${pendingReviews} 项邀请待确认` : '评审邀请与评分'}
            </View>
            <View className="menu__arrow">›</View>
          </View>
        </View>
      ) : null}
      <View className="card" id="expert-record">
        <View className="card__title">登记信息</View>
        <KeyValue label="姓名" id="expert-record-name">
          {expert.name}
        </KeyValue>
        <KeyValue label="手机号码" id="expert-record-mobile">
          {maskMobile(expert.mobile)}
        </KeyValue>
        <KeyValue label="职称" id="expert-record-title">
          {researcherTitleName(expert.title)}
        </KeyValue>
        <KeyValue label="工作单位" id="expert-record-unit">
          {expert.unitName}
        </KeyValue>
        {expert.unitCreditCode ? (
          <KeyValue label="单位统一社会信用代码" id="expert-record-unitCreditCode">
            {expert.unitCreditCode}
          </KeyValue>
        ) : null}
        <KeyValue label="产业领域" id="expert-record-fields">
          {expert.fieldCodes.map(fieldName).join('、')}
        </KeyValue>
        {expert.subFieldCodes.length > 0 ? (
          <KeyValue label="细分方向" id="expert-record-subFields">
            {expert.subFieldCodes.map(subFieldName).join('、')}
          </KeyValue>
        ) : null}
        <KeyValue label="研究专长" id="expert-record-expertise">
          {expert.expertise}
        </KeyValue>
        <KeyValue label="回避单位或人员" id="expert-record-conflicts">
          {expert.conflicts.length > 0 ? expert.conflicts.join('、') : '未填写'}
        </KeyValue>
        <KeyValue label="最近更新" id="expert-record-updatedAt">
          {formatDateTime(expert.updatedAt)}
        </KeyValue>
      </View>
    </View>
  );
}
