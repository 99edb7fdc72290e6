import { View } from '@tarojs/components';
import { formatYuan } from '@kc/domain';
import { StatusTag } from '../../../components/StatusTag';
import { type MyProject, trancheLabel, trancheStateText } from '../data';

/**
 * 资金拨付: each tranche of the city funds (第一期 · 任务书签订后 · amount) and where it stands — not
 * yet due (未到拨付条件), or its 拨付申请's number and status once the condition was met and the
 * application raised; a terminated project's remaining tranches are not paid.
 */
export function TrancheSection({ project: p }: { project: MyProject }) {
  return (
    <View className="card" id="project-tranches">
      <View className="card__title">资金拨付</View>
      {p.tranches.map((t) => {
        const i = t.trancheNo - 1;
        const app = t.application;
        const approved =
          app && app.amountFen !== null && app.amountFen !== t.amountFen ? app.amountFen : null;
        return (
          <View key={t.trancheNo} className="project-item" id={`project-tranche-${i}`}>
            <View className="project-item__head">
              <View className="project-item__title" id={`project-tranche-${i}-label`}>
                {trancheLabel(i)} · {t.conditionName}
              </View>
              <View className="money" id={`project-tranche-${i}-amount`}>
                {formatYuan(t.amountFen)}
              </View>
            </View>
            <View className="tranche__state">
              {app ? (
                <View className="muted" id={`project-tranche-${i}-application`}>
                  拨付申请 {app.number}
                  {approved !== null ? ` · 核定 ${formatYuan(approved)}` : ''}
                </View>
              ) : (
                <View />
              )}
              <StatusTag
                status={app ? app.status : p.status === 'terminated' ? 'cancelled' : 'waiting'}
                label={trancheStateText(t, p.status)}
                id={`project-tranche-${i}-state`}
              />
            </View>
          </View>
        );
      })}
      <View className="muted project__footnote">
        市级资金按计划分期拨付至本单位对公账户，后续各期在相应条件达成后拨付。
      </View>
    </View>
  );
}
