import type { Organisation, TransactionClient } from '@kc/db';
import type { ApplicantCaller } from '../../caller';
import type { Context } from '../../context';
import { writeAudit } from '../../audit';
import { notify, type NewNotification } from '../../notifications/write';

export type ApplicantCtx = Context & { caller: ApplicantCaller };

/** WeChat gives us no name: applicants start as this until they tell us theirs. */
export const DEFAULT_APPLICANT_NAME = '微信用户';

/**
 * An audit entry about the organisation's people: it carries the organisation (the
 * administrators' activity view reads `details.organisationId`) and its area (area officers'
 * audit search).
 */
export async function writeOrgAudit(
  tx: Pick<TransactionClient, 'auditLog'>,
  ctx: Context,
  org: Pick<Organisation, 'id' | 'areaCode'>,
  entry: {
    action: string;
    objectType: string;
    objectId: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await writeAudit(tx, ctx, {
    ...entry,
    areaCode: org.areaCode,
    details: { organisationId: org.id, ...entry.details },
  });
}

/** The organisation's active administrators' user ids. */
export async function adminUserIds(
  db: Pick<TransactionClient, 'organisationMember'>,
  organisationId: string,
): Promise<string[]> {
  const rows = await db.organisationMember.findMany({
    where: { organisationId, status: 'active', role: 'admin' },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

/** A message to the organisation's administrators only (who joined, who asks to be linked). */
export async function notifyAdmins(
  tx: Pick<TransactionClient, 'organisationMember' | 'notification'>,
  organisationId: string,
  message: Omit<NewNotification, 'userId'>,
  except?: string,
): Promise<void> {
  for (const userId of await adminUserIds(tx, organisationId))
    if (userId !== except) await notify(tx, { ...message, userId });
}

/** The link to the members page in a message. */
export function membersLink(organisationId: string): NewNotification['link'] {
  return { page: 'org-members', id: organisationId };
}
