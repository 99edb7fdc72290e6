/**
 * Data setup for the admin part-B flows, straight through the API: a minimal tRPC client over
 * fetch (the e2e package has no tRPC dependency). Inputs here are plain JSON (strings, numbers,
 * arrays), which superjson sends unchanged as `{ json }`; answers are read from `result.data.json`
 * (Dates arrive as ISO strings, which is all the setup needs).
 */
import { creditCodeCheckChar, residentIdCheckChar } from '@kc/domain';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly appCode: string | undefined,
  ) {
    super(message);
  }
}

type Json = unknown;

async function call(
  apiUrl: string,
  token: string | null,
  kind: 'query' | 'mutation',
  path: string,
  input?: Json,
): Promise<Json> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const body = JSON.stringify({ json: input ?? null });
  const response =
    kind === 'query'
      ? await fetch(`${apiUrl}/trpc/${path}?input=${encodeURIComponent(body)}`, { headers })
      : await fetch(`${apiUrl}/trpc/${path}`, { method: 'POST', headers, body });
  const payload = (await response.json()) as {
    result?: { data?: { json?: Json } };
    error?: { json?: { message?: string; data?: { appCode?: string } } };
  };
  if (payload.error) {
    const e = payload.error.json;
    throw new ApiError(`${path}: ${e?.message ?? 'error'}`, e?.data?.appCode);
  }
  return payload.result?.data?.json;
}

export interface Api {
  query<T = Json>(path: string, input?: Json): Promise<T>;
  mutate<T = Json>(path: string, input?: Json): Promise<T>;
}

export function apiClient(apiUrl: string, token: string | null = null): Api {
  return {
    query: (path, input) => call(apiUrl, token, 'query', path, input) as never,
    mutate: (path, input) => call(apiUrl, token, 'mutation', path, input) as never,
  };
}

export async function officerApi(apiUrl: string, username: string, password = 'Demo@2026') {
  const result = await apiClient(apiUrl).mutate<{ token: string }>('auth.officerLogin', {
    username,
    password,
  });
  return apiClient(apiUrl, result.token);
}

/** An applicant signed in through the fake WeChat with a fresh openid. */
export async function applicantApi(apiUrl: string, wechatUrl: string, openid: string) {
  const res = await fetch(`${wechatUrl}/fake/login-code`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  const { code } = (await res.json()) as { code: string };
  const login = await apiClient(apiUrl).mutate<{ token: string }>('auth.wechatLogin', { code });
  return apiClient(apiUrl, login.token);
}

/** A run-unique tag: the flows share one database, so every name and number carries it. */
export const RUN = `${Date.now() % 1_000_000}`.padStart(6, '0');

/** A valid credit code in 埇桥区, unique per run and serial. */
export function uniqueCreditCode(serial: number): string {
  const first17 = `91341302MB${String(serial % 100).padStart(2, '0')}${RUN.slice(-5)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A valid resident ID born on `birth` (YYYYMMDD), unique per run and serial. */
export function uniqueResidentId(serial: number, birth = '19800615'): string {
  const seq = String((Number(RUN) + serial * 7) % 1000).padStart(3, '0');
  const first17 = `34130${serial % 10}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}
