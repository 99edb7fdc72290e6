import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../api/client';
import { readSession } from '../services/session';

/**
 * How many 免申即享 invitations wait for the caller's organisation to confirm; quietly 0 for
 * someone without an organisation (researchers, visitors) or when it cannot be read.
 */
export function useWaitingInvitations(): number {
  const [count, setCount] = useState(0);
  useDidShow(() => {
    if (!readSession()) return;
    api.myOrg.invitations.list
      .query()
      .then((r) => setCount(r.waiting))
      .catch(() => setCount(0));
  });
  return count;
}
