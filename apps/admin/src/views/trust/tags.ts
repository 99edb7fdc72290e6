/** Tag colours for verification, change and claim statuses (names come from the server). */
type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

const TYPES: Record<string, TagType> = {
  // a request waiting for the officer
  pending: 'warning',
  // decided in the applicant's favour
  verified: 'success',
  approved: 'success',
  upheld: 'success',
  rejected: 'danger',
  withdrawn: 'info',
  // an organisation's own status
  unverified: 'info',
};

export const trustTagType = (status: string): TagType => TYPES[status] ?? 'info';
