/** Tag colours for the programme's statuses (names come from @kc/domain; only colour is UI's). */
type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

const CALL: Record<string, TagType> = {
  open: 'primary',
  collecting: 'primary',
  matching: 'warning',
  notice: 'warning',
  confirmed: 'success',
  closed: 'info',
};

const SECONDMENT: Record<string, TagType> = {
  pending: 'warning',
  active: 'success',
  completed: 'info',
  terminated: 'danger',
  cancelled: 'info',
};

/** Where a need or an application stands (VP_PROGRESS_STATUSES). */
const PROGRESS: Record<string, TagType> = {
  collecting: 'primary',
  'awaiting-match': 'primary',
  applied: 'primary',
  matching: 'warning',
  'in-notice': 'warning',
  confirmed: 'success',
  serving: 'success',
  completed: 'info',
  terminated: 'danger',
  unmatched: 'info',
  withdrawn: 'info',
};

export const progressTagType = (code: string): TagType => PROGRESS[code] ?? 'info';
export const callTagType = (status: string): TagType => CALL[status] ?? 'info';
export const secondmentTagType = (status: string): TagType => SECONDMENT[status] ?? 'info';
