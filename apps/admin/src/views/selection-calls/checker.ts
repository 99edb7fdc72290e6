import { computed } from 'vue';
import { ACCESS_CODES } from '../../access/codes';
import { fixedAreaOf } from '../../access/area';
import { useAuthStore } from '../../store/auth';
import type { FormalChecker } from './queries';

/**
 * Which step of the formal check the officer takes, from their access codes (never their role):
 * the area's (县区, their own area's submissions only) or the bureau's (市局); null for neither.
 */
export function useFormalChecker() {
  const auth = useAuthStore();
  const checker = computed<FormalChecker | null>(() => {
    if (auth.hasAccess([ACCESS_CODES.selectionCheckArea])) return 'area';
    if (auth.hasAccess([ACCESS_CODES.selectionCheckBureau])) return 'bureau';
    return null;
  });
  /** The area an area officer checks; the server confines their list to it as well. */
  const area = computed(() => fixedAreaOf(auth.officer));
  return { checker, area };
}

/** The submission status that waits for `checker`'s step. */
export const WAITING_FOR: Record<FormalChecker, 'submitted' | 'area-passed'> = {
  area: 'submitted',
  bureau: 'area-passed',
};
