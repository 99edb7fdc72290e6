import { Prisma } from './generated/prisma/client';

/**
 * A transaction gave up waiting: P2028 (it did not start within `maxWait` or finish within
 * `timeout`), or PostgreSQL's lock_timeout (55P03: the connections' lock waits end with the
 * transaction timeout, client.ts). Either way it was rolled back, so running it again is safe.
 */
export function isBusyError(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2028') return true;
  const meta = (error.meta ?? {}) as {
    driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } };
  };
  const cause = meta.driverAdapterError?.cause;
  return (cause?.originalCode ?? cause?.code) === '55P03';
}

/**
 * The client, with every interactive `$transaction(fn)` run a second time when the first gave up
 * waiting (a lock that has often been released by then). A second failure is thrown as it is;
 * the API answers it with BUSY. One place for the ~70 transactions of the procedures.
 */
export function retryTimedOutTransactions<T extends object>(
  prisma: T,
  onRetry?: (error: unknown) => void,
): T {
  // Bound once per function (not per access), and again if the property is replaced (a spy).
  const cache = new Map<PropertyKey, { value: unknown; bound: unknown }>();
  return new Proxy(prisma, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const cached = cache.get(prop);
      if (cached?.value === value) return cached.bound;
      const fn = value as (...args: unknown[]) => unknown;
      const bound =
        prop === '$transaction'
          ? async (first: unknown, ...rest: unknown[]) => {
              if (typeof first !== 'function') return fn.call(target, first, ...rest);
              try {
                return await fn.call(target, first, ...rest);
              } catch (error) {
                if (!isBusyError(error)) throw error;
                onRetry?.(error);
                return await fn.call(target, first, ...rest);
              }
            }
          : fn.bind(target);
      cache.set(prop, { value, bound });
      return bound;
    },
  });
}
