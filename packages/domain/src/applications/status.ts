import { codesOf, nameLookup } from '../reference/lookup';

/**
 * Where an application is in its life. Codes are stored as they are (`application.status`, with
 * a CHECK constraint listing them in the database migration `award_spine`).
 */
export const APPLICATION_STATUSES = [
  { code: 'draft', name: '草稿' },
  { code: 'submitted', name: '已提交' },
  { code: 'area-review', name: '县区审核中' },
  { code: 'bureau-review', name: '市局审核中' },
  { code: 'returned', name: '退回修改' },
  { code: 'approved', name: '已批准' },
  { code: 'rejected', name: '未通过' },
  { code: 'withdrawn', name: '已撤回' },
  { code: 'in-notice', name: '公示中' },
  { code: 'notice-passed', name: '公示期满' },
  { code: 'in-disbursement', name: '拨付中' },
  { code: 'paid', name: '已拨付' },
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]['code'];
export const APPLICATION_STATUS_CODES = codesOf(APPLICATION_STATUSES);

/** code → Chinese label. */
export const APPLICATION_STATUS_LABELS = Object.fromEntries(
  APPLICATION_STATUSES.map((s) => [s.code, s.name]),
) as Record<ApplicationStatus, string>;

export const applicationStatusName = nameLookup(APPLICATION_STATUSES);

const statusCodes = new Set<string>(APPLICATION_STATUS_CODES);
export function isApplicationStatus(code: string): code is ApplicationStatus {
  return statusCodes.has(code);
}

/** Nothing more happens to an application in these statuses (办结). */
export const FINAL_STATUSES: readonly ApplicationStatus[] = ['rejected', 'withdrawn', 'paid'];

/** The applicant may edit the form and the evidence (and then submit). */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'returned'];

/**
 * The award stands: it counts towards the rule's yearly quota, its once-keys are taken
 * (AwardOnceKey rows) and its amount is committed or paid in the programme budget. Leaving this
 * set other than by payment (an upheld objection sends `in-notice` back to `bureau-review`)
 * must release all three.
 */
export const AWARDED_STATUSES: readonly ApplicationStatus[] = [
  'approved',
  'in-notice',
  'notice-passed',
  'in-disbursement',
  'paid',
];

/** Waiting for an officer (the review queues). */
export const UNDER_REVIEW_STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'area-review',
  'bureau-review',
];
