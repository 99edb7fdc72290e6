import type { QueryKey } from '@tanstack/vue-query';
import { useQueryClient } from '@tanstack/vue-query';
import { ref } from 'vue';
import { appCodeOf, isSessionLost } from '../api/errors';
import { serverFieldErrors } from './server-field-errors';
import { inlineMessageOf } from './use-field-errors';

export interface StepSubmitOptions {
  /** What a stale version reloads (cache prefixes, e.g. `selectionKeys.all`). */
  reload: readonly QueryKey[];
  /**
   * The object the API wraps the form in (`document` for `document.issuedOn`): the server's field
   * messages are keyed by the form's own field names without it.
   */
  prefix?: string;
  /**
   * Whether the form shows the message of a field (by its key without the prefix). A refusal none
   * of whose fields the form shows is said above the buttons instead. Every field by default.
   */
  shows?: (field: string) => boolean;
}

/**
 * A step sent from a dialog (确定结果, 编辑任务书), and its refusal shown where the officer looks:
 * a lost session goes back to login (the global handler); a field's message under the field; a
 * stale version reloads what the dialog shows and says so (`reloaded`); anything else above the
 * buttons (`error`). The dialog checks its form first and may put its own messages in `errors`.
 *
 * ```ts
 * const step = useStepSubmit({ reload: [selectionKeys.all], prefix: 'document' });
 * step.reset();
 * if (!checked) return;
 * await step.submit(async () => { await advanceCall(…); close(); });
 * ```
 */
export function useStepSubmit(options: StepSubmitOptions) {
  const client = useQueryClient();
  const errors = ref<Record<string, string>>({});
  const error = ref('');
  const reloaded = ref(false);
  const busy = ref(false);
  const shows = options.shows ?? (() => true);

  /** Before each try: no message of the last one is left. */
  function reset() {
    error.value = '';
    reloaded.value = false;
    errors.value = {};
  }

  async function refused(e: unknown) {
    if (isSessionLost(e)) {
      inlineMessageOf(e);
      return;
    }
    const fields = serverFieldErrors(e, options.prefix);
    errors.value = { ...errors.value, ...fields };
    if (!Object.keys(fields).some(shows)) error.value = inlineMessageOf(e);
    if (appCodeOf(e) === 'STALE_VERSION') {
      await Promise.all(options.reload.map((queryKey) => client.invalidateQueries({ queryKey })));
      reloaded.value = true;
    }
  }

  /** Runs the step (the request and what follows its success); false when it was refused. */
  async function submit(step: () => Promise<unknown>): Promise<boolean> {
    busy.value = true;
    try {
      await step();
      return true;
    } catch (e) {
      await refused(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { errors, error, reloaded, busy, reset, submit };
}
