import Taro from '@tarojs/taro';
import { useEffect } from 'react';

/** What WeChat asks before leaving a form with unsaved changes. */
export const LEAVE_QUESTION = '填写的内容尚未保存，离开后将丢失。确定离开吗？';

/**
 * WeChat: while there are unsaved changes, the back button and the back gesture ask first
 * (`enableAlertBeforeUnload`; WeChat shows its own confirm). H5 has leave-guard.h5.ts instead.
 */
export function useLeaveGuard(dirty: boolean, _stillDirty: () => boolean): void {
  useEffect(() => {
    if (!dirty) return;
    void Taro.enableAlertBeforeUnload({ message: LEAVE_QUESTION });
    return () => void Taro.disableAlertBeforeUnload();
  }, [dirty]);
}
