import { history } from '@tarojs/router';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';

export const LEAVE_QUESTION = '填写的内容尚未保存，离开后将丢失。确定离开吗？';

/**
 * The browser build: while there are unsaved changes, every way out asks first — the browser's
 * back button and the app's own back (a history pop), links and tab switches (push / replace),
 * and a reload or closing the tab (the browser's own "leave site?", which `block` turns on).
 * `stillDirty` is asked at the moment of leaving: a save that has just finished lets it go.
 */
export function useLeaveGuard(dirty: boolean, stillDirty: () => boolean): void {
  useEffect(() => {
    if (!dirty) return;
    let asking = false;
    const unblock = history.block((transition) => {
      const leave = () => {
        unblock();
        transition.retry();
      };
      if (!stillDirty()) return leave();
      if (asking) return;
      asking = true;
      void Taro.showModal({
        title: '离开此页？',
        content: LEAVE_QUESTION,
        confirmText: '离开',
        cancelText: '留下',
      }).then(({ confirm }) => {
        asking = false;
        if (confirm) leave();
      });
    });
    return unblock;
  }, [dirty, stillDirty]);
}
