import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../api/client';
import { readSession } from '../services/session';

/**
 * Where the caller stands in the 专家库 (待审核 / 在库 / 已暂停 / 未通过) for the entry in 我的;
 * quietly null before they apply or when it cannot be read.
 */
export function useExpertStatus(): string | null {
  const [statusName, setStatusName] = useState<string | null>(null);
  useDidShow(() => {
    if (!readSession()) return;
    api.experts.mine
      .query()
      .then((mine) => setStatusName(mine?.statusName ?? null))
      .catch(() => setStatusName(null));
  });
  return statusName;
}
