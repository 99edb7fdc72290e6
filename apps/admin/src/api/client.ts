import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@kc/api';
import superjson from 'superjson';
import { errorLink } from './errors';
import { getToken } from './session';

/** Same-origin `/trpc`: Vite's dev server and `vite preview` proxy it to the API. */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    errorLink,
    httpBatchLink({
      url: '/trpc',
      transformer: superjson,
      headers: () => {
        const token = getToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    }),
  ],
});
