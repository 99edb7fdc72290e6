/** Tag colours for calls' and submissions' statuses (names come from the server): waiting = warning. */
type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

const CALL: Record<string, TagType> = {
  draft: 'info',
  open: 'primary',
  'formal-review': 'warning',
  'expert-review': 'warning',
  deciding: 'warning',
  notice: 'primary',
  concluded: 'success',
};

const SUBMISSION: Record<string, TagType> = {
  submitted: 'warning',
  'area-passed': 'warning',
  returned: 'danger',
  rejected: 'danger',
  passed: 'success',
  selected: 'success',
  'not-selected': 'info',
  withdrawn: 'info',
  draft: 'info',
};

export const callTagType = (status: string): TagType => CALL[status] ?? 'info';
export const submissionTagType = (status: string): TagType => SUBMISSION[status] ?? 'info';

/** A review panel: still scoring = warning, closed = success. */
export const panelTagType = (status: string): TagType =>
  status === 'closed' ? 'success' : 'warning';

const ASSIGNMENT: Record<string, TagType> = {
  invited: 'warning',
  accepted: 'success',
  declined: 'danger',
  reserve: 'info',
};

/** An expert's place on a panel: 待确认 = warning, 已确认参加 = success, 已谢绝 = danger. */
export const assignmentTagType = (status: string): TagType => ASSIGNMENT[status] ?? 'info';
