import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import type { ErrorCode, OfficerRole } from '@kc/domain';
import { ERROR_CODES } from '@kc/domain';
import type { ApplicantCaller, OfficerCaller } from './caller';
import type { Context } from './context';
import { AppErrorCause, appError } from './errors';

type Issue = { path?: readonly (PropertyKey | { key: PropertyKey })[]; message: string };

/**
 * Zod (or any Standard Schema) issues → `{ field: [messages] }`. The key is the path without
 * array indexes: `creditCode`, or `need.title` when a form travels inside a wrapper object.
 */
function fieldErrorsFromIssues(issues: readonly Issue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const names = (issue.path ?? [])
      .map((segment) => (typeof segment === 'object' ? segment.key : segment))
      .filter((segment) => typeof segment === 'string');
    const key = names.length ? names.join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const FALLBACK_CODES: Partial<Record<string, ErrorCode>> = {
  BAD_REQUEST: 'INVALID_INPUT',
  PARSE_ERROR: 'INVALID_INPUT',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  /**
   * Every error leaves with `data.appCode` (stable, for programs) and a Chinese `message`
   * (for people). Unexpected errors never show their internals.
   */
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let appCode: ErrorCode;
    let message = error.message;
    let fieldErrors: Record<string, string[]> | undefined;

    if (cause instanceof AppErrorCause) {
      appCode = cause.appCode;
      fieldErrors = cause.fieldErrors;
    } else if (cause && Array.isArray((cause as { issues?: unknown }).issues)) {
      appCode = 'INVALID_INPUT';
      fieldErrors = fieldErrorsFromIssues((cause as unknown as { issues: Issue[] }).issues);
      message = Object.values(fieldErrors)[0]?.[0] ?? ERROR_CODES.INVALID_INPUT;
    } else {
      appCode = FALLBACK_CODES[error.code] ?? 'INTERNAL';
      message = ERROR_CODES[appCode];
    }
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode,
        fieldErrors,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

const authed = t.middleware(({ ctx, next }) => {
  if (!ctx.caller) throw appError(ctx.authError ?? 'UNAUTHENTICATED');
  return next({ ctx: { ...ctx, caller: ctx.caller } });
});

/** Researchers and firms, logged in through WeChat. */
export const applicantProcedure = t.procedure.use(authed).use(({ ctx, next }) => {
  if (ctx.caller.kind !== 'applicant') throw appError('FORBIDDEN');
  return next({ ctx: { ...ctx, caller: ctx.caller as ApplicantCaller } });
});

/** Bureau and area officers. */
export const officerProcedure = t.procedure.use(authed).use(({ ctx, next }) => {
  if (ctx.caller.kind !== 'officer') throw appError('FORBIDDEN');
  return next({ ctx: { ...ctx, caller: ctx.caller as OfficerCaller } });
});

/** Officers holding one of the given roles. */
export function officerWithRoles(...roles: OfficerRole[]) {
  return officerProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.caller.role)) throw appError('FORBIDDEN');
    return next();
  });
}

/** Any logged-in caller. */
export const authedProcedure = t.procedure.use(authed);
