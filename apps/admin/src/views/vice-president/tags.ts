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

export const callTagType = (status: string): TagType => CALL[status] ?? 'info';
export const secondmentTagType = (status: string): TagType => SECONDMENT[status] ?? 'info';
