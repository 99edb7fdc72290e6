import type { api } from '../../../api/client';

export type ApplicationDetail = Awaited<ReturnType<typeof api.applications.byId.query>>;

/** Officer steps whose comment the applicant must read (why it came back, why it was refused). */
const WARNING_ACTIONS = new Set(['return', 'uphold-objection']);
const DANGER_ACTIONS = new Set(['reject', 'withdraw']);
const SUCCESS_ACTIONS = new Set(['approve', 'publish-notice', 'close-notice', 'mark-paid']);

export function timelineTone(action: string) {
  if (WARNING_ACTIONS.has(action)) return 'warning' as const;
  if (DANGER_ACTIONS.has(action)) return 'danger' as const;
  if (SUCCESS_ACTIONS.has(action)) return 'success' as const;
  return 'normal' as const;
}

/** The public notice (公示) and payment (拨付) stage in words, read from the status and history. */
export function noticeAndPayment(a: ApplicationDetail): { notice: string; payment: string } | null {
  const at = (action: string) => a.timeline.find((t) => t.action === action)?.at ?? null;
  switch (a.status) {
    case 'approved':
      return { notice: '已批准，等待列入公示', payment: '公示期满后拨付' };
    case 'in-notice':
      return { notice: '公示中：公示期内无异议即通过', payment: '公示期满后拨付' };
    case 'notice-passed':
      return { notice: '公示期满，无异议', payment: '待拨付' };
    case 'in-disbursement':
      return { notice: '公示期满，无异议', payment: '已列入拨付批次，正在拨付' };
    case 'paid':
      return { notice: '公示期满，无异议', payment: at('mark-paid') ? '已拨付到账' : '已拨付' };
    default:
      return null;
  }
}

/**
 * How the applicant ends an application: a draft was never sent, so it is deleted (删除草稿);
 * a sent one is withdrawn (撤回申请) while the rules allow. A 免申即享 draft belongs to its
 * invitation and is withdrawn like a sent one.
 */
export function closeAction(
  a: Pick<ApplicationDetail, 'status' | 'viaExemption' | 'allowedActions'>,
): 'delete' | 'withdraw' | null {
  if (a.status === 'draft' && !a.viaExemption) return 'delete';
  return a.allowedActions.some((x) => x.action === 'withdraw') ? 'withdraw' : null;
}
