import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { Prisma } from '@kc/db';
import {
  areaCodeSchema,
  codesOf,
  FIELD_CODES,
  ORGANISATION_TYPE_CODES,
  plainString,
  VERIFICATION_STATUSES,
} from '@kc/domain';
import { areaScope, assertAreaAllowed, canSeeArea } from '../access';
import { organisationOfficerDto } from '../dto';
import { appError } from '../errors';
import { orgTypeToDb } from '../mappers';
import { pageInput, pageOf, pageWindow } from '../paging';
import { caseworkProcedure, officerWithRoles } from '../trpc';
import { writeAudit } from '../audit';
import { revealInput, requireRevealReason } from '../reveal';
import { organisationTrustDetail } from '../organisations/verification/organisation-detail';
import { likeLiteral } from '../search';

export const organisationListInput = z.object({
  ...pageInput,
  fieldCode: z.enum(FIELD_CODES, { error: '未知的产业领域' }).optional(),
  areaCode: areaCodeSchema.optional(),
  type: z.enum(ORGANISATION_TYPE_CODES, { error: '未知的单位类型' }).optional(),
  q: plainString().trim().max(50, '关键词不能超过50个字').optional(),
  verificationStatus: z
    .enum(codesOf(VERIFICATION_STATUSES), { error: '未知的认证状态' })
    .optional(),
});

/** Officers' directory of organisations; area officers see only their area. */
export const organisationsRouter = {
  list: caseworkProcedure.input(organisationListInput).query(async ({ ctx, input }) => {
    assertAreaAllowed(ctx.caller, input.areaCode);
    const scope = areaScope(ctx.caller);
    const q = input.q?.toUpperCase();
    const where: Prisma.OrganisationWhereInput = {
      areaCode: scope.areaCode ?? input.areaCode,
      ...(input.fieldCode ? { fieldCodes: { has: input.fieldCode } } : {}),
      ...(input.type ? { type: orgTypeToDb(input.type) } : {}),
      ...(input.verificationStatus ? { verificationStatus: input.verificationStatus } : {}),
      ...(input.q && q
        ? {
            OR: [
              { name: { contains: likeLiteral(input.q), mode: 'insensitive' } },
              { creditCode: { startsWith: likeLiteral(q) } },
              { contactName: { contains: likeLiteral(input.q) } },
            ],
          }
        : {}),
    };
    const [total, rows] = await Promise.all([
      ctx.db.prisma.organisation.count({ where }),
      ctx.db.prisma.organisation.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        ...pageWindow(input),
      }),
    ]);
    return pageOf(rows.map(organisationOfficerDto), total, input);
  }),

  byId: caseworkProcedure
    .input(z.object({ id: z.uuid({ error: '记录编号无效' }) }))
    .query(async ({ ctx, input }) => {
      const org = await ctx.db.prisma.organisation.findUnique({ where: { id: input.id } });
      // Another area's record answers exactly like a missing one: no existence leak.
      if (!org || !canSeeArea(ctx.caller, org.areaCode)) throw appError('NOT_FOUND');
      return { ...organisationOfficerDto(org), ...(await organisationTrustDetail(ctx, org)) };
    }),

  /** The full contact phone, for an officer who must call the firm. Audited. */
  revealContact: officerWithRoles('bureau-admin', 'bureau-reviewer', 'area-officer')
    .input(revealInput)
    .mutation(async ({ ctx, input }) => {
      const reason = requireRevealReason(input.reason);
      const org = await ctx.db.prisma.organisation.findUnique({ where: { id: input.id } });
      if (!org || !canSeeArea(ctx.caller, org.areaCode)) throw appError('NOT_FOUND');
      await writeAudit(ctx.db.prisma, ctx, {
        action: 'organisation.reveal-contact',
        objectType: 'organisation',
        objectId: org.id,
        areaCode: org.areaCode,
        details: { name: org.name, reason },
      });
      return { contactPhone: org.contactPhone };
    }),
} satisfies TRPCRouterRecord;
