import { Input, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FormRow, rowIds } from './FormRow';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  required?: boolean;
  hint?: string;
  error?: string | undefined;
  maxlength?: number;
  /** `idcard` and `number` bring up WeChat's matching keyboards. */
  type?: 'text' | 'number' | 'idcard' | 'digit';
  multiline?: boolean;
  /** Shown under the box, above the hint and error (e.g. WeChat's phone-number button). */
  addon?: ReactNode;
}

/**
 * A labelled text input. The `id` sits on Taro's Input; on H5 that is the
 * `<taro-input-core>` wrapper, so browser tests type into `#<id> input`.
 */
export function TextField(props: TextFieldProps) {
  const {
    id,
    label,
    value,
    onChange,
    onBlur,
    placeholder,
    required,
    hint,
    error,
    maxlength = 140,
    type = 'text',
    multiline,
    addon,
  } = props;
  const ids = rowIds(id, hint, error);
  // H5: Taro's inner <input> takes these; the visible label names the box, not the placeholder.
  const nativeProps = {
    'aria-labelledby': ids.labelledBy,
    // Fallback for checkers that do not resolve the Taro <taro-text-core> label (axe).
    'aria-label': label,
    'aria-describedby': ids.describedBy,
    'aria-invalid': error ? 'true' : undefined,
    'aria-required': required ? 'true' : undefined,
  };
  return (
    <FormRow id={id} label={label} required={required} hint={hint} error={error}>
      {multiline ? (
        <Textarea
          id={id}
          className="textarea"
          value={value}
          placeholder={placeholder}
          placeholderClass="placeholder"
          maxlength={maxlength}
          nativeProps={nativeProps}
          onInput={(e) => onChange(e.detail.value)}
          onBlur={() => onBlur?.()}
        />
      ) : (
        <Input
          id={id}
          className="input"
          type={type}
          value={value}
          placeholder={placeholder}
          placeholderClass="placeholder"
          maxlength={maxlength}
          nativeProps={nativeProps}
          onInput={(e) => onChange(e.detail.value)}
          onBlur={() => onBlur?.()}
        />
      )}
      {multiline ? (
        // The box stops taking text at the maximum without a word; the count says why.
        <View className="textarea__count" id={`${id}-count`}>
          已输入 {value.length}/{maxlength}
        </View>
      ) : null}
      {addon}
    </FormRow>
  );
}
