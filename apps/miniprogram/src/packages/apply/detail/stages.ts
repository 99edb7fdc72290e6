import { applicationStepName, stepsAhead } from '@kc/domain';
import type { api } from '../../../api/client';
import type { TimelineEntry } from '../../../components/Timeline';
import { formatDateTime } from '../../../format';

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

function periodText(a: Pick<ApplicationDetail, 'notice'>): string {
  return a.notice ? `${a.notice.startsOn} 至 ${a.notice.endsOn}` : '';
}

/**
 * What happened, newest first, under the steps still ahead (greyed, the furthest on top) so the
 * applicant sees the whole path; the notice step carries its period.
 */
export function timelineEntries(a: ApplicationDetail): TimelineEntry[] {
  const ahead = stepsAhead(a.status)
    .map((status) => ({
      key: `ahead-${status}`,
      title: applicationStepName(status),
      time: status === 'notice-passed' && a.notice ? `${a.notice.endsOn} 24:00 期满` : '待办理',
      tone: 'ahead' as const,
    }))
    .reverse();
  const done = [...a.timeline].reverse().map((t, i) => ({
    key: `${i}-${t.action}`,
    title: t.actionLabel,
    time: formatDateTime(t.at),
    comment:
      t.comment ?? (t.action === 'publish-notice' && a.notice ? `公示期：${periodText(a)}` : null),
    tone: timelineTone(t.action),
  }));
  return [...ahead, ...done];
}

/** The public notice (公示) and payment (拨付) stage in words, read from the status and history. */
export function noticeAndPayment(a: ApplicationDetail): { notice: string; payment: string } | null {
  const at = (action: string) => a.timeline.find((t) => t.action === action)?.at ?? null;
  const period = a.notice ? `（${periodText(a)}）` : '';
  const passed = `公示期满${period}，无异议`;
  switch (a.status) {
    case 'approved':
      return { notice: '已批准，等待列入公示', payment: '公示期满后拨付' };
    case 'in-notice':
      return { notice: `公示中${period}：公示期内无异议即通过`, payment: '公示期满后拨付' };
    case 'notice-passed':
      return { notice: passed, payment: '待拨付' };
    case 'in-disbursement':
      return { notice: passed, payment: '已列入拨付批次，正在拨付' };
    case 'paid':
      return { notice: passed, payment: at('mark-paid') ? '已拨付到账' : '已拨付' };
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
