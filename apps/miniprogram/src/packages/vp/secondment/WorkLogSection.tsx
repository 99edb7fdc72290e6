import { View } from '@tarojs/components';
import { vpWorkLogSchema } from '@kc/domain';
import { useState } from 'react';
import { api } from '../../../api/client';
import { SchemaForm } from '../../../components/SchemaForm';
import type { FieldOverrides } from '../../../forms/schema-fields';
import { toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import type { SecondmentDetail } from '../data';

const OVERRIDES: FieldOverrides = {
  month: { kind: 'month' },
  activities: { placeholder: '本月在企业开展的工作：技术攻关、培训、对接项目等' },
};

/** Monthly work logs: the researcher records them during the term; the firm reads them. */
export function WorkLogSection(props: { secondment: SecondmentDetail; onChanged: () => void }) {
  const s = props.secondment;
  const [formKey, setFormKey] = useState(0);
  const canWrite = s.mySide === 'researcher' && s.status === 'active';
  return (
    <View className="card" id="secondment-worklogs">
      <View className="card__title">工作日志</View>
      <View className="stat">
        <View className="stat__item">
          <View className="stat__value" id="secondment-days-total">
            {s.daysOnSiteTotal}
          </View>
          <View className="stat__label">累计到岗天数</View>
        </View>
        <View className="stat__item">
          <View className="stat__value">{s.workLogs.length}</View>
          <View className="stat__label">已填月份</View>
        </View>
      </View>
      {s.workLogs.length === 0 ? <View className="muted">暂无工作日志</View> : null}
      {s.workLogs.map((log) => (
        <View key={log.id} className="log-item" id={`worklog-${log.month}`}>
          <View className="log-item__head">
            <View>{log.month}</View>
            <View>到岗 {log.daysOnSite} 天</View>
          </View>
          <View className="log-item__body">{log.activities}</View>
        </View>
      ))}
      {canWrite ? (
        <View className="subform">
          <View className="subform__title">填写本月日志（同一月份再次填写将覆盖）</View>
          <SchemaForm
            key={formKey}
            idPrefix="worklog"
            schema={vpWorkLogSchema}
            overrides={OVERRIDES}
            wrapper="log"
            submitLabel="保存日志"
            onSubmit={async (input) => {
              await withSession(() =>
                api.vp.secondments.saveWorkLog.mutate({ secondmentId: s.id, log: input as never }),
              );
              void toastDone('日志已保存');
              setFormKey((k) => k + 1);
              props.onChanged();
            }}
          />
        </View>
      ) : null}
    </View>
  );
}
