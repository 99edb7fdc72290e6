import { TRPCError } from '@trpc/server';
import type { ErrorCode } from '@kc/domain';
import { ERROR_CODES } from '@kc/domain';

type TRPCCode = TRPCError['code'];

/** How each application error maps onto an HTTP-ish tRPC code. */
const TRPC_CODE: Record<ErrorCode, TRPCCode> = {
  INVALID_INPUT: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  SESSION_EXPIRED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  WRONG_CREDENTIALS: 'UNAUTHORIZED',
  ACCOUNT_LOCKED: 'TOO_MANY_REQUESTS',
  ACCOUNT_DISABLED: 'FORBIDDEN',
  WECHAT_LOGIN_FAILED: 'BAD_REQUEST',
  WECHAT_PHONE_FAILED: 'BAD_GATEWAY',
  ALREADY_REGISTERED: 'CONFLICT',
  CREDIT_CODE_TAKEN: 'CONFLICT',
  RESIDENT_ID_TAKEN: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  PROFILE_REQUIRED: 'PRECONDITION_FAILED',
  UNKNOWN_PROGRAMME: 'NOT_FOUND',
  APPLICATION_LOCKED: 'CONFLICT',
  NOT_ELIGIBLE: 'UNPROCESSABLE_CONTENT',
  INVALID_TRANSITION: 'CONFLICT',
  STALE_VERSION: 'CONFLICT',
  CONFLICT_OF_INTEREST: 'FORBIDDEN',
  QUOTA_EXCEEDED: 'CONFLICT',
  OVER_BUDGET: 'CONFLICT',
  NO_BUDGET: 'PRECONDITION_FAILED',
  ALREADY_AWARDED: 'CONFLICT',
  OVERRIDE_REASON_REQUIRED: 'BAD_REQUEST',
  IDEMPOTENCY_KEY_REUSED: 'CONFLICT',
  BANK_DETAILS_MISSING: 'PRECONDITION_FAILED',
  ALREADY_IN_DISBURSEMENT: 'CONFLICT',
  BATCH_NOT_CONFIRMED: 'PRECONDITION_FAILED',
  ALREADY_PAID: 'CONFLICT',
  SEPARATION_OF_DUTIES: 'FORBIDDEN',
  NOTICE_ITEM_REFUSED: 'CONFLICT',
  OUTSIDE_NOTICE_PERIOD: 'CONFLICT',
  NOTICE_NOT_OVER: 'CONFLICT',
  OPEN_OBJECTIONS: 'CONFLICT',
  BUDGET_BELOW_SPENT: 'CONFLICT',
  USERNAME_TAKEN: 'CONFLICT',
  VP_CALL_NOT_OPEN: 'CONFLICT',
  VP_FIRM_NOT_ELIGIBLE: 'UNPROCESSABLE_CONTENT',
  VP_NOT_ELIGIBLE: 'UNPROCESSABLE_CONTENT',
  VP_ALREADY_APPLIED: 'CONFLICT',
  VP_PAIR_EXCLUDED: 'CONFLICT',
  VP_PIN_CAPACITY: 'CONFLICT',
  VP_NO_MATCH_RUN: 'PRECONDITION_FAILED',
  VP_MATCH_STALE: 'CONFLICT',
  VP_ALREADY_CONFIRMED: 'CONFLICT',
  VP_AGREEMENT_REQUIRED: 'PRECONDITION_FAILED',
  VP_NOT_ACTIVE: 'CONFLICT',
  VP_ALREADY_EVALUATED: 'CONFLICT',
  VP_TERMS_RUNNING: 'CONFLICT',
};

/** The `cause` of every error we throw on purpose: a stable code and optional field errors. */
export class AppErrorCause extends Error {
  constructor(
    readonly appCode: ErrorCode,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(appCode);
    this.name = 'AppErrorCause';
  }
}

/** A TRPCError carrying a stable code and a Chinese message (the default one unless given). */
export function appError(
  code: ErrorCode,
  options: { message?: string; fieldErrors?: Record<string, string[]> } = {},
): TRPCError {
  return new TRPCError({
    code: TRPC_CODE[code],
    message: options.message ?? ERROR_CODES[code],
    cause: new AppErrorCause(code, options.fieldErrors),
  });
}

/** Whether `error` is one we threw on purpose with this code. */
export function hasAppCode(error: unknown, code: ErrorCode): boolean {
  return (
    error instanceof TRPCError &&
    error.cause instanceof AppErrorCause &&
    error.cause.appCode === code
  );
}
