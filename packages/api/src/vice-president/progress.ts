import type { VpCallStatus } from '@kc/domain';
import { vpProgress } from '@kc/domain';

/** What a need's or an application's progress is read from: add to their queries' include. */
export const PROGRESS_INCLUDE = {
  call: { select: { status: true } },
  secondments: { select: { status: true } },
} as const;

interface ProgressRow {
  status: string;
  call: { status: string };
  secondments: readonly { status: string }[];
}

/** Where a need (side 'need') or an application (side 'candidate') stands; see vpProgress. */
export function progressOf(side: 'need' | 'candidate', row: ProgressRow) {
  return vpProgress({
    side,
    ownStatus: row.status,
    callStatus: row.call.status as VpCallStatus,
    secondmentStatuses: row.secondments.map((s) => s.status),
  });
}
