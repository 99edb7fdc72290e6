import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { env } from '../../../env';
import { telHref } from './consultation';
import { pressable } from '../../../components/a11y';

/**
 * 咨询电话 of a programme, from its policy version's settings. WeChat dials through
 * makePhoneCall; a browser gets a plain tel: link, which phones and desktop dialers understand.
 */
export function ConsultationSection({ office, phone }: { office: string; phone: string }) {
  return (
    <View className="card" id="guide-consultation">
      <View className="card__title">咨询电话</View>
      <View className="guide-list">
        <View>{office}</View>
        {env.platform === 'h5' ? (
          <a className="link" id="guide-consultation-phone" href={telHref(phone)}>
            {phone}
          </a>
        ) : (
          <View
            {...pressable()}
            className="link"
            id="guide-consultation-phone"
            onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}
          >
            {phone}
          </View>
        )}
      </View>
    </View>
  );
}
