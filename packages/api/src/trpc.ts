import { initTRPC } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import type { ErrorCode, IssuePathSegment, LoginStep, OfficerRole } from '@kc/domain';
import { ERROR_CODES, findUnsafeInput, issuePath } from '@kc/domain';
import { isBusyError } from '@kc/db';
import type { ApplicantCaller, Caller, OfficerCaller } from './caller';
import { assertCaseworker } from './access';
import type { Context, PendingOfficer } from './context';
import { AppErrorCause, appError } from './errors';
import { answerTransformer } from './serialized-answer';
import { collectNotifications, enqueuePushes } from './jobs/outbox';

type Issue = { path?: readonly IssuePathSegment[]; message: string };

/**
 * Zod (or any Standard Schema) issues → `{ field: [messages] }`. The key is the domain's
 * `issuePath`: `creditCode`, `need.title` when a form travels inside a wrapper object, and
 * `contract.milestones.2.title` in a list (the index kept, so the message finds its item).
 */
function fieldErrorsFromIssues(issues: readonly Issue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[issuePath(issue.path) || '_form'] ??= []).push(issue.message);
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

/** The `appCode` the client is sent for this error: errorFormatter's rule, for metrics. */
export function appCodeOf(error: TRPCError): ErrorCode {
  const cause = error.cause;
  if (cause instanceof AppErrorCause) return cause.appCode;
  if (cause && Array.isArray((cause as { issues?: unknown }).issues)) return 'INVALID_INPUT';
  return FALLBACK_CODES[error.code] ?? 'INTERNAL';
}

const t = initTRPC.context<Context>().create({
  // superjson; answers frozen by freezeAnswer leave in the form serialized once.
  transformer: answerTransformer,
  /**
   * Every error leaves with `data.appCode` (stable, for programs) and a Chinese `message`
   * (for people). Unexpected errors never show their internals.
   */
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let appCode: ErrorCode;
    let message = error.message;
    let fieldErrors: Record<string, string[]> | undefined;
    let retryAfterSeconds: number | undefined;

    if (cause instanceof AppErrorCause) {
      appCode = cause.appCode;
      fieldErrors = cause.fieldErrors;
      retryAfterSeconds = cause.retryAfterSeconds;
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
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      },
    };
  },
});

/**
 * After a mutation, in this order: messages it wrote go to the job queue (WeChat subscribe
 * messages) once it has returned, that is after its transaction committed, a failed enqueue
 * being left to the dispatch scan, never to the caller; then, as it may have revoked sessions or
 * changed users (the trigger announces it at commit), its answer waits until this instance's
 * session cache has heard, so the same client's next request here never meets the old state
 * (auth/session-cache.ts).
 */
async function afterMutation<R extends { ok: boolean }>(ctx: Context, next: () => Promise<R>) {
  const jobs = ctx.jobs;
  let result: R;
  if (jobs) {
    const ids: string[] = [];
    result = await collectNotifications(ids, next);
    if (result.ok && ids.length > 0) {
      await enqueuePushes(jobs, ids).catch((error: unknown) =>
        ctx.log.warn({ err: error }, 'enqueue of subscribe messages failed; the scan will'),
      );
    }
  } else result = await next();
  await ctx.sessionCache?.sync();
  return result;
}

/** Seconds a client waits before trying again after BUSY (Retry-After). */
const BUSY_RETRY_AFTER_SECONDS = 3;

/**
 * Every call's guards and its timing, in one middleware (each tRPC middleware copies the call's
 * options, so a read pays for every one it passes through: issue 13).
 *
 * Each call is timed and its outcome reported (ApiDeps.metrics), refusals included. Before any
 * schema: unreadable text (NUL, lone surrogates), `__proto__` keys and absurd nesting anywhere in
 * the input, free-form JSON included, are bad input (400), never a database error. Mutations then
 * push and sync after commit (afterMutation). A transaction that timed out twice (a lock held too
 * long; the database client already ran it once more) is BUSY: 503 with Retry-After, nothing
 * changed, safe to send again.
 */
