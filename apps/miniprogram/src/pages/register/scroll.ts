import Taro from '@tarojs/taro';

/** Brings the first wrong field (its element id) into view. */
export function scrollToControl(id: string | undefined) {
  if (!id) return;
  // Scrolling is a nicety; a page without the node (or an old base library) just stays put.
  Taro.pageScrollTo({ selector: `#${id}`, offsetTop: -80, duration: 200 }).catch(() => undefined);
}
