import { env } from '../env';
import { Picker, View } from '@tarojs/components';
import { FormRow } from './FormRow';
import { TextField } from './TextField';

export interface DateFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  required?: boolean;
  hint?: string;
  error?: string | undefined;
  /** `month` for work logs (YYYY-MM). */
  fields?: 'day' | 'month';
}

/**
 * A date: WeChat's own date picker on the phone; on H5 (the browser test build, where Taro's
 * picker is a slide-up widget) a box that takes `YYYY-MM-DD`, checked by the same schema.
 */
export function DateField(props: DateFieldProps) {
  const placeholder = props.fields === 'month' ? '如 2026-11' : '如 2026-03-15';
  if (env.platform === 'weapp') {
    return (
      <FormRow
        id={props.id}
        label={props.label}
        required={props.required}
        hint={props.hint}
        error={props.error}
      >
        <Picker
          id={`${props.id}-picker`}
          mode="date"
          fields={props.fields ?? 'day'}
          value={props.value}
          onChange={(e) => {
            props.onChange(String(e.detail.value));
            props.onBlur?.();
          }}
        >
          <View id={props.id} className={props.value ? 'input picker' : 'input picker placeholder'}>
            {props.value || '请选择'}
          </View>
        </Picker>
      </FormRow>
    );
  }
  return (
    <TextField
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      onBlur={props.onBlur}
      required={props.required}
      hint={props.hint}
      error={props.error}
      placeholder={placeholder}
      maxlength={10}
    />
  );
}
