import { View } from '@tarojs/components';
import { pressable } from './a11y';

export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
  id: string;
}

export function Segmented<T extends string>(props: {
  options: readonly SegmentedOption<T>[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <View className="segmented" role="tablist">
      {props.options.map((o) => (
        <View
          key={o.value}
          id={o.id}
          {...pressable('tab')}
          aria-selected={o.value === props.value ? 'true' : 'false'}
          className={
            o.value === props.value ? 'segmented__item segmented__item--active' : 'segmented__item'
          }
          onClick={() => props.onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
