import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface FormRowProps {
  label: string;
  /** The control's id; the label is `<id>-label`, the hint `<id>-hint`, the error `<id>-error`. */
  id: string;
  required?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}

/** Ids a control names itself and its help by (aria-labelledby / aria-describedby). */
export function rowIds(id: string, hint?: string, error?: string) {
  return {
    labelledBy: `${id}-label`,
    describedBy: error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  };
}

/** Label, control, and the red error line under it. */
export function FormRow({ label, id, required, hint, error, children }: FormRowProps) {
  return (
    <View className={error ? 'form-row form-row--error' : 'form-row'}>
      <View className="form-row__label">
        <Text id={`${id}-label`}>{label}</Text>
        {required ? (
          <Text className="form-row__required" aria-hidden="true">
            *
          </Text>
        ) : (
          <Text className="form-row__optional">选填</Text>
        )}
      </View>
      {children}
      {hint && !error ? (
        <View className="form-row__hint" id={`${id}-hint`}>
          {hint}
        </View>
      ) : null}
      {error ? (
        <View className="form-row__error" id={`${id}-error`} role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}
