/** Tag colours for a consultation's stage (the names come from the server's `stageName`). */
type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

const STAGE: Record<string, TagType> = {
  upcoming: 'info',
  open: 'primary',
  // Over, and the answers not yet published: the bureau still owes something.
  closed: 'warning',
};

export const stageTagType = (c: { stage: string; feedbackPublished: boolean }): TagType =>
  c.feedbackPublished ? 'success' : (STAGE[c.stage] ?? 'info');

/** A comment's answer: waiting = warning; 不予采纳 reads as a refusal, not as an error. */
const OUTCOME: Record<string, TagType> = {
  adopted: 'success',
  'partly-adopted': 'primary',
  'not-adopted': 'info',
  duplicate: 'info',
};

export const outcomeTagType = (outcome: string | null): TagType =>
  outcome ? (OUTCOME[outcome] ?? 'info') : 'warning';
