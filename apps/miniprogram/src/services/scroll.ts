import Taro from '@tarojs/taro';

/** Brings a field (its element id) into view; a nicety, so a missing node or old base library just stays put. */
export function scrollToId(id: string | undefined) {
  if (!id) return;
  Taro.pageScrollTo({ selector: `#${id}`, offsetTop: -80, duration: 200 }).catch(() => undefined);
}
