import type { TRPCLink } from '@trpc/client';
import { TRPCClientError } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '@kc/api';

/** Codes after which the officer must sign in again (a disabled account's session is refused too). */
const SESSION_LOST = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'ACCOUNT_DISABLED']);

const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试';
const FALLBACK_MESSAGE = '系统繁忙，请稍后再试';

/**
 * Per-call options, passed as tRPC `context`.
 * `silent`: the caller handles the error entirely itself (the login form shows
 * 用户名或密码错误 inline; the route guard redirects on its own).
 */
export interface CallContext {
  silent?: boolean;
  [key: string]: unknown;
}

type SessionLostHandler = (message: string, code: string) => void;
let sessionLostHandler: SessionLostHandler = () => {};

/** Registered once in main.ts, so the API layer does not import the router. */
export function onSessionLost(handler: SessionLostHandler): void {
  sessionLostHandler = handler;
}

export function appCodeOf(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (data && typeof data === 'object' && 'appCode' in data && typeof data.appCode === 'string') {
    return data.appCode;
  }
  return undefined;
}

/** An error raised by the admin itself whose message is written for the officer. */
export class UserFacingError extends Error {}

/** The Chinese message to show for an API error. */
export function messageOf(error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  if (error instanceof TRPCClientError) {
    // No `data` means the request never got a tRPC answer (network down, proxy error page).
    if (!error.data) return NETWORK_MESSAGE;
    return error.message || FALLBACK_MESSAGE;
  }
  return FALLBACK_MESSAGE;
}

/** Marks errors the global handler has already shown, so Vue's errorHandler does not repeat them. */
const reported = new WeakSet<object>();

export function wasReported(error: unknown): boolean {
  return typeof error === 'object' && error !== null && reported.has(error);
}

export function isSessionLost(error: unknown): boolean {
  const code = appCodeOf(error);
  return code !== undefined && SESSION_LOST.has(code);
}

export function reportError(error: unknown): void {
  const code = appCodeOf(error);
  if (code && SESSION_LOST.has(code)) {
    sessionLostHandler(messageOf(error), code);
  } else {
    ElMessage.error(messageOf(error));
  }
  if (typeof error === 'object' && error !== null) reported.add(error);
}

/**
 * The one place API errors are handled: a lost session sends the officer to the
 * login page (with ?redirect=), anything else is shown as a message. The error is
 * still passed on so the caller can stop its loading state.
 */
export const errorLink: TRPCLink<AppRouter> = () => {
  return ({ next, op }) =>
    observable((observer) => {
      const silent = (op.context as CallContext).silent === true;
      return next(op).subscribe({
        next: (value) => observer.next(value),
        error: (error) => {
          if (!silent) reportError(error);
          observer.error(error);
        },
        complete: () => observer.complete(),
      });
    });
};
