import type { AppRouter } from '@kc/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { env } from '../env';
import { readSession } from '../services/session-store';
import { createTaroFetch } from './taro-fetch';

export type { AppRouter };

/**
 * The API as typed procedures. Only the router's *type* comes from @kc/api; no server code is
 * bundled. Requests go through Taro.request (wx.request on WeChat), never a global fetch.
 */
export const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: `${env.apiUrl}/trpc`,
      transformer: superjson,
      fetch: createTaroFetch() as unknown as typeof fetch,
      headers() {
        const session = readSession();
        return session ? { Authorization: `Bearer ${session.token}` } : {};
      },
    }),
  ],
});
