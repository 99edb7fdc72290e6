import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface FormRowProps {
  label: string;
  /** The control's id; the error line gets `<id>-error`. */
  id: string;
  required?: boolean;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}

/** Label, control, and the red error line under it. */
export function FormRow({ label, id, required, hint, error, children }: FormRowProps) {
  return (
    <View className={error ? 'form-row form-row--error' : 'form-row'}>
      <View className="form-row__label">
        <Text>{label}</Text>
        {required ? (
          <Text className="form-row__required">*</Text>
        ) : (
          <Text className="form-row__optional">选填</Text>
        )}
      </View>
      {children}
      {hint && !error ? <View className="form-row__hint">{hint}</View> : null}
      {error ? (
        <View className="form-row__error" id={`${id}-error`}>
          {error}
        </View>
      ) : null}
    </View>
  );
}
