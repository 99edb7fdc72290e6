import { Button, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { type ErrorInfo, describeError } from '../../api/errors';
import { DynamicForm } from '../../components/DynamicForm';
import { fromInput } from '../../forms/form-values';
import {
  type FieldOverrides,
  type FormSection,
  controlId,
  describeFields,
} from '../../forms/schema-fields';
import { useDynamicForm } from '../../hooks/useDynamicForm';
import { leaveIfLoggedOut, toast } from '../../services/nav';
import { withSession } from '../../services/session';
import { scrollToId } from '../../services/scroll';

export interface ProfileFormProps<S extends z.ZodType, R = unknown> {
  /** `org` or `researcher`: controls are `#<idPrefix>-<field>` (or an override's id). */
  idPrefix: string;
  /** The domain's profile schema: fields, titles, options and checks all come from it. */
  schema: S;
  overrides: FieldOverrides;
  sections: readonly FormSection[];
  /** The stored profile (editing) or preset values (a new institution is a 高校 by default). */
  initial: Record<string, unknown>;
  save: (profile: z.output<S>) => Promise<R>;
  onSaved: (saved: R) => void;
  /** The button: `#register-submit` 提交 unless another form (专家库) names it. */
  submitId?: string;
  submitLabel?: string;
  /** Asked once the form is valid, before saving (a change that sends it back to review): false stops. */
  confirm?: (profile: z.output<S>) => Promise<boolean>;
  /** After a refusal has been shown (under the fields and in a toast), e.g. to reload a status. */
  onFailed?: (error: ErrorInfo) => void;
}

/**
 * A registration form built from a profile schema, checked by it as the user types, saved with
 * the schema's normalised output (codes upper-cased, numbers without spaces) as the API expects.
 */
export function ProfileForm<S extends z.ZodType, R = unknown>(props: ProfileFormProps<S, R>) {
  const { schema, overrides, idPrefix } = props;
  const fields = useMemo(() => describeFields(schema, overrides), [schema, overrides]);
  const [initialValues] = useState(() => fromInput(fields, props.initial));
  const form = useDynamicForm(schema, fields, initialValues);
  const [saving, setSaving] = useState(false);
  const firstWrongControl = (extra = {}) => {
    const name = form.firstInvalid(extra);
    return name ? controlId(idPrefix, name, overrides) : undefined;
  };

  const onSubmit = async () => {
    if (saving) return;
    if (!form.attempt()) {
      void toast('请按提示修改标红的内容');
      scrollToId(firstWrongControl());
      return;
    }
    // Valid, so `normalised` is the schema's output.
    const profile = form.normalised as z.output<S>;
    setSaving(true);
    try {
      if (props.confirm && !(await props.confirm(profile))) return;
      const saved = await withSession(() => props.save(profile));
      props.onSaved(saved);
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      const info = describeError(error);
      form.setServerErrors(info.fieldErrors);
      scrollToId(firstWrongControl(info.fieldErrors));
      void toast(info.message);
      props.onFailed?.(info);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View>
      <DynamicForm
        idPrefix={idPrefix}
        fields={fields}
        form={form}
        overrides={overrides}
        sections={props.sections}
      />
      <View className="footer-bar">
        <Button
          id={props.submitId ?? 'register-submit'}
          className="btn btn--primary"
          loading={saving}
          disabled={saving || undefined}
          onClick={() => void onSubmit()}
        >
          {props.submitLabel ?? '提交'}
        </Button>
      </View>
    </View>
  );
}
