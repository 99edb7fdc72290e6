import { View } from '@tarojs/components';
import { StatusTag } from '../../../components/StatusTag';
import { open, routes } from '../../../services/nav';
import type { MySecondment } from '../data';
import { pressable } from '../../../components/a11y';

/** Matches (proposed while in notice, confirmed once the term runs), for either side. */
export function SecondmentList({ items }: { items: readonly MySecondment[] }) {
  if (items.length === 0) return null;
  return (
    <View className="card" id="vp-secondments">
      <View className="card__title">匹配结果</View>
      {items.map((s) => (
        <View
          {...pressable('link')}
          key={s.id}
          id={`vp-secondment-${s.id}`}
          className="list-item"
          onClick={() => void open(routes.vpSecondment, { id: s.id })}
        >
          <View className="list-item__main">
            <View className="list-item__title">
              {s.mySide === 'firm'
                ? `${s.researcher.name} · ${s.researcher.titleName}`
                : s.need.organisationName}
            </View>
            <View className="list-item__meta">
              {s.mySide === 'firm' ? s.researcher.institutionName : s.need.title}
            </View>
            <View className="list-item__meta muted">{s.callTitle}</View>
          </View>
          <StatusTag status={s.status} label={s.statusLabel} />
        </View>
      ))}
    </View>
  );
}
