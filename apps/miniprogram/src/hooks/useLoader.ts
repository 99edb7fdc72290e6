import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { describeError } from '../api/errors';
import { leaveIfLoggedOut } from '../services/nav';
import { withSession } from '../services/session';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; data: T; refreshing: boolean };

/**
 * Loads a page's data with a session: on every show (coming back from a form must show what was
 * saved) and on pull-down. The page config must set `enablePullDownRefresh: true` for the latter.
 * A reload keeps the data on screen; a failed reload keeps it too and only says so.
 * `session: false` loads without one (public pages such as the 需求榜, open without login).
 */
export function useLoader<T>(
  load: () => Promise<T>,
  options: { onShow?: boolean; session?: boolean } = {},
) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const latest = useRef(load);
  latest.current = load;
  const withoutSession = useRef(options.session === false);
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoaded((prev) =>
      prev.state === 'ready' ? { ...prev, refreshing: true } : { state: 'loading' },
    );
    try {
      const data = await (withoutSession.current
        ? latest.current()
        : withSession(() => latest.current()));
      if (mine === seq.current) setLoaded({ state: 'ready', data, refreshing: false });
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      const message = describeError(error).message;
      if (mine !== seq.current) return;
      setLoaded((prev) => {
        if (prev.state === 'ready') {
          void Taro.showToast({ title: message, icon: 'none' });
          return { ...prev, refreshing: false };
        }
        return { state: 'error', message };
      });
    }
  }, []);

  useDidShow(() => {
    if (options.onShow !== false) void reload();
  });

  usePullDownRefresh(() => {
    void reload().finally(() => {
      void Taro.stopPullDownRefresh();
    });
  });

  return { loaded, reload, setLoaded };
}
