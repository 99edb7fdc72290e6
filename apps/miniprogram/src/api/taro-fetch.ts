import Taro from '@tarojs/taro';

/**
 * Mini-programs have no `fetch`; tRPC's links need one. This is the smallest fetch-compatible
 * function over `Taro.request` (wx.request on WeChat, window.fetch on H5): it returns objects
 * with `ok`, `status`, `headers`, `json()` and `text()`, which is all tRPC reads.
 *
 * Aborting is not forwarded: WeChat's request task can be aborted, but Taro's promise API does
 * not give a reliable handle to it. A request already aborted before it starts is refused.
 */

export interface FetchLikeResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: FetchLikeHeaders;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface FetchLikeHeaders {
  get(name: string): string | null;
  has(name: string): boolean;
  forEach(cb: (value: string, name: string) => void): void;
}

export interface FetchLikeInit {
  method?: string;
  headers?: HeadersInit | Record<string, string>;
  body?: BodyInit | null;
  signal?: AbortSignal | null;
}

/** The subset of Taro.request we use; injectable so tests need no Taro runtime. */
export type RequestFn = (options: {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
  header: Record<string, string>;
  data?: string;
  dataType: string;
  responseType: 'text';
  timeout?: number;
}) => Promise<{ statusCode: number; data: unknown; header?: Record<string, unknown> }>;

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);

export function createTaroFetch(
  request: RequestFn = Taro.request as unknown as RequestFn,
  timeoutMs = 15_000,
) {
  return async function taroFetch(
    input: string | URL | { url: string },
    init: FetchLikeInit = {},
  ): Promise<FetchLikeResponse> {
    const url =
      typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    if (init.signal?.aborted) throw abortError();

    const method = (init.method ?? 'GET').toUpperCase();
    if (!METHODS.has(method)) throw new TypeError(`Unsupported method ${method}`);
    if (init.body != null && typeof init.body !== 'string') {
      throw new TypeError('Only string bodies are supported');
    }

    let res: Awaited<ReturnType<RequestFn>>;
    try {
      res = await request({
        url,
        method: method as Parameters<RequestFn>[0]['method'],
        header: headersToRecord(init.headers),
        ...(init.body != null ? { data: init.body } : {}),
        // Anything but 'json' makes WeChat hand back the raw text; tRPC parses it itself.
        dataType: 'text',
        responseType: 'text',
        timeout: timeoutMs,
      });
    } catch (cause) {
      // Like fetch: a network failure is a TypeError, an HTTP error status is not.
      const error = new TypeError(`Network request failed: ${describe(cause)}`);
      (error as { cause?: unknown }).cause = cause;
      throw error;
    }

    const status = res.statusCode;
    const body = res.data;
    const text = body == null ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: String(status),
      url,
      headers: makeHeaders(res.header ?? {}),
      text: () => Promise.resolve(text),
      json: () =>
        Promise.resolve().then(() =>
          typeof body === 'string' || body == null ? JSON.parse(text) : body,
        ),
    };
  };
}

function headersToRecord(headers: FetchLikeInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (Array.isArray(headers)) {
    for (const [k, v] of headers) if (k !== undefined && v !== undefined) out[k] = v;
    return out;
  }
  if (typeof (headers as Headers).forEach === 'function' && !isPlainObject(headers)) {
    (headers as Headers).forEach((v, k) => {
      out[k] = v;
    });
    return out;
  }
  for (const [k, v] of Object.entries(headers as Record<string, string>)) {
    if (v !== undefined) out[k] = String(v);
  }
  return out;
}

function makeHeaders(raw: Record<string, unknown>): FetchLikeHeaders {
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(raw))
    map.set(k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v));
  return {
    get: (name) => map.get(name.toLowerCase()) ?? null,
    has: (name) => map.has(name.toLowerCase()),
    forEach: (cb) => map.forEach((v, k) => cb(v, k)),
  };
}

function isPlainObject(v: unknown): boolean {
  return (
    Object.prototype.toString.call(v) === '[object Object]' &&
    Object.getPrototypeOf(v) === Object.prototype
  );
}

function describe(cause: unknown): string {
  if (cause && typeof cause === 'object' && 'errMsg' in cause)
    return String((cause as { errMsg: unknown }).errMsg);
  if (cause instanceof Error) return cause.message;
  return String(cause);
}

function abortError(): Error {
  const error = new Error('This operation was aborted');
  error.name = 'AbortError';
  return error;
}
