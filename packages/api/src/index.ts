import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';

export { appRouter } from './root';
export type { AppRouter } from './root';
export { createCallerFactory } from './trpc';
export { createContext } from './context';
export type { ApiDeps, Context, RequestInfo } from './context';
export { SessionCache } from './auth/session-cache';
export type { SessionCacheOptions } from './auth/session-cache';
export { DEFAULT_API_CONFIG, DEV_OFFICER_SECRET_KEY } from './config';
export { parseSecretKey } from './auth/secret-box';
export type { ApiConfig } from './config';
export { createWeChatClient, WeChatLoginError } from './auth/wechat';
export type { WeChatClient } from './auth/wechat';
export type { Logger } from './logger';
export { evidenceAccess } from './awards/evidence-access';
export { officerFileAccess } from './files/officer-access';
export { applicantFileAccess } from './files/applicant-access';
export { memberFileAccess } from './organisations/documents/file-access';
export { silentLogger } from './logger';
export { exportMyDataXlsx } from './privacy/export';
export {
  DEFAULT_RETENTION_CONFIG,
  RetentionConfigError,
  retentionConfigFromEnv,
  runRetention,
} from './privacy/retention';
export type { RetentionConfig, RetentionReport } from './privacy/retention';
export {
  expiredCounterSweeper,
  deleteExpiredCounters,
  hitWindow,
  windowHitBatcher,
} from './rate-limit';
export { rateLimitedError, retryAfterOf } from './errors';
export { hashGateFor } from './auth/hash-gate';
export type { ApiMetrics, LoginKind, ProcedureCall } from './metrics';
export { appCodeOf } from './trpc';
export { etagOf, freezeAnswer, serializedJsonOf } from './serialized-answer';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export {
  DEFAULT_JOBS_CONFIG,
  QUEUES,
  SUBSCRIBE_TEMPLATES,
  createJobQueue,
  startWorker,
} from './jobs';
export type { JobDeps, JobQueue, JobsConfig, SubscribeTemplateKey } from './jobs';
export { seedSelectionDemo } from './demo/selection-demo';
export type { SelectionDemoDeps, SelectionDemoResult } from './demo/selection-demo';
