/** Tag colours for an expert's status (names come from the server): waiting = warning. */
type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

const STATUS: Record<string, TagType> = {
  pending: 'warning',
  active: 'success',
  suspended: 'info',
  rejected: 'danger',
};

export const expertTagType = (status: string): TagType => STATUS[status] ?? 'info';
