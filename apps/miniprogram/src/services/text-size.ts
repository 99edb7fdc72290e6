import { env } from '../env';
import Taro from '@tarojs/taro';

/** 大字模式 (适老化): text about 1.25× larger, kept on this phone. */
const KEY = 'kc.largeText';

export function isLargeText(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true;
  } catch {
    return false;
  }
}

export function setLargeText(on: boolean): void {
  Taro.setStorageSync(KEY, on);
  // H5: the root font-size script in index.html reads the same key on every resize.
  if (env.platform === 'h5') window.dispatchEvent(new Event('resize'));
}
