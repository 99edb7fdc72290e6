import type { Organisation, OrganisationMember, TransactionClient } from '@kc/db';
import type { MemberRole } from '@kc/domain';
import { appError } from '../errors';

type Reader = Pick<TransactionClient, 'organisationMember'>;

export interface Membership {
  memberId: string;
  role: MemberRole;
  organisation: Organisation;
}

/**
 * Who may act for an organisation is a membership (管理员 or 经办人), not an owner column: the
 * organisation outlives the people. A user has at most one active membership (unique index).
 */
export async function membershipOf(db: Reader, userId: string): Promise<Membership | null> {
  const row = await db.organisationMember.findFirst({
    where: { userId, status: 'active' },
    include: { organisation: true },
  });
  return row ? toMembership(row) : null;
}

function toMembership(row: OrganisationMember & { organisation: Organisation }): Membership {
  return { memberId: row.id, role: row.role as MemberRole, organisation: row.organisation };
}

/** The caller's organisation; refuses a caller who is not a member of any. */
export async function requireMembership(db: Reader, userId: string): Promise<Membership> {
  const membership = await membershipOf(db, userId);
  if (!membership) throw appError('NOT_ORG_MEMBER');
  return membership;
}

/** The caller's organisation, which they administer (bank account, people, verification). */
export async function requireOrgAdmin(db: Reader, userId: string): Promise<Membership> {
  const membership = await requireMembership(db, userId);
  if (membership.role !== 'admin') throw appError('NOT_ORG_ADMIN');
  return membership;
}

/** Money and public postings need a verified organisation (认证); drafts and browsing do not. */
export function requireVerified(org: Pick<Organisation, 'verificationStatus'>): void {
  if (org.verificationStatus !== 'verified') {
    throw appError('ORGANISATION_NOT_VERIFIED', {
      message:
        org.verificationStatus === 'pending'
          ? '单位机构认证正在审核中，认证通过后才能提交'
          : '单位尚未通过机构认证，请先在“我的—机构认证”提交营业执照等材料，认证通过后才能提交',
    });
  }
}

/** The people who hear about an organisation's affairs (messages): its active members. */
export async function activeMemberIds(db: Reader, organisationId: string): Promise<string[]> {
  const rows = await db.organisationMember.findMany({
    where: { organisationId, status: 'active' },
    select: { userId: true },
    orderBy: { joinedAt: 'asc' },
  });
  return rows.map((r) => r.userId);
}

/** Whether the user is an active member of the organisation (any role). */
export async function isMemberOf(
  db: Reader,
  userId: string,
  organisationId: string,
): Promise<boolean> {
  return (
    (await db.organisationMember.count({
      where: { userId, organisationId, status: 'active' },
    })) > 0
  );
}
