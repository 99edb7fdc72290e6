import { QueryClient } from '@tanstack/vue-query';
import { appCodeOf } from './errors';

/**
 * One query cache for the admin. Errors are shown once by the tRPC error link, so queries do
 * not toast again; an answer with an app code (refused, not found, invalid) is final and is not
 * retried — only network failures are, once.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 1 && appCodeOf(error) === undefined,
      },
      mutations: { retry: false },
    },
  });
}
