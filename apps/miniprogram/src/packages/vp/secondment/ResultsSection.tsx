import { View } from '@tarojs/components';
import { VP_RESULT_KINDS, formatYuan, vpResultSchema } from '@kc/domain';
import { useState } from 'react';
import { api } from '../../../api/client';
import { SchemaForm } from '../../../components/SchemaForm';
import type { FieldOverrides } from '../../../forms/schema-fields';
import { toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import type { SecondmentDetail } from '../data';
import { pressable } from '../../../components/a11y';

const OVERRIDES: FieldOverrides = {
  contractAmount: {
    visible: (values) => VP_RESULT_KINDS.some((k) => k.code === values.kind && k.hasAmount),
  },
};

/** Results of the secondment (projects, patents, transfers); either side records them. */
export function ResultsSection(props: { secondment: SecondmentDetail; onChanged: () => void }) {
  const s = props.secondment;
  const [formKey, setFormKey] = useState(0);
  const [adding, setAdding] = useState(false);
  const canAdd = s.status === 'active' || s.status === 'completed';
  return (
    <View className="card" id="secondment-results">
      <View className="card__title">履职成果</View>
      {s.results.length === 0 ? <View className="muted">暂无成果记录</View> : null}
      {s.results.map((r) => (
        <View key={r.id} className="log-item" id={`result-${r.id}`}>
          <View className="log-item__head">
            <View>{r.title}</View>
            <View>{r.kindName}</View>
          </View>
          <View className="log-item__body">
            {r.occurredOn}
            {r.contractAmountFen !== null ? ` · 合同金额 ${formatYuan(r.contractAmountFen)}` : ''}
            {r.quantity > 1 ? ` · 数量 ${r.quantity}` : ''}
            {r.note ? `\n${r.note}` : ''}
          </View>
        </View>
      ))}
      {canAdd && !adding ? (
        <View
          {...pressable()}
          className="link subform__open"
          id="result-add"
          onClick={() => setAdding(true)}
        >
          + 记录成果
        </View>
      ) : null}
      {canAdd && adding ? (
        <View className="subform">
          <SchemaForm
            key={formKey}
            idPrefix="result"
            schema={vpResultSchema}
            overrides={OVERRIDES}
            wrapper="result"
            submitLabel="保存成果"
            onSubmit={async (input) => {
              await withSession(() =>
                api.vp.secondments.addResult.mutate({ secondmentId: s.id, result: input as never }),
              );
              void toastDone('成果已记录');
              setFormKey((k) => k + 1);
              setAdding(false);
              props.onChanged();
            }}
          />
        </View>
      ) : null}
    </View>
  );
}
