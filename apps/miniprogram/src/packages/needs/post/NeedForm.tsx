import { View } from '@tarojs/components';
import type { NeedKind, NeedInput } from '@kc/domain';
import { useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { ChipGroup } from '../../../components/ChipGroup';
import { DynamicForm } from '../../../components/DynamicForm';
import { FormRow } from '../../../components/FormRow';
import { KeyValue } from '../../../components/KeyValue';
import { ReturnedNotice, ReviewFormFooter } from '../../../components/ReviewForm';
import { fromInput } from '../../../forms/form-values';
import { describeFields } from '../../../forms/schema-fields';
import { useDynamicForm } from '../../../hooks/useDynamicForm';
import { useReviewSubmit } from '../../../hooks/useReviewSubmit';
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
        <ReturnedNotice id="need-form-returned" comment={need.returnComment} />
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
  const { busy, refusal, send } = useReviewSubmit(form, fields, {
    correcting: need !== null,
    wrapper: 'need',
    onSaved: props.onSaved,
  });

  const save = () =>
    send(() => {
      const input = form.input as NeedInput;
      return need
        ? api.needs.update.mutate({ id: need.id, expectedVersion: need.version, need: input })
        : api.needs.post.mutate(input);
    });

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
      <ReviewFormFooter
        idPrefix="need-form"
        correcting={need !== null}
        busy={busy}
        refusal={refusal}
        onSubmit={save}
      />
    </View>
  );
}
