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
