import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import {
  type PathErrors,
  pathErrors,
  setAt,
  toInput,
  visiblePathErrors,
} from '../forms/form-values';
import type { FieldSpec, FormValues, RawValue } from '../forms/schema-fields';
import { emptyValues } from '../forms/schema-fields';

/**
 * A form generated from a domain schema (a rule's input, a 科技副总 need, a work log). Checked
 * by that same schema as the user types; errors show under a field once it has been left, and
 * all of them after a submit attempt. Server `fieldErrors` land under the same fields.
 */
export function useDynamicForm(
  schema: z.ZodType,
  fields: readonly FieldSpec[],
  initial?: FormValues,
) {
  const [values, setValues] = useState<FormValues>(() => initial ?? emptyValues(fields));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<PathErrors>({});

  const converted = useMemo(() => toInput(fields, values), [fields, values]);
  const parsed = useMemo(() => schema.safeParse(converted.input), [schema, converted]);
  const clientErrors = useMemo(
    () => pathErrors(parsed.success ? [] : parsed.error.issues, converted.problems),
    [parsed, converted],
  );
  const valid = parsed.success && Object.keys(converted.problems).length === 0;

  const errors: PathErrors = {
    ...visiblePathErrors(clientErrors, touched, submitted),
    ...serverErrors,
  };

  const touch = useCallback((path: string) => {
    setTouched((prev) => (prev.has(path) ? prev : new Set(prev).add(path)));
  }, []);

  const set = useCallback((path: string, value: RawValue) => {
    setValues((prev) => setAt(prev, path, value));
    // A server verdict was about the old value.
    const top = path.split('.')[0] ?? path;
    setServerErrors((prev) =>
      prev[path] === undefined && prev[top] === undefined
        ? prev
        : { ...prev, [path]: undefined, [top]: undefined },
    );
  }, []);

  /** Controls without a blur (chips, pickers) count as left once changed. */
  const choose = useCallback(
    (path: string, value: RawValue) => {
      set(path, value);
      touch(path);
    },
    [set, touch],
  );

  /** Marks the attempt; true when the schema accepts the form. */
  const attempt = useCallback(() => {
    setSubmitted(true);
    return valid;
  }, [valid]);

  const replaceAll = useCallback((next: FormValues) => {
    setValues(next);
    setTouched(new Set());
    setSubmitted(false);
    setServerErrors({});
  }, []);

  /** The first field (in form order) with an error, for scrolling to it. */
  const firstInvalid = (extra: PathErrors = {}): string | undefined => {
    const all = { ...clientErrors, ...serverErrors, ...extra };
    const paths = Object.keys(all).filter((k) => all[k] !== undefined);
    return fields
      .map((f) => f.name)
      .find((name) => paths.some((p) => p === name || p.startsWith(`${name}.`)));
  };

  return {
    values,
    errors,
    /** What the schema receives (money in fen, blanks left out), valid or not. */
    input: converted.input,
    /** The schema's normalised output when valid (codes upper-cased, text trimmed), else `input`. */
    normalised: (valid && parsed.success ? parsed.data : converted.input) as Record<
      string,
      unknown
    >,
    valid,
    set,
    choose,
    touch,
    attempt,
    replaceAll,
    setServerErrors,
    firstInvalid,
  };
}

export type DynamicForm = ReturnType<typeof useDynamicForm>;
