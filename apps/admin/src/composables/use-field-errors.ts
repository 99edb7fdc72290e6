import { TRPCClientError } from '@trpc/client';
import { ref } from 'vue';
import { isSessionLost, messageOf, reportError } from '../api/errors';

/** `data.fieldErrors` of an API refusal (`{ overrideReason: ['…'] }`), or an empty object. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const data: unknown = error.data;
  if (!data || typeof data !== 'object' || !('fieldErrors' in data)) return {};
  const raw = (data as { fieldErrors: unknown }).fieldErrors;
  if (!raw || typeof raw !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(raw as Record<string, unknown>)) {
    if (Array.isArray(messages) && typeof messages[0] === 'string') out[key] = messages[0];
  }
  return out;
}

/** Field messages for a form, filled from an API refusal and cleared before the next try. */
export function useFieldErrors() {
  const errors = ref<Record<string, string>>({});
  return {
    errors,
    clear() {
      errors.value = {};
    },
    /** Takes the refusal's field messages; true when there were any. */
    take(error: unknown): boolean {
      errors.value = fieldErrorsOf(error);
      return Object.keys(errors.value).length > 0;
    },
  };
}

/**
 * For calls made with `{ context: { silent: true } }` whose refusal is shown inline: a lost
 * session is still handled globally (back to login); otherwise the Chinese message to show.
 */
export function inlineMessageOf(error: unknown): string {
  if (isSessionLost(error)) {
    reportError(error);
    return '';
  }
  return messageOf(error);
}
