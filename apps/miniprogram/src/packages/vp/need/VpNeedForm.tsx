import { View } from '@tarojs/components';
import { FIELDS, vpNeedSchema } from '@kc/domain';
import { api } from '../../../api/client';
import { SchemaForm } from '../../../components/SchemaForm';
import type { FieldOverrides } from '../../../forms/schema-fields';
import { toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import type { OwnNeed } from '../data';
import { type NeedSource, sourceNote } from './source';

/** Sub-fields follow the chosen field, so the schema's "must belong to the field" rarely fires. */
export const VP_NEED_OVERRIDES: FieldOverrides = {
  subFieldCode: {
    kind: 'choice',
    optionsFrom: (values) =>
      FIELDS.find((f) => f.code === values.fieldCode)?.subFields.map((s) => ({
        code: s.code,
        name: s.name,
      })) ?? [],
    visible: (values) => Boolean(values.fieldCode),
  },
  investorInstitutions: {
    hint: '每行一个。这些单位的科研人员不会与本企业匹配（回避）',
  },
  priorPartners: { hint: '每行一个，曾合作的单位在匹配时适当加分' },
};

/**
 * A firm's 科技副总 need in a call: a new one, one turned from the firm's published 攻关需求
 * (`source`: the form starts from its prefill and the API is told `fromNeedId`), or editing
 * its own (`need`). The API's refusals show above the button, field errors under their fields.
 */
export function VpNeedForm(props: {
  callId: string;
  need?: OwnNeed | null;
  source?: NeedSource | null;
  onSaved: () => void;
}) {
  const need = props.need ?? null;
  const source = need ? null : (props.source ?? null);
  return (
    <View>
      <View className="notice">
        请说明企业面临的技术难题和希望科技副总具备的专长。需求发布后由科技局统一匹配，联系方式不会公开。
      </View>
      {source ? (
        <View className="notice notice--success" id="need-source">
          {sourceNote(source.number)}
        </View>
      ) : null}
      <View className="card">
        <SchemaForm
          idPrefix="need"
          schema={vpNeedSchema}
          overrides={VP_NEED_OVERRIDES}
          initial={need ?? source?.prefill}
          wrapper="need"
          submitLabel={need ? '保存修改' : '发布需求'}
          footer
          onSubmit={async (input) => {
            await withSession(() =>
              need
                ? api.vp.needs.update.mutate({ needId: need.id, need: input as never })
                : api.vp.needs.create.mutate({
                    callId: props.callId,
                    need: input as never,
                    ...(source ? { fromNeedId: source.id } : {}),
                  }),
            );
            void toastDone(need ? '已保存' : '已发布');
            props.onSaved();
          }}
        />
      </View>
    </View>
  );
}
