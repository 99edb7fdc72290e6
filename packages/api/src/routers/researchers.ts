import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { Prisma, Researcher } from '@kc/db';
import { FIELD_CODES, fieldName, maskMobile, plainString, researcherTitleName } from '@kc/domain';
import { writeAudit } from '../audit';
import { revealInput, requireRevealReason } from '../reveal';
import { appError } from '../errors';
import { pageInput, pageOf, pageWindow } from '../paging';
import { officerWithRoles } from '../trpc';
import { likeLiteral } from '../search';

/** Researchers belong to no county or park, so only the bureau's roles list them. */
const bureau = officerWithRoles('bureau-admin', 'bureau-reviewer');

function researcherOfficerDto(r: Researcher) {
  return {
    id: r.id,
    name: r.name,
    title: r.title,
    titleName: researcherTitleName(r.title),
    institutionName: r.institutionName,
    fieldCodes: r.fieldCodes,
    fieldNames: r.fieldCodes.map(fieldName),
    expertise: r.expertise,
    preferredAreaCodes: r.preferredAreaCodes,
    mobileMasked: maskMobile(r.mobile),
    residentIdMasked: r.residentIdMasked,
    createdAt: r.createdAt,
  };
}

/** The researcher directory (人才库), PII masked; the full mobile only on request, audited. */
export const researchersRouter = {
  list: bureau
    .input(
      z.object({
        ...pageInput,
        q: plainString().trim().max(50, '关键词不能超过50个字').optional(),
        fieldCode: z.enum(FIELD_CODES, { error: '未知的产业领域' }).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const where: Prisma.ResearcherWhereInput = {
        // A cancelled account (注销) is no longer talent on offer; its kept record stays
        // reachable from the awards and secondments that name it.
        user: { cancelledAt: null },
        ...(input.fieldCode ? { fieldCodes: { has: input.fieldCode } } : {}),
        ...(input.q
          ? {
              OR: [
                { name: { contains: likeLiteral(input.q) } },
                { institutionName: { contains: likeLiteral(input.q) } },
                { expertise: { contains: likeLiteral(input.q) } },
              ],
            }
          : {}),
      };
      const [total, rows] = await Promise.all([
        ctx.db.prisma.researcher.count({ where }),
        ctx.db.prisma.researcher.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          ...pageWindow(input),
        }),
      ]);
      return pageOf(rows.map(researcherOfficerDto), total, input);
    }),

  byId: bureau
    .input(z.object({ id: z.uuid({ error: '记录编号无效' }) }))
    .query(async ({ ctx, input }) => {
      const r = await ctx.db.prisma.researcher.findUnique({ where: { id: input.id } });
      if (!r) throw appError('NOT_FOUND');
      return researcherOfficerDto(r);
    }),

  revealMobile: bureau.input(revealInput).mutation(async ({ ctx, input }) => {
    const reason = requireRevealReason(input.reason);
    const r = await ctx.db.prisma.researcher.findUnique({ where: { id: input.id } });
    if (!r) throw appError('NOT_FOUND');
    await writeAudit(ctx.db.prisma, ctx, {
      action: 'researcher.reveal-mobile',
      objectType: 'researcher',
      objectId: r.id,
      details: { name: r.name, reason },
    });
    return { mobile: r.mobile };
  }),
} satisfies TRPCRouterRecord;
