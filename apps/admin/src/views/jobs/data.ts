import type { RouterOutputs } from '../../api/types';
import type { FilterField, ListColumn } from '../../composables/use-list-page';
import { formatDateTime } from '../../utils/date';

export type QueueRow = RouterOutputs['jobs']['overview']['queues'][number];
type FailedJob = RouterOutputs['jobs']['failed']['items'][number];

/** The queues the failed list can be narrowed to, by their Chinese names (the overview's). */
export const filters = [
  {
    kind: 'select',
    name: 'queue',
    label: '任务类型',
    placeholder: '全部',
    testId: 'jobs-queue-filter',
    width: 220,
    options: [
      { value: 'subscribe-message', label: '微信订阅消息发送' },
      { value: 'notification-dispatch', label: '待发订阅消息补发扫描' },
      { value: 'deadline-scan', label: '到期提醒扫描' },
      { value: 'deadline-reminder', label: '到期提醒发送' },
      { value: 'notice-ended-scan', label: '公示期满提醒' },
      { value: 'retention', label: '过期记录清理' },
    ],
  },
] as const satisfies readonly FilterField[];

export const columns: readonly ListColumn<FailedJob>[] = [
  { label: '失败时间', width: 150, format: (row) => formatDateTime(row.failedAt ?? row.createdAt) },
  { label: '任务', prop: 'queueLabel', width: 170 },
  { label: '内容', prop: 'subject', minWidth: 220, ellipsis: true },
  { label: '错误', minWidth: 260, slot: 'error' },
  { label: '尝试次数', prop: 'attempts', width: 90, align: 'right' },
  { label: '操作', width: 90, slot: 'actions', fixed: 'right' },
];
