import { TRPCClientError } from '@trpc/client';
import { firstMessagePerField, type FieldErrors } from '../forms/field-errors';
import type { PathErrors } from '../forms/form-values';

/** What a page needs to show for a failed call: one Chinese sentence, and errors per form field. */
export interface ErrorInfo {
  /** Stable machine code from `ERROR_CODES` (`CREDIT_CODE_TAKEN`, `INVALID_INPUT`, …), when the server gave one. */
  appCode: string | null;
  message: string;
  fieldErrors: FieldErrors;
  /** The request never got an answer (offline, server down, blocked by the browser). */
  network: boolean;
}

interface ServerErrorData {
  code?: string;
  httpStatus?: number;
  appCode?: string;
  fieldErrors?: Record<string, string[] | undefined>;
}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';
const FALLBACK_MESSAGE = '操作失败，请稍后重试';

/** Chinese fallbacks by tRPC code, for errors that carry no appCode (e.g. a proxy's 502). */
const BY_TRPC_CODE: Record<string, string> = {
  UNAUTHORIZED: '登录已失效，请重新登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '请求的内容不存在',
  BAD_REQUEST: '提交的信息有误，请检查后重试',
  TOO_MANY_REQUESTS: '操作太频繁，请稍后再试',
  INTERNAL_SERVER_ERROR: '服务器开小差了，请稍后重试',
  TIMEOUT: '请求超时，请稍后重试',
};

export function describeError(error: unknown): ErrorInfo {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? undefined) as ServerErrorData | undefined;
    if (!data) {
      // No tRPC error body: the request failed, or the answer was not JSON (proxy error page).
      const network =
        error.cause instanceof TypeError || /network|fetch|request:fail/i.test(error.message);
      return {
        appCode: null,
        message: network ? NETWORK_MESSAGE : FALLBACK_MESSAGE,
        fieldErrors: {},
        network,
      };
    }
    const appCode = data.appCode ?? null;
    // The server's message is already Chinese when it carries an appCode.
    const message =
      appCode && isChinese(error.message)
        ? error.message
        : (data.code && BY_TRPC_CODE[data.code]) || FALLBACK_MESSAGE;
    return {
      appCode,
      message,
      fieldErrors: firstMessagePerField(data.fieldErrors),
      network: false,
    };
  }
  if (error instanceof TypeError) {
    return { appCode: null, message: NETWORK_MESSAGE, fieldErrors: {}, network: true };
  }
  if (error instanceof Error && isChinese(error.message)) {
    return { appCode: null, message: error.message, fieldErrors: {}, network: false };
  }
  return { appCode: null, message: FALLBACK_MESSAGE, fieldErrors: {}, network: false };
}

/** The session is missing or over: the caller should log in again. */
export function isSessionError(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data = (error.data ?? undefined) as ServerErrorData | undefined;
  return (
    data?.appCode === 'UNAUTHENTICATED' ||
    data?.appCode === 'SESSION_EXPIRED' ||
    data?.code === 'UNAUTHORIZED'
  );
}

function isChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}

/**
 * Field errors of a form the procedure wraps in an object (`{ need: {...} }` → `need.title`),
 * keyed by the form's own field names (`title`). Other keys are left out.
 */
export function fieldErrorsUnder(error: unknown, wrapper: string): FieldErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const data = (error.data ?? undefined) as ServerErrorData | undefined;
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(data?.fieldErrors ?? {})) {
    if (!path.startsWith(`${wrapper}.`)) continue;
    const key = path.slice(wrapper.length + 1).split(/[.[]/)[0] ?? '';
    const first = messages?.find((m) => m.length > 0);
    if (key && first && out[key] === undefined) out[key] = first;
  }
  return out;
}

/**
 * As `fieldErrorsUnder`, but by the whole path for a form with lists (`body.milestones.0.note` →
 * `milestones.0.note`), and a refusal about nothing inside the wrapper under `_form`.
 */
export function pathErrorsUnder(error: unknown, wrapper: string): PathErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const data = (error.data ?? undefined) as ServerErrorData | undefined;
  const out: PathErrors = {};
  for (const [path, messages] of Object.entries(data?.fieldErrors ?? {})) {
    const first = messages?.find((m) => m.length > 0);
    if (!first) continue;
    const key = path.startsWith(`${wrapper}.`) ? path.slice(wrapper.length + 1) : '_form';
    out[key] ??= first;
  }
  return out;
}

/**
 * The server answered that it refused the call itself (invalid input, a rule, a conflict): it did
 * nothing, so a keyed call's request number may go. Anything else (no answer, a gateway's or the
 * server's failure, a refusal before the procedure ran: session, rate limit) may hide an earlier
 * attempt that did land, so a keyed call is retried with the same number and arguments.
 */
export function refusedOutright(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as ServerErrorData | undefined)?.httpStatus;
  return status !== undefined && status >= 400 && status < 500 && ![401, 408, 429].includes(status);
}
