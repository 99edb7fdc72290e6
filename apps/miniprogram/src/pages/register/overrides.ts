import type { FieldOverride } from '../../forms/schema-fields';
import { MAX_FIELDS, keepSubFieldsOf, subFieldOptions } from '../../forms/options';

/** The five fields and, once one is chosen, its sub-fields; dropping a field drops its sub-fields. */
export const fieldOverrides: Record<'fieldCodes' | 'subFieldCodes', FieldOverride> = {
  fieldCodes: {
    chipId: 'field',
    max: MAX_FIELDS,
    small: false,
    alsoSet: (codes, values) => ({
      subFieldCodes: keepSubFieldsOf(asCodes(codes), asCodes(values.subFieldCodes)),
    }),
  },
  subFieldCodes: {
    chipId: 'subField',
    optionsFrom: (values) => subFieldOptions(asCodes(values.fieldCodes)),
    visible: (values) => subFieldOptions(asCodes(values.fieldCodes)).length > 0,
  },
};

function asCodes(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
