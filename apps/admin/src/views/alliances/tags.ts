/** Tag colours for an alliance's status (names come from the server): waiting = warning. */
type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

const STATUS: Record<string, TagType> = {
  submitted: 'warning',
  returned: 'danger',
  approved: 'success',
  dissolved: 'info',
};

export const allianceTagType = (status: string): TagType => STATUS[status] ?? 'info';
