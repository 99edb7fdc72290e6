import { ChipGroup } from './ChipGroup';
import { FormRow } from './FormRow';
import { MAX_FIELDS, fieldOptions, keepSubFieldsOf, subFieldOptions } from '../forms/options';

export interface FieldPickerProps {
  /** `org` or `researcher`: ids become `<prefix>-fieldCodes`, `<prefix>-field-<code>`, … */
  idPrefix: string;
  fieldCodes: string[];
  subFieldCodes: string[];
  errors: { fieldCodes?: string | undefined; subFieldCodes?: string | undefined };
  onFieldCodes: (codes: string[]) => void;
  onSubFieldCodes: (codes: string[]) => void;
}

/**
 * The five future-industry fields and, once a field is chosen, its sub-fields. Dropping a field
 * drops its sub-fields, so the form never holds one the schema would refuse.
 */
export function FieldPicker(props: FieldPickerProps) {
  const { idPrefix, fieldCodes, subFieldCodes, errors } = props;
  const subFields = subFieldOptions(fieldCodes);
  return (
    <>
      <FormRow
        id={`${idPrefix}-fieldCodes`}
        label="产业领域"
        required
        hint={`可选 1–${MAX_FIELDS} 个`}
        error={errors.fieldCodes}
      >
        <ChipGroup
          id={`${idPrefix}-fieldCodes`}
          chipIdPrefix={`${idPrefix}-field`}
          options={fieldOptions}
          value={fieldCodes}
          multiple
          max={MAX_FIELDS}
          onChange={(codes) => {
            props.onFieldCodes(codes);
            props.onSubFieldCodes(keepSubFieldsOf(codes, subFieldCodes));
          }}
        />
      </FormRow>
      {subFields.length > 0 ? (
        <FormRow id={`${idPrefix}-subFieldCodes`} label="细分方向" error={errors.subFieldCodes}>
          <ChipGroup
            id={`${idPrefix}-subFieldCodes`}
            chipIdPrefix={`${idPrefix}-subField`}
            options={subFields}
            value={subFieldCodes}
            multiple
            small
            onChange={props.onSubFieldCodes}
          />
        </FormRow>
      ) : null}
    </>
  );
}
