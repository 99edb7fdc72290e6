import { writeAudit } from '../audit';
import type { OfficerCaller } from '../caller';
import type { Context } from '../context';
import { appError } from '../errors';

type OfficerCtx = Context & { caller: OfficerCaller };

/**
 * 回避申报: an officer declares a link to an organisation (a relative works there, they advised
 * it …). From then on the review, notice and file-download paths refuse to let them act on its
 * applications. Declarations are the officer's own and are audited; they are not withdrawn here
 * (a mistaken one is corrected by an administrator, on the record).
 */
export async function declareConflict(
  ctx: OfficerCtx,
  req: { organisationId: string; reason: string },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const org = await tx.organisation.findUnique({
      where: { id: req.organisationId },
      select: { id: true, name: true, areaCode: true },
    });
    if (!org) throw appError('NOT_FOUND');
    const declared = await tx.conflictOfInterest.upsert({
      where: {
        officerUserId_organisationId: { officerUserId: ctx.caller.userId, organisationId: org.id },
      },
      create: {
        officerUserId: ctx.caller.userId,
        organisationId: org.id,
        reason: req.reason,
        declaredAt: ctx.now(),
      },
      update: { reason: req.reason },
    });
    await writeAudit(tx, ctx, {
      action: 'conflict.declare',
      objectType: 'organisation',
      objectId: org.id,
      areaCode: org.areaCode,
      details: { organisation: org.name, reason: req.reason },
    });
    return {
      id: declared.id,
      organisationId: org.id,
      organisationName: org.name,
      reason: declared.reason,
      declaredAt: declared.declaredAt,
    };
  });
}

export async function myConflicts(ctx: OfficerCtx) {
  const rows = await ctx.db.prisma.conflictOfInterest.findMany({
    where: { officerUserId: ctx.caller.userId },
    include: { organisation: { select: { name: true } } },
    orderBy: { declaredAt: 'desc' },
  });
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    organisationName: r.organisation.name,
    reason: r.reason,
    declaredAt: r.declaredAt,
  }));
}
