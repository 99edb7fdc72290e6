import type { NoticePeriod } from '@kc/domain';
import {
  DEFAULT_POLICY_SETTINGS,
  DEFAULT_WORKING_CALENDAR,
  noticePeriod,
  policySetFor,
} from '@kc/domain';
import type { ComputedRef } from 'vue';
import { computed } from 'vue';
import { usePolicyCatalogue } from '../../composables/use-policy-catalogue';
import { todayShanghai } from '../../utils/date';

/**
 * The notice length the policy version in force sets (publicNoticeWorkingDays), as the server
 * defaults it: `undefined` while the versions are read.
 */
export function useDefaultWorkingDays(): ComputedRef<number | undefined> {
  const catalogue = usePolicyCatalogue();
  return computed(() =>
    catalogue.value
      ? (policySetFor(todayShanghai(), catalogue.value)?.settings ?? DEFAULT_POLICY_SETTINGS)
          .publicNoticeWorkingDays
      : undefined,
  );
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
