import { View } from '@tarojs/components';
import type { NeedKind, NeedInput } from '@kc/domain';
import { useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { ChipGroup } from '../../../components/ChipGroup';
import { DynamicForm } from '../../../components/DynamicForm';
import { FormRefusal, SubmitBar } from '../../../components/FormFooter';
import { FormRow } from '../../../components/FormRow';
import { KeyValue } from '../../../components/KeyValue';
import { fromInput } from '../../../forms/form-values';
import { describeFields } from '../../../forms/schema-fields';
import { useDynamicForm } from '../../../hooks/useDynamicForm';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import {
  KIND_OPTIONS,
  type MyNeed,
  NEED_FORM_OVERRIDES,
  needFormInitial,
  needFormSchema,
} from '../data';

/**
 * 发布需求 / 修改: 应用场景需求 or 技术攻关需求, the fields of the kind's domain schema with its
 * Chinese labels, checked by that schema as they are typed (money in yuan, sent as fen). A new
 * need goes to `needs.post`; a need 待审核 or 退回修改 to `needs.update` with its version (the
 * kind stays: the API refuses a change). Refusals about no one field are said above the button.
 */
export function NeedForm(props: { need: MyNeed | null; onSaved: (id: string) => void }) {
  const { need } = props;
  const [kind, setKind] = useState<NeedKind>(need?.kind ?? 'scenario');
  return (
    <View>
      {need?.status === 'returned' ? (
        <View className="notice notice--warning" id="need-form-returned" role="alert">
          退回意见：{need.returnComment ?? '请按要求修改后重新提交'}
        </View>
      ) : null}
      <View className="card">
        {need ? (
          <KeyValue label="需求类型" id="need-form-kind">
            {need.kindName}（类型不能更改）
          </KeyValue>
        ) : (
          <FormRow
            id="need-form-kind"
            label="需求类型"
            required
            hint="应用场景需求：希望在本单位场所开展示范应用；技术攻关需求：企业出资、征集团队攻克技术难题"
          >
            <ChipGroup
              id="need-form-kind"
              chipIdPrefix="need-form-kind"
              options={KIND_OPTIONS}
              value={[kind]}
              onChange={(codes) => {
                const next = codes[0] as NeedKind | undefined;
                if (next) setKind(next);
              }}
            />
          </FormRow>
        )}
      </View>
      {/* A kind has its own schema: switching starts that kind's form afresh. */}
      <NeedFields key={kind} kind={kind} need={need} onSaved={props.onSaved} />
    </View>
  );
}

function NeedFields(props: { kind: NeedKind; need: MyNeed | null; onSaved: (id: string) => void }) {
  const { kind, need } = props;
  const schema = needFormSchema(kind);
  const fields = useMemo(() => describeFields(schema, NEED_FORM_OVERRIDES), [schema]);
  const [initial] = useState(() => fromInput(fields, needFormInitial(kind, need)));
  const form = useDynamicForm(schema, fields, initial);
  const { busy, refusal, submit } = useFormSubmit(form, fields);

  const save = () =>
    submit(
      async () => {
        const input = form.input as NeedInput;
        const saved = await withSession(() =>
          need
            ? api.needs.update.mutate({ id: need.id, expectedVersion: need.version, need: input })
            : api.needs.post.mutate(input),
        );
        void toastDone(need ? '已重新提交' : '已提交');
        props.onSaved(saved.id);
      },
      need ? 'need' : undefined,
    );

  return (
    <View>
      <View className="card">
        <DynamicForm
          idPrefix="need-form"
          fields={fields}
          form={form}
          overrides={NEED_FORM_OVERRIDES}
        />
      </View>
      <FormRefusal
        id="need-form-error"
        message={refusal?.message}
        appCode={refusal?.appCode}
        verifyId="need-form-verify"
      />
      <SubmitBar
        id="need-form-submit"
        label={need ? '重新提交审核' : '提交审核'}
        busy={busy}
        onSubmit={save}
      />
    </View>
  );
}
