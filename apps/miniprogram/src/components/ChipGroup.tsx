import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pressable } from './a11y';

export interface ChipOption {
  code: string;
  name: string;
}

export interface ChipGroupProps {
  /** Container id; each chip is `<chipIdPrefix>-<code>` (e.g. `org-field-life-health`). */
  id: string;
  chipIdPrefix: string;
  options: readonly ChipOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Single choice replaces the selection; multiple toggles. */
  multiple?: boolean;
  max?: number;
  small?: boolean;
}

/**
 * Tappable chips instead of native pickers: one tap on WeChat, one click in a browser test
 * (Taro's H5 Picker is a custom slide-up widget that is awkward to drive), and every option
 * stays visible, which suits lists of five to eight items.
 */
export function ChipGroup({
  id,
  chipIdPrefix,
  options,
  value,
  onChange,
  multiple,
  max,
  small,
}: ChipGroupProps) {
  const toggle = (code: string) => {
    if (!multiple) {
      onChange([code]);
      return;
    }
    if (value.includes(code)) {
      onChange(value.filter((c) => c !== code));
      return;
    }
    if (max !== undefined && value.length >= max) {
      void Taro.showToast({ title: `最多选择 ${max} 项`, icon: 'none' });
      return;
    }
    onChange([...value, code]);
  };

  return (
    // Named by its FormRow's label (`<id>-label`).
    <View
      id={id}
      className="chips"
      role={multiple ? 'group' : 'radiogroup'}
      aria-labelledby={`${id}-label`}
    >
      {options.map((option) => {
        const active = value.includes(option.code);
        const className = ['chip', small ? 'chip--small' : '', active ? 'chip--active' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <View
            key={option.code}
            id={`${chipIdPrefix}-${option.code}`}
            className={className}
            {...pressable(multiple ? 'checkbox' : 'radio')}
            aria-checked={active ? 'true' : 'false'}
            data-code={option.code}
            onClick={() => toggle(option.code)}
          >
            {option.name}
          </View>
        );
      })}
    </View>
  );
}
