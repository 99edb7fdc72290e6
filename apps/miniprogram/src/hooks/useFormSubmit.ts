import { useState } from 'react';
import { type ErrorInfo, describeError, fieldErrorsUnder } from '../api/errors';
import type { FieldSpec } from '../forms/schema-fields';
import { leaveIfLoggedOut, toast } from '../services/nav';
import type { useDynamicForm } from './useDynamicForm';

/**
 * Sends a form generated from a domain schema (`useDynamicForm`): checked first, one request at
 * a time. The server's field messages land under the fields (`wrapper`: the object the procedure
 * wraps the form in); a refusal about none of them (not verified, changed meanwhile) is kept as
 * `refusal` for above the button. Every refusal is toasted too.
 */
export function useFormSubmit(
  form: ReturnType<typeof useDynamicForm>,
  fields: readonly FieldSpec[],
) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ErrorInfo | null>(null);

  async function submit(send: () => Promise<void>, wrapper?: string) {
    if (busy) return;
    setRefusal(null);
    if (!form.attempt()) {
      void toast('请按提示修改标红的内容');
      return;
    }
    setBusy(true);
    try {
      await send();
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      const info = describeError(error);
      const errors = wrapper ? fieldErrorsUnder(error, wrapper) : info.fieldErrors;
      form.setServerErrors(errors);
      if (!Object.keys(errors).some((k) => fields.some((f) => f.name === k))) setRefusal(info);
      void toast(info.message);
    } finally {
      setBusy(false);
    }
  }

  return { busy, refusal, submit };
}
