import type { QueryKey } from '@tanstack/vue-query';
import { useQueryClient } from '@tanstack/vue-query';
import { fieldErrorsOf as issueMessages } from '@kc/domain';
import { computed, ref } from 'vue';
import type { z } from 'zod';
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
  /** The refusal that means the record changed meanwhile (the expert registry has its own). */
  staleCode?: string;
  /**
   * The version of the record the step is taken on. With it, `upToDate` tells whether the record
   * the dialog shows is newer than the one a stale refusal was for (the list behind reloaded it).
   */
  version?: () => number;
}

/**
 * The line under a stale refusal once the record behind the dialog is reloaded: check it again, or
 * it has moved to a status the step no longer applies to. `record`: 该联盟; `what`: 最新状态.
 */
export function reloadedNote(
  record: string,
  what: string,
  now: { statusName: string; allowed: boolean; step: string },
): string {
  return now.allowed
    ? `已重新载入${record}的${what}，请核对后再处理。`
    : `已重新载入${record}的${what}，${record}当前为“${now.statusName}”，不能${now.step}。`;
}

/**
 * A step sent from a dialog (确定结果, 编辑任务书), and its refusal shown where the officer looks:
 * a lost session goes back to login (the global handler); a field's message under the field; a
 * stale version reloads what the dialog shows and says so (`reloaded`); anything else above the
 * buttons (`error`). The dialog checks its form first (`check`, or its own messages in `errors`).
 *
 * ```ts
 * const step = useStepSubmit({ reload: [selectionKeys.all], prefix: 'document' });
 * step.reset();
 * const input = step.check(resultDocumentSchema, form);
 * if (!input) return;
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
  const staleCode = options.staleCode ?? 'STALE_VERSION';
  /** The version a stale refusal was for; kept until the dialog closes. */
  const staleVersion = ref<number | null>(null);
  const version = options.version;
  /** A try was refused as stale (with `version`). */
  const stale = computed(() => staleVersion.value !== null);
  /** No stale refusal yet, or the record shown has been reloaded since. */
  const upToDate = computed(
    () =>
      staleVersion.value === null || (version !== undefined && version() !== staleVersion.value),
  );

  /** Before each try: no message of the last one is left. */
  function reset() {
    error.value = '';
    reloaded.value = false;
    errors.value = {};
  }

  /** A field's message goes as soon as the field is edited (a list's, with any of its items). */
  function edited(...fields: string[]) {
    const rest = { ...errors.value };
    for (const field of fields) delete rest[field];
    errors.value = rest;
  }

  /**
   * The input as the schema the API parses it with reads it, or null with each field's first
   * message under it.
   */
  function check<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const [field, messages] of Object.entries(issueMessages(parsed.error)))
      errors.value[field] ??= messages[0] ?? '';
    return null;
  }

  async function refused(e: unknown, tried: number | undefined) {
    if (isSessionLost(e)) {
      inlineMessageOf(e);
      return;
    }
    const fields = serverFieldErrors(e, options.prefix);
    errors.value = { ...errors.value, ...fields };
    if (!Object.keys(fields).some(shows)) error.value = inlineMessageOf(e);
    if (appCodeOf(e) === staleCode) {
      if (tried !== undefined) staleVersion.value = tried;
      await Promise.all(options.reload.map((queryKey) => client.invalidateQueries({ queryKey })));
      reloaded.value = true;
    }
  }

  /** Runs the step (the request and what follows its success); false when it was refused. */
  async function submit(step: () => Promise<unknown>): Promise<boolean> {
    const tried = version?.();
    busy.value = true;
    try {
      await step();
      return true;
    } catch (e) {
      await refused(e, tried);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { errors, error, reloaded, busy, stale, upToDate, reset, edited, check, submit };
}
