import {
  AREAS,
  FIELDS,
  ORGANISATION_TYPES,
  QUALIFICATIONS,
  RESEARCHER_TITLES,
  fieldOfSubField,
} from '@kc/domain';
import type { ChipOption } from '../components/ChipGroup';

/** Reference lists from the domain, shaped for chips. One source: the labels the bureau uses. */
const toOptions = (list: readonly { code: string; name: string }[]): ChipOption[] =>
  list.map(({ code, name }) => ({ code, name }));

export const organisationTypeOptions = toOptions(ORGANISATION_TYPES);
export const areaOptions = toOptions(AREAS);
export const fieldOptions = toOptions(FIELDS);
export const qualificationOptions = toOptions(QUALIFICATIONS);
export const titleOptions = toOptions(RESEARCHER_TITLES);

/** Sub-fields of the chosen fields only, in the plan's order. */
export function subFieldOptions(fieldCodes: readonly string[]): ChipOption[] {
  return FIELDS.filter((f) => fieldCodes.includes(f.code)).flatMap((f) => toOptions(f.subFields));
}

/** Dropping a field drops its sub-fields, so the form never holds an orphan the schema would refuse. */
export function keepSubFieldsOf(
  fieldCodes: readonly string[],
  subFieldCodes: readonly string[],
): string[] {
  return subFieldCodes.filter((code) => {
    const field = fieldOfSubField(code);
    return field !== undefined && fieldCodes.includes(field);
  });
}

export const MAX_FIELDS = 5;
