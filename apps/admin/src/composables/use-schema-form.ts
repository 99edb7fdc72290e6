import { fieldErrorsOf as issueMessages, objectSchemaOf } from '@kc/domain';
import { ref, watch } from 'vue';
import type { z } from 'zod';
import { serverFieldErrors } from './server-field-errors';

/** Fields an object schema refuses to leave out: the ones a form marks with `*`. */
export function requiredFieldsOf(schema: z.ZodType): Record<string, boolean> {
  const shape = (objectSchemaOf(schema)?.shape ?? {}) as Record<string, z.ZodType>;
  return Object.fromEntries(
    Object.entries(shape).map(([name, field]) => [name, !field.safeParse(undefined).success]),
  );
}

/**
 * A dialog form checked with the same domain schema the API parses its input with, so the
 * officer sees the same words before sending as the server would answer, and `*` where the
 * schema requires a value. A field's message goes as soon as that field changes (a stale
 * 请选择角色 under a chosen role misleads); the server's field messages land in the same place.
 */
export function useSchemaForm<S extends z.ZodType>(schema: S, form: Record<string, unknown>) {
  const errors = ref<Record<string, string>>({});
  const required = requiredFieldsOf(schema);

  for (const name of Object.keys(form)) {
    watch(
      () => form[name],
      () => {
        if (!(name in errors.value)) return;
        const { [name]: _dropped, ...rest } = errors.value;
        errors.value = rest;
      },
    );
  }

  return {
    errors,
    required,
    clear() {
      errors.value = {};
    },
    /**
     * The parsed input, or null with the first message of each field shown under it. `against`
     * is for a form that sends another procedure's input in another mode (editing vs creating).
     */
    validate<T extends z.ZodType = S>(input: unknown = form, against?: T): z.output<T> | null {
      const result = (against ?? schema).safeParse(input);
      if (result.success) {
        errors.value = {};
        return result.data as z.output<T>;
      }
      errors.value = Object.fromEntries(
        Object.entries(issueMessages(result.error)).map(([k, messages]) => [k, messages[0] ?? '']),
      );
      return null;
    },
    /** Shows an API refusal's field messages; true when there were any. */
    take(error: unknown): boolean {
      errors.value = serverFieldErrors(error);
      return Object.keys(errors.value).length > 0;
    },
  };
}
