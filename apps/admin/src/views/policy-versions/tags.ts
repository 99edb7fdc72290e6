import type { PolicyVersionStatus } from '@kc/domain';

/** Tag colours for a version's status (the names come from the server's `statusName`). */
type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

const STATUS: Record<PolicyVersionStatus, TagType> = {
  proposed: 'primary',
  // Waits for a second administrator.
  'awaiting-confirmation': 'warning',
  adopted: 'success',
  withdrawn: 'info',
};

export const statusTagType = (status: string): TagType =>
  STATUS[status as PolicyVersionStatus] ?? 'info';
