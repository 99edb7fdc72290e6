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
  LOGIN_THROTTLED: 'TOO_MANY_REQUESTS',
  ACCOUNT_DISABLED: 'FORBIDDEN',
  WECHAT_LOGIN_FAILED: 'BAD_REQUEST',
  WECHAT_PHONE_FAILED: 'BAD_GATEWAY',
  WECHAT_PHONE_CODE_INVALID: 'BAD_REQUEST',
  ALREADY_REGISTERED: 'CONFLICT',
  CREDIT_CODE_TAKEN: 'CONFLICT',
  RESIDENT_ID_TAKEN: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  BUSY: 'SERVICE_UNAVAILABLE',
  PROFILE_REQUIRED: 'PRECONDITION_FAILED',
  UNKNOWN_PROGRAMME: 'NOT_FOUND',
  APPLICATION_LOCKED: 'CONFLICT',
  NOT_ELIGIBLE: 'UNPROCESSABLE_CONTENT',
  INVALID_TRANSITION: 'CONFLICT',
  STALE_VERSION: 'CONFLICT',
  EXPERT_STALE: 'CONFLICT',
  EXPERT_SUSPENDED: 'FORBIDDEN',
  PANEL_POOL_TOO_SMALL: 'CONFLICT',
  NOT_AN_EXPERT: 'FORBIDDEN',
  PANEL_CLOSED: 'CONFLICT',
  DEPARTURE_REASON_REQUIRED: 'BAD_REQUEST',
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
  ORGANISATION_NOT_VERIFIED: 'PRECONDITION_FAILED',
  VERIFICATION_PENDING: 'CONFLICT',
  ALREADY_VERIFIED: 'CONFLICT',
  LICENCE_KIND_MISMATCH: 'UNPROCESSABLE_CONTENT',
  FIELD_LOCKED: 'CONFLICT',
  CHANGE_PENDING: 'CONFLICT',
  NOT_ORG_ADMIN: 'FORBIDDEN',
  NOT_ORG_MEMBER: 'PRECONDITION_FAILED',
  INVITE_INVALID: 'NOT_FOUND',
  INVITE_EXPIRED: 'CONFLICT',
  INVITE_USED: 'CONFLICT',
  ALREADY_MEMBER: 'CONFLICT',
  LAST_ADMIN: 'CONFLICT',
  MEMBER_IS_SELF: 'BAD_REQUEST',
  CLAIM_PENDING: 'CONFLICT',
  BANK_HOLDER_MISMATCH: 'UNPROCESSABLE_CONTENT',
  BANK_REAUTH_FAILED: 'FORBIDDEN',
  BANK_ACCOUNT_LOCKED: 'CONFLICT',
  DOCUMENT_EXPIRED: 'PRECONDITION_FAILED',
  LIST_FILE_UNREADABLE: 'UNPROCESSABLE_CONTENT',
  LIST_HEADER_MISSING: 'UNPROCESSABLE_CONTENT',
  LIST_IMPORT_CLOSED: 'CONFLICT',
  RESULT_LIST_REFUSED: 'CONFLICT',
  CONSULTATION_NOT_OPEN: 'CONFLICT',
  COMMENTS_UNANSWERED: 'CONFLICT',
  FEEDBACK_PUBLISHED: 'CONFLICT',
  INVITATION_CLOSED: 'CONFLICT',
  INSTITUTION_LINK_CLOSED: 'CONFLICT',
  REVEAL_REASON_REQUIRED: 'BAD_REQUEST',
  PASSWORD_CHANGE_REQUIRED: 'FORBIDDEN',
  SECOND_FACTOR_ENROLMENT_REQUIRED: 'FORBIDDEN',
  SECOND_FACTOR_REQUIRED: 'FORBIDDEN',
  WRONG_SECOND_FACTOR: 'BAD_REQUEST',
  WRONG_RECOVERY_CODE: 'BAD_REQUEST',
  WRONG_CURRENT_PASSWORD: 'BAD_REQUEST',
  SECOND_FACTOR_ALREADY_ENROLLED: 'CONFLICT',
  SECOND_FACTOR_NOT_ENROLLED: 'PRECONDITION_FAILED',
  SECOND_FACTOR_REQUIRED_FOR_ROLE: 'FORBIDDEN',
  OWN_SECOND_FACTOR_RESET: 'FORBIDDEN',
  PRIVACY_NOTICE_OUTDATED: 'CONFLICT',
  CANCEL_CONFIRMATION_REQUIRED: 'BAD_REQUEST',
};

/** The `cause` of every error we throw on purpose: a stable code and optional field errors. */
export class AppErrorCause extends Error {
  constructor(
    readonly appCode: ErrorCode,
    readonly fieldErrors?: Record<string, string[]>,
    /** When to try again (throttled login, rate limit): `data.retryAfterSeconds` and Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(appCode);
    this.name = 'AppErrorCause';
  }
}

/** A TRPCError carrying a stable code and a Chinese message (the default one unless given). */
export function appError(
  code: ErrorCode,
  options: {
    message?: string;
    fieldErrors?: Record<string, string[]>;
    retryAfterSeconds?: number;
  } = {},
): TRPCError {
  return new TRPCError({
    code: TRPC_CODE[code],
    message: options.message ?? ERROR_CODES[code],
    cause: new AppErrorCause(code, options.fieldErrors, options.retryAfterSeconds),
  });
}

/** A request over a rate limit (HTTP 429): the message says when to try again. */
export function rateLimitedError(message: string, retryAfterSeconds: number): TRPCError {
  return appError('RATE_LIMITED', { message, retryAfterSeconds });
}

/** The largest `retryAfterSeconds` among errors (for the Retry-After header), if any. */
export function retryAfterOf(errors: readonly unknown[]): number | undefined {
  let most: number | undefined;
  for (const error of errors) {
    const seconds =
      error instanceof TRPCError && error.cause instanceof AppErrorCause
        ? error.cause.retryAfterSeconds
        : undefined;
    if (seconds !== undefined && (most === undefined || seconds > most)) most = seconds;
  }
  return most;
}

/** Whether `error` is one we threw on purpose with this code. */
export function hasAppCode(error: unknown, code: ErrorCode): boolean {
  return (
    error instanceof TRPCError &&
    error.cause instanceof AppErrorCause &&
    error.cause.appCode === code
  );
}
