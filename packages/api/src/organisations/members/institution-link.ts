import type { Researcher, TransactionClient } from '@kc/db';
import type { Context } from '../../context';
import { membersLink, notifyAdmins, writeOrgAudit } from './common';

/**
 * After a researcher saves their profile: link their 工作单位 to the organisation on the platform
 * whose credit code they gave, for its administrators to confirm (待单位确认). Without such an
 * organisation the 单位 stays free text (未核验). A changed code starts over; an unchanged one
 * keeps the link as it stands, except that a code nobody had registered is tried again.
 *
 * `previousCode` is the code before this save (undefined for a new profile).
 */
export async function syncInstitutionLink(
  tx: TransactionClient,
  ctx: Context,
  saved: Researcher,
  previousCode: string | null | undefined,
): Promise<Researcher> {
  const code = saved.institutionCreditCode;
  const changed = previousCode === undefined || previousCode !== code;
  if (!changed && !(code && saved.institutionLinkStatus === 'none')) return saved;

  const org = code ? await tx.organisation.findUnique({ where: { creditCode: code } }) : null;
  const now = ctx.now();
  if (!org) {
    if (saved.institutionLinkStatus === 'none') return saved;
    return tx.researcher.update({
      where: { id: saved.id },
      data: {
        institutionOrgId: null,
        institutionLinkStatus: 'none',
        institutionLinkDecidedBy: null,
        institutionLinkDecidedAt: null,
        updatedAt: now,
      },
    });
  }
  const linked = await tx.researcher.update({
    where: { id: saved.id },
    data: {
      institutionOrgId: org.id,
      institutionLinkStatus: 'pending',
      institutionLinkDecidedBy: null,
      institutionLinkDecidedAt: null,
      updatedAt: now,
    },
  });
  await writeOrgAudit(tx, ctx, org, {
    action: 'organisation.researcher-link.request',
    objectType: 'researcher',
    objectId: saved.id,
    details: { researcherName: saved.name },
  });
  await notifyAdmins(tx, org.id, {
    kind: 'organisation.researcher-link.request',
    title: '科研人员申请关联本单位',
    body: `科研人员${saved.name}登记的工作单位为“${org.name}”，请在“单位成员”中确认其是否为本单位人员。`,
    at: now,
    link: membersLink(org.id),
  });
  return linked;
}
