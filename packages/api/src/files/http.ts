import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { ErrorCode } from '@kc/domain';
import type { Caller } from '../caller';
import { AppErrorCause, appError } from '../errors';
import { FileRejectedError } from './errors';

/** The JSON body of every refusal on the file routes (the same code and message as tRPC). */
export interface FileRouteErrorBody {
  error: { appCode: string; message: string };
}

/**
 * A refusal thrown by the file service (or `appError`) as an HTTP status and JSON body;
 * null for anything unexpected (the route answers 500 and logs it).
 */
export function fileErrorResponse(
  error: unknown,
): { status: number; body: FileRouteErrorBody } | null {
  if (error instanceof FileRejectedError) {
    return {
      status: error.httpStatus,
      body: { error: { appCode: error.appCode, message: error.message } },
    };
  }
  if (error instanceof TRPCError && error.cause instanceof AppErrorCause) {
    return {
      status: getHTTPStatusCodeFromError(error),
      body: { error: { appCode: error.cause.appCode, message: error.message } },
    };
  }
  return null;
}

/** The caller of a file route, or the reason there is none (expired, disabled, no token). */
export function callerOrThrow(ctx: { caller: Caller | null; authError: ErrorCode | null }): Caller {
  if (!ctx.caller) throw appError(ctx.authError ?? 'UNAUTHENTICATED');
  return ctx.caller;
}
