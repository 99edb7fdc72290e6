import type { PathErrors } from '../../../forms/form-values';

interface Refusal {
  code: string;
  message: string;
  field?: string | undefined;
}

/** Listed by the evidence section instead. */
const SHOWN_ELSEWHERE = new Set(['MISSING_EVIDENCE']);

function valueAt(input: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (node === null || typeof node !== 'object') return undefined;
    return (node as Record<string, unknown>)[key];
  }, input);
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * What the engine said about the form as it stands (the same evaluation a submission runs),
 * sorted for the form: a field left blank only makes the form incomplete (its own row says so
 * once it is left); anything wrong with what was typed is a reason, listed in the preview and
 * shown under its field at once.
 */
export function previewReasons(
  refusals: readonly Refusal[],
  input: Record<string, unknown>,
): { reasons: Refusal[]; fieldErrors: PathErrors; incomplete: boolean } {
  const reasons: Refusal[] = [];
  const fieldErrors: PathErrors = {};
  let incomplete = false;
  for (const r of refusals) {
    if (SHOWN_ELSEWHERE.has(r.code)) continue;
    if (r.code === 'INVALID_INPUT' && r.field && isBlank(valueAt(input, r.field))) {
      incomplete = true;
      continue;
    }
    reasons.push(r);
    if (r.field) fieldErrors[r.field] ??= r.message;
  }
  return { reasons, fieldErrors, incomplete };
}
