/** One message per form field, keyed by the field's name (`creditCode`, `fieldCodes`, …). */
export type FieldErrors = Partial<Record<string, string>>;

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * zod issues → the first message per top-level field. `fieldCodes.2` belongs to `fieldCodes`:
 * the form shows one line under the whole chip group, not one per chip.
 * Issues without a path (object-level refinements) are collected under `_form`.
 */
export function issuesToFieldErrors(issues: readonly IssueLike[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const head = issue.path[0];
    const key = head === undefined ? FORM_KEY : String(head);
    if (out[key] === undefined) out[key] = issue.message;
  }
  return out;
}

/** The server's `data.fieldErrors` (`{ creditCode: ['…'] }`, keys possibly dotted) → one message per field. */
export function firstMessagePerField(
  fieldErrors: Record<string, readonly string[] | undefined> | null | undefined,
): FieldErrors {
  const out: FieldErrors = {};
  if (!fieldErrors) return out;
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const first = messages?.find((m) => m.length > 0);
    if (!first) continue;
    const key = path === '' ? FORM_KEY : (path.split(/[.[]/)[0] ?? path);
    if (out[key] === undefined) out[key] = first;
  }
  return out;
}

/** Errors for the fields the user has already left (blurred) or all of them after a submit attempt. */
export function visibleErrors(
  errors: FieldErrors,
  touched: ReadonlySet<string>,
  submitted: boolean,
): FieldErrors {
  if (submitted) return errors;
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) if (touched.has(k)) out[k] = v;
  return out;
}

export const FORM_KEY = '_form';
