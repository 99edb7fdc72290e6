import { codesOf, nameLookup } from '../reference/lookup';
import type { ApplicationStatus } from './status';

/**
 * The officers' work queues of applications: what a workbench tile counts and what the
 * application list shows when opened from it (`/applications?queue=area-review`). One
 * definition for both, so a tile's number is always the length of the list it opens (issue 11:
 * the 县区 tile counted 已提交 while its link filtered on 县区审核中 alone).
 */
export const APPLICATION_QUEUES = [
  { code: 'area-review', name: '待县区受理/审核', statuses: ['submitted', 'area-review'] },
  { code: 'bureau-review', name: '待市局审核', statuses: ['bureau-review'] },
  { code: 'returned', name: '已退回待修改', statuses: ['returned'] },
  { code: 'approved', name: '已批准待公示', statuses: ['approved'] },
  { code: 'in-notice', name: '公示中', statuses: ['in-notice'] },
] as const satisfies readonly {
  code: string;
  name: string;
  statuses: readonly ApplicationStatus[];
}[];

export type ApplicationQueue = (typeof APPLICATION_QUEUES)[number]['code'];
export const APPLICATION_QUEUE_CODES = codesOf(APPLICATION_QUEUES);
export const applicationQueueName = nameLookup(APPLICATION_QUEUES);

/** The statuses an application in `queue` has. */
export function applicationQueueStatuses(queue: ApplicationQueue): readonly ApplicationStatus[] {
  return APPLICATION_QUEUES.find((q) => q.code === queue)?.statuses ?? [];
}
