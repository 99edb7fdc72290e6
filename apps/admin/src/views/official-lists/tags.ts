/** Tag colours by meaning: waiting = warning, done = success, refused = danger, else info. */
type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

const IMPORT: Record<string, TagType> = {
  preview: 'warning',
  committed: 'success',
  discarded: 'info',
};

const OUTCOME: Record<string, TagType> = {
  matched: 'success',
  unmatched: 'info',
  conflict: 'warning',
  invalid: 'danger',
  unchanged: 'info',
};

const INVITATION: Record<string, TagType> = {
  invited: 'warning',
  confirmed: 'success',
  declined: 'info',
  void: 'danger',
};

export const importTagType = (status: string): TagType => IMPORT[status] ?? 'info';
export const outcomeTagType = (outcome: string): TagType => OUTCOME[outcome] ?? 'info';
export const invitationTagType = (status: string): TagType => INVITATION[status] ?? 'info';
