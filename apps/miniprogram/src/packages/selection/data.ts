import {
  type SelectionCallStatus,
  type SelectionProgramme,
  type SubmissionStatus,
  checkTeam,
} from '@kc/domain';
import type { api } from '../../api/client';

/** A published call (申报指南) as anyone may read it. */
export type PublishedCall = Awaited<ReturnType<typeof api.selection.calls.published.query>>[number];
/** The caller's organisation's submission to a call. */
export type MySubmission = NonNullable<
  Awaited<ReturnType<typeof api.selection.submissions.mine.query>>
>;

/** What the applicant may still change: a draft, or one returned for changes. */
export const EDITABLE: readonly SubmissionStatus[] = ['draft', 'returned'];
/** What may be withdrawn (the API's own list). */
export const WITHDRAWABLE: readonly SubmissionStatus[] = ['draft', 'submitted', 'returned'];

/** The call's stage code (the public record carries it beside its name). */
export function callStatusOf(call: Pick<PublishedCall, 'status'>): SelectionCallStatus | null {
  return call.status;
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`, negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  const day = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
  return Math.round(day(to) - day(from));
}

export interface CallTiming {
  /** 申报中, 即将开始, 已截止, or the call's later stage (形式审查中, 专家评审中…). */
  stage: string;
  /** The StatusTag tone key of the stage. */
  tone: string;
  /** 剩余 12 天, 今天截止, 3 天后开始受理; null once applications are over. */
  days: string | null;
  /** Three days or fewer left. */
  urgent: boolean;
  /** Whether submissions are taken today (open, between the first and the last day). */
  taking: boolean;
}

/**
 * Where a call stands on `today` (Asia/Shanghai) for an applicant: the API takes submissions
 * only while the call is open, from its first day up to and including its deadline.
 */
export function callTiming(
  call: Pick<PublishedCall, 'status' | 'statusName' | 'applyFrom' | 'applyUntil'>,
  today: string,
): CallTiming {
  const status = callStatusOf(call);
  if (status !== 'open') {
    return {
      stage: call.statusName,
      tone: status ?? 'closed',
      days: null,
      urgent: false,
      taking: false,
    };
  }
  const untilStart = daysFromTo(today, call.applyFrom);
  if (untilStart > 0) {
    return {
      stage: '即将开始',
      tone: 'upcoming',
      days: `${untilStart} 天后开始受理`,
      urgent: false,
      taking: false,
    };
  }
  const left = daysFromTo(today, call.applyUntil);
  if (left < 0)
    return { stage: '已截止', tone: 'closed', days: null, urgent: false, taking: false };
  return {
    stage: '申报中',
    tone: 'open',
    days: left === 0 ? '今天截止' : `剩余 ${left} 天`,
    urgent: left <= 3,
    taking: true,
  };
}

/** `2027-03-01 至 2027-03-31` */
export function datesText(call: Pick<PublishedCall, 'applyFrom' | 'applyUntil'>): string {
  return `${call.applyFrom} 至 ${call.applyUntil}`;
}

export function quotaText(call: Pick<PublishedCall, 'quota'>): string {
  return call.quota === null ? '不设数量限制' : `不超过 ${call.quota} 项`;
}

export function fieldsText(call: Pick<PublishedCall, 'fieldNames'>): string {
  return call.fieldNames.length ? call.fieldNames.join('、') : '未来产业各方向';
}

/** Why this programme needs member units (the domain's own sentence), or null when it does not. */
export function teamRequirement(programme: SelectionProgramme): string | null {
  return checkTeam(programme, [])[0] ?? null;
}

export interface CallAction {
  /** 开始申报 / 继续申报 / 查看申报, or why there is nothing to do. */
  label: string;
  enabled: boolean;
}

/**
 * The call page's button, from the caller's submission: start one while the call takes them,
 * go on with a draft or a returned one, otherwise see where it stands.
 */
export function callAction(timing: CallTiming, mine: MySubmission | null): CallAction {
  if (mine) {
    if (EDITABLE.includes(mine.status) && timing.taking)
      return { label: '继续申报', enabled: true };
    return { label: '查看申报', enabled: true };
  }
  if (timing.taking) return { label: '开始申报', enabled: true };
  if (timing.stage === '即将开始') return { label: '尚未开始受理', enabled: false };
  return { label: '申报已截止', enabled: false };
}
