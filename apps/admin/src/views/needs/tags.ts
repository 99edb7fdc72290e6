/** Tag colours for a need's status (names come from the server): waiting = warning. */
type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

const STATUS: Record<string, TagType> = {
  submitted: 'warning',
  returned: 'danger',
  published: 'success',
  merged: 'info',
  closed: 'info',
};

export const needTagType = (status: string): TagType => STATUS[status] ?? 'info';
