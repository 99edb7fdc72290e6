import type { AuditLog } from '@kc/db';
import { auditActionLabel } from '@kc/domain';
import { auditActorNames } from '../../audit';
import { requireOrgAdmin } from '../membership';
import type { ApplicantCtx } from './common';

/**
 * Officers appear by their office, not by name: the organisation needs to know that its area
 * verified it, not which civil servant clicked.
 */
const OFFICE_NAMES: Record<string, string> = {
  'area-officer': '县区审核人员',
  'bureau-admin': '市科技局',
  'bureau-reviewer': '市科技局',
  'finance-officer': '市科技局财务人员',
};

type Details = Record<string, unknown>;
const str = (d: Details, key: string) => (typeof d[key] === 'string' ? (d[key] as string) : null);

function actorOf(row: AuditLog, d: Details, names: Map<string, string>): string {
  const office = row.actorRole ? OFFICE_NAMES[row.actorRole] : undefined;
  if (office) return office;
  // A researcher acts under their profile's name (their account has no other).
  if (row.action === 'organisation.researcher-link.request')
    return `科研人员${str(d, 'researcherName') ?? ''}`;
  return row.actorUserId ? (names.get(row.actorUserId) ?? '单位成员') : '系统';
}

/** One line saying whom or what an entry was about, from the details the parts record. */
function noteOf(action: string, d: Details, actor: string): string | null {
  const member = str(d, 'memberName') ?? str(d, 'researcherName');
  switch (action) {
    case 'organisation.member.hand-over':
      return member && `移交给${member}`;
    case 'organisation.member.set-role':
      return (
        member && `${member}：${str(d, 'previousRoleLabel') ?? ''} → ${str(d, 'roleLabel') ?? ''}`
      );
    case 'organisation.member.rename':
      return `原姓名：${str(d, 'previousName') ?? ''}`;
    case 'organisation.researcher-link.request':
      return null;
  }
  // Who acted is already said: name the member only when it is someone else.
  const parts = [member === actor ? null : member, str(d, 'roleLabel')].filter((p): p is string =>
    Boolean(p),
  );
  return parts.length ? parts.join(' · ') : null;
}

/**
 * 单位动态 for its administrators: every audited change about the organisation (people,
 * verification, account, documents…: the entries whose `details.organisationId` is theirs),
 * newest first, a cursor for “load more”.
 */
export async function organisationActivity(
  ctx: ApplicantCtx,
  input: { cursor?: string | undefined; limit: number },
) {
  const prisma = ctx.db.prisma;
  const { organisation: org } = await requireOrgAdmin(prisma, ctx.caller.userId);
  const rows = await prisma.auditLog.findMany({
    where: { details: { path: ['organisationId'], equals: org.id } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: BigInt(input.cursor) }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  const names = await auditActorNames(prisma, page);
  return {
    items: page.map((r) => {
      const details = (r.details ?? {}) as Details;
      const actorName = actorOf(r, details, names);
      return {
        id: r.id.toString(),
        at: r.at,
        action: r.action,
        actionLabel: auditActionLabel(r.action),
        actorName,
        note: noteOf(r.action, details, actorName),
      };
    }),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
