import { View } from '@tarojs/components';
import { api } from '../../../api/client';
import { formatDate } from '../../../format';
import type { LinkRequest } from './data';
import { confirmThen } from './data';
import { pressable } from '../../../components/a11y';

/**
 * 科研人员单位确认 (administrators): researchers who named this organisation as their 工作单位.
 * The answer counts for the 科技副总 rule “高校或科研院所的科研人员”.
 */
export function ResearcherLinks(props: {
  items: readonly LinkRequest[];
  verified: boolean;
  onChanged: () => void;
}) {
  if (props.items.length === 0) return null;
  const decide = (r: LinkRequest, decision: 'confirmed' | 'rejected') =>
    confirmThen({
      title: decision === 'confirmed' ? '确认本单位人员' : '不是本单位人员',
      content:
        decision === 'confirmed'
          ? `确认${r.name}（${r.titleLabel}）是本单位人员吗？确认后，科技副总选派将以本单位类型认定其所在单位。`
          : `确认${r.name}不是本单位人员吗？对方将收到通知。`,
      run: () =>
        api.myOrg.researcherLinks.decide.mutate({ researcherId: r.researcherId, decision }),
      done: '已处理',
      onDone: props.onChanged,
    });
  return (
    <View className="card" id="researcher-links">
      <View className="card__title">待确认的科研人员</View>
      {props.verified ? null : (
        <View className="notice notice--warning">单位通过机构认证后，才能确认科研人员。</View>
      )}
      {props.items.map((r) => (
        <View
          key={r.researcherId}
          className="list-item list-item--column"
          id={`link-${r.researcherId}`}
        >
          <View className="list-item__row">
            <View className="list-item__title">
              {r.name} · {r.titleLabel}
            </View>
            <View className="muted">{formatDate(r.requestedAt)}</View>
          </View>
          <View className="list-item__meta">
            填报单位：{r.institutionName} · 手机 {r.mobileMasked}
          </View>
          <View className="list-item__meta">研究领域：{r.fieldNames.join('、')}</View>
          {props.verified ? (
            <View className="list-item__actions">
              <View
                {...pressable()}
                className="link"
                id={`link-confirm-${r.researcherId}`}
                onClick={() => void decide(r, 'confirmed')}
              >
                确认是本单位人员
              </View>
              <View
                {...pressable()}
                className="link link--danger"
                id={`link-reject-${r.researcherId}`}
                onClick={() => void decide(r, 'rejected')}
              >
                不是本单位人员
              </View>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
