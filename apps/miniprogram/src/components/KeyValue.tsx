import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** One labelled value in a card (the description-list look of 我的 and the detail pages). */
export function KeyValue({
  label,
  id,
  children,
}: {
  label: string;
  id?: string;
  children: ReactNode;
}) {
  return (
    <View className="kv">
      <View className="kv__key">{label}</View>
      <View className="kv__value" id={id}>
        {children}
      </View>
    </View>
  );
}
