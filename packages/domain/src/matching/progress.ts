/**
 * Where a firm's need or a researcher's application (报名) stands, derived from the call's stage
 * and the secondments it produced: the one place the mini-program and the admin read it from, so
 * a need never says 征集中 after its call was matched and published.
 */
import type { VpCallStatus, VpSecondmentStatus } from './call';
import { codesOf, nameLookup } from '../reference/lookup';

export const VP_PROGRESS_STATUSES = [
  { code: 'collecting', name: '征集中' },
  { code: 'awaiting-match', name: '待匹配' },
  { code: 'applied', name: '已报名' },
  { code: 'matching', name: '匹配中' },
  { code: 'in-notice', name: '公示中' },
  { code: 'confirmed', name: '已确认' },
  { code: 'serving', name: '履职中' },
  { code: 'completed', name: '期满结束' },
  { code: 'terminated', name: '已终止' },
  { code: 'unmatched', name: '未匹配' },
  { code: 'withdrawn', name: '已撤回' },
] as const;
export type VpProgressCode = (typeof VP_PROGRESS_STATUSES)[number]['code'];
export const VP_PROGRESS_CODES = codesOf(VP_PROGRESS_STATUSES);
export const vpProgressName = nameLookup(VP_PROGRESS_STATUSES);

export interface VpProgressInput {
  readonly side: 'need' | 'candidate';
  /** the need's or the application's own status: active or withdrawn */
  readonly ownStatus: string;
  readonly callStatus: VpCallStatus;
  /** statuses of the secondments of this need (or this application), cancelled ones included */
  readonly secondmentStatuses: readonly string[];
}

export interface VpProgress {
  readonly code: VpProgressCode;
  readonly name: string;
}

/** The furthest a pair got wins: a need with two researchers shows the one already serving. */
const SECONDMENT_RANK: readonly VpSecondmentStatus[] = [
  'active',
  'pending',
  'completed',
  'terminated',
];
const FROM_SECONDMENT: Record<string, VpProgressCode> = {
  active: 'serving',
  completed: 'completed',
  terminated: 'terminated',
};

function progress(code: VpProgressCode): VpProgress {
  return { code, name: vpProgressName(code) };
}

export function vpProgress(input: VpProgressInput): VpProgress {
  if (input.ownStatus === 'withdrawn') return progress('withdrawn');
  switch (input.callStatus) {
    case 'open':
      return progress('collecting');
    case 'collecting':
      return progress(input.side === 'need' ? 'awaiting-match' : 'applied');
    case 'matching':
      // Pairs of a notice that was withdrawn are cancelled: they are being matched again.
      return progress('matching');
    case 'notice':
    case 'confirmed':
    case 'closed': {
      const best = SECONDMENT_RANK.find((s) => input.secondmentStatuses.includes(s));
      if (!best) return progress('unmatched');
      if (best === 'pending')
        return progress(input.callStatus === 'notice' ? 'in-notice' : 'confirmed');
      return progress(FROM_SECONDMENT[best] ?? 'unmatched');
    }
  }
}
