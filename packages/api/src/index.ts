import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';

export { appRouter } from './root';
export type { AppRouter } from './root';
export { createCallerFactory } from './trpc';
export { createContext } from './context';
export type { ApiDeps, Context, RequestInfo } from './context';
export { DEFAULT_API_CONFIG } from './config';
export type { ApiConfig } from './config';
export { createWeChatClient, WeChatLoginError } from './auth/wechat';
export type { WeChatClient } from './auth/wechat';
export type { Logger } from './logger';
export { evidenceAccess } from './awards/evidence-access';
export { officerFileAccess } from './files/officer-access';
export { applicantFileAccess } from './files/applicant-access';
export { memberFileAccess } from './organisations/documents/file-access';
export { silentLogger } from './logger';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
