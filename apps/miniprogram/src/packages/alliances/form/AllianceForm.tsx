import { View } from '@tarojs/components';
import type { AllianceInput } from '@kc/domain';
import { allianceSchemaFor } from '@kc/domain';
import { useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { DynamicForm } from '../../../components/DynamicForm';
import { type EvidenceItem, EvidenceUploader } from '../../../components/EvidenceUploader';
import { FormRow } from '../../../components/FormRow';
import { ReturnedNotice, ReviewFormFooter } from '../../../components/ReviewForm';
import { fromInput } from '../../../forms/form-values';
import type { FieldOverrides, FormValues } from '../../../forms/schema-fields';
import { describeFields } from '../../../forms/schema-fields';
import { useDynamicForm } from '../../../hooks/useDynamicForm';
import { useReviewSubmit } from '../../../hooks/useReviewSubmit';
import { withSession } from '../../../services/session';
import {
  ALLIANCE_FORM_OVERRIDES,
  CHARTER,
  type MemberUnit,
  type MyAlliance,
  allianceFormInitial,
  charterItems,
} from '../data';
import { MemberEditor } from './MemberEditor';

const searchUnits = (q: string): Promise<MemberUnit[]> =>
  withSession(() => api.alliances.memberUnits.query({ q }));

/**
 * 登记创新联盟 / 修改: the domain's registration schema, knowing the lead firm (so the firm
 * listed as its own member is refused at once), as the form: name, field and purpose from the
 * schema's own fields, the member units in their editor, the charter uploaded as evidence is.
 * A new registration goes to `alliances.submit`; one 待审核 or 退回修改 to `alliances.update`
 * with its version. Refusals about no one field are said above the button.
 */
export function AllianceForm(props: {
  alliance: MyAlliance | null;
  lead: { id: string; name: string };
  onSaved: (id: string) => void;
  /** The member search (the API's, unless a test gives its own). */
  search?: (q: string) => Promise<MemberUnit[]>;
}) {
  const { alliance, lead } = props;
  const { id: leadId, name: leadName } = lead;
  const schema = useMemo(
    () => allianceSchemaFor({ id: leadId, name: leadName }),
    [leadId, leadName],
  );
  const fields = useMemo(() => describeFields(schema, ALLIANCE_FORM_OVERRIDES), [schema]);
  const [initial] = useState<FormValues>(() => {
    const values = fromInput(fields, allianceFormInitial(alliance));
    // A new registration starts with no member rather than a blank one.
    return alliance ? values : { ...values, members: [] };
  });
  const form = useDynamicForm(schema, fields, initial);
  const [charter, setCharter] = useState<EvidenceItem[]>(() =>
    charterItems(alliance?.charter ?? null),
  );
  const { busy, refusal, send } = useReviewSubmit(form, fields, {
    correcting: alliance !== null,
    wrapper: 'alliance',
    onSaved: props.onSaved,
  });

  const overrides: FieldOverrides = {
    ...ALLIANCE_FORM_OVERRIDES,
    members: {
      render: (c) => (
        <MemberEditor
          key="members"
          id={c.id}
          rows={(c.value as FormValues[] | undefined) ?? []}
          error={c.error}
          rowError={(i) =>
            form.errors[`members.${i}.name`] ??
            form.errors[`members.${i}.unitType`] ??
            form.errors[`members.${i}.organisationId`]
          }
          onChange={(rows, changed) => {
            c.choose(rows);
            // An added row's problem (a unit twice, the lead firm) shows at once.
            if (changed !== undefined) form.touch(`members.${changed}.name`);
          }}
          search={props.search ?? searchUnits}
        />
      ),
    },
    charterFileId: {
      render: (c) => (
        <View className="card" key="charter" id={c.id}>
          <FormRow id={`${c.id}-row`} label="联盟章程" required error={c.error}>
            <EvidenceUploader
              requirements={[CHARTER]}
              items={charter}
              onChange={(update) => {
                const next = update(charter);
                // One charter: the latest upload replaces the one before.
                const latest = next.filter((i) => i.fileId).slice(-1);
                setCharter(latest);
                c.choose(latest[0]?.fileId ?? '');
              }}
            />
          </FormRow>
        </View>
      ),
    },
  };

  const save = () =>
    send(() => {
      const input = form.input as AllianceInput;
      return alliance
        ? api.alliances.update.mutate({
            id: alliance.id,
            expectedVersion: alliance.version,
            alliance: input,
          })
        : api.alliances.submit.mutate(input);
    });

  return (
    <View>
      {alliance?.status === 'returned' ? (
        <ReturnedNotice id="alliance-form-returned" comment={alliance.comment} />
      ) : null}
      <View className="card">
        <DynamicForm
          idPrefix="alliance-form"
          fields={fields.filter((f) => f.name !== 'members' && f.name !== 'charterFileId')}
          form={form}
          overrides={overrides}
        />
      </View>
      <DynamicForm
        idPrefix="alliance-form"
        fields={fields.filter((f) => f.name === 'members' || f.name === 'charterFileId')}
        form={form}
        overrides={overrides}
      />
      <ReviewFormFooter
        idPrefix="alliance-form"
        correcting={alliance !== null}
        busy={busy}
        refusal={refusal}
        onSubmit={save}
      />
    </View>
  );
}
