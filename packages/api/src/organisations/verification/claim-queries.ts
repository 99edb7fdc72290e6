import { maskMobile, verificationStatusName } from '@kc/domain';
import { appError } from '../../errors';
import { pageOf, pageWindow } from '../../paging';
import type { OfficerCtx } from './common';
import { assertTrustRole, assertVisible, hasConflict } from './common';
import { claimantSideDto, memberDto, organisationRefDto, verificationDto } from './dto';
import type { QueueFilter } from './list-filter';
import { queueOrder, queueWhere } from './list-filter';

const INCLUDE = { organisation: true, licenceFile: true, authorityFile: true } as const;

/** 认领申诉 queue. */
export async function listClaims(ctx: OfficerCtx, filter: QueueFilter) {
  const where = queueWhere(ctx, filter);
  const [total, rows] = await Promise.all([
    ctx.db.prisma.organisationClaim.count({ where }),
    ctx.db.prisma.organisationClaim.findMany({
      where,
      include: INCLUDE,
      orderBy: queueOrder(filter.status),
      ...pageWindow(filter),
    }),
  ]);
  const items = rows.map((row) => ({
    ...claimantSideDto(row),
    organisation: organisationRefDto(row.organisation),
  }));
  return pageOf(items, total, filter);
}

/** The organisation's side of a claim: who holds the account now and what it was verified with. */
async function holderSide(ctx: OfficerCtx, organisationId: string) {
  const prisma = ctx.db.prisma;
  const [org, members, verification] = await Promise.all([
    prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } }),
    prisma.organisationMember.findMany({
      where: { organisationId, status: 'active' },
      include: { user: { select: { displayName: true } } },
      orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
    }),
    prisma.organisationVerification.findFirst({
      where: { organisationId },
      include: { licenceFile: true, authorisationFile: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    }),
  ]);
  return {
    ...organisationRefDto(org),
    verificationStatusLabel: verificationStatusName(org.verificationStatus),
    verifiedAt: org.verifiedAt,
    legalRepresentative: org.legalRepresentative,
    contactName: org.contactName,
    contactPhoneMasked: maskMobile(org.contactPhone),
    registeredAt: org.createdAt,
    members: members.map(memberDto),
    latestVerification: verification ? verificationDto(verification) : null,
  };
}

/**
 * Both sides of a claim, for the officer who decides it: the claimant's licence, authority and
 * statement; the organisation's current people (no phone numbers in full), its verification and
 * the licence it was verified with; and the other claims on the same organisation.
 */
export async function claimDetail(ctx: OfficerCtx, id: string) {
  assertTrustRole(ctx.caller);
  const prisma = ctx.db.prisma;
  const row = await prisma.organisationClaim.findUnique({ where: { id }, include: INCLUDE });
  if (!row) throw appError('NOT_FOUND');
  assertVisible(ctx.caller, row.areaCode);
  const [holder, others, conflict] = await Promise.all([
    holderSide(ctx, row.organisationId),
    prisma.organisationClaim.findMany({
      where: { organisationId: row.organisationId, id: { not: row.id } },
      include: INCLUDE,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    }),
    hasConflict(prisma, ctx.caller.userId, row.organisationId),
  ]);
  return {
    claimant: claimantSideDto(row),
    organisation: holder,
    otherClaims: others.map(claimantSideDto),
    status: row.status,
    conflictOfInterest: conflict,
    canDecide: row.status === 'pending' && !conflict,
  };
}
