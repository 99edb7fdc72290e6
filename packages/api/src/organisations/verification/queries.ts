import type { AreaCode } from '@kc/domain';
import { checkRegistrationArea, isAreaCode, maskMobile } from '@kc/domain';
import { appError } from '../../errors';
import { pageOf, pageWindow } from '../../paging';
import type { OfficerCtx } from './common';
import { assertTrustRole, assertVisible, hasConflict } from './common';
import { changeDto, organisationRefDto, verificationDto } from './dto';
import type { QueueFilter } from './list-filter';
import { queueOrder, queueWhere } from './list-filter';

const VERIFICATION_INCLUDE = {
  organisation: true,
  licenceFile: true,
  authorisationFile: true,
} as const;
const CHANGE_INCLUDE = { organisation: true, licenceFile: true } as const;

/** 机构认证 queue: submissions in the officer's area, with the flags the credit code raised. */
export async function listVerifications(ctx: OfficerCtx, filter: QueueFilter) {
  const where = queueWhere(ctx, filter);
  const [total, rows] = await Promise.all([
    ctx.db.prisma.organisationVerification.count({ where }),
    ctx.db.prisma.organisationVerification.findMany({
      where,
      include: VERIFICATION_INCLUDE,
      orderBy: queueOrder(filter.status),
      ...pageWindow(filter),
    }),
  ]);
  const items = rows.map((row) => ({
    ...verificationDto(row),
    organisation: organisationRefDto(row.organisation),
  }));
  return pageOf(items, total, filter);
}

/**
 * One submission with everything the officer decides on: the licence, who acted, the flags with
 * their explanations, the organisation as it is now, and its earlier submissions.
 */
export async function verificationDetail(ctx: OfficerCtx, id: string) {
  assertTrustRole(ctx.caller);
  const prisma = ctx.db.prisma;
  const row = await prisma.organisationVerification.findUnique({
    where: { id },
    include: VERIFICATION_INCLUDE,
  });
  if (!row) throw appError('NOT_FOUND');
  assertVisible(ctx.caller, row.areaCode);
  const [earlier, conflict] = await Promise.all([
    prisma.organisationVerification.findMany({
      where: { organisationId: row.organisationId, id: { not: row.id } },
      include: VERIFICATION_INCLUDE,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    }),
    hasConflict(prisma, ctx.caller.userId, row.organisationId),
  ]);
  const notes = isAreaCode(row.areaCode)
    ? checkRegistrationArea(row.creditCode, row.areaCode as AreaCode).notes
    : [];
  return {
    ...verificationDto(row),
    registrationNotes: notes,
    organisation: {
      ...organisationRefDto(row.organisation),
      contactName: row.organisation.contactName,
      contactPhoneMasked: maskMobile(row.organisation.contactPhone),
    },
    history: earlier.map(verificationDto),
    conflictOfInterest: conflict,
    canDecide: row.status === 'pending' && !conflict,
  };
}

/** 变更申请 queue. */
export async function listChanges(ctx: OfficerCtx, filter: QueueFilter) {
  const where = queueWhere(ctx, filter);
  const [total, rows] = await Promise.all([
    ctx.db.prisma.organisationChange.count({ where }),
    ctx.db.prisma.organisationChange.findMany({
      where,
      include: CHANGE_INCLUDE,
      orderBy: queueOrder(filter.status),
      ...pageWindow(filter),
    }),
  ]);
  const items = rows.map((row) => ({
    ...changeDto(row),
    organisation: organisationRefDto(row.organisation),
  }));
  return pageOf(items, total, filter);
}

/**
 * One change request: old and new values side by side, the new licence, the licence the
 * organisation was verified with, and the organisation's earlier changes (its history).
 */
export async function changeDetail(ctx: OfficerCtx, id: string) {
  assertTrustRole(ctx.caller);
  const prisma = ctx.db.prisma;
  const row = await prisma.organisationChange.findUnique({
    where: { id },
    include: CHANGE_INCLUDE,
  });
  if (!row) throw appError('NOT_FOUND');
  assertVisible(ctx.caller, row.areaCode);
  const newCode = (row.changes as { creditCode?: string }).creditCode;
  const [earlier, verified, conflict, codeHolder] = await Promise.all([
    prisma.organisationChange.findMany({
      where: { organisationId: row.organisationId, id: { not: row.id } },
      include: CHANGE_INCLUDE,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    }),
    prisma.organisationVerification.findFirst({
      where: { organisationId: row.organisationId, status: 'verified' },
      include: VERIFICATION_INCLUDE,
      orderBy: [{ decidedAt: 'desc' }, { id: 'asc' }],
    }),
    hasConflict(prisma, ctx.caller.userId, row.organisationId),
    newCode
      ? prisma.organisation.findUnique({ where: { creditCode: newCode }, select: { id: true } })
      : null,
  ]);
  const codeTaken = !!codeHolder && codeHolder.id !== row.organisationId;
  return {
    ...changeDto(row),
    organisation: organisationRefDto(row.organisation),
    verifiedWith: verified ? verificationDto(verified) : null,
    history: earlier.map(changeDto),
    /** The new credit code has meanwhile been registered by another organisation. */
    creditCodeTaken: codeTaken,
    conflictOfInterest: conflict,
    canDecide: row.status === 'pending' && !conflict,
  };
}
