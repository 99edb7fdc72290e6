import type { OfficerCaller } from '../../caller';
import type { Context } from '../../context';
import { TRUST_ROLES } from './common';
import { queueWhere } from './list-filter';

/** Where each tile leads: the verification screen's tab, filtered to what the tile counts. */
export const TRUST_QUEUE_PATHS = {
  verifications: '/verifications?tab=verifications&status=pending',
  changes: '/verifications?tab=changes&status=pending',
  claims: '/verifications?tab=claims&status=pending',
} as const;

/**
 * The workbench tiles for verifications, change requests and claims waiting for this officer.
 * Counted with the queue's own filter (status pending, the officer's area), so a tile's number
 * is exactly what its list shows.
 */
export async function trustQueues(
  ctx: Context & { caller: OfficerCaller },
): Promise<{ key: string; label: string; count: number; path: string }[]> {
  if (!TRUST_ROLES.includes(ctx.caller.role)) return [];
  const where = queueWhere(ctx, { status: 'pending' });
  const prisma = ctx.db.prisma;
  const [verifications, changes, claims] = await Promise.all([
    prisma.organisationVerification.count({ where }),
    prisma.organisationChange.count({ where }),
    prisma.organisationClaim.count({ where }),
  ]);
  return [
    {
      key: 'org-verification',
      label: '待机构认证',
      count: verifications,
      path: TRUST_QUEUE_PATHS.verifications,
    },
    { key: 'org-change', label: '待审变更申请', count: changes, path: TRUST_QUEUE_PATHS.changes },
    { key: 'org-claim', label: '待处理认领申诉', count: claims, path: TRUST_QUEUE_PATHS.claims },
  ];
}
