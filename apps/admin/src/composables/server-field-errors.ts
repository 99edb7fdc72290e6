import { fieldErrorsOf } from './use-field-errors';

/**
 * The server's field messages for a form whose input is wrapped in an object (`rule.reason`,
 * `evaluation.comment`), keyed by the form's own field names.
 */
export function serverFieldErrors(error: unknown, prefix = ''): Record<string, string> {
  const all = fieldErrorsOf(error);
  if (!prefix) return all;
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(all))
    out[path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path] = message;
  return out;
}
