import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../api/client';
import { readSession } from '../services/session';

/** The unread message count for the bottom bar; quietly 0 when it cannot be read. */
export function useUnreadCount(): number {
  const [count, setCount] = useState(0);
  useDidShow(() => {
    if (!readSession()) return;
    api.notifications.unreadCount
      .query()
      .then((r) => setCount(r.count))
      .catch(() => setCount(0));
  });
  return count;
}
