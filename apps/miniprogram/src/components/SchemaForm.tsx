import { Button, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { describeError, fieldErrorsUnder } from '../api/errors';
import { type FieldOverrides, type FormValues, describeFields } from '../forms/schema-fields';
import { fromInput } from '../forms/form-values';
import { useDynamicForm } from '../hooks/useDynamicForm';
import { leaveIfLoggedOut, toast } from '../services/nav';
import { DynamicForm } from './DynamicForm';

export interface SchemaFormProps {
  /** Ids: `<idPrefix>-<field>`, the button `<idPrefix>-submit`, a form-wide error `<idPrefix>-error`. */
  idPrefix: string;
  schema: z.ZodType;
  overrides?: FieldOverrides;
  /** A stored record to edit (as the API returns it). */
  initial?: Record<string, unknown>;
  submitLabel: string;
  /** The procedure's wrapper key (`need` in `{ callId, need }`), to place its field errors. */
  wrapper?: string;
  /** Receives the converted input; throws what the API threw. */
  onSubmit: (input: Record<string, unknown>) => Promise<void>;
  /** Fixed at the bottom of the screen (a page's one form) or inline (a form in a card). */
  footer?: boolean;
}

/** A whole form from a domain schema: fields, checking as you type, submit, server errors. */
export function SchemaForm(props: SchemaFormProps) {
  const fields = useMemo(
    () => describeFields(props.schema, props.overrides),
    [props.schema, props.overrides],
  );
  const [initialValues] = useState<FormValues | undefined>(() =>
    props.initial ? fromInput(fields, props.initial) : undefined,
  );
  const form = useDynamicForm(props.schema, fields, initialValues);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async () => {
    if (busy) return;
    setFormError(null);
    if (!form.attempt()) {
      void toast('请按提示修改标红的内容');
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(form.input);
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      const info = describeError(error);
      const fieldErrors = props.wrapper ? fieldErrorsUnder(error, props.wrapper) : info.fieldErrors;
      const known = Object.keys(fieldErrors).some((k) => fields.some((f) => f.name === k));
      form.setServerErrors(fieldErrors);
      // A refusal about no one field (not eligible, wrong stage) is said above the button.
      if (!known) setFormError(info.message);
      void toast(info.message);
    } finally {
      setBusy(false);
    }
  };

  const button = (
    <Button
      id={`${props.idPrefix}-submit`}
      className="btn btn--primary"
      loading={busy}
      disabled={busy || undefined}
      onClick={() => void submit()}
    >
      {props.submitLabel}
    </Button>
  );

  return (
    <View>
      <DynamicForm
        idPrefix={props.idPrefix}
        fields={fields}
        form={form}
        overrides={props.overrides}
      />
      {formError ? (
        <View className="notice notice--danger" id={`${props.idPrefix}-error`}>
          {formError}
        </View>
      ) : null}
      {props.footer ? <View className="footer-bar">{button}</View> : button}
    </View>
  );
}
