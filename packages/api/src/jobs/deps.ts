import type { Db } from '@kc/db';
import type { WeChatClient } from '../auth/wechat';
import type { FileStore } from '../files/store';
import type { Logger } from '../logger';
import type { RetentionConfig } from '../privacy/retention';
import type { JobQueue } from './runtime';
import type { SubscribeTemplateKey } from './subscribe-templates';

/** Settings of the jobs; the server builds them from its environment (JOBS_*, WECHAT_TEMPLATE_*). */
export interface JobsConfig {
  /** Template id per template (subscribe-templates.ts); a missing one means "do not push". */
  subscribeTemplates: Partial<Record<SubscribeTemplateKey, string>>;
  /** developer | trial | formal: which build of the mini-program a message opens. */
  miniprogramState?: 'developer' | 'trial' | 'formal' | undefined;
  /** Remind this many days before a deadline (and on the day itself). */
  reminderDays: number;
  /** 保存期限 (privacy/retention.ts); unset: its defaults (logs 36 months, applications kept). */
  retention?: RetentionConfig | undefined;
}

export const DEFAULT_JOBS_CONFIG: JobsConfig = { subscribeTemplates: {}, reminderDays: 3 };

/** What a job handler may use: the API's long-lived dependencies, the queue and the settings. */
export interface JobDeps {
  db: Db;
  wechat: WeChatClient;
  log: Logger;
  /** The app's clock (ApiDeps.now): "today" for deadlines, so tests can move time. */
  now: () => Date;
  queue: JobQueue;
  config: JobsConfig;
  /** Where built files go (data exports): the store the file routes read. */
  files?: FileStore | undefined;
}
