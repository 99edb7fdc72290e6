import { env } from '../env';
import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

/** 大字模式 (适老化): text about 1.25× larger, kept on this phone. */
const KEY = 'kc.largeText';

/**
 * Read once from storage, then kept here so every mounted page (tab pages stay mounted) follows
 * a change at once.
 */
let current: boolean | undefined;
const listeners = new Set<() => void>();

export function isLargeText(): boolean {
  if (current === undefined) {
    try {
      current = Taro.getStorageSync(KEY) === true;
    } catch {
      current = false;
    }
  }
  return current;
}

export function setLargeText(on: boolean): void {
  Taro.setStorageSync(KEY, on);
  current = on;
  listeners.forEach((notify) => notify());
  // H5: the root font-size script in index.html reads the same key on every resize.
  if (env.platform === 'h5') window.dispatchEvent(new Event('resize'));
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

/** The setting, re-rendering the caller when it changes. */
export function useLargeText(): boolean {
  return useSyncExternalStore(subscribe, isLargeText, isLargeText);
}

/**
 * The class list of every page's root View. In WeChat the build (config/postcss-text-scale.cjs)
 * makes each font size `calc(<N>rpx * var(--kc-text-scale, 1))`, and `page--large-text` sets that
 * variable to 1.25 (app.css). H5 scales its rem root instead (index.html), so it keeps `page`.
 */
export function usePageClass(): string {
  const large = useLargeText();
  return large && env.platform !== 'h5' ? 'page page--large-text' : 'page';
}
