import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SecondmentDetail } from '../data';
import { pressable } from '../../../components/a11y';

/**
 * Who to contact on the other side. The API gives it only once the call is confirmed (the
 * notice may still remove a pair before), and only to the two parties of the secondment.
 */
export function CounterpartSection({ secondment: s }: { secondment: SecondmentDetail }) {
  const title = s.mySide === 'firm' ? '科技副总联系方式' : '企业联系人';
  const c = s.counterpart;
  return (
    <View className="card" id="secondment-counterpart">
      <View className="card__title">{title}</View>
      {c ? (
        <View>
          <View className="person-card__name">{c.name}</View>
          <View className="person-card__meta">{c.unit}</View>
          <View
            {...pressable()}
            className="link"
            id="secondment-counterpart-phone"
            onClick={() => void Taro.makePhoneCall({ phoneNumber: c.phone })}
          >
            联系电话：{c.phone}
          </View>
        </View>
      ) : (
        <View className="muted">公示期满、确认选派后，可在此查看对方联系方式。</View>
      )}
    </View>
  );
}
