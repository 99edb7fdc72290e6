import Taro from '@tarojs/taro';
import { env } from '../env';

/**
 * Asks to send WeChat subscribe messages about status changes (审核结果, 公示, 拨付). Only when
 * templates are configured (TARO_APP_SUBSCRIBE_TEMPLATE_IDS); WeChat only allows asking right
 * after a tap, so call it from a button handler. A refusal changes nothing: the message centre
 * in the app always has the news. H5 has subscribe.h5.ts (no subscribe messages in a browser).
 */
export async function askToSubscribe(): Promise<void> {
  if (env.subscribeTemplateIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({
      tmplIds: env.subscribeTemplateIds.slice(0, 3),
      entityIds: [],
    } as Taro.requestSubscribeMessage.Option);
  } catch {
    // Declined or unsupported: the in-app messages remain.
  }
}
