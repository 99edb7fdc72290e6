import Taro from '@tarojs/taro';

/** Brings the first wrong field into view (ids are `<prefix>-<field>`; pickers use their own names). */
const ID_OF: Record<string, string> = {
  areaCode: 'area',
  preferredAreaCodes: 'preferredAreaCodes',
};

export function scrollToField(prefix: 'org' | 'researcher', field: string | undefined) {
  if (!field) return;
  const selector = `#${prefix}-${ID_OF[field] ?? field}`;
  // Scrolling is a nicety; a page without the node (or an old base library) just stays put.
  Taro.pageScrollTo({ selector, offsetTop: -80, duration: 200 }).catch(() => undefined);
}
