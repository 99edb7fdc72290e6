import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import { type FieldErrors, issuesToFieldErrors, visibleErrors } from '../forms/field-errors';

/**
 * Form state checked by the domain's own zod schema — the same one the API applies — so the
 * form and the server can never disagree about what is valid. Errors of a field show once the
 * user has left it (blur, or a chip tap), and all of them after a submit attempt.
 */
export function useSchemaForm<S extends z.ZodType, V extends Record<string, unknown>>(
  schema: S,
  initial: V,
) {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const parsed = useMemo(() => schema.safeParse(values), [schema, values]);
  const clientErrors = useMemo(
    () => (parsed.success ? {} : issuesToFieldErrors(parsed.error.issues)),
    [parsed],
  );
  const errors: FieldErrors = {
    ...visibleErrors(clientErrors, touched, submitted),
    ...serverErrors,
  };

  const touch = useCallback((key: keyof V & string) => {
    setTouched((prev) => (prev.has(key) ? prev : new Set(prev).add(key)));
  }, []);

  const set = useCallback(<K extends keyof V & string>(key: K, value: V[K]) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    // A server verdict is about the old value.
    setServerErrors((prev) => (prev[key] === undefined ? prev : { ...prev, [key]: undefined }));
  }, []);

  /** Chips and other controls without a blur count as left once changed. */
  const choose = useCallback(
    <K extends keyof V & string>(key: K, value: V[K]) => {
      set(key, value);
      touch(key);
    },
    [set, touch],
  );

  /** Marks the attempt; returns the parsed (normalised) values, or null when something is wrong. */
  const submit = useCallback((): z.output<S> | null => {
    setSubmitted(true);
    return parsed.success ? parsed.data : null;
  }, [parsed]);

  const reset = useCallback((next: V) => {
    setValues(next);
    setTouched(new Set());
    setSubmitted(false);
    setServerErrors({});
  }, []);

  /** The first field (in screen order) that is wrong, for scrolling to it after a submit. */
  const firstInvalid = (order: readonly string[], extra: FieldErrors = {}) =>
    order.find(
      (k) =>
        clientErrors[k] !== undefined || serverErrors[k] !== undefined || extra[k] !== undefined,
    );

  return { values, errors, set, choose, touch, submit, reset, setServerErrors, firstInvalid };
}
