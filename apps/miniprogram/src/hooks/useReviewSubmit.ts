import type { FieldSpec } from '../forms/schema-fields';
import { toastDone } from '../services/nav';
import { withSession } from '../services/session';
import type { useDynamicForm } from './useDynamicForm';
import { useFormSubmit } from './useFormSubmit';

/**
 * Sends a form whose record the officers review (发布需求, 登记创新联盟), as `useFormSubmit` does:
 * a new record, or a correction of one (`correcting`; the procedure wraps the form in `wrapper`).
 * `send(request)` runs the request, which answers with the record; then 已提交 or 已重新提交, and
 * `onSaved` with its id.
 */
export function useReviewSubmit(
  form: ReturnType<typeof useDynamicForm>,
  fields: readonly FieldSpec[],
  options: { correcting: boolean; wrapper: string; onSaved: (id: string) => void },
) {
  const { busy, refusal, submit } = useFormSubmit(form, fields);
  const send = (request: () => Promise<{ id: string }>) =>
    submit(
      async () => {
        const saved = await withSession(request);
        void toastDone(options.correcting ? '已重新提交' : '已提交');
        options.onSaved(saved.id);
      },
      options.correcting ? options.wrapper : undefined,
    );
  return { busy, refusal, send };
}