const guard = t.middleware(async ({ ctx, path, type, getRawInput, next }) => {
  const metrics = ctx.metrics;
  const started = metrics ? performance.now() : 0;
  const report = (error: TRPCError | null) =>
    metrics?.procedure({
      path,
      type,
      durationMs: performance.now() - started,
      appCode: error ? appCodeOf(error) : null,
      error,
    });
  let result;
  try {
    const unsafe = findUnsafeInput(await getRawInput());
    if (unsafe) {
      throw appError('INVALID_INPUT', {
        message: unsafe.message,
        fieldErrors: { [unsafe.field]: [unsafe.message] },
      });
    }
    result = type === 'mutation' ? await afterMutation(ctx, () => next()) : await next();
    if (!result.ok) {
      for (
        let e: unknown = result.error, i = 0;
        e && i < 4;
        e = (e as { cause?: unknown }).cause, i++
      ) {
        if (isBusyError(e)) {
          ctx.log.warn({ path }, 'transaction timed out twice: answered BUSY');
          throw appError('BUSY', { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS });
        }
      }
    }
  } catch (error) {
    // Reported as tRPC will answer it (it turns anything thrown here into a TRPCError).
    report(
      error instanceof TRPCError
        ? error
        : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error }),
    );
    throw error;
  }
  report(result.ok ? null : result.error);
  return result;
});

const procedure = t.procedure.use(guard);

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = procedure;

/**
 * The one gate of every protected procedure. A session that still owes a login step has no
 * caller (createContext), so it is refused here with that step's code
 * (SECOND_FACTOR_REQUIRED, PASSWORD_CHANGE_REQUIRED…); only `loginStepProcedure` admits it.
 */
const authed = t.middleware(({ ctx, next }) => {
  if (!ctx.caller) throw appError(ctx.authError ?? 'UNAUTHENTICATED');
  return next({ ctx: narrowed<{ caller: Caller }>() });
});

/**
 * The `ctx` of a `next()` that only narrows the context's type, the value checked being in it
 * already: tRPC then passes the context on as it is instead of copying all of it (issue 13).
 */
function narrowed<T>(): T {
  return undefined as T;
}

/** Researchers and firms, logged in through WeChat. */
export const applicantProcedure = procedure.use(authed).use(({ ctx, next }) => {
  if (ctx.caller.kind !== 'applicant') throw appError('FORBIDDEN');
  return next({ ctx: narrowed<{ caller: ApplicantCaller }>() });
});

/** Bureau and area officers. */
export const officerProcedure = procedure.use(authed).use(({ ctx, next }) => {
  if (ctx.caller.kind !== 'officer') throw appError('FORBIDDEN');
  return next({ ctx: narrowed<{ caller: OfficerCaller }>() });
});

/** Officers holding one of the given roles. */
export function officerWithRoles(...roles: OfficerRole[]) {
  return officerProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.caller.role)) throw appError('FORBIDDEN');
    return next();
  });
}

/**
 * Case work (applications, organisations, notices, 科技副总): every officer but finance, whose
 * remit is payment (access.ts, CASEWORK_ROLES).
 */
export const caseworkProcedure = officerProcedure.use(({ ctx, next }) => {
  assertCaseworker(ctx.caller);
  return next();
});

/** Any logged-in caller. */
export const authedProcedure = procedure.use(authed);

/** The officer of a session, whether it is full (`step` null) or still owes a login step. */
export type SessionOfficer = OfficerCaller & { step: LoginStep | null };

/**
 * An officer's session that is full or owes one of `steps`, and nothing else: the procedures a
 * login step needs (and, with every step, auth.me and logout).
 */
export function loginStepProcedure(...steps: LoginStep[]) {
  return procedure.use(({ ctx, next }) => {
    let officer: SessionOfficer;
    if (ctx.caller?.kind === 'officer') officer = { ...ctx.caller, step: null };
    else if (ctx.pending && steps.includes(ctx.pending.step)) officer = ctx.pending;
    else if (ctx.caller) throw appError('FORBIDDEN');
    else throw appError(ctx.authError ?? 'UNAUTHENTICATED');
    return next({ ctx: { ...ctx, officer } });
  });
}

/** Any signed-in caller, or a login that still owes a step: auth.me and logout only. */
export const sessionProcedure = procedure.use(({ ctx, next }) => {
  if (!ctx.caller && !ctx.pending) throw appError(ctx.authError ?? 'UNAUTHENTICATED');
  return next();
});

/** Only a login that owes `step` right now (e.g. entering the code after the password). */
export function pendingStepProcedure(step: LoginStep) {
  return procedure.use(({ ctx, next }) => {
    if (ctx.pending?.step !== step) {
      if (ctx.caller) throw appError('FORBIDDEN', { message: '当前登录无需此步骤' });
      throw appError(ctx.authError ?? 'UNAUTHENTICATED');
    }
    return next({ ctx: { ...ctx, officer: ctx.pending as PendingOfficer } });
  });
}
