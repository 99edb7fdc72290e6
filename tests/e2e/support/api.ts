/**
 * The one API client of the browser tests, for making data as the people who would make it:
 * officers with their username, applicants through the fake WeChat. Typed from `AppRouter`, so
 * a flow's inputs and answers are checked against the real procedures (money as bigint, dates
 * as Date, via superjson like the apps).
 */
import { TRPCClientError, createTRPCClient, httpLink } from '@trpc/client';
import type { TRPCClient } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter, RouterInputs, RouterOutputs } from '@kc/api';

export type Api = TRPCClient<AppRouter>;
export type { RouterInputs, RouterOutputs };

export interface ApiUrls {
  apiUrl: string;
  wechatUrl: string;
}

export const DEMO_PASSWORD = 'Demo@2026';

/** A client acting with `token` (none: signed out). */
export function apiClient(apiUrl: string, token?: string): Api {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiUrl}/trpc`,
        transformer: superjson,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

/**
 * An officer signed in now. Sessions expire when the test clock jumps (8 hours for officers),
 * so sign in again after moving it.
 */
export async function officerApi(
  apiUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Api> {
  const { token } = await apiClient(apiUrl).auth.officerLogin.mutate({ username, password });
  return apiClient(apiUrl, token);
}

/** A one-time login code for `openid` from the fake WeChat (what `wx.login` gives the phone). */
export async function wechatLoginCode(wechatUrl: string, openid: string): Promise<string> {
  const res = await fetch(`${wechatUrl}/fake/login-code`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  if (!res.ok) throw new Error(`fake WeChat login-code: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { code: string }).code;
}

/** A WeChat applicant's session token (their first login creates the account). */
export async function applicantToken(urls: ApiUrls, openid: string): Promise<string> {
  const code = await wechatLoginCode(urls.wechatUrl, openid);
  const { token } = await apiClient(urls.apiUrl).auth.wechatLogin.mutate({ code });
  return token;
}

/** A client acting as the WeChat applicant `openid`. */
export async function applicantApi(urls: ApiUrls, openid: string): Promise<Api> {
  return apiClient(urls.apiUrl, await applicantToken(urls, openid));
}

/** What the API answered when it refused: its stable code and Chinese message. */
export interface Refusal {
  appCode: string | undefined;
  message: string;
}

/** Awaits a call that must be refused; fails the test if it succeeds. */
export async function refusalOf(call: Promise<unknown>): Promise<Refusal> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = error.data as { appCode?: string } | undefined;
    return { appCode: data?.appCode, message: error.message };
  }
  throw new Error('expected the API to refuse, but it answered');
}
