import type { ClaimSubmit } from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { notifyOrganisation } from '../../notifications/write';
import { membershipOf } from '../membership';
import type { ApplicantCtx } from './common';
import { lockOrganisation } from '../../awards/locks';
import { checkAuthorityPapers } from './common';
import { ownClaimDto } from './dto';

const INCLUDE = { organisation: true, licenceFile: true, authorityFile: true } as const;

const NOT_REGISTERED = '该统一社会信用代码尚未在平台注册，无需认领申诉，请直接注册单位';

/**
 * 认领申诉: the credit code is registered by someone else. A person with no organisation (and no
 * researcher profile) shows the licence and their authority; the area officer hears both sides.
 */
export async function submitClaim(ctx: ApplicantCtx, input: ClaimSubmit) {
  const userId = ctx.caller.userId;
  const row = await ctx.db.prisma.$transaction(async (tx) => {
    if (await membershipOf(tx, userId))
      throw appError('ALREADY_MEMBER', {
        message: '您已是单位成员，不能认领其他单位；如需认领，请先退出原单位',
      });
    if (await tx.researcher.findUnique({ where: { userId }, select: { id: true } }))
      throw appError('ALREADY_REGISTERED', {
        message: '您已注册为科研人员，不能认领单位账号',
      });
    const found = await tx.organisation.findUnique({
      where: { creditCode: input.creditCode },
      select: { id: true },
    });
    if (!found)
      throw appError('NOT_FOUND', {
        message: NOT_REGISTERED,
        fieldErrors: { creditCode: [NOT_REGISTERED] },
      });
    const org = await lockOrganisation(tx, found.id);
    // One claim at a time per person: the officer decides it before the next.
    const pending = await tx.organisationClaim.count({
      where: { claimantUserId: userId, status: 'pending' },
    });
    if (pending > 0) throw appError('CLAIM_PENDING');
    const { needsAuthorisation } = await checkAuthorityPapers(tx, userId, org, input);
    const now = ctx.now();
    const created = await tx.organisationClaim.create({
      data: {
        organisationId: org.id,
        claimantUserId: userId,
        status: 'pending',
        licenceKind: input.licenceKind,
        licenceFileId: input.licenceFileId,
        authorityFileId: needsAuthorisation ? (input.authorisationFileId ?? null) : null,
        legalRepName: input.legalRepName,
        claimantRole: input.actingRole,
        claimantName: input.claimantName,
        claimantPhone: input.claimantPhone,
        statement: input.statement,
        areaCode: org.areaCode,
        createdAt: now,
        updatedAt: now,
      },
      include: INCLUDE,
    });
    await writeAudit(tx, ctx, {
      action: 'organisation.claim.submit',
      objectType: 'organisation_claim',
      objectId: created.id,
      areaCode: org.areaCode,
      details: {
        organisationId: org.id,
        areaCode: org.areaCode,
        name: org.name,
        claimantName: input.claimantName,
      },
    });
    // The people now holding the account hear of it, so they can answer the officer.
    await notifyOrganisation(tx, org.id, {
      kind: 'organisation.claim-filed',
      at: now,
      title: '单位账号收到认领申诉',
      body: `有人对${org.name}的平台账号提交了认领申诉，县区将核实双方材料后处理。如有疑问，请联系所在县区科技部门。`,
    });
    return created;
  });
  return ownClaimDto(row);
}

/** The caller's own claims, newest first. */
export async function myClaims(ctx: ApplicantCtx) {
  const rows = await ctx.db.prisma.organisationClaim.findMany({
    where: { claimantUserId: ctx.caller.userId },
    include: INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  return rows.map(ownClaimDto);
}

/** The claimant takes a pending claim back. */
export async function withdrawClaim(ctx: ApplicantCtx, id: string) {
  const row = await ctx.db.prisma.$transaction(async (tx) => {
    const found = await tx.organisationClaim.findUnique({ where: { id } });
    if (!found || found.claimantUserId !== ctx.caller.userId) throw appError('NOT_FOUND');
    await lockOrganisation(tx, found.organisationId);
    const current = await tx.organisationClaim.findUniqueOrThrow({ where: { id } });
    if (current.status !== 'pending')
      throw appError('INVALID_TRANSITION', { message: '该认领申诉已处理或已撤回，不能撤回' });
    const updated = await tx.organisationClaim.update({
      where: { id },
      data: { status: 'withdrawn', updatedAt: ctx.now() },
      include: INCLUDE,
    });
    await writeAudit(tx, ctx, {
      action: 'organisation.claim.withdraw',
      objectType: 'organisation_claim',
      objectId: id,
      areaCode: updated.areaCode,
      details: { organisationId: updated.organisationId, areaCode: updated.areaCode },
    });
    return updated;
  });
  return ownClaimDto(row);
}
