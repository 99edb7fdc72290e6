import type { ApplicationStatus } from './status';
import { EDITABLE_STATUSES, FINAL_STATUSES } from './status';
import { TRANSITIONS } from './transitions';

/** A status as a step of the path ("what happens"), for timelines: 县区审核, 公示, 拨付 … */
const STEP_NAMES: Record<ApplicationStatus, string> = {
  draft: '填写申请',
  submitted: '提交申请',
  'area-review': '县区审核',
  'bureau-review': '市局审核',
  returned: '退回修改',
  approved: '批准',
  rejected: '不予通过',
  withdrawn: '撤回',
  'in-notice': '公示',
  'notice-passed': '公示期满',
  'in-disbursement': '拨付',
  paid: '到账',
};

export function applicationStepName(status: ApplicationStatus): string {
  return STEP_NAMES[status];
}

/** Leaving the normal path: a final status other than payment, or back to the applicant. */
function offPath(status: ApplicationStatus): boolean {
  return (
    (FINAL_STATUSES.includes(status) && status !== 'paid') || EDITABLE_STATUSES.includes(status)
  );
}

function nextOnPath(from: ApplicationStatus, seen: ReadonlySet<ApplicationStatus>) {
  return TRANSITIONS.find((t) => t.from.includes(from) && !offPath(t.to) && !seen.has(t.to))?.to;
}

/**
 * The normal path from a draft to payment, walked from the transitions (so a new step there
 * shows up here): at each status the first way forward that neither leaves the path nor goes
 * back to a status already passed (an upheld objection, a batch removal).
 */
const MAIN_PATH: readonly ApplicationStatus[] = (() => {
  const path: ApplicationStatus[] = ['draft'];
  for (let next = nextOnPath('draft', new Set(path)); next;) {
    path.push(next);
    next = nextOnPath(next, new Set(path));
  }
  return path;
})();

/** The steps still ahead of an application in `status` if all goes well; none once it is final. */
export function stepsAhead(status: ApplicationStatus): readonly ApplicationStatus[] {
  const at = MAIN_PATH.indexOf(status);
  if (at >= 0) return MAIN_PATH.slice(at + 1);
  // Returned: it rejoins the path where resubmission leads.
  const rejoin = nextOnPath(status, new Set());
  return rejoin ? MAIN_PATH.slice(MAIN_PATH.indexOf(rejoin)) : [];
}
