import { trpc } from './client';
import type { RouterInputs, RouterOutputs } from './types';

export type OfficerLoginInput = RouterInputs['auth']['officerLogin'];
export type OfficerLoginResult = RouterOutputs['auth']['officerLogin'];
export type Me = RouterOutputs['auth']['me'];

// The login form shows the server's message (用户名或密码错误, 尝试次数过多，请 N 秒后再试) itself.
export const officerLogin = (input: OfficerLoginInput) =>
  trpc.auth.officerLogin.mutate(input, { context: { silent: true } });

// The route guard decides what a failed session check means.
export const me = () => trpc.auth.me.query(undefined, { context: { silent: true } });

export const logout = () => trpc.auth.logout.mutate(undefined, { context: { silent: true } });
