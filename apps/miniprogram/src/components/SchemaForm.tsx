import { Button, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { type FieldOverrides, type FormValues, describeFields } from '../forms/schema-fields';
import { fromInput } from '../forms/form-values';
import { useDynamicForm } from '../hooks/useDynamicForm';
import { useFormSubmit } from '../hooks/useFormSubmit';
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
  const { busy, refusal, submit } = useFormSubmit(form, fields);
  const formError = refusal?.message;

  const button = (
    <Button
      id={`${props.idPrefix}-submit`}
      className="btn btn--primary"
      loading={busy}
      disabled={busy || undefined}
      onClick={() => void submit(() => props.onSubmit(form.input), props.wrapper)}
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
