/**
 * Every background queue, as data: its Chinese name (the only name officers see), its retry
 * policy and, for the scheduled scans, its cron in Asia/Shanghai. pg-boss keeps the jobs.
 */
export const JOB_TIMEZONE = 'Asia/Shanghai';

export interface QueueDefinition {
  /** Shown to administrators (后台任务); raw queue names never are. */
  label: string;
  /** Attempts after the first; each waits retryDelay × 2^n seconds (retryBackoff). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job still active after this long is taken as dead (its worker was killed) and retried. */
  expireInSeconds: number;
  /** Scheduled scans: a cron in JOB_TIMEZONE. */
  cron?: string;
  /** What the cron means, in Chinese (docs and the admin page). */
  scheduleText?: string;
}

export const QUEUES = {
  'subscribe-message': {
    label: '微信订阅消息发送',
    retryLimit: 5,
    retryDelaySeconds: 30,
    expireInSeconds: 60,
  },
  'notification-dispatch': {
    label: '待发订阅消息补发扫描',
    retryLimit: 2,
    retryDelaySeconds: 10,
    expireInSeconds: 120,
    cron: '*/5 * * * *',
    scheduleText: '每5分钟',
  },
  'deadline-scan': {
    label: '到期提醒扫描',
    retryLimit: 3,
    retryDelaySeconds: 60,
    expireInSeconds: 300,
    cron: '0 9 * * *',
    scheduleText: '每天9:00',
  },
  'deadline-reminder': {
    label: '到期提醒发送',
    retryLimit: 5,
    retryDelaySeconds: 30,
    expireInSeconds: 60,
  },
  'notice-ended-scan': {
    label: '公示期满提醒',
    retryLimit: 3,
    retryDelaySeconds: 60,
    expireInSeconds: 300,
    cron: '30 0 * * *',
    scheduleText: '每天0:30',
  },
  // 导出全部（后台生成）: an officer's large list as .xlsx (exports/build.ts); the job id is the
  // export's. Three tries, a minute apart and doubling; a big list may take minutes.
  'data-export': {
    label: '数据导出',
    retryLimit: 3,
    retryDelaySeconds: 60,
    expireInSeconds: 900,
  },
  // 政策沙盘: one replay of a period's applications under a proposed version (policy/sandbox.ts);
  // the job id is the run's. Seconds for a city's year; one retry, as a crash is not the data's.
  'policy-sandbox': {
    label: '政策沙盘推演',
    retryLimit: 1,
    retryDelaySeconds: 30,
    expireInSeconds: 600,
  },
  // 保存期限: logs and archived applications past retention (privacy/retention.ts).
  retention: {
    label: '过期记录清理',
    retryLimit: 2,
    retryDelaySeconds: 300,
    expireInSeconds: 600,
    cron: '30 2 * * *',
    scheduleText: '每天2:30',
  },
} as const satisfies Record<string, QueueDefinition>;

export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

export function isQueueName(name: string): name is QueueName {
  return Object.hasOwn(QUEUES, name);
}

/** pg-boss's own queue that turns a due schedule into a job. */
export const PG_BOSS_CRON_QUEUE = '__pgboss__send-it';

export function queueLabel(name: string): string {
  if (isQueueName(name)) return QUEUES[name].label;
  if (name === PG_BOSS_CRON_QUEUE) return '定时任务触发';
  return '其他任务';
}

export const JOB_STATE_LABELS = {
  created: '待执行',
  retry: '等待重试',
  active: '执行中',
  completed: '已完成',
  cancelled: '已取消',
  failed: '失败',
} as const;
export type JobState = keyof typeof JOB_STATE_LABELS;
