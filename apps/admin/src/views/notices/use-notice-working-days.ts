import type { NoticePeriod } from '@kc/domain';
import {
  DEFAULT_POLICY_SETTINGS,
  DEFAULT_WORKING_CALENDAR,
  noticePeriod,
  policySetFor,
} from '@kc/domain';
import { todayShanghai } from '../../utils/date';

/** The notice length the policy version in force sets (publicNoticeWorkingDays), as the server defaults. */
export function defaultWorkingDays(): number {
  return (policySetFor(todayShanghai())?.settings ?? DEFAULT_POLICY_SETTINGS)
    .publicNoticeWorkingDays;
}

/**
 * The period of a notice published on `publishedOn`, by the same rule and working calendar the
 * server uses: a preview for the officer; the server computes the real one on publication.
 */
export function previewPeriod(publishedOn: string, workingDays: number): NoticePeriod | null {
  try {
    return noticePeriod(publishedOn, workingDays, DEFAULT_WORKING_CALENDAR);
  } catch {
    return null;
  }
}
